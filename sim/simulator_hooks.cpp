// The simulator's cold paths for what only some models have: failure domains (zones, regions,
// links, shared fate), queues that buffer a consumer's outage, the capacity evaluation against
// demand, and data stores' partitions. They are called from the event loop but kept out of it.
#include "simulator.h"

#include <algorithm>
#include <cmath>

namespace nines::sim {

// ---------------------------------------------------------------------------------------
// Failure domains

void Simulator::refreshNetwork()
{
    m_.network.reachability(linkUp_, reach_);
    allReach_ = std::all_of(reach_.begin(), reach_.end(), [](std::uint8_t r) { return r != 0; });
    if (!m_.stores.empty())
        m_.network.components(linkUp_, label_);
}

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
        refreshNetwork();
        evaluateAll();
        return;
    }
    std::uint32_t last = UINT32_MAX;
    // Every mask first, then what the standby groups do: a failover must not pick a spare
    // that this same outage masks a moment later.
    changedCells_.clear();
    for (auto cell : dom.cells) {
        if (down ? ++cellMask_[cell] == 1 : --cellMask_[cell] == 0)
            if (m_.components[m_.cells[cell].component].failOverOnDomainLoss)
                changedCells_.push_back(cell);
    }
    for (auto cell : changedCells_) {
        if (down)
            cellMasked(cell);
        else
            cellUnmasked(cell);
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

// A standby group's in-service instances in a cell that a domain just masked are lost to the
// group (DESIGN.md, "Failover on loss of a failure domain"): they become spares (of the group's
// kind, so a warm one ages as a dormant spare) and, once the loss is noticed after the group's
// detection delay, a failover to an unmasked spare starts for each. A spare being switched in
// there cannot finish: its failover is abandoned and another starts at once.
void Simulator::cellMasked(std::uint32_t cell)
{
    const std::uint32_t c = m_.cells[cell].component;
    const auto& cc = m_.components[c];
    std::uint32_t now = 0;  // failovers to start at once
    for (std::uint32_t j = cc.firstInstance; j < cc.firstInstance + cc.instances; ++j) {
        Instance& x = inst_[j];
        if (x.cell != cell)
            continue;
        if (x.switching) {
            x.switching = false;
            unsched(x.failover);
            --compFailovers_[c];
            ++now;
        }
        if (x.role != InService)
            continue;
        setServing<false>(j, false);
        x.role = Spare;
        x.displaced = true;
        if (cc.standbyKind != model::StandbyKind::Hot) {
            stopClocks(j);
            startClocks(j);
        }
        if (cc.domainDetection_hours > 0.0) {
            x.phase = DomainLost;
            sched(x.timer, now_ + cc.domainDetection_hours);
        } else {
            ++now;
        }
    }
    for (; now > 0; --now)
        startFailover(c);
}

// The instances a domain displaced come back: as spares (no failback), or into service at once
// while the group is short, which makes a failover in progress unnecessary (as a repair does).
// One that failed meanwhile cannot: the group fails over to a spare instead (startFailover does
// nothing unless the group is short and a spare is reachable).
void Simulator::cellUnmasked(std::uint32_t cell)
{
    const std::uint32_t c = m_.cells[cell].component;
    const auto& cc = m_.components[c];
    std::uint32_t failedMeanwhile = 0;
    for (std::uint32_t j = cc.firstInstance; j < cc.firstInstance + cc.instances; ++j) {
        Instance& x = inst_[j];
        if (x.cell != cell || !x.displaced)
            continue;
        x.displaced = false;
        if (x.phase == DomainLost) {
            unsched(x.timer);
            x.phase = NoPhase;
        }
        if (x.role == Failed) {
            ++failedMeanwhile;
            continue;
        }
        if (compInService_[c] >= cc.required)
            continue;
        x.role = InService;
        setServing<false>(j, true);
        if (cc.standbyKind != model::StandbyKind::Hot) {
            stopClocks(j);
            startClocks(j);
        }
        if (compFailovers_[c] > 0)
            for (std::uint32_t k = cc.firstInstance; k < cc.firstInstance + cc.instances; ++k)
                if (inst_[k].switching) {
                    inst_[k].switching = false;
                    unsched(inst_[k].failover);
                    --compFailovers_[c];
                    break;
                }
    }
    if (cc.failoverRetry_hours > 0.0)
        settleRetry(c);
    // Those that failed while the domain was out cannot serve: one failover for each place they
    // leave empty in the group, to a spare that is reachable again.
    const std::uint32_t busy = compInService_[c] + compFailovers_[c];
    const std::uint32_t empty = busy < cc.required ? cc.required - busy : 0;
    for (std::uint32_t k = std::min(failedMeanwhile, empty); k > 0; --k)
        startFailover(c);
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
    --flow_[caller * nEntries_ + e].deps;
    propagate<false>(caller, e);
}

// Inlined: evaluateCapacity calls it for every touched tier, often many times per event.
inline __attribute__((always_inline)) double Simulator::tierRatio(std::uint32_t c, double factorNow, double factorMax, std::uint32_t& possible) const
{
    const double perInstance = m_.capacityPerInstance[c];
    const double total = demandTotal_[c];
    possible = 0;
    if (!(perInstance > 0.0) || !(total > 0.0))
        return 1.0;
    const auto& cc = m_.components[c];
    std::uint32_t serving = 0;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k)
        if (!cellMask_[k])
            serving += cellServing_[k];
    const double capacity = serving * perInstance;
    possible = total * factorMax > capacity ? 1u : 0u;
    return total * factorNow > capacity ? capacity / (total * factorNow) : 1.0;
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
            if (!flow_[entry * E + e].up)
                continue;
            double* d = &demandE_[e * C];
            d[entry] = m_.entryPeakDemand[e];
            for (auto it = m_.topoOrder.rbegin(); it != m_.topoOrder.rend(); ++it) {  // callers first
                const std::uint32_t c = *it;
                if (d[c] <= 0.0 || !flow_[c * E + e].up)
                    continue;
                const auto& cc = m_.components[c];
                std::uint32_t live = 0;
                for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k)
                    live += flow_[m_.callees[k] * E + e].up;
                if (live == 0)
                    continue;
                const double split = cc.depMode == model::DependencyMode::All ? 1.0 : 1.0 / live;
                for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k)
                    if (flow_[m_.callees[k] * E + e].up)
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
    const double g = m_.growthPerHour;
    const double factorNow = demand().factorAtWhole(hourStart);
    // "Could be overloaded" is judged against the highest factor until the end of the next
    // day, so it needs a fresh look once a day; the hourly factor matters only for the tiers
    // that could be overloaded.
    const double day = std::floor(now_ / 24.0);
    const double factorMax = maxProfile_ * std::exp(g * ((day + 2.0) * 24.0 - growthOrigin_));
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
    // One entry that reaches every zone (the common case): one ratio per tier, inline.
    const bool oneRatio = allReach_ && E == 1;
    for (const std::uint32_t c : capTouched_) {
        capFlag_[c] = 0;
        double* const ratio = &ratio_[c * E];
        std::uint32_t possible = 0;
        bool changedRatio = false;
        if (oneRatio) {
            const double r = tierRatio(c, factorNow, factorMax, possible);
            changedRatio = r != ratio[0];
            ratio[0] = r;
        } else {
            changedRatio = tierRatios(c, factorNow, factorMax, ratio, possible);
        }
        if (changedRatio || possible != possible_[c]) {
            std::uint32_t is = tierOverloaded_[c];
            if (changedRatio) {
                is = 0;
                for (std::size_t e = 0; e < E; ++e)
                    is |= ratio[e] < 1.0 ? 1u : 0u;
            }
            overloadedCount_ = overloadedCount_ + is - tierOverloaded_[c];
            tierOverloaded_[c] = is;
            possibleCount_ = possibleCount_ + possible - possible_[c];
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
        double fraction = flow_[m_.entries[e].component * E + e].up ? 1.0 : 0.0;
        if (overloadedCount_ > 0)
            for (std::size_t c = 0; c < C && fraction > 0.0; ++c)
                if (d[c] > 0.0)
                    fraction = std::min(fraction, ratio_[c * E + e]);
        servedBase_ += m_.entryPeakDemand[e] * fraction;
        const std::uint32_t full = !m_.overloadCountsAsDown || fraction >= kFull ? 1u : 0u;
        if (full != entryFull_[e]) {
            entryFull_[e] = full;
            shareDirty_ = true;
            criticalDirty_ = true;
        }
    }
}

