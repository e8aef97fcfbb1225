// The simulator's event loop: the future event set, the handlers of instance failures, repairs
// and failovers, and the evaluation of what is up and how much traffic is served. The setup is in
// simulator_setup.cpp, the paths only some models take in simulator_hooks.cpp, the evaluations of
// the whole model at once in simulator_whole.cpp.
#include "simulator.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace nines::sim {

// ---------------------------------------------------------------------------------------
// Event loop

bool Simulator::runUntil(double t, const std::atomic<bool>* cancel)
{
    // Models that use none of capacity, queues, data stores, several entries or a trace run a
    // copy of the loop with those hooks compiled out: each costs loads and branches per event.
    return simple_ ? loop<true>(t, cancel) : loop<false>(t, cancel);
}

// flatten (on the declaration): the event loop is the hot path; inlining every handler into it
// removes most of the call overhead, which for small models is a large share of an event's cost.
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
        if (!seg_.monthUnserved.empty())
            addMonthly(now_, t, 1.0 - share_);
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
        if (S && inst_[owner].simple) {
            stepSimple<S>(inst_[owner]);
            break;
        }
        if (inst_[owner].role != Failed) {
            onFailure<S>(owner, 0);
            break;
        }
        [[fallthrough]];
    case TimerSlot:
        if (inst_[owner].phase == DomainLost) {
            kind = TraceEvent::Detection;
            inst_[owner].phase = NoPhase;
            startFailover(inst_[owner].comp);
            updateComponent<S>(inst_[owner].comp);
        } else if (inst_[owner].phase == Detecting) {
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
    case RetrySlot:
        kind = TraceEvent::FailoverRetry;
        unsched(slot);  // (off the heap first: a failed retry schedules the next one)
        startFailover(owner);
        updateComponent<S>(owner);
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

void Simulator::startClocks(std::uint32_t i, bool residual)
{
    const std::uint32_t c = inst_[i].comp;
    const auto& cc = m_.components[c];
    const Instance& x = inst_[i];
    const bool spare = x.role == Spare;
    if (spare && cc.standbyKind == model::StandbyKind::Cold)
        return;  // a cold spare does not age
    const bool dormant = spare && cc.standbyKind == model::StandbyKind::Warm;
    if (residual && cc.memoryModes && cc.modeCount > 1) {
        // Competing clocks with memory share the instance's age: drawn together.
        constexpr std::uint32_t kInline = 8;
        const Sampler* clocks[kInline];
        Stream* streams[kInline];
        double dts[kInline];
        std::vector<const Sampler*> clockList;
        std::vector<Stream*> streamList;
        std::vector<double> dtList;
        const bool small = cc.modeCount <= kInline;
        if (!small) {
            clockList.resize(cc.modeCount);
            streamList.resize(cc.modeCount);
            dtList.resize(cc.modeCount);
        }
        const Sampler** cl = small ? clocks : clockList.data();
        Stream** st = small ? streams : streamList.data();
        double* out = small ? dts : dtList.data();
        for (std::uint32_t k = 0; k < cc.modeCount; ++k) {
            const CompiledMode& mode = m_.modes[cc.firstMode + k];
            cl[k] = dormant ? &mode.dormant : &mode.failure;
            st[k] = &failureStreams_[inst_[i].modeBase + k];
        }
        stationaryResiduals(cl, st, cc.modeCount, *st[0], out);
        for (std::uint32_t k = 0; k < cc.modeCount; ++k)
            if (std::isfinite(out[k]))
                sched(inst_[i].first + k, now_ + out[k]);
        return;
    }
    for (std::uint32_t k = 0; k < cc.modeCount; ++k) {
        const CompiledMode& mode = m_.modes[cc.firstMode + k];
        const Sampler& s = dormant ? mode.dormant : mode.failure;
        Stream& stream = failureStreams_[inst_[i].modeBase + k];
        const double dt = residual ? s.residual(stream) : s.draw(stream);
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
    // A displaced primary whose loss was not noticed yet: its failure, once detected, starts the
    // failover the domain's loss would have. It stays marked displaced, so that the group fails
    // over to a spare of that domain when the domain returns, if the group is short then.
    x.wasInService = wasServing || x.phase == DomainLost;
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
    x.displaced = false;
    if constexpr (!S)
        ++cellHealthy_[inst_[i].cell];
    if (cc.failOverOnDomainLoss && compInService_[c] < cc.required && cellMask_[x.cell] > 0) {
        // Its failure domain is out: it cannot take over from in there. It waits as a displaced
        // spare and serves as soon as the domain returns, if the group is still short then.
        x.role = Spare;
        x.displaced = true;
    } else if (!cc.standby || compInService_[c] < cc.required) {
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
        if (cc.failoverRetry_hours > 0.0)
            settleRetry(c);
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

// What onFailure, onDetected and onRepaired do for an instance with one failure mode, outside
// standby groups and repair crews, without their tests: such an instance is only ever in
// service, detecting or repairing, and each event moves its one slot. Most instances of most
// models are like this, so it is worth its own copy; the general path must stay in step with it
// (tst_engine checks that both give the same results).
template <bool S>
void Simulator::stepSimple(Instance& x)
{
    assert(fired_ == x.timer && heap_.top() == x.timer);  // its one slot fired: moved from the top
    if (x.role != Failed) {
        --cellServing_[x.cell];
        --compInService_[x.comp];
        seg_.failures[x.comp] += 1.0;
        x.role = Failed;
        x.wasInService = true;
        if (x.detection > 0.0) {
            x.phase = Detecting;
            schedFired(now_ + x.detection);
        } else {
            x.phase = Repairing;
            schedFired(now_ + x.nextRepair);
            x.nextRepair = x.repair->draw(*x.repairStream);
        }
    } else if (x.phase == Detecting) {
        x.phase = Repairing;  // (the component's state does not change)
        schedFired(now_ + x.nextRepair);
        x.nextRepair = x.repair->draw(*x.repairStream);
        return;
    } else {
        x.phase = NoPhase;
        x.role = InService;
        ++cellServing_[x.cell];
        ++compInService_[x.comp];
        if (std::isfinite(x.nextFailure))
            schedFired(now_ + x.nextFailure);
        x.nextFailure = x.failure->draw(*x.failureStream);
    }
    updateComponent<S>(x.comp);
}

// A pending retry of a failed failover is dropped once the group no longer needs it (a repair,
// another failover or a returning zone covered it; called where those happen); a later failed
// failover waits a whole retry delay again.
__attribute__((noinline)) void Simulator::settleRetry(std::uint32_t c)
{
    const std::uint32_t slot = firstRetrySlot_ + c;
    if (heap_.scheduled(slot) && compInService_[c] + compFailovers_[c] >= m_.components[c].required)
        unsched(slot);
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
        // A spare whose domain is out cannot take over (the earlier rule, kept with
        // fail_over_on_zone_loss false, switched it in masked).
        if (inst_[j].role == Spare && !inst_[j].switching && (!cc.failOverOnDomainLoss || cellMask_[inst_[j].cell] == 0)) {
            spare = j;
            found = true;
            break;
        }
    if (!found)
        return;  // no spare, no failover
    if (failoverStreams_[c].uniform() >= cc.failover_probability) {
        // The failover fails: tried again after the retry delay (one attempt pending at a time;
        // it finds out then whether the group is still short and has a spare), or never.
        if (cc.failoverRetry_hours > 0.0 && !heap_.scheduled(firstRetrySlot_ + c))
            sched(firstRetrySlot_ + c, now_ + cc.failoverRetry_hours);
        return;
    }
    inst_[spare].switching = true;
    ++compFailovers_[c];
    // (A fixed time draws no uniform, so streams stay as they were before failover times
    // could be distributions.)
    const double dt = cc.failover.draw(failoverStreams_[c]);
    if (dt > 0.0)
        sched(inst_[spare].failover, now_ + dt);
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
    if (cc.failoverRetry_hours > 0.0)
        settleRetry(c);
    if (cc.standbyKind != model::StandbyKind::Hot) {
        stopClocks(i);  // a warm spare now ages like an active one; a cold one starts to
        startClocks(i);
    }
    updateComponent<S>(c);
}

// ---------------------------------------------------------------------------------------
// Evaluation of "up"

std::uint32_t Simulator::servingFor(std::uint32_t c, std::uint32_t e) const
{
    const auto& cc = m_.components[c];
    std::uint32_t n = 0;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k)
        if (!cellMask_[k] && reaches(e, k))
            n += cellServing_[k];
    return n;
}

template <bool S>
bool Simulator::ownUpFor(std::uint32_t c, std::uint32_t e) const
{
    const auto& cc = m_.components[c];
    if (cc.cellCount == 1 && (S || cc.quorum == 0)) {  // (a quorum is for data stores)
        // The common case: all instances in one place.
        const std::uint32_t k = cc.firstCell;
        return !cellMask_[k] && reaches(e, k) && cellServing_[k] >= cc.threshold;
    }
    if (servingFor(c, e) < cc.threshold)
        return false;
    if (cc.quorum == 0)
        return true;
    std::uint32_t healthy = 0;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k)
        if (!cellMask_[k] && reaches(e, k))
            healthy += cellHealthy_[k];
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
        if (own == flow_[c].own)
            return;
        flow_[c].own = own;
        setOwnDown(c, 0, !own);
        criticalDirty_ = true;
        propagate<S>(c, 0);
        return;
    }
    for (std::uint32_t e = 0; e < nEntries_; ++e) {
        const std::size_t idx = c * nEntries_ + e;
        const std::uint32_t own = ownUpFor<S>(c, e) ? 1 : 0;
        if (own == flow_[idx].own)
            continue;
        flow_[idx].own = own;
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
    Flow* const flow = flow_.data();
    const std::uint32_t* const callers = m_.callers.data();
    std::uint32_t* stack = propagateStack_.data();
    std::size_t top = 0;
    stack[top++] = from;
    while (top > 0) {
        const std::uint32_t c = stack[--top];
        Flow& f = flow[c * E + e];
        const std::uint32_t now = f.own && f.deps >= f.need ? 1 : 0;
        if (now == f.up)
            continue;
        f.up = now;
        criticalDirty_ = true;
        if constexpr (!S)
            flowDirty_ = true;  // (read by the capacity evaluation only)
        if (f.entry == static_cast<std::int32_t>(e))
            shareDirty_ = true;
        for (std::uint32_t k = f.firstCaller; k < f.callerEnd; ++k) {
            const std::uint32_t p = callers[k];
            std::uint32_t& d = flow[p * E + e].deps;
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

template <bool S>
void Simulator::recomputeShare()
{
    double s = 0.0;
    if constexpr (S) {
        s = flow_[entryComponent_].up ? 1.0 : 0.0;  // one entry, never short of capacity
    } else if (nEntries_ == 1) {
        s = flow_[m_.entries[0].component].up && entryFull_[0] ? 1.0 : 0.0;  // one entry carries all the traffic
    } else {
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            const auto& en = m_.entries[e];
            if (flow_[en.component * nEntries_ + e].up && entryFull_[e])
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

// The setup and the cold paths, in their own files, use these copies.
template void Simulator::setServing<false>(std::uint32_t, bool);
template void Simulator::recomputeShare<false>();
template void Simulator::updateComponent<false>(std::uint32_t);
template void Simulator::propagate<false>(std::uint32_t, std::uint32_t);
template bool Simulator::ownUpFor<false>(std::uint32_t, std::uint32_t) const;

}  // namespace nines::sim
