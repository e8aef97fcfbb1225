// The simulator's setup: its flat arrays built from the compiled model, the start of each
// replication (everything new, every stream keyed by seed and replication), and the measurements
// handed out per segment.
#include "simulator.h"

#include <algorithm>
#include <cmath>

namespace nines::sim {

// ---------------------------------------------------------------------------------------
// Setup

namespace {

/// The timer slots and failure-mode streams a simulator of this model holds: what the set-up
/// below builds, and what bytesFor counts.
struct Counts {
    std::size_t slots = 0;
    std::size_t streams = 0;
};

Counts countsOf(const CompiledModel& m)
{
    Counts n;
    n.slots = m.domains.size() + m.queues.size() * m.entries.size() + 1 + m.components.size();
    for (const auto& cc : m.components) {
        n.slots += std::size_t(cc.instances) * (cc.modeCount == 1 ? 2 : cc.modeCount + 2);
        n.streams += std::size_t(cc.instances) * cc.modeCount;
    }
    return n;
}

}  // namespace

double Simulator::bytesFor(const CompiledModel& m)
{
    const Counts n = countsOf(m);
    const double perSlot = sizeof(Slot) + EventHeap::kBytesPerSlot;
    // A failure and a repair stream per instance and mode, each with its identity and address.
    const double perStream = 2.0 * (sizeof(Stream) + sizeof(std::uint64_t) + sizeof(Stream*));
    const double ce = double(m.components.size()) * double(m.entries.size());
    const double perComponentEntry = sizeof(Flow) + sizeof(std::uint32_t) + 2 * sizeof(double);
    const double memo = m.entries.size() <= kMemoEntries ? double(m.components.size() << m.entries.size()) : 0.0;
    return double(m.instanceCount()) * sizeof(Instance) + double(n.slots) * perSlot + double(n.streams) * perStream
           + double(m.cells.size()) * (3 * sizeof(std::uint32_t) + sizeof(double)) + ce * perComponentEntry + memo;
}

Simulator::Simulator(const CompiledModel& model, const std::atomic<bool>* abandon)
    : m_(model), nEntries_(model.entries.size()), nComponents_(model.components.size())
{
    abandon_ = abandon;
    const std::size_t nInst = m_.instanceCount();
    std::uint32_t slots = 0;
    std::uint32_t streams = 0;
    auto addSlot = [&](SlotKind kind, std::uint32_t owner, std::uint32_t mode) {
        slots_.push_back({owner, static_cast<std::uint16_t>(mode), kind});
        return slots++;
    };
    slots_.reserve(countsOf(m_).slots);
    if (!growTo(inst_, nInst))
        return;
    for (std::uint32_t i = 0; i < nInst; ++i) {
        if (giveUp(i))
            return;
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
    firstRetrySlot_ = slots;
    for (std::uint32_t c = 0; c < nComponents_; ++c)
        addSlot(RetrySlot, c, 0);
    possible_.resize(nComponents_);
    capFlag_.resize(nComponents_);
    capTouched_.reserve(nComponents_);
    for (double d : m_.entryPeakDemand)
        totalBase_ += d;
    maxProfile_ = *std::max_element(m_.dailyProfile.begin(), m_.dailyProfile.end());
    entryFull_.assign(nEntries_, 1u);
    demandE_.resize(nEntries_ * nComponents_);
    demandTotal_.resize(nComponents_);
    ratio_.resize(nComponents_ * nEntries_);
    tierOverloaded_.resize(nComponents_);
    entryReach_.resize(nEntries_);
    std::uint32_t maxCells = 0;
    for (const auto& cc : m_.components)
        maxCells = std::max(maxCells, cc.cellCount);
    cellLoad_.resize(maxCells);
    if (!heap_.resize(static_cast<std::uint32_t>(slots_.size()), [this] { return giveUp(0); })
        || !growTo(failureStreams_, streams) || !growTo(repairStreams_, streams))
        return;
    streamIds_.reserve(nComponents_ + 2 * std::size_t(streams) + 2 * m_.domains.size());
    streamOf_.reserve(streamIds_.capacity());
    for (std::size_t i = 0; i < inst_.size(); ++i) {
        if (giveUp(i))
            return;
        Instance& x = inst_[i];
        const auto& cc = m_.components[x.comp];
        x.simple = cc.modeCount == 1 && !cc.standby && cc.crew < 0;
        if (!x.simple)
            continue;
        const CompiledMode& mode = m_.modes[cc.firstMode];
        x.detection = mode.detection_hours;
        x.failure = &mode.failure;
        x.repair = &mode.repair;
        x.failureStream = &failureStreams_[x.modeBase];
        x.repairStream = &repairStreams_[x.modeBase];
    }
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
            if (giveUp(i))
                return;
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
    refreshNetwork();
    allLinksUp_ = {reach_, label_, allReach_};
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
    flow_.resize(ce);
    for (std::uint32_t c = 0; c < nComponents_; ++c) {
        const auto& cc = m_.components[c];
        for (std::size_t e = 0; e < nEntries_; ++e) {
            Flow& f = flow_[c * nEntries_ + e];
            f.need = cc.depMode == model::DependencyMode::All   ? cc.calleeCount
                     : cc.depMode == model::DependencyMode::Any ? 1u
                                                                : cc.depMin;
            f.firstCaller = cc.firstCaller;
            f.callerEnd = cc.firstCaller + cc.callerCount;
            f.entry = cc.entry;
        }
    }
    scratchUp_.resize(ce);
    ownDownEntries_.resize(nComponents_);
    ownDownPos_.resize(nComponents_);
    ownDownList_.reserve(nComponents_);
    propagateStack_.resize(m_.callers.size() + 1);
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
    setUp_ = true;
}

void Simulator::reset(std::uint64_t seed, std::uint64_t replication, bool stationary)
{
    if (!setUp_)
        return;  // abandoned during set-up: nothing to reset
    simple_ = plain_ && !trace_;
    abandoned_ = false;
    heap_.clear();
    now_ = 0.0;
    share_ = 1.0;
    outageStart_ = -1.0;
    criticalList_.clear();
    ownDownList_.clear();
    std::fill(ownDownEntries_.begin(), ownDownEntries_.end(), 0u);

    // Keys: (seed, replication) mixed with each stream's identity, computed once per model.
    const std::uint64_t rep = replicationKey(seed, replication);
    for (std::size_t k = 0; k < streamIds_.size(); ++k) {
        if (giveUp(k))
            return;
        (*streamOf_[k]) = Stream(streamKey(rep, streamIds_[k]));
    }

    std::fill(cellServing_.begin(), cellServing_.end(), 0u);
    std::fill(cellHealthy_.begin(), cellHealthy_.end(), 0u);
    std::fill(cellMask_.begin(), cellMask_.end(), 0u);
    std::fill(compInService_.begin(), compInService_.end(), 0u);
    std::fill(compFailovers_.begin(), compFailovers_.end(), 0u);
    std::fill(domainDown_.begin(), domainDown_.end(), 0);
    std::fill(linkUp_.begin(), linkUp_.end(), 1);
    reach_ = allLinksUp_.reach;  // (computed once: the same for every replication)
    label_ = allLinksUp_.label;
    allReach_ = allLinksUp_.allReach;
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
            if (giveUp(i))
                return;
            Instance& x = inst_[i];
            x.restart(cc.standby && j >= cc.required ? Spare : InService);
            cellHealthy_[inst_[i].cell] += 1;
            if (x.role == InService)
                setServing<false>(i, true);
            startClocks(i, stationary);
            if (simple_ && x.simple) {
                // The short path's draws one use ahead (see Instance::nextFailure).
                x.nextFailure = x.failure->draw(*x.failureStream);
                x.nextRepair = x.repair->draw(*x.repairStream);
            }
        }
    }
    for (std::uint32_t d = 0; d < m_.domains.size(); ++d) {
        const Sampler& failure = m_.domains[d].failure;
        const double t = stationary ? failure.residual(domainStreams_[2 * d]) : failure.draw(domainStreams_[2 * d]);
        if (std::isfinite(t))
            heap_.schedule(firstDomainSlot_ + d, t);
    }

