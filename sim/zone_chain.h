// Exact stationary behaviour of one standby group together with the failure domains (zones,
// regions, shared-fate groups) that can mask its instances: with failover on the loss of a
// domain, which instance serves depends on the domains' history, so the group cannot be solved
// apart from them and then conditioned on their state. A CTMC over each instance's role and
// each domain's state, built from the engine's rules (DESIGN.md, "Failover on loss of a
// failure domain"), for exponential failures, repairs, outages and failover times, instant
// detection, and unlimited repairs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nines::sim {

struct ZoneChainParams {
    int n = 2, k = 1;
    std::vector<int> cellOf;                  // each instance's cell (0 .. cells - 1)
    int cells = 1;
    std::vector<std::vector<int>> domainCells;  // per coupled domain: the cells it masks
    std::vector<double> domainFailRate, domainRepairRate;  // per coupled domain, per hour
    double failure_rate = 0;  // of an instance in service, per hour
    double spare_rate = 0;    // of a spare (hot: the same; warm: dormant; cold: 0)
    double repair_rate = 0;
    double coverage = 1;      // failover success probability
    double failover_rate = 0; // 1 / mean of an exponential failover time; 0: instant
};

struct ZoneChain {
    struct State {
        std::uint32_t domainsDown = 0;  // bit d: coupled domain d is out
        std::vector<int> servingPerCell;
        double probability = 0;
    };
    std::vector<State> states;
    double failures_per_hour = 0.0;
    double failovers_per_hour = 0.0;
};

std::optional<ZoneChain> solveZoneChain(const ZoneChainParams& p, std::string& why);

}  // namespace nines::sim
