// Exact steady-state analysis: each redundancy group solved on its own (independent instances
// in closed form, dependent ones as a CTMC or regenerative process), combined through the
// dependency structure while conditioning exactly on every state of the zones, regions,
// links and shared-fate groups. Where the model is outside what it solves exactly, it says
// which component or feature is the reason instead of returning a number.
#pragma once

#include "model/model.h"

#include <string>
#include <vector>

namespace nines::sim {

struct AnalyticComponent {
    std::string id;
    double own_availability = 1.0;  // its own group serves (for every entry, averaged over the network)
    double own_unavailability = 0.0; // the rest, solved directly
    double birnbaum = 0.0;          // P(all entries served | it up) - P(... | it down)
};

/// Per data store, in the long run (per year of 8,760 h).
struct AnalyticStore {
    std::string id;
    double partitioned_hours_per_year = 0.0;  // healthy replicas on 2+ sides of a partition
    double divergent_hours_per_year = 0.0;    // AP: 2+ sides each serving some entry
    double failovers_per_year = 0.0;          // completed failovers (standby groups)
    double failures_per_year = 0.0;           // instance failures
};

struct AnalyticResult {
    bool applicable = false;
    std::vector<std::string> reasons;  // "components[db]: ..." when not applicable

    double availability = 0.0;  // time average of the served share of traffic (1 - unavailability)
    double unavailability = 0.0; // solved directly: the probabilities of the states that are down
    double nines = 0.0;         // -log10(unavailability); infinity when 0
    /// Outages (the served share dropping below 1) per year and their mean length. Known
    /// unless entries at different network nodes see different partitions.
    bool frequency_known = false;
    double outages_per_year = 0.0;
    double mean_outage_minutes = 0.0;
    double fully_served = 0.0;  // probability that every entry is served
    std::vector<AnalyticComponent> components;
    std::vector<AnalyticStore> stores;
    std::size_t network_states = 0;  // combinations of failure-domain states enumerated
};

AnalyticResult analyze(const model::Model& m);

}  // namespace nines::sim
