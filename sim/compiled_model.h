// A validated model compiled into flat arrays for the simulation's hot loop: no strings,
// maps or model objects, indices everywhere.
#pragma once

#include "model/model.h"
#include "network.h"
#include "sampler.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace nines::sim {

struct CompiledMode {
    Sampler failure;
    Sampler repair;
    Sampler dormant;  // warm spares; Never when not warm
    double detection_hours = 0.0;
    std::uint64_t key = 0;  // hash of the mode id
};

struct CompiledComponent {
    std::uint32_t firstInstance = 0, instances = 0;
    std::uint32_t required = 1;   // k
    std::uint32_t threshold = 1;  // serving instances needed: k, or a majority for active CP stores
    std::uint32_t quorum = 0;     // standby CP stores: healthy replicas needed besides k in service
    std::uint32_t firstMode = 0, modeCount = 0;
    bool memoryModes = false;     // a failure (or dormant) clock that is not exponential
    std::uint32_t firstCell = 0, cellCount = 0;  // (component, zone) cells
    std::uint32_t firstCallee = 0, calleeCount = 0;
    std::uint32_t firstCaller = 0, callerCount = 0;
    model::DependencyMode depMode = model::DependencyMode::All;
    std::uint32_t depMin = 1;
    bool standby = false;
    model::StandbyKind standbyKind = model::StandbyKind::Hot;
    double failover_hours = 0.0;  // mean failover time
    Sampler failover;             // the failover time (hours)
    double failoverRetry_hours = 0.0;  // 0: a failed failover is not retried
    double failover_probability = 1.0;
    bool failOverOnDomainLoss = false;  // standby: a masked in-service instance is lost to the group
    double domainDetection_hours = 0.0; // ... noticed after this long
    std::int32_t crew = -1;  // -1: unlimited repairs
    std::int32_t entry = -1; // index among entries, -1 when not an entry
    std::uint64_t key = 0;   // hash of the component id
};

/// Instances of one component placed in one zone: they share masks and reachability.
struct Cell {
    std::uint32_t component = 0;
    std::int32_t zone = -1;  // zone index, -1 when the component names no zone
};

/// An asynchronous dependency through a queue: the caller does not need the consumer while the
/// backlog (message rate x time the consumer has been down) fits the buffer.
struct CompiledQueue {
    std::uint32_t from = 0, to = 0;
    double buffer_messages = 0.0;
    double messages_per_hour = 0.0;
    double fill_hours = 0.0;  // buffer / rate: how long the consumer may be down (infinity: rate 0)
};

/// A data store: partitions and divergence are tracked for it, failovers and failures counted.
struct CompiledStore {
    std::uint32_t component = 0;
    bool cp = true;
    bool async = false;
    double lag_seconds = 0.0;
    double write_rate_per_second = 0.0;
};

struct CompiledEntry {
    std::uint32_t component = 0;
    double share = 0.0;
    std::int32_t node = -1;  // network node; -1 = everywhere
};

/// A failure domain with its own alternating up/down process: zone, region, link or shared fate.
struct CompiledDomain {
    enum Kind : std::uint8_t { Zone, Region, Link, SharedFate };
    Kind kind = Zone;
    std::uint32_t index = 0;  // into zones / regions / links / shared_fate of the model
    Sampler failure;          // time between outages (Never: always up)
    Sampler repair;
    std::uint64_t key = 0;
    std::vector<std::uint32_t> cells;  // cells it masks (zones, regions, shared fate)
    std::int32_t link = -1;            // link index for Link domains
};

struct CompiledModel {
    std::vector<CompiledComponent> components;
    std::vector<CompiledMode> modes;
    std::vector<std::uint32_t> instanceComponent;  // component of each instance
    std::vector<std::uint32_t> instanceCell;       // cell of each instance
    std::vector<Cell> cells;
    std::vector<std::uint32_t> callees;  // flattened callee lists
    std::vector<std::uint32_t> callers;  // flattened caller lists
    std::vector<std::int32_t> calleeQueue;  // parallel to callees: queue index, -1 for a sync edge
    std::vector<std::int32_t> callerQueue;  // parallel to callers: queue index, -1 for a sync edge
    std::vector<CompiledQueue> queues;
    std::vector<double> calleeCalls;  // parallel to callees: calls per request

    // Capacity in the simulation (when the model has a load and at least one capacity).
    bool hasCapacity = false;
    bool overloadCountsAsDown = false;
    std::vector<double> capacityPerInstance;  // per component; 0 = not modelled (unlimited)
    std::vector<double> entryPeakDemand;      // per entry: peak_rps x share (requests per second)
    std::array<double, 24> dailyProfile{};    // fraction of the peak per hour of the day
    double growthPerHour = 0.0;               // ln(1 + yearly growth) / 8,760
    std::vector<std::uint32_t> topoOrder;  // callees before callers
    std::vector<CompiledEntry> entries;
    std::vector<CompiledStore> stores;
    std::vector<std::int32_t> storeOf;  // per component: index into stores, -1 when not a store
    std::vector<CompiledDomain> domains;
    std::vector<std::uint32_t> crewSizes;
    std::vector<double> empiricalSamples;
    Network network;
    std::vector<std::string> componentIds;  // for results only, never touched by the hot loop
    double sla_availability = 0.999;
    /// The SLA credit schedule and the fee it is a share of (settings.sla_credits, monthly_fee).
    std::vector<model::CreditStep> sla_credits;
    double monthly_fee = 0.0;

    std::size_t instanceCount() const { return instanceComponent.size(); }
};

/// Compiles a validated model. Throws std::invalid_argument only on a model that did not
/// pass validation (a programming error, not a user error).
CompiledModel compile(const model::Model& m);

}  // namespace nines::sim
