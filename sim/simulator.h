// One discrete-event replication of a compiled model: instance failures, detection, repair
// with crews, standby failover, zone/region/link/shared-fate outages, and the served share of
// the entries' traffic, accumulated over time. All state is preallocated; nothing is allocated
// per event.
#pragma once

#include "compiled_model.h"
#include "demand_curve.h"
#include "event_heap.h"
#include "outage_histogram.h"
#include "random.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace nines::sim {

/// What one stretch of simulated time (a replication, or a batch of a long run) measured.
struct Segment {
    double hours = 0.0;
    double unservedHours = 0.0;  // integral of (1 - served share)
    double outages = 0.0;        // outages that started in the segment
    double outageHours = 0.0;    // their total length (cut at the segment's end)
    std::uint64_t events = 0;
    std::vector<double> criticalHours;  // per component: system down and this one alone kept it so
    std::vector<double> ownDownHours;   // per component: its own group short for some entry
    std::vector<double> partitionedHours;  // per data store: healthy replicas on 2+ sides of a partition
    std::vector<double> divergentHours;    // per data store: 2+ sides each serving some entry
    std::vector<double> failovers;         // per component: completed failovers
    std::vector<double> failures;          // per component: instance failures
    // Per queue, as the first entry sees its consumer:
    std::vector<double> queueBufferingHours;  // consumer down, backlog still fits
    std::vector<double> queueFullHours;       // consumer down, buffer full: messages lost
    std::vector<double> queuePeakBacklog;     // messages
    std::vector<double> queueOutages;         // consumer outages that started
    double demandRequests = 0.0;   // capacity models: requests that arrived (x 3600: per hour)
    double servedRequests = 0.0;   // ... and were served (performability = served / demand)
    double overloadHours = 0.0;    // some tier's demand above its capacity
    OutageHistogram outageLengths;
    std::vector<double> monthUnserved;  // per whole month of the observed window (setMonths)
};

/// One state change, for an event log (only when asked for: see Simulator::setTrace).
struct TraceEvent {
    enum Kind : std::uint8_t { Failure, Detection, Repair, Failover, DomainDown, DomainUp, BufferFull, FailoverRetry };
    double hours = 0.0;
    Kind kind = Failure;
    std::uint32_t element = 0;  // instance; failure domain for Domain*; queue for BufferFull; component for FailoverRetry
    std::uint32_t mode = 0;     // failure mode (Failure), else 0
    double share = 1.0;         // served share after the event
};
using TraceFn = std::function<void(const TraceEvent&)>;

class Simulator {
public:
    /// Sets up the state of every instance. `abandon` (optional) is polled while that and each
    /// reset() walk the instances: a model of ten million instances takes seconds to set up, and
    /// a cancelled or timed-out run must not wait for it (abandoned() then tells).
    explicit Simulator(const CompiledModel& model, const std::atomic<bool>* abandon = nullptr);

    /// The memory one simulator of this model holds, from the same counts its set-up uses (the
    /// arrays per instance, failure mode and timer dominate; per component and zone they are
    /// small): a run starts no more workers than fit in its memory budget.
    static double bytesFor(const CompiledModel& model);

    /// Set-up or the last reset() stopped early because `abandon` turned true: the simulator
    /// must not run. After an abandoned reset, a later reset() starts over; after an abandoned
    /// set-up, the simulator stays abandoned (its arrays are half built).
    bool abandoned() const { return abandoned_ || !setUp_; }

    /// Demand grows with the model's yearly growth from this hour on (the start of the observed
    /// window: a steady-state run's warm-up sees less than today's load, never more).
    void setGrowthOrigin(double hour) { growthOrigin_ = hour; }

    /// Accumulates unserved hours per calendar month too: `months` months of `monthHours` from
    /// hour `origin` (the observed window's start), from the next segment on.
    void setMonths(double origin, double monthHours, std::size_t months)
    {
        monthOrigin_ = origin;
        monthHours_ = monthHours;
        seg_.monthUnserved.assign(months, 0.0);
    }

    /// Calls `fn` after every event (nullptr: no log, the default), from the next reset on.
    void setTrace(TraceFn fn) { trace_ = std::move(fn); }

    /// Starts a replication at time 0, drawing from the streams of (seed, replication): with
    /// everything new, or (stationary) with every failure clock, and every failure domain's,
    /// drawn as a clock that has been running since long ago (Sampler::residual), so that a
    /// short warm-up settles what remains (repairs, failovers, queues); see docs/engine.md.
    void reset(std::uint64_t seed, std::uint64_t replication, bool stationary = false);