    for (Flow& f : flow_)
        f.own = 1;
    std::fill(entryFull_.begin(), entryFull_.end(), 1u);
    overloaded_ = false;
    servedBase_ = 0.0;
    std::fill(ratio_.begin(), ratio_.end(), 1.0);
    std::fill(possible_.begin(), possible_.end(), 0u);
    std::fill(tierOverloaded_.begin(), tierOverloaded_.end(), 0u);
    std::fill(capFlag_.begin(), capFlag_.end(), 0);
    capTouched_.clear();
    possibleCount_ = overloadedCount_ = 0;
    lastFactor_ = lastFactorMax_ = -1.0;
    if (plain_ && initial_.valid) {
        // Every replication of a plain model starts from the same state (all new, nothing
        // masked, every link up), so its evaluation is done once and copied.
        flow_ = initial_.flow;
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
            initial_ = {true, flow_, ownDownEntries_, ownDownList_, ownDownPos_, criticalList_, share_, outageStart_};
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

void Simulator::addMonthly(double from, double to, double down)
{
    double a = std::max(from, monthOrigin_);
    if (a >= to)
        return;
    // Month by month, the index moving on each step, so a boundary that rounds badly cannot
    // stall the loop.
    for (auto k = static_cast<std::size_t>(std::floor((a - monthOrigin_) / monthHours_));
         a < to && k < seg_.monthUnserved.size(); ++k) {
        const double end = std::min(to, monthOrigin_ + static_cast<double>(k + 1) * monthHours_);
        if (end > a)
            seg_.monthUnserved[k] += down * (end - a);
        a = std::max(a, end);
    }
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
    std::fill(seg_.monthUnserved.begin(), seg_.monthUnserved.end(), 0.0);
}

}  // namespace nines::sim
