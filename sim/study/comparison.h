// Comparing designs before buying one: every scenario of a model run with common random numbers
// (the same seeds, and streams keyed by component and failure mode), side by side with its cost,
// and the confidence interval of each scenario's difference from the base, paired replication by
// replication, which is narrower than the two separate intervals suggest.
#pragma once

#include "model/design.h"
#include "model/model.h"
#include "model/problem.h"
#include "sim/capacity.h"
#include "sim/run.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace nines::study {

/// Money of a design (DESIGN.md, "Money"): what it costs to buy (instances, crews, zones,
/// regions, links), to run a year (the same, plus enabled support contracts), and what its
/// downtime is expected to cost a year (the model's cost of a minute) and to pay back in SLA
/// credits a year.
struct DesignCost {
    double capex = 0.0;
    double yearly = 0.0;
    double downtime_yearly = 0.0;
    double credits_yearly = 0.0;
    double horizon_years = 3.0;  // settings.horizon_years
    /// What the first year costs: buying plus running (downtime not included).
    double firstYear() const { return capex + yearly; }
    /// What is spent over the horizon on purpose: buying, then running.
    double spend() const { return capex + yearly * horizon_years; }
    /// Cost of ownership over the horizon: buying, then running, the expected downtime cost and
    /// the expected SLA credits each year.
    double ownership() const { return capex + (yearly + downtime_yearly + credits_yearly) * horizon_years; }
};
/// The money of a design (the model as the file has it, contracts not applied), with its
/// expected downtime minutes and SLA credits a year.
DesignCost costOf(const model::Model& m, double downtimeMinutesPerYear, double creditsPerYear = 0.0);
/// The money of a design from its run (downtime and credits as simulated).
DesignCost costOf(const model::Model& m, const sim::RunResult& run);

/// Months until a design's extra spend over the base is repaid by what it saves a month in
/// downtime cost and SLA credits, net of its extra running cost: 0 when it costs no more up
/// front and saves at least as much as it costs to run; nullopt ("never") when it saves less
/// each month than it costs to run more.
std::optional<double> paybackMonths(const DesignCost& design, const DesignCost& base);

/// The better buy of two designs that meet the SLA: the one cheaper to own, or, as cheap, the
/// more available (compare's and the sweep's "cheapest meeting the SLA").
inline bool betterBuy(const DesignCost& a, double availabilityA, const DesignCost& b, double availabilityB)
{
    return a.ownership() < b.ownership() || (a.ownership() == b.ownership() && availabilityA > availabilityB);
}

/// The 95% interval of a's availability minus base's, paired replication by replication (both
/// runs with the same seed and replications: common random numbers).
sim::Interval pairedDifference(const sim::RunResult& a, const sim::RunResult& base);

struct ScenarioRun {
    std::string id;    // "" for the base
    std::string name;
    model::Model model;
    sim::RunResult run;
    sim::CapacityResult capacity;
    DesignCost cost;
    /// Availability minus the base's, its 95% interval from the paired replications (common
    /// random numbers), and the interval the two runs' own intervals alone would give.
    sim::Interval difference;
    double independent_half_width = 0.0;
    /// The smallest headroom after the worst single failure over the tiers (requests/s), if any tier has a capacity.
    std::optional<double> headroom_after_n1;
    bool meets_sla = false;
    /// Extra spend over the horizon (capex + yearly x years) per nine gained over the base, when
    /// the paired interval shows a gain and the design costs more; a design that gains and
    /// costs no more is `cheaper_and_better`.
    std::optional<double> cost_per_extra_nine;
    /// paybackMonths against the base (the base itself: 0).
    std::optional<double> payback_months;
    bool cheaper_and_better = false;
    bool on_frontier = false;  // no other scenario is both cheaper (to own) and more available
};

struct Comparison {
    sim::RunSettings settings;
    std::vector<ScenarioRun> runs;  // the base first, then the scenarios in model order
    std::optional<size_t> cheapest_meeting_sla;  // index into runs: by cost of ownership
    std::vector<std::string> problems;  // scenarios that could not be resolved, with why
    bool cancelled = false;
};

/// Runs the designs (the base first, then the scenarios, as io::designsOf resolves them) with
/// the same settings; the replications are fixed (no precision stop) so that replication i of
/// each run faces the same random draws. `baseRun`, a mission-time run of the base with these
/// settings' seed and replications, saves simulating the base again (replication i draws from
/// (seed, i) however the run was stopped).
Comparison compareDesigns(const model::Designs& designs, sim::RunSettings settings,
                          const std::atomic<bool>* cancel = nullptr, const sim::RunResult* baseRun = nullptr);

}  // namespace nines::study