    /// Simulates up to time `t` (hours since reset). Returns false when cancelled.
    bool runUntil(double t, const std::atomic<bool>* cancel = nullptr);

    /// The measurements since the last take (or reset), which restarts them.
    void takeSegment(Segment& out);

    double now() const { return now_; }
    double servedShare() const { return share_; }

private:
    static constexpr double kFull = 1.0 - 1e-12;  // a served share at or above this is "fully served"

    const std::atomic<bool>* abandon_ = nullptr;
    bool abandoned_ = false;
    bool setUp_ = false;  // the constructor finished
    /// Polls `abandon_` every 16,384 steps of a walk over the instances (a relaxed load costs
    /// nothing there; the walk of ten million takes about a second).
    bool giveUp(std::size_t step)
    {
        if ((step & 0x3FFF) == 0 && abandon_ && abandon_->load(std::memory_order_relaxed))
            abandoned_ = true;
        return abandoned_;
    }
    /// Grows `v` to `n` elements in steps, polling `abandon_` after each (filling a gigabyte of
    /// instances at once would keep a cancelled run waiting); false when abandoned.
    template <typename V>
    bool growTo(V& v, std::size_t n)
    {
        constexpr std::size_t kStep = 65536;
        v.reserve(n);
        while (v.size() < n) {
            v.resize(std::min(n, v.size() + kStep));
            if (giveUp(0))
                return false;
        }
        return true;
    }
    enum SlotKind : std::uint8_t { LifeSlot, FailureSlot, TimerSlot, FailoverSlot, DomainSlot, QueueSlot, HourSlot, RetrySlot };
    enum Role : std::uint8_t { InService, Spare, Failed };
    /// DomainLost: in a standby group, an instance whose failure domain went out while it served
    /// and whose loss is not noticed yet (its timer runs the group's detection delay).
    enum Phase : std::uint8_t { NoPhase, Detecting, Queued, Repairing, DomainLost };

    /// An instance's state, and (fixed for the model) where it belongs and where its timers and
    /// streams are: what an event of the instance reads, in one place.
    struct Instance {
        Role role = InService;
        Phase phase = NoPhase;
        bool wasInService = false;  // when it failed
        bool switching = false;     // a spare being failed over to
        bool displaced = false;     // a spare because its failure domain went out while it served
        std::uint16_t failedMode = 0;
        // One failure mode, not in a standby group, no repair crew: the short path
        // (stepSimple), with its mode's samplers and streams at hand below.
        bool simple = false;
        std::uint32_t comp = 0, cell = 0;
        std::uint32_t first = 0;     // its failure slots, then timer, then failover
        std::uint32_t timer = 0, failover = 0;
        std::uint32_t modeBase = 0;  // index of its first failure / repair stream
        double detection = 0.0;
        // Its next failure clock and next repair time, drawn one use ahead: the draw (a
        // logarithm) is then off the path from one event to the next, and each stream still
        // gives its numbers in the same order.
        double nextFailure = 0.0, nextRepair = 0.0;
        const Sampler* failure = nullptr;
        const Sampler* repair = nullptr;
        Stream* failureStream = nullptr;
        Stream* repairStream = nullptr;
        void restart(Role r)
        {
            role = r;
            phase = NoPhase;
            wasInService = switching = displaced = false;
            failedMode = 0;
        }
    };
    /// A timer slot: what it is, whose, and which failure mode.
    struct Slot {
        std::uint32_t owner = 0;
        std::uint16_t mode = 0;
        SlotKind kind = LifeSlot;
    };

    struct Crew {
        std::uint32_t free = 0;
        std::uint32_t head = 0, size = 0;  // FIFO ring in crewQueue_
        std::uint32_t offset = 0, capacity = 0;
    };

    const CompiledModel& m_;
    const std::size_t nEntries_, nComponents_;
    EventHeap heap_;
    std::vector<Slot> slots_;
    std::uint32_t firstDomainSlot_ = 0;

    std::vector<Stream> failureStreams_;  // per instance x mode
    std::vector<Stream> repairStreams_;   // per instance x mode
    std::vector<Stream> failoverStreams_;  // per component
    std::vector<Stream> domainStreams_;    // per domain
    std::vector<std::uint64_t> streamIds_;  // identity of every stream above
    std::vector<Stream*> streamOf_;         // ... and where it lives