// Out of line: for several entries, or while some entry does not reach some zone.
__attribute__((noinline)) bool Simulator::tierRatios(std::uint32_t c, double factorNow, double factorMax, double* ratio,
                                                     std::uint32_t& possible)
{
    // Each entry spreads its demand on the tier evenly over the instances that serve it: in
    // service, not masked, and in a zone the entry reaches. A cell (the tier's instances in one
    // zone) carries the demand of every entry that reaches it and serves capacity/load of it
    // when overloaded; an entry gets the average over the instances it uses. When every serving
    // instance is reachable from every entry that sends demand, this is tierRatio.
    const std::size_t E = nEntries_, C = nComponents_;
    bool changed = false;
    auto set = [&](std::size_t e, double r) {
        changed |= r != ratio[e];
        ratio[e] = r;
    };
    const auto& cc = m_.components[c];
    bool partitioned = false;
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount && !allReach_; ++k)
        if (!cellMask_[k] && cellServing_[k] > 0)
            for (std::size_t e = 0; e < E; ++e)
                partitioned |= demandE_[e * C + c] > 0.0 && !reaches(e, k);
    const double perInstance = m_.capacityPerInstance[c];
    if (!partitioned || !(perInstance > 0.0) || !(demandTotal_[c] > 0.0)) {
        const double r = tierRatio(c, factorNow, factorMax, possible);
        for (std::size_t e = 0; e < E; ++e)
            set(e, r);
        return changed;
    }
    possible = 0;
    std::vector<double>& load = cellLoad_;
    std::vector<double>& reachable = entryReach_;
    for (std::size_t e = 0; e < E; ++e)
        reachable[e] = servingFor(c, static_cast<std::uint32_t>(e));
    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
        double& l = load[k - cc.firstCell];
        l = 0.0;
        if (cellMask_[k] || cellServing_[k] == 0)
            continue;
        for (std::size_t e = 0; e < E; ++e)
            if (reachable[e] > 0.0 && reaches(e, k))
                l += demandE_[e * C + c] * cellServing_[k] / reachable[e];
        if (l * factorMax > cellServing_[k] * perInstance)
            possible = 1;
    }
    for (std::size_t e = 0; e < E; ++e) {
        if (!(demandE_[e * C + c] > 0.0) || !(reachable[e] > 0.0)) {
            set(e, 1.0);  // (no demand from it, or the tier does not serve it and so gets none)
            continue;
        }
        double r = 0.0;
        for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
            const double l = load[k - cc.firstCell];
            if (cellMask_[k] || cellServing_[k] == 0 || !reaches(e, k))
                continue;
            const double capacity = cellServing_[k] * perInstance;
            const double cellRatio = l * factorNow > capacity ? capacity / (l * factorNow) : 1.0;
            r += cellServing_[k] / reachable[e] * cellRatio;
        }
        set(e, std::min(r, 1.0));
    }
    return changed;
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

}  // namespace nines::sim
