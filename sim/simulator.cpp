#include "simulator.h"

#include <algorithm>
#include <cmath>

namespace nines::sim {

namespace {
constexpr double kFull = 1.0 - 1e-12;  // a served share at or above this is "fully served"
}

// ---------------------------------------------------------------------------------------
// Setup

Simulator::Simulator(const CompiledModel& model)
    : m_(model), nEntries_(model.entries.size()), nComponents_(model.components.size())
{
    const std::size_t nInst = m_.instanceCount();
    std::uint32_t slots = 0;
    std::uint32_t streams = 0;
    auto addSlot = [&](SlotKind kind, std::uint32_t owner, std::uint32_t mode) {
        slots_.push_back({owner, static_cast<std::uint16_t>(mode), kind});
        return slots++;
    };
    inst_.resize(nInst);
    for (std::uint32_t i = 0; i < nInst; ++i) {
        Instance& x = inst_[i];
        x.comp = m_.instanceComponent[i];
        x.cell = m_.instanceCell[i];
        const auto& cc = m_.components[x.comp];
        x.first = slots;
        x.modeBase = streams;
        if (cc.modeCount == 1) {
            // One failure mode: the instance's failure clock and its detection/repair timer
            // never run at once, so they share a slot, and an event usually just moves it.
            x.timer = addSlot(LifeSlot, i, 0);
        } else {
            for (std::uint32_t k = 0; k < cc.modeCount; ++k)
                addSlot(FailureSlot, i, k);
            x.timer = addSlot(TimerSlot, i, 0);
        }
        x.failover = addSlot(FailoverSlot, i, 0);
        streams += cc.modeCount;
    }
    firstDomainSlot_ = slots;
    for (std::uint32_t d = 0; d < m_.domains.size(); ++d)
        addSlot(DomainSlot, d, 0);
    firstQueueSlot_ = slots;
    for (std::uint32_t qe = 0; qe < m_.queues.size() * nEntries_; ++qe)
        addSlot(QueueSlot, qe, 0);
    hourSlot_ = addSlot(HourSlot, 0, 0);
    possible_.resize(nComponents_);
    capFlag_.resize(nComponents_);
    capTouched_.reserve(nComponents_);
    for (double d : m_.entryPeakDemand)
        totalBase_ += d;
    maxProfile_ = *std::max_element(m_.dailyProfile.begin(), m_.dailyProfile.end());
    entryFull_.assign(nEntries_, 1u);
    demandE_.resize(nEntries_ * nComponents_);
    demandTotal_.resize(nComponents_);
    ratio_.resize(nComponents_);
    heap_.resize(static_cast<std::uint32_t>(slots_.size()));
    failureStreams_.resize(streams);
    repairStreams_.resize(streams);
    failoverStreams_.resize(nComponents_);
    domainStreams_.resize(2 * m_.domains.size());
    // Stream identities: by ids, not positions, so a scenario that adds a component leaves the
    // other components' draws as they were (common random numbers).
    for (std::uint32_t c = 0; c < nComponents_; ++c) {
        const auto& cc = m_.components[c];
        streamIds_.push_back(streamIdentity(cc.key, 0, Purpose::Failover));
        streamOf_.push_back(&failoverStreams_[c]);
        for (std::uint32_t j = 0; j < cc.instances; ++j) {
            const std::uint32_t i = cc.firstInstance + j;
            for (std::uint32_t k = 0; k < cc.modeCount; ++k) {
                const std::uint64_t index = combine(j, m_.modes[cc.firstMode + k].key);
                streamIds_.push_back(streamIdentity(cc.key, index, Purpose::Failure));
                streamOf_.push_back(&failureStreams_[inst_[i].modeBase + k]);
                streamIds_.push_back(streamIdentity(cc.key, index, Purpose::Repair));
                streamOf_.push_back(&repairStreams_[inst_[i].modeBase + k]);
            }
        }
    }
    for (std::size_t d = 0; d < m_.domains.size(); ++d) {
        streamIds_.push_back(streamIdentity(m_.domains[d].key, 0, Purpose::Outage));
        streamOf_.push_back(&domainStreams_[2 * d]);
        streamIds_.push_back(streamIdentity(m_.domains[d].key, 0, Purpose::Recovery));
        streamOf_.push_back(&domainStreams_[2 * d + 1]);
    }

    cellServing_.resize(m_.cells.size());
    cellHealthy_.resize(m_.cells.size());
    cellMask_.resize(m_.cells.size());
    compInService_.resize(nComponents_);
    compFailovers_.resize(nComponents_);
    domainDown_.resize(m_.domains.size());
    linkUp_.assign(m_.network.linkCount(), 1);
    crews_.resize(m_.crewSizes.size());
    std::uint32_t queueSize = 0;
    for (std::size_t k = 0; k < crews_.size(); ++k) {
        crews_[k].offset = queueSize;
        for (const auto& cc : m_.components)
            if (cc.crew == static_cast<std::int32_t>(k))
                crews_[k].capacity += cc.instances;
        queueSize += crews_[k].capacity;
    }
    crewQueue_.resize(queueSize);

    const std::size_t ce = nComponents_ * nEntries_;
    ownUp_.resize(ce);
    up_.resize(ce);
    depsUp_.resize(ce);
    scratchOwn_.resize(ce);
    scratchUp_.resize(ce);
    scratchDeps_.resize(ce);
    ownDownEntries_.resize(nComponents_);
    ownDownPos_.resize(nComponents_);
    ownDownList_.reserve(nComponents_);
    propagateStack_.resize(m_.callers.size() + 1);
    for (const auto& cc : m_.components)
        need_.push_back(cc.depMode == model::DependencyMode::All   ? cc.calleeCount
                        : cc.depMode == model::DependencyMode::Any ? 1u
                                                                   : cc.depMin);
    criticalList_.reserve(nComponents_);
    if (nEntries_ <= kMemoEntries)
        criticalMemo_.assign(nComponents_ << nEntries_, -1);
    seg_.criticalHours.resize(nComponents_);
    seg_.partitionedHours.resize(m_.stores.size());
    seg_.divergentHours.resize(m_.stores.size());
    seg_.failovers.resize(nComponents_);
    seg_.failures.resize(nComponents_);
    seg_.queueBufferingHours.resize(m_.queues.size());
    seg_.queueFullHours.resize(m_.queues.size());
    seg_.queuePeakBacklog.resize(m_.queues.size());
    seg_.queueOutages.resize(m_.queues.size());
    queueCalleeUp_.resize(m_.queues.size() * nEntries_);
    queueEdgeUp_.resize(m_.queues.size() * nEntries_);
    queueDownSince_.resize(m_.queues.size() * nEntries_);
    queueState_.resize(m_.queues.size());
    storePartitioned_.resize(m_.stores.size());
    storeDivergent_.resize(m_.stores.size());
    scratchLabels_.reserve(m_.cells.size());
    seg_.ownDownHours.resize(nComponents_);
    plain_ = !m_.hasCapacity && m_.queues.empty() && m_.stores.empty() && nEntries_ == 1;
    entryComponent_ = nEntries_ > 0 ? m_.entries[0].component : 0;
    simple_ = plain_ && !trace_;
}

void Simulator::reset(std::uint64_t seed, std::uint64_t replication)
{
    heap_.clear();
    now_ = 0.0;
    share_ = 1.0;
    outageStart_ = -1.0;
    criticalList_.clear();
    ownDownList_.clear();
    std::fill(ownDownEntries_.begin(), ownDownEntries_.end(), 0u);

    // Keys: (seed, replication) mixed with each stream's identity, computed once per model.
    const std::uint64_t rep = replicationKey(seed, replication);
    for (std::size_t k = 0; k < streamIds_.size(); ++k)
        (*streamOf_[k]) = Stream(streamKey(rep, streamIds_[k]));

    std::fill(cellServing_.begin(), cellServing_.end(), 0u);
    std::fill(cellHealthy_.begin(), cellHealthy_.end(), 0u);
    std::fill(cellMask_.begin(), cellMask_.end(), 0u);
    std::fill(compInService_.begin(), compInService_.end(), 0u);
    std::fill(compFailovers_.begin(), compFailovers_.end(), 0u);
    std::fill(domainDown_.begin(), domainDown_.end(), 0);
    std::fill(linkUp_.begin(), linkUp_.end(), 1);
    m_.network.reachability(linkUp_, reach_);
    if (!m_.stores.empty())
        m_.network.components(linkUp_, label_);
    std::fill(queueCalleeUp_.begin(), queueCalleeUp_.end(), 1u);
    std::fill(queueEdgeUp_.begin(), queueEdgeUp_.end(), 1u);
    std::fill(queueState_.begin(), queueState_.end(), 0);
    queuesActive_ = 0;
    std::fill(storePartitioned_.begin(), storePartitioned_.end(), 0);
    std::fill(storeDivergent_.begin(), storeDivergent_.end(), 0);
    storesFlagged_ = 0;
    for (std::size_t k = 0; k < crews_.size(); ++k) {
        crews_[k].free = m_.crewSizes[k];
        crews_[k].head = crews_[k].size = 0;
    }

    for (std::uint32_t c = 0; c < nComponents_; ++c) {
        const auto& cc = m_.components[c];
        for (std::uint32_t j = 0; j < cc.instances; ++j) {
            const std::uint32_t i = cc.firstInstance + j;
            Instance& x = inst_[i];
            x.restart(cc.standby && j >= cc.required ? Spare : InService);
            cellHealthy_[inst_[i].cell] += 1;
            if (x.role == InService)
                setServing<false>(i, true);
            startClocks(i);
        }
    }
    for (std::uint32_t d = 0; d < m_.domains.size(); ++d) {
        const double t = m_.domains[d].failure.draw(domainStreams_[2 * d]);
        if (std::isfinite(t))
            heap_.schedule(firstDomainSlot_ + d, t);
    }

    std::fill(ownUp_.begin(), ownUp_.end(), 1);
    std::fill(entryFull_.begin(), entryFull_.end(), 1u);
    overloaded_ = false;
    servedBase_ = 0.0;
    std::fill(ratio_.begin(), ratio_.end(), 1.0);
    std::fill(possible_.begin(), possible_.end(), 0u);
    std::fill(capFlag_.begin(), capFlag_.end(), 0);
    capTouched_.clear();
    possibleCount_ = overloadedCount_ = 0;
    lastFactor_ = lastFactorMax_ = -1.0;
    if (plain_ && initial_.valid) {
        // Every replication of a plain model starts from the same state (all new, nothing
        // masked, every link up), so its evaluation is done once and copied.
        ownUp_ = initial_.ownUp;
        up_ = initial_.up;
        depsUp_ = initial_.depsUp;
        ownDownEntries_ = initial_.ownDownEntries;
        ownDownList_ = initial_.ownDownList;
        ownDownPos_ = initial_.ownDownPos;
        criticalList_ = initial_.criticalList;
        share_ = initial_.share;
        outageStart_ = initial_.outageStart;
        criticalDirty_ = shareDirty_ = false;
        flowDirty_ = fractionsDirty_ = true;
    } else {
        evaluateAll();
        if (plain_)
            initial_ = {true, ownUp_, up_, depsUp_, ownDownEntries_, ownDownList_, ownDownPos_, criticalList_, share_, outageStart_};
    }
    if (m_.hasCapacity) {
        evaluateCapacity();
        recomputeShare<false>();
    }
    clearSegment();
    if (share_ < kFull) {
        // Not fully served from the start (e.g. overloaded at once): that is an outage too.
        outageStart_ = 0.0;
        seg_.outages = 1.0;
    }
}

// ---------------------------------------------------------------------------------------
// Event loop

// flatten: the event loop is the hot path; inlining every handler into it removes most of the
// call overhead, which for small models is a large share of the cost of an event.
bool Simulator::runUntil(double t, const std::atomic<bool>* cancel)
{
    // Models that use none of capacity, queues, data stores, several entries or a trace run a
    // copy of the loop with those hooks compiled out: each costs loads and branches per event.
    return simple_ ? loop<true>(t, cancel) : loop<false>(t, cancel);
}

template <bool S>
__attribute__((flatten)) bool Simulator::loop(double t, const std::atomic<bool>* cancel)
{
    while (heap_.topTime() < t) {
        // The fired slot stays on the heap while it is handled: a handler that schedules it
        // again only moves it down from the top, which is cheaper than a pop and a push.
        const std::uint32_t slot = heap_.top();
        advance<S>(heap_.topTime());
        fired_ = slot;
        firedMoved_ = false;
        handle<S>(slot);
        fired_ = EventHeap::kAbsent;
        if (!firedMoved_)
            heap_.cancel(slot);
        if ((++seg_.events & 1023u) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return false;
    }
    advance<S>(t);
    return true;
}

template <bool S>
void Simulator::advance(double t)
{
    const double dt = t - now_;
    if (dt <= 0.0)
        return;
    if (share_ < kFull) {
        seg_.unservedHours += (1.0 - share_) * dt;
        for (auto c : criticalList_)
            seg_.criticalHours[c] += dt;
    }
    for (auto c : ownDownList_)
        seg_.ownDownHours[c] += dt;
    if (!S && m_.hasCapacity) {
        const double dF = demand().between(now_, t);
        seg_.demandRequests += totalBase_ * dF;
        seg_.servedRequests += servedBase_ * dF;
        if (overloaded_)
            seg_.overloadHours += dt;
    }
    if (!S && queuesActive_) {
        for (std::size_t q = 0; q < queueState_.size(); ++q) {
            if (queueState_[q] == 1)
                seg_.queueBufferingHours[q] += dt;
            else if (queueState_[q] == 2)
                seg_.queueFullHours[q] += dt;
        }
    }
    if (!S && storesFlagged_) {
        for (std::size_t k = 0; k < storePartitioned_.size(); ++k) {
            if (storePartitioned_[k])
                seg_.partitionedHours[k] += dt;
            if (storeDivergent_[k])
                seg_.divergentHours[k] += dt;
        }
    }
    seg_.hours += dt;
    now_ = t;
}

template <bool S>
void Simulator::handle(std::uint32_t slot)
{
    const std::uint32_t owner = slots_[slot].owner;
    TraceEvent::Kind kind = TraceEvent::Failure;
    switch (slots_[slot].kind) {
    case LifeSlot:
        if (inst_[owner].role != Failed) {
            onFailure<S>(owner, 0);
            break;
        }
        [[fallthrough]];
    case TimerSlot:
        if (inst_[owner].phase == Detecting) {
            kind = TraceEvent::Detection;
            onDetected<S>(owner);
            updateComponent<S>(inst_[owner].comp);
        } else {
            kind = TraceEvent::Repair;
            onRepaired<S>(owner);
        }
        break;
    case FailureSlot:
        onFailure<S>(owner, slots_[slot].mode);
        break;
    case FailoverSlot:
        kind = TraceEvent::Failover;
        onFailoverDone<S>(owner);
        break;
    case DomainSlot:
        onDomain(owner);
        kind = domainDown_[owner] ? TraceEvent::DomainDown : TraceEvent::DomainUp;
        break;
    case QueueSlot:
        kind = TraceEvent::BufferFull;
        onBufferFull(owner);
        break;
    case HourSlot:
        // Not an event (no state changes): the next hour of the daily profile, while a tier
        // could be overloaded (evaluateCapacity schedules the next one or stops).
        unsched(hourSlot_);
        --seg_.events;
        break;
    }
    if (!S && m_.hasCapacity)
        evaluateCapacity();
    if (shareDirty_) {
        shareDirty_ = false;
        recomputeShare<S>();
    }
    if (criticalDirty_) {
        criticalDirty_ = false;
        if (share_ < kFull)
            refreshCritical();
        else
            criticalList_.clear();
    }
    if (!S && trace_ && slots_[slot].kind != HourSlot) [[unlikely]]
        trace_(TraceEvent{now_, kind, owner, kind == TraceEvent::Failure ? slots_[slot].mode : 0u, share_});
}

// ---------------------------------------------------------------------------------------
// Instances

void Simulator::startClocks(std::uint32_t i)
{
    const std::uint32_t c = inst_[i].comp;
    const auto& cc = m_.components[c];
    const Instance& x = inst_[i];
    const bool spare = x.role == Spare;
    if (spare && cc.standbyKind == model::StandbyKind::Cold)
        return;  // a cold spare does not age
    const bool dormant = spare && cc.standbyKind == model::StandbyKind::Warm;
    for (std::uint32_t k = 0; k < cc.modeCount; ++k) {
        const CompiledMode& mode = m_.modes[cc.firstMode + k];
        const Sampler& s = dormant ? mode.dormant : mode.failure;
        const double dt = s.draw(failureStreams_[inst_[i].modeBase + k]);
        if (std::isfinite(dt))
            sched(inst_[i].first + k, now_ + dt);
    }
}

void Simulator::stopClocks(std::uint32_t i)
{
    const std::uint32_t n = m_.components[inst_[i].comp].modeCount;
    for (std::uint32_t k = 0; k < n; ++k)
        unsched(inst_[i].first + k);  // (single mode: only called while the slot holds the clock)
}

template <bool S>
void Simulator::setServing(std::uint32_t i, bool inService)
{
    const std::uint32_t cell = inst_[i].cell;
    const std::uint32_t c = inst_[i].comp;
    if (!S && m_.hasCapacity)
        touchCapacity(c);
    if (inService) {
        ++cellServing_[cell];
        ++compInService_[c];
    } else {
        --cellServing_[cell];
        --compInService_[c];
    }
}

template <bool S>
void Simulator::onFailure(std::uint32_t i, std::uint32_t mode)
{
    Instance& x = inst_[i];
    const std::uint32_t c = inst_[i].comp;
    if (m_.components[c].modeCount > 1)
        stopClocks(i);  // the other modes' clocks (the one that fired is already off the heap)
    const bool wasServing = x.role == InService;
    if (x.switching) {  // a spare that fails during its failover aborts it
        x.switching = false;
        unsched(inst_[i].failover);
        --compFailovers_[c];
    }
    if (wasServing)
        setServing<S>(i, false);
    if constexpr (!S)
        --cellHealthy_[inst_[i].cell];  // (read only for data-store majorities)
    seg_.failures[c] += 1.0;
    x.role = Failed;
    x.wasInService = wasServing;
    x.failedMode = static_cast<std::uint16_t>(mode);
    const double detection = m_.modes[m_.components[c].firstMode + mode].detection_hours;
    if (detection > 0.0) {
        x.phase = Detecting;
        sched(inst_[i].timer, now_ + detection);
    } else {
        onDetected<S>(i);
    }
    updateComponent<S>(c);
}

template <bool S>
void Simulator::onDetected(std::uint32_t i)
{
    requestRepair(i);
    const std::uint32_t c = inst_[i].comp;
    if (m_.components[c].standby && inst_[i].wasInService)
        startFailover(c);
}

void Simulator::requestRepair(std::uint32_t i)
{
    const std::int32_t crew = m_.components[inst_[i].comp].crew;
    if (crew < 0) {
        startRepair(i);
        return;
    }
    Crew& k = crews_[static_cast<std::size_t>(crew)];
    if (k.free > 0) {
        --k.free;
        startRepair(i);
        return;
    }
    inst_[i].phase = Queued;
    crewQueue_[k.offset + (k.head + k.size) % k.capacity] = i;
    ++k.size;
}

void Simulator::startRepair(std::uint32_t i)
{
    Instance& x = inst_[i];
    const auto& cc = m_.components[inst_[i].comp];
    x.phase = Repairing;
    const double dt = m_.modes[cc.firstMode + x.failedMode].repair.draw(repairStreams_[inst_[i].modeBase + x.failedMode]);
    sched(inst_[i].timer, now_ + dt);
}

template <bool S>
void Simulator::onRepaired(std::uint32_t i)
{
    Instance& x = inst_[i];
    const std::uint32_t c = inst_[i].comp;
    const auto& cc = m_.components[c];
    x.phase = NoPhase;
    if constexpr (!S)
        ++cellHealthy_[inst_[i].cell];
    if (!cc.standby || compInService_[c] < cc.required) {
        x.role = InService;
        setServing<S>(i, true);
        if (cc.standby && compFailovers_[c] > 0) {
            // The repaired instance fills the gap; a failover in progress is no longer needed.
            for (std::uint32_t j = cc.firstInstance; j < cc.firstInstance + cc.instances; ++j)
                if (inst_[j].switching) {
                    inst_[j].switching = false;
                    unsched(inst_[j].failover);
                    --compFailovers_[c];
                    break;
                }
        }
    } else {
        x.role = Spare;
    }
    startClocks(i);
    if (cc.crew >= 0) {
        Crew& k = crews_[static_cast<std::size_t>(cc.crew)];
        if (k.size > 0) {
            const std::uint32_t next = crewQueue_[k.offset + k.head];
            k.head = (k.head + 1) % k.capacity;
            --k.size;
            startRepair(next);
        } else {
            ++k.free;
        }
    }
    updateComponent<S>(c);
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) void Simulator::startFailover(std::uint32_t c)
{
    const auto& cc = m_.components[c];
    if (compInService_[c] + compFailovers_[c] >= cc.required)
        return;  // nothing to replace any more
    std::uint32_t spare = 0;
    bool found = false;
    for (std::uint32_t j = cc.firstInstance; j < cc.firstInstance + cc.instances; ++j)
        if (inst_[j].role == Spare && !inst_[j].switching) {
            spare = j;
            found = true;
            break;
        }
    if (!found)
        return;  // no spare, no failover
    if (failoverStreams_[c].uniform() >= cc.failover_probability)
        return;  // the failover fails and is not retried
    inst_[spare].switching = true;
    ++compFailovers_[c];
    if (cc.failover_hours > 0.0)
        sched(inst_[spare].failover, now_ + cc.failover_hours);
    else
        onFailoverDone<false>(spare);
}

template <bool S>
void Simulator::onFailoverDone(std::uint32_t i)
{
    Instance& x = inst_[i];
    const std::uint32_t c = inst_[i].comp;
    const auto& cc = m_.components[c];
    x.switching = false;
    --compFailovers_[c];
    x.role = InService;
    setServing<S>(i, true);
    seg_.failovers[c] += 1.0;
    if (cc.standbyKind != model::StandbyKind::Hot) {
        stopClocks(i);  // a warm spare now ages like an active one; a cold one starts to
        startClocks(i);
    }
    updateComponent<S>(c);
}

// ---------------------------------------------------------------------------------------
// Failure domains

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) void Simulator::onDomain(std::uint32_t d)
{
    const CompiledDomain& dom = m_.domains[d];
    const bool down = !domainDown_[d];
    domainDown_[d] = down ? 1 : 0;
    const double dt = down ? dom.repair.draw(domainStreams_[2 * d + 1]) : dom.failure.draw(domainStreams_[2 * d]);
    if (std::isfinite(dt))
        sched(firstDomainSlot_ + d, now_ + dt);
    if (dom.kind == CompiledDomain::Link) {
        linkUp_[static_cast<std::size_t>(dom.link)] = down ? 0 : 1;
        m_.network.reachability(linkUp_, reach_);
        if (!m_.stores.empty())
            m_.network.components(linkUp_, label_);
        evaluateAll();
        return;
    }
    std::uint32_t last = UINT32_MAX;
    for (auto cell : dom.cells) {
        if (down)
            ++cellMask_[cell];
        else
            --cellMask_[cell];
    }
    for (auto cell : dom.cells) {
        const std::uint32_t c = m_.cells[cell].component;
        if (c != last) {
            updateComponent<false>(c);
            if (m_.hasCapacity)
                touchCapacity(c);
        }
        last = c;
    }
}

// ---------------------------------------------------------------------------------------
// Evaluation of "up"

std::uint32_t Simulator::servingFor(std::uint32_t c, std::uint32_t e) const
{
    const auto& cc = m_.components[c];
    const std::size_t zones = m_.network.zoneCount();
    std::uint32_t n = 0;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
        if (cellMask_[k])
            continue;
        const std::int32_t z = m_.cells[k].zone;
        if (z >= 0 && !reach_[e * zones + static_cast<std::size_t>(z)])
            continue;
        n += cellServing_[k];
    }
    return n;
}