    std::vector<Instance> inst_;
    std::vector<std::uint32_t> cellServing_;  // in service and healthy (masks apply separately)
    std::vector<std::uint32_t> cellHealthy_;  // healthy (in service or spare), for CP majorities
    std::vector<std::uint32_t> cellMask_;     // active masks (zone, region, shared fate)
    std::vector<std::uint32_t> changedCells_; // scratch: cells a domain event (un)masked
    std::vector<std::uint32_t> compInService_;
    std::vector<std::uint32_t> compFailovers_;
    std::vector<std::uint8_t> domainDown_;
    std::vector<std::uint8_t> linkUp_;
    std::vector<std::uint8_t> reach_;  // entry x zone
    std::vector<Crew> crews_;
    std::vector<std::uint32_t> crewQueue_;

    /// What the walk up the dependencies reads and writes for one component and entry, in one
    /// record (one base address instead of one per array). 32-bit flags on purpose: stores
    /// through an 8-bit (char) type alias every other object, which makes the compiler reload
    /// all vector pointers in the hot loop.
    struct Flow {
        std::uint32_t own = 1;   // its own group is up (for this entry)
        std::uint32_t deps = 0;  // callees up
        std::uint32_t up = 0;    // own up and enough callees up
        std::uint32_t need = 0;  // callees that must be up (all / any / at least m)
        std::uint32_t firstCaller = 0, callerEnd = 0;  // its callers in the model's list
        std::int32_t entry = -1;  // its index among entries, -1 when not an entry
        std::uint32_t unused = 0;
    };
    std::vector<Flow> flow_;  // per component x entry
    std::vector<std::uint32_t> ownDownEntries_;  // per component: entries for which it is own-down
    std::vector<std::uint32_t> ownDownList_, ownDownPos_;
    std::vector<std::uint32_t> criticalList_;
    std::vector<std::uint32_t> propagateStack_;
    bool criticalDirty_ = false;
    bool shareDirty_ = false;

    double now_ = 0.0;
    double share_ = 1.0;
    TraceFn trace_;
    double outageStart_ = -1.0;  // < 0: no outage in progress
    Segment seg_;
    std::vector<std::uint32_t> scratchUp_;  // for criticality evaluations

    std::uint32_t fired_ = EventHeap::kAbsent;  // the slot being handled (still on the heap)
    bool firedMoved_ = false;                   // a handler rescheduled or cancelled it

    void sched(std::uint32_t slot, double t)
    {
        firedMoved_ |= slot == fired_;
        heap_.schedule(slot, t);
    }
    /// Reschedules the slot being handled, which is still on top of the heap, at t >= now.
    void schedFired(double t)
    {
        firedMoved_ = true;
        heap_.rescheduleTop(t);
    }
    void unsched(std::uint32_t slot)
    {
        firedMoved_ |= slot == fired_;
        heap_.cancel(slot);
    }

    // The event path, compiled twice: S (simple) leaves out what a model without capacity,
    // queues, data stores, several entries or a trace never needs.
    bool plain_ = false;   // the model uses none of them
    /// A plain model's state right after the first reset's evaluation: the same every time.
    struct Initial {
        bool valid = false;
        std::vector<Flow> flow;
        std::vector<std::uint32_t> ownDownEntries, ownDownList, ownDownPos, criticalList;
        double share = 1.0, outageStart = -1.0;
    } initial_;
    bool simple_ = false;  // ... and no trace is asked for (fixed at each reset)
    template <bool S>
    __attribute__((flatten)) bool loop(double t, const std::atomic<bool>* cancel);
    template <bool S>
    void advance(double t);
    template <bool S>
    void handle(std::uint32_t slot);
    template <bool S>
    void onFailure(std::uint32_t i, std::uint32_t mode);
    template <bool S>
    void onDetected(std::uint32_t i);
    template <bool S>
    void onRepaired(std::uint32_t i);
    template <bool S>
    void onFailoverDone(std::uint32_t i);
    template <bool S>
    void stepSimple(Instance& x);
    void onDomain(std::uint32_t d);

    void startClocks(std::uint32_t i, bool residual = false);
    void settleRetry(std::uint32_t c);
    void stopClocks(std::uint32_t i);
    void requestRepair(std::uint32_t i);
    void startRepair(std::uint32_t i);
    void startFailover(std::uint32_t c);
    /// Standby groups that fail over on domain loss: a cell masked (or unmasked) by a domain.
    void cellMasked(std::uint32_t cell);
    void cellUnmasked(std::uint32_t cell);
    template <bool S>
    void setServing(std::uint32_t i, bool inService);

