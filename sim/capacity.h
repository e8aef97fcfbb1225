// Capacity headroom per tier: demand from the load model (peak rate, daily profile, yearly
// growth, call multipliers along dependencies) against healthy instances x capacity, with
// everything up, after the worst single instance failure (N+1) and after the worst zone loss;
// months of growth until the headroom is gone; M/M/c (Erlang C) queueing per tier.
#pragma once

#include "model/model.h"

#include <string>
#include <vector>

namespace nines::sim {

/// Demand (requests per second) reaching each component at the peak hour, given which
/// instances serve: serving[c] instances of component c (capacity is not applied here).
/// Under "any" / "at least m" a caller's calls split evenly over the callees that serve.
std::vector<double> demandPerComponent(const model::Model& m, const std::vector<int>& serving, double growthFactor = 1.0);

/// Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
/// a = lambda / mu (erlangs) and c servers. Requires a < c.
double erlangC(int c, double a);

/// Mean response time (hours of the unit of 1/mu) of an M/M/c queue: 1/mu + C(c, a) / (c mu - lambda).
double mmcResponseTime(int c, double lambda, double mu);

/// Probability that at least ceil(load / perServer) of n independent servers, each up with
/// probability a, are up (so that they carry the load).
double probabilityCarried(int n, double a, double perServer, double load);

/// Expected share of the load served: E[min(1, X perServer / load)] with X ~ Binomial(n, a).
double expectedShareServed(int n, double a, double perServer, double load);

struct TierState {
    double capacity_rps = 0.0;
    double demand_rps = 0.0;
    double headroom_rps = 0.0;  // capacity x target utilisation - demand
    double months = 0.0;        // months of growth until headroom reaches zero (inf: never)
};

struct TierCapacity {
    std::string id;
    int instances = 0;          // serving with everything up
    double per_instance_rps = 0.0;
    TierState all_up;
    TierState n_plus_1;         // after the worst single instance failure of this tier
    TierState zone_loss;        // after the worst zone loss (all tiers lose that zone)
    std::string worst_zone;     // empty when the tier is in no zone or the model has none
    double utilisation = 0.0;   // demand / capacity, everything up, at peak
    bool queue_meaningful = false;  // utilisation below 1
    double wait_probability = 0.0;  // Erlang C
    double response_ms = 0.0;       // M/M/c mean response time
};

struct CapacityResult {
    bool has_load = false;
    double peak_rps = 0.0;
    double yearly_growth_percent = 0.0;
    double target_utilisation = 1.0;
    std::vector<TierCapacity> tiers;      // components with a capacity, in model order
    std::vector<std::string> unlimited;   // components that carry demand without a capacity
};

CapacityResult analyzeCapacity(const model::Model& m);

}  // namespace nines::sim