template <bool S>
bool Simulator::ownUpFor(std::uint32_t c, std::uint32_t e) const
{
    const auto& cc = m_.components[c];
    if (cc.cellCount == 1 && (S || cc.quorum == 0)) {  // (a quorum is for data stores)
        // The common case: all instances in one place.
        const std::uint32_t k = cc.firstCell;
        if (cellMask_[k])
            return false;
        const std::int32_t z = m_.cells[k].zone;
        if (z >= 0 && !reach_[e * m_.network.zoneCount() + static_cast<std::size_t>(z)])
            return false;
        return cellServing_[k] >= cc.threshold;
    }
    if (servingFor(c, e) < cc.threshold)
        return false;
    if (cc.quorum == 0)
        return true;
    const std::size_t zones = m_.network.zoneCount();
    std::uint32_t healthy = 0;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
        const std::int32_t z = m_.cells[k].zone;
        if (!cellMask_[k] && (z < 0 || reach_[e * zones + static_cast<std::size_t>(z)]))
            healthy += cellHealthy_[k];
    }
    return healthy >= cc.quorum;
}

bool Simulator::depsSatisfied(std::uint32_t c, std::uint32_t count) const
{
    const auto& cc = m_.components[c];
    switch (cc.depMode) {
    case model::DependencyMode::All:
        return count == cc.calleeCount;
    case model::DependencyMode::Any:
        return count >= 1;
    case model::DependencyMode::AtLeast:
        return count >= cc.depMin;
    }
    return false;
}

