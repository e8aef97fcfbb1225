// Exact stationary behaviour of one redundancy group whose instances depend on each other:
// a k-of-n group with r repair crews, or a hot/warm/cold standby group with failover time and
// success probability, and failed failovers retried after a fixed delay. Exponential failures,
// repairs and failover times make it a CTMC (solved by GTH state reduction); a fixed failover
// time or a retry delay makes it a Markov regenerative process, solved exactly through its
// embedded chain and matrix exponentials, as long as one kind of fixed clock runs (and, for
// fixed failover times, at most one failover at a time).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nines::sim {

struct GroupChainParams {
    int n = 1;                 // instances
    int k = 1;                 // required in service
    bool standby = false;
    double failure_rate = 0;   // per hour, of an instance in service (all failure modes)
    double spare_rate = 0;     // per hour, of a spare (hot: = failure_rate, warm: dormant, cold: 0)
    double repair_rate = 0;    // per hour
    int crews = 0;             // repairs at once (n or more: unlimited)
    double failover_hours = 0; // fixed, or the mean of an exponential time
    bool failover_exponential = false;
    double coverage = 1;       // failover success probability
    double retry_hours = 0;    // a failed failover is tried again after this fixed time (0: never)
};

struct GroupChain {
    struct State {
        int serving = 0;  // instances in service and healthy
        int healthy = 0;  // in service or spare, healthy
    };
    struct Flow {
        int from = 0, to = 0;
        double rate = 0;  // stationary rate of this transition (probability x rate), per hour
    };
    std::vector<State> states;
    std::vector<double> probability;  // time-average probability of each state
    std::vector<Flow> flows;          // exponential transitions (all failures are among them)
    double failovers_per_hour = 0.0;  // completed failovers, in the long run
};

/// Solves the group; nullopt with `why` set when it is outside what can be solved exactly.
std::optional<GroupChain> solveGroupChain(const GroupChainParams& p, std::string& why);

}  // namespace nines::sim