    /// Whether entry e reaches cell k's zone over the links that are up (cells in no zone: yes).
    bool reaches(std::size_t e, std::uint32_t k) const
    {
        const std::int32_t z = m_.cells[k].zone;
        return z < 0 || reach_[e * m_.network.zoneCount() + static_cast<std::size_t>(z)] != 0;
    }
    /// Reachability, partition labels and allReach_ for the links in linkUp_.
    void refreshNetwork();
    struct {
        std::vector<std::uint8_t> reach;
        std::vector<int> label;
        bool allReach = true;
    } allLinksUp_;  // refreshNetwork's result with every link up: where every replication starts
    std::uint32_t servingFor(std::uint32_t c, std::uint32_t e) const;
    template <bool S>
    bool ownUpFor(std::uint32_t c, std::uint32_t e) const;
    bool depsSatisfied(std::uint32_t c, std::uint32_t count) const;
    template <bool S>
    void updateComponent(std::uint32_t c);
    template <bool S>
    void propagate(std::uint32_t c, std::uint32_t e);
    void setOwnDown(std::uint32_t c, std::uint32_t e, bool down);
    void evaluateAll();
    template <bool S>
    void recomputeShare();
    std::uint32_t entryComponent_ = 0;  // the first entry's component
    void refreshCritical();
    void evaluateCapacity();
    double growthOrigin_ = 0.0;
    double monthOrigin_ = 0.0, monthHours_ = 730.0;
    std::uint32_t hourSlot_ = 0;
    DemandCurve demand() const
    {
        return {&m_.dailyProfile, m_.growthPerHour, std::exp(-m_.growthPerHour * growthOrigin_)};
    }
    void touchCapacity(std::uint32_t c);
    bool flowDirty_ = true, fractionsDirty_ = true, ratiosAll_ = true;
    std::vector<std::uint32_t> possible_;  // per component: could be overloaded within a day
    std::vector<std::uint8_t> capFlag_;
    std::vector<std::uint32_t> capTouched_;
    std::uint32_t possibleCount_ = 0, overloadedCount_ = 0;
    double lastFactor_ = -1.0, lastFactorMax_ = -1.0;
    double totalBase_ = 0.0;    // peak demand of all entries (requests per second)
    double servedBase_ = 0.0;   // ... of which served now, per unit of the daily factor
    double maxProfile_ = 1.0;

    bool overloaded_ = false;
    std::vector<std::uint32_t> entryFull_;        // per entry: its bottleneck carries all its demand
    std::vector<double> demandE_, demandTotal_;  // entry x component, component (per unit of the daily factor)
    std::vector<double> ratio_;                  // component x entry: share of its demand the tier serves
    std::vector<double> cellLoad_, entryReach_;  // scratch for tierRatios
    std::vector<std::uint32_t> tierOverloaded_;  // per component: some entry's ratio below 1
    bool allReach_ = true;                       // every entry reaches every zone (no link cuts one off)
    /// The share of its demand that tier c serves when every entry reaches all its instances,
    /// and whether it could be overloaded within the next day.
    double tierRatio(std::uint32_t c, double factorNow, double factorMax, std::uint32_t& possible) const;
    /// The same per entry (ratio, one per entry) while links cut some entries off from some
    /// zones; returns whether a share changed.
    bool tierRatios(std::uint32_t c, double factorNow, double factorMax, double* ratio, std::uint32_t& possible);
    std::uint32_t queueCalleeChanged(std::uint32_t q, std::uint32_t e, std::uint32_t calleeUp);
    void onBufferFull(std::uint32_t qe);
    std::vector<std::uint32_t> queueCalleeUp_, queueEdgeUp_;  // per queue x entry
    std::vector<double> queueDownSince_;                      // per queue x entry
    std::vector<std::uint8_t> queueState_;                    // per queue (first entry): 0 idle, 1 buffering, 2 full
    std::uint32_t queuesActive_ = 0;                          // queues buffering or full
    std::uint32_t firstQueueSlot_ = 0;
    std::uint32_t firstRetrySlot_ = 0;  // per component: a failed failover tried again
    void evaluateStore(std::uint32_t store);
    std::vector<int> label_;                      // network component of each node
    std::vector<std::uint8_t> storePartitioned_, storeDivergent_;
    std::uint32_t storesFlagged_ = 0;             // stores partitioned or divergent right now
    std::vector<int> scratchLabels_;
    bool criticalAlone(std::uint32_t c);
    static constexpr std::uint32_t kMemoEntries = 8;
    std::vector<std::int8_t> criticalMemo_;  // per component x pattern of entries it is short for
    void clearSegment();
    void addMonthly(double from, double to, double down);
    double shareWithOnlyDown(std::uint32_t keepDown);
};

}  // namespace nines::sim