template <bool S>
void Simulator::updateComponent(std::uint32_t c)
{
    if constexpr (!S) {
        if (const std::int32_t st = m_.storeOf[c]; st >= 0) [[unlikely]]
            evaluateStore(static_cast<std::uint32_t>(st));
    }
    if (S || nEntries_ == 1) {
        const std::uint32_t own = ownUpFor<S>(c, 0) ? 1 : 0;
        if (own == ownUp_[c])
            return;
        ownUp_[c] = own;
        setOwnDown(c, 0, !own);
        criticalDirty_ = true;
        propagate<S>(c, 0);
        return;
    }
    for (std::uint32_t e = 0; e < nEntries_; ++e) {
        const std::size_t idx = c * nEntries_ + e;
        const std::uint32_t own = ownUpFor<S>(c, e) ? 1 : 0;
        if (own == ownUp_[idx])
            continue;
        ownUp_[idx] = own;
        setOwnDown(c, e, !own);
        criticalDirty_ = true;
        propagate<S>(c, e);
    }
}

template <bool S>
void Simulator::propagate(std::uint32_t from, std::uint32_t e)
{
    // Walk up through the callers with an explicit stack (no recursion, so the whole event
    // handler can be inlined). One own change moves every "up" the same way, so each
    // component changes at most once and the stack never holds more than edges + 1 items.
    const std::size_t E = S ? 1 : nEntries_;
    std::uint32_t* const up = up_.data();
    std::uint32_t* const deps = depsUp_.data();
    const std::uint32_t* const own = ownUp_.data();
    const std::uint32_t* const need = need_.data();
    const std::uint32_t* const callers = m_.callers.data();
    std::uint32_t* stack = propagateStack_.data();
    std::size_t top = 0;
    stack[top++] = from;
    while (top > 0) {
        const std::uint32_t c = stack[--top];
        const std::size_t idx = c * E + e;
        const std::uint32_t now = own[idx] && deps[idx] >= need[c] ? 1 : 0;
        if (now == up[idx])
            continue;
        up[idx] = now;
        criticalDirty_ = true;
        if constexpr (!S)
            flowDirty_ = true;  // (read by the capacity evaluation only)
        const auto& cc = m_.components[c];
        if (cc.entry == static_cast<std::int32_t>(e))
            shareDirty_ = true;
        const std::uint32_t end = cc.firstCaller + cc.callerCount;
        for (std::uint32_t k = cc.firstCaller; k < end; ++k) {
            const std::uint32_t p = callers[k];
            std::uint32_t& d = deps[p * E + e];
            if (const std::int32_t q = S ? -1 : m_.callerQueue[k]; q >= 0) [[unlikely]] {
                // Through a queue: the caller notices only when the backlog no longer fits.
                const std::uint32_t before = queueEdgeUp_[static_cast<std::size_t>(q) * E + e];
                const std::uint32_t after = queueCalleeChanged(static_cast<std::uint32_t>(q), e, now);
                if (before == after)
                    continue;
                d = after ? d + 1 : d - 1;
            } else {
                d = now ? d + 1 : d - 1;
            }
            stack[top++] = p;
        }
    }
}

