// "What to improve next": concrete changes to a design (one more replica of a component, its
// repairs twice as fast, one more zone for it, a data store switched to AP, the support contract
// it has on offer switched on), ranked by the
// availability each gains. Each gain is first estimated (exactly by the solver where it applies,
// otherwise as a typical share of what making the component perfect gains, from a paired rerun),
// then the top candidates are confirmed by simulating them against the base with common random
// numbers.
#pragma once

#include "comparison.h"

#include "model/model.h"
#include "sim/run.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace nines::study {

struct Improvement {
    enum class Kind { AddReplica, FasterRepair, AnotherZone, SwitchToAp, BuySupport };
    Kind kind = Kind::AddReplica;
    std::string component;    // the component it changes
    std::string description;  // "add a replica of Application servers (5 -> 6)"
    model::Model changed;     // the design with the change made
    double estimated_gain = 0.0;  // availability, by the method below
    bool estimate_exact = false;  // from the exact solver (else a share of the perfect-component gain)
    std::optional<sim::Interval> confirmed_gain;  // simulated, paired with the base
    double extra_capex = 0.0;
    double extra_yearly = 0.0;
    double extra_spend = 0.0;  // capex + yearly x settings.horizon_years, over the base
    /// Extra spend over the horizon per nine gained, for a gain that is solved or measured and
    /// a change that costs more; and the downtime cost such a gain saves a year.
    std::optional<double> cost_per_extra_nine;
    double downtime_cost_saved_per_year = 0.0;
    double nines_gained = 0.0;  // by the exact or confirmed gain; NaN for an unconfirmed estimate
};

struct ImprovementPlan {
    sim::RunSettings settings;
    double base_availability = 0.0;
    double base_unavailability = 0.0;  // as the engine accumulated it (never 1 - A)
    bool base_exact = false;
    std::vector<Improvement> ranked;  // best first
    bool cancelled = false;
};

/// Ranks the candidate changes of a valid model; simulates the `confirm` best with the run
/// settings (fixed replications, common random numbers).
ImprovementPlan planImprovements(const model::Model& m, sim::RunSettings settings, size_t confirm = 5,
                                 const std::atomic<bool>* cancel = nullptr);

/// "add_replica", "faster_repair", "another_zone", "switch_to_ap", "buy_support": the kind's
/// name in JSON.
const char* kindName(Improvement::Kind k);

}  // namespace nines::study
