#include "comparison.h"

#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/statistics.h"

#include <algorithm>
#include <cmath>

namespace nines::study {

namespace {

/// The unavailability of each replication, in replication order (the run keeps its downtime).
std::vector<double> unavailabilities(const sim::RunResult& r)
{
    std::vector<double> out;
    out.reserve(r.downtime_minutes.size());
    for (double d : r.downtime_minutes)
        out.push_back(d / model::kMinutesPerYear);
    return out;
}

}  // namespace

sim::Interval pairedDifference(const sim::RunResult& a, const sim::RunResult& base)
{
    // Availability gained = unavailability removed, paired replication by replication.
    const std::vector<double> x = unavailabilities(a), y = unavailabilities(base);
    sim::RunningStats d;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        d.add(y[i] - x[i]);
    return sim::confidenceInterval(d);
}

namespace {

std::optional<double> worstHeadroomAfterN1(const sim::CapacityResult& c)
{
    if (!c.has_load || c.tiers.empty())
        return std::nullopt;
    double worst = c.tiers.front().n_plus_1.headroom_rps;
    for (const auto& t : c.tiers)
        worst = std::min(worst, t.n_plus_1.headroom_rps);
    return worst;
}

}  // namespace

DesignCost costOf(const model::Model& m, double downtimeMinutesPerYear, double creditsPerYear)
{
    DesignCost c;
    for (const auto& comp : m.components) {
        c.capex += comp.instances * comp.cost.purchase_per_instance;
        c.yearly += comp.instances * comp.cost.yearly_per_instance;
        if (comp.support && comp.support->enabled)
            c.yearly += comp.instances * comp.support->yearly_per_instance;
    }
    auto fixed = [&c](const auto& items) {
        for (const auto& x : items) {
            c.capex += x.cost.capex;
            c.yearly += x.cost.yearly;
        }
    };
    fixed(m.repair_crews);
    fixed(m.zones);
    fixed(m.regions);
    fixed(m.links);
    c.downtime_yearly = downtimeMinutesPerYear * m.settings.downtime_cost_per_minute;
    c.credits_yearly = creditsPerYear;
    c.horizon_years = m.settings.horizon_years;
    return c;
}

DesignCost costOf(const model::Model& m, const sim::RunResult& run)
{
    return costOf(m, run.downtime_minutes_per_year.mean, run.credits_modelled ? run.sla_credits_per_year.mean : 0.0);
}

std::optional<double> paybackMonths(const DesignCost& d, const DesignCost& base)
{
    const double upfront = d.capex - base.capex;
    const double savedMonthly = ((base.downtime_yearly + base.credits_yearly) - (d.downtime_yearly + d.credits_yearly)
                                 - (d.yearly - base.yearly))
                                / 12.0;
    if (upfront <= 0)
        return savedMonthly >= 0 ? std::optional<double>(0.0) : std::nullopt;
    if (savedMonthly <= 0)
        return std::nullopt;
    return upfront / savedMonthly;
}

Comparison compareDesigns(const model::Designs& designs, sim::RunSettings settings, const std::atomic<bool>* cancel,
                          const sim::RunResult* baseRun)
{
    Comparison c;
    // Pairing replication i of every run needs the same replications in each.
    settings.target_relative_precision = 0;
    settings.max_wall_seconds = 0;
    c.settings = settings;
    c.problems = designs.problems;
    for (const auto& d : designs.list) {
        const std::string& id = d.scenario;
        const model::Model& m = d.model;
        if (cancel && cancel->load()) {
            c.cancelled = true;
            break;
        }
        ScenarioRun r;
        r.id = id;
        r.name = d.name;
        r.model = m;
        const bool reuse = id.empty() && baseRun && baseRun->replications == settings.replications && !baseRun->partial();
        r.run = reuse ? *baseRun : sim::runSimulation(sim::compile(m), settings, cancel);
        if (r.run.partial()) {
            c.cancelled = true;
            break;
        }
        r.capacity = sim::analyzeCapacity(m);
        r.cost = costOf(m, r.run);
        r.headroom_after_n1 = worstHeadroomAfterN1(r.capacity);
        r.meets_sla = r.run.availability.mean >= settings.sla_availability;
        c.runs.push_back(std::move(r));
        // Seed, replications, mission and SLA target are the base's for every design (that is
        // what makes them comparable); a scenario's own run settings are not used.
    }
    if (c.runs.empty())
        return c;
    const ScenarioRun& b = c.runs.front();
    for (auto& r : c.runs) {
        r.difference = pairedDifference(r.run, b.run);
        r.independent_half_width = std::hypot(r.run.availability.halfWidth(), b.run.availability.halfWidth());
        // Only for a gain the paired interval says is real, and a design that costs more: a
        // cheaper and better design has no "cost" per nine (it is marked as such).
        const double gained = sim::ninesOf(r.run.unavailability.mean) - sim::ninesOf(b.run.unavailability.mean);
        const double extra = r.cost.spend() - b.cost.spend();
        r.payback_months = &r == &b ? std::optional<double>(0.0) : paybackMonths(r.cost, b.cost);
        if (r.difference.low > 0 && std::isfinite(gained) && gained > 0) {
            if (extra > 0)
                r.cost_per_extra_nine = extra / gained;
            else
                r.cheaper_and_better = true;
        }
    }
    for (size_t i = 0; i < c.runs.size(); ++i) {
        const ScenarioRun& r = c.runs[i];
        bool dominated = false;
        for (size_t j = 0; j < c.runs.size() && !dominated; ++j) {
            const ScenarioRun& o = c.runs[j];
            dominated = j != i && o.cost.ownership() <= r.cost.ownership()
                        && o.run.availability.mean >= r.run.availability.mean
                        && (o.cost.ownership() < r.cost.ownership() || o.run.availability.mean > r.run.availability.mean);
        }
        c.runs[i].on_frontier = !dominated;
        // By cost of ownership (what it costs to buy, run and suffer over the horizon); among
        // designs of the same cost, the more available one.
        if (r.meets_sla) {
            const ScenarioRun* best = c.cheapest_meeting_sla ? &c.runs[*c.cheapest_meeting_sla] : nullptr;
            if (!best || betterBuy(r.cost, r.run.availability.mean, best->cost, best->run.availability.mean))
                c.cheapest_meeting_sla = i;
        }
    }
    return c;
}

}  // namespace nines::study