void Simulator::setOwnDown(std::uint32_t c, std::uint32_t, bool down)
{
    std::uint32_t& n = ownDownEntries_[c];
    if (down) {
        if (n++ == 0) {
            ownDownPos_[c] = static_cast<std::uint32_t>(ownDownList_.size());
            ownDownList_.push_back(c);
        }
    } else if (--n == 0) {
        const std::uint32_t pos = ownDownPos_[c];
        const std::uint32_t last = ownDownList_.back();
        ownDownList_[pos] = last;
        ownDownPos_[last] = pos;
        ownDownList_.pop_back();
    }
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) std::uint32_t Simulator::queueCalleeChanged(std::uint32_t q, std::uint32_t e, std::uint32_t calleeUp)
{
    const std::size_t idx = static_cast<std::size_t>(q) * nEntries_ + e;
    if (calleeUp == queueCalleeUp_[idx])
        return queueEdgeUp_[idx];
    queueCalleeUp_[idx] = calleeUp;
    const CompiledQueue& cq = m_.queues[q];
    const std::uint32_t slot = firstQueueSlot_ + static_cast<std::uint32_t>(idx);
    if (calleeUp) {
        // The consumer is back: the backlog drains and the caller needs nothing more.
        unsched(slot);
        queueEdgeUp_[idx] = 1;
        if (e == 0) {
            const double backlog = std::min(cq.buffer_messages, cq.messages_per_hour * (now_ - queueDownSince_[idx]));
            seg_.queuePeakBacklog[q] = std::max(seg_.queuePeakBacklog[q], backlog);
            if (queueState_[q] != 0)
                --queuesActive_;
            queueState_[q] = 0;
        }
        return 1;
    }
    queueDownSince_[idx] = now_;
    if (e == 0) {
        seg_.queueOutages[q] += 1.0;
        if (queueState_[q] == 0)
            ++queuesActive_;
        queueState_[q] = cq.fill_hours > 0 ? 1 : 2;
    }
    if (cq.fill_hours > 0) {
        if (std::isfinite(cq.fill_hours))
            sched(slot, now_ + cq.fill_hours);
        return queueEdgeUp_[idx];  // still 1: the queue takes the messages
    }
    queueEdgeUp_[idx] = 0;
    return 0;
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) void Simulator::onBufferFull(std::uint32_t qe)
{
    const std::uint32_t q = qe / static_cast<std::uint32_t>(nEntries_);
    const std::uint32_t e = qe % static_cast<std::uint32_t>(nEntries_);
    queueEdgeUp_[qe] = 0;
    if (e == 0) {
        queueState_[q] = 2;
        seg_.queuePeakBacklog[q] = std::max(seg_.queuePeakBacklog[q], m_.queues[q].buffer_messages);
    }
    const std::uint32_t caller = m_.queues[q].from;
    --depsUp_[caller * nEntries_ + e];
    propagate<false>(caller, e);
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) void Simulator::evaluateCapacity()
{
    // Demand flows from each entry along what serves it, times the calls per request; under
    // any / at least m it spreads over the callees that serve. Each tier serves capacity/demand
    // of its demand when short; an entry gets the share of its bottleneck. Demand is worked
    // out per unit of the daily factor; hour by hour only while some tier could be overloaded
    // within the next day, since otherwise every entry that is up is fully served.
    // Incremental: the flow changes only when some component's "up" changed, and a tier's
    // ratio only when its serving instances did.
    const std::size_t E = nEntries_, C = nComponents_;
    if (flowDirty_) {
        flowDirty_ = false;
        std::fill(demandE_.begin(), demandE_.end(), 0.0);
        std::fill(demandTotal_.begin(), demandTotal_.end(), 0.0);
        for (std::size_t e = 0; e < E; ++e) {
            const std::uint32_t entry = m_.entries[e].component;
            if (!up_[entry * E + e])
                continue;
            double* d = &demandE_[e * C];
            d[entry] = m_.entryPeakDemand[e];
            for (auto it = m_.topoOrder.rbegin(); it != m_.topoOrder.rend(); ++it) {  // callers first
                const std::uint32_t c = *it;
                if (d[c] <= 0.0 || !up_[c * E + e])
                    continue;
                const auto& cc = m_.components[c];
                std::uint32_t live = 0;
                for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k)
                    live += up_[m_.callees[k] * E + e];
                if (live == 0)
                    continue;
                const double split = cc.depMode == model::DependencyMode::All ? 1.0 : 1.0 / live;
                for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k)
                    if (up_[m_.callees[k] * E + e])
                        d[m_.callees[k]] += d[c] * m_.calleeCalls[k] * split;
            }
            for (std::size_t c = 0; c < C; ++c)
                demandTotal_[c] += d[c];
        }
        capTouched_.clear();
        for (std::uint32_t c = 0; c < C; ++c)
            if (m_.capacityPerInstance[c] > 0.0)
                capTouched_.push_back(c);
        ratiosAll_ = true;
    }
    const double hourStart = std::floor(now_);
    const double g = growth_ ? m_.growthPerHour : 0.0;
    const double factorNow = demand().factorAtWhole(hourStart);
    // "Could be overloaded" is judged against the highest factor until the end of the next
    // day, so it needs a fresh look once a day; the hourly factor matters only for the tiers
    // that could be overloaded.
    const double day = std::floor(now_ / 24.0);
    const double factorMax = maxProfile_ * std::exp(g * (day + 2.0) * 24.0);
    if (factorMax != lastFactorMax_) {
        lastFactorMax_ = factorMax;
        capTouched_.clear();
        for (std::uint32_t c = 0; c < C; ++c)
            if (m_.capacityPerInstance[c] > 0.0)
                capTouched_.push_back(c);
        ratiosAll_ = true;
    } else if (factorNow != lastFactor_ && possibleCount_ > 0) {
        for (std::uint32_t c = 0; c < C; ++c)
            if (possible_[c] && !capFlag_[c]) {
                capFlag_[c] = 1;
                capTouched_.push_back(c);
            }
    }
    lastFactor_ = factorNow;
    bool changed = ratiosAll_;
    for (const std::uint32_t c : capTouched_) {
        capFlag_[c] = 0;
        const double perInstance = m_.capacityPerInstance[c];
        double ratio = 1.0;
        std::uint32_t possible = 0;
        if (perInstance > 0.0 && demandTotal_[c] > 0.0) {
            const auto& cc = m_.components[c];
            std::uint32_t serving = 0;
            for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k)
                if (!cellMask_[k])
                    serving += cellServing_[k];
            const double capacity = serving * perInstance;
            possible = demandTotal_[c] * factorMax > capacity ? 1u : 0u;
            if (demandTotal_[c] * factorNow > capacity)
                ratio = capacity / (demandTotal_[c] * factorNow);
        }
        if (ratio != ratio_[c] || possible != possible_[c]) {
            possibleCount_ += possible;
            possibleCount_ -= possible_[c];
            overloadedCount_ += ratio < 1.0 ? 1u : 0u;
            overloadedCount_ -= ratio_[c] < 1.0 ? 1u : 0u;
            ratio_[c] = ratio;
            possible_[c] = possible;
            changed = true;
        }
    }
    capTouched_.clear();
    ratiosAll_ = false;
    overloaded_ = overloadedCount_ > 0;
    if (possibleCount_ > 0) {
        if (!heap_.scheduled(hourSlot_) || heap_.time(hourSlot_) > hourStart + 1.0)
            sched(hourSlot_, hourStart + 1.0);
    } else if (g > 0.0) {
        // Growth may make a tier possibly overloaded tomorrow: look again at the next day.
        sched(hourSlot_, (day + 1.0) * 24.0);
    } else if (heap_.scheduled(hourSlot_)) {
        unsched(hourSlot_);
    }
    if (!changed && !fractionsDirty_)
        return;
    fractionsDirty_ = false;
    servedBase_ = 0.0;
    for (std::size_t e = 0; e < E; ++e) {
        const double* d = &demandE_[e * C];
        double fraction = up_[m_.entries[e].component * E + e] ? 1.0 : 0.0;
        if (overloadedCount_ > 0)
            for (std::size_t c = 0; c < C && fraction > 0.0; ++c)
                if (d[c] > 0.0)
                    fraction = std::min(fraction, ratio_[c]);
        servedBase_ += m_.entryPeakDemand[e] * fraction;
        const std::uint32_t full = !m_.overloadCountsAsDown || fraction >= kFull ? 1u : 0u;
        if (full != entryFull_[e]) {
            entryFull_[e] = full;
            shareDirty_ = true;
            criticalDirty_ = true;
        }
    }
}

void Simulator::touchCapacity(std::uint32_t c)
{
    if (m_.capacityPerInstance[c] > 0.0 && !capFlag_[c]) {
        capFlag_[c] = 1;
        capTouched_.push_back(c);
    }
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) void Simulator::evaluateStore(std::uint32_t st)
{
    // Partitioned: the healthy, unmasked replicas sit in two or more network components.
    // Divergent: two or more of those sides each hold enough replicas to serve (AP: k) and
    // reach some entry. A replica in no zone is reachable from everywhere: no partition.
    const CompiledStore& store = m_.stores[st];
    const auto& cc = m_.components[store.component];
    scratchLabels_.clear();
    bool everywhere = false;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
        if (cellMask_[k] || cellHealthy_[k] == 0)
            continue;
        const std::int32_t z = m_.cells[k].zone;
        if (z < 0) {
            everywhere = true;
            continue;
        }
        const int lab = label_.empty() ? 0 : label_[static_cast<std::size_t>(z)];
        if (std::find(scratchLabels_.begin(), scratchLabels_.end(), lab) == scratchLabels_.end())
            scratchLabels_.push_back(lab);
    }
    const bool partitioned = !everywhere && scratchLabels_.size() >= 2;
    bool divergent = false;
    if (partitioned && !store.cp) {
        int serving = 0;
        for (int lab : scratchLabels_) {
            std::uint32_t healthy = 0;
            for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
                const std::int32_t z = m_.cells[k].zone;
                if (!cellMask_[k] && z >= 0 && label_[static_cast<std::size_t>(z)] == lab)
                    healthy += cellHealthy_[k];
            }
            bool reachesEntry = false;
            for (const auto& en : m_.entries)
                reachesEntry = reachesEntry || en.node < 0 || label_[static_cast<std::size_t>(en.node)] == lab;
            if (healthy >= cc.required && reachesEntry)
                ++serving;
        }
        divergent = serving >= 2;
    }
    const bool before = storePartitioned_[st] || storeDivergent_[st];
    storePartitioned_[st] = partitioned ? 1 : 0;
    storeDivergent_[st] = divergent ? 1 : 0;
    const bool after = partitioned || divergent;
    if (before != after)
        storesFlagged_ = after ? storesFlagged_ + 1 : storesFlagged_ - 1;
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) void Simulator::evaluateAll()
{
    for (std::uint32_t st = 0; st < m_.stores.size(); ++st)
        evaluateStore(st);
    for (std::uint32_t c = 0; c < nComponents_; ++c)
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            const std::size_t idx = c * nEntries_ + e;
            const std::uint32_t own = ownUpFor<false>(c, e) ? 1 : 0;
            if (own != ownUp_[idx]) {
                ownUp_[idx] = own;
                setOwnDown(c, e, !own);
            }
        }
    for (auto c : m_.topoOrder) {
        const auto& cc = m_.components[c];
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            std::uint32_t count = 0;
            for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k) {
                const std::uint32_t calleeUp = up_[m_.callees[k] * nEntries_ + e];
                const std::int32_t q = m_.calleeQueue[k];
                count += q >= 0 ? queueCalleeChanged(static_cast<std::uint32_t>(q), e, calleeUp) : calleeUp;
            }
            const std::size_t idx = c * nEntries_ + e;
            depsUp_[idx] = count;
            up_[idx] = ownUp_[idx] && depsSatisfied(c, count) ? 1 : 0;
        }
    }
    criticalDirty_ = false;
    shareDirty_ = false;
    flowDirty_ = true;
    fractionsDirty_ = true;
    recomputeShare<false>();
    if (share_ < kFull)
        refreshCritical();
    else
        criticalList_.clear();
}

template <bool S>
void Simulator::recomputeShare()
{
    double s = 0.0;
    if constexpr (S) {
        s = up_[entryComponent_] ? 1.0 : 0.0;  // one entry, never short of capacity
    } else if (nEntries_ == 1) {
        s = up_[m_.entries[0].component] && entryFull_[0] ? 1.0 : 0.0;  // one entry carries all the traffic
    } else {
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            const auto& en = m_.entries[e];
            if (up_[en.component * nEntries_ + e] && entryFull_[e])
                s += en.share;
        }
    }
    if (s > kFull)
        s = 1.0;
    const bool wasFull = share_ >= kFull;
    const bool isFull = s >= kFull;
    if (wasFull && !isFull) {
        outageStart_ = now_;
        seg_.outages += 1.0;
    } else if (!wasFull && isFull && outageStart_ >= 0.0) {
        const double len = now_ - outageStart_;
        seg_.outageHours += len;
        seg_.outageLengths.add(len);
        outageStart_ = -1.0;
    }
    share_ = s;
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) double Simulator::shareWithOnlyDown(std::uint32_t keep)
{
    for (auto c : m_.topoOrder) {
        const auto& cc = m_.components[c];
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            const std::size_t idx = c * nEntries_ + e;
            std::uint32_t count = 0;
            for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k) {
                const std::int32_t q = m_.calleeQueue[k];
                count += scratchUp_[m_.callees[k] * nEntries_ + e]
                         || (q >= 0 && queueEdgeUp_[static_cast<std::size_t>(q) * nEntries_ + e]);
            }
            const bool own = c == keep ? ownUp_[idx] != 0 : true;
            scratchUp_[idx] = own && depsSatisfied(c, count) ? 1 : 0;
        }
    }
    double s = 0.0;
    for (std::uint32_t e = 0; e < nEntries_; ++e)
        if (scratchUp_[m_.entries[e].component * nEntries_ + e])
            s += m_.entries[e].share;
    return s;
}

void Simulator::refreshCritical()
{
    criticalList_.clear();
    if (ownDownList_.size() == 1 && !(m_.overloadCountsAsDown && overloadedCount_ > 0)) {
        // With one component short, forcing "the others" up changes nothing: it alone keeps
        // the system down. This is the common case, so it skips the evaluation.
        criticalList_.push_back(ownDownList_.front());
        return;
    }
    for (auto c : ownDownList_)
        if (criticalAlone(c))
            criticalList_.push_back(c);
}

// Cold path: kept out of the flattened event loop.
__attribute__((noinline)) bool Simulator::criticalAlone(std::uint32_t c)
{
    // Whether c alone keeps the system down depends only on the entries it is short for, so
    // the answer is remembered per (component, pattern of entries) when there are few entries.
    if (nEntries_ > kMemoEntries || !m_.queues.empty())
        return shareWithOnlyDown(c) < kFull;  // (queues make the answer depend on their state)
    std::uint32_t pattern = 0;
    for (std::uint32_t e = 0; e < nEntries_; ++e)
        if (!ownUp_[c * nEntries_ + e])
            pattern |= 1u << e;
    std::int8_t& memo = criticalMemo_[(static_cast<std::size_t>(c) << nEntries_) + pattern];
    if (memo < 0)
        memo = shareWithOnlyDown(c) < kFull ? 1 : 0;
    return memo != 0;
}

void Simulator::takeSegment(Segment& out)
{
    if (outageStart_ >= 0.0) {
        // An outage still going on: count its length so far, and carry it on without counting
        // it again as a new outage in the next segment.
        const double len = now_ - outageStart_;
        seg_.outageHours += len;
        seg_.outageLengths.add(len);
        outageStart_ = now_;
    }
    for (std::size_t q = 0; q < queueState_.size(); ++q)
        if (queueState_[q] != 0) {
            const auto& cq = m_.queues[q];
            seg_.queuePeakBacklog[q] = std::max(
                seg_.queuePeakBacklog[q], std::min(cq.buffer_messages, cq.messages_per_hour * (now_ - queueDownSince_[q * nEntries_])));
        }
    out = seg_;
    clearSegment();
}

void Simulator::clearSegment()
{
    seg_.hours = seg_.unservedHours = seg_.outages = seg_.outageHours = 0.0;
    seg_.events = 0;
    std::fill(seg_.criticalHours.begin(), seg_.criticalHours.end(), 0.0);
    std::fill(seg_.ownDownHours.begin(), seg_.ownDownHours.end(), 0.0);
    std::fill(seg_.partitionedHours.begin(), seg_.partitionedHours.end(), 0.0);
    std::fill(seg_.divergentHours.begin(), seg_.divergentHours.end(), 0.0);
    std::fill(seg_.failovers.begin(), seg_.failovers.end(), 0.0);
    std::fill(seg_.failures.begin(), seg_.failures.end(), 0.0);
    std::fill(seg_.queueBufferingHours.begin(), seg_.queueBufferingHours.end(), 0.0);
    std::fill(seg_.queueFullHours.begin(), seg_.queueFullHours.end(), 0.0);
    std::fill(seg_.queuePeakBacklog.begin(), seg_.queuePeakBacklog.end(), 0.0);
    std::fill(seg_.queueOutages.begin(), seg_.queueOutages.end(), 0.0);
    seg_.demandRequests = seg_.servedRequests = seg_.overloadHours = 0.0;
    seg_.outageLengths = OutageHistogram{};
}

}  // namespace nines::sim
