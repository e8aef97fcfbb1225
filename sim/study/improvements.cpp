#include "improvements.h"

#include "perfect_gains.h"

#include "model/validate.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace nines::study {

using namespace nines::model;

namespace {

std::string nameOf(const Component& c)
{
    return c.name.empty() ? c.id : c.name;
}

std::vector<Improvement> candidates(const Model& m)
{
    std::vector<Improvement> out;
    auto add = [&](Improvement::Kind kind, const Component& c, std::string what, Model changed) {
        if (hasErrors(validate(changed)))
            return;  // e.g. a standby group whose warm spares need more than this change gives
        Improvement i;
        i.kind = kind;
        i.component = c.id;
        i.description = std::move(what);
        i.changed = std::move(changed);
        out.push_back(std::move(i));
    };
    for (size_t ci = 0; ci < m.components.size(); ++ci) {
        const Component& c = m.components[ci];
        if (c.failure_modes.empty())
            continue;  // never fails by itself: nothing of its own to improve
        {
            Model x = m;
            x.components[ci].instances += 1;
            add(Improvement::Kind::AddReplica, c,
                "add a replica of " + nameOf(c) + " (" + std::to_string(c.instances) + " -> "
                    + std::to_string(c.instances + 1) + ")",
                std::move(x));
        }
        {
            Model x = m;
            for (auto& fm : x.components[ci].failure_modes)
                fm.repair = fm.repair.scaled(0.5);
            add(Improvement::Kind::FasterRepair, c, "repair " + nameOf(c) + " twice as fast (halve its MTTR)", std::move(x));
        }
        if (!c.zones.empty() && size_t(c.instances) > c.zones.size()) {
            // Another zone of the same region (or any), so that the instances spread wider.
            const Zone* first = m.findZone(c.zones.front());
            const Zone* pick = nullptr;
            for (const auto& z : m.zones) {
                if (std::find(c.zones.begin(), c.zones.end(), z.id) != c.zones.end())
                    continue;
                if (!pick || (first && z.region == first->region && !(pick->region == first->region)))
                    pick = &z;
            }
            if (pick) {
                Model x = m;
                x.components[ci].zones.push_back(pick->id);
                add(Improvement::Kind::AnotherZone, c, "spread " + nameOf(c) + " over zone " + pick->id + " too",
                    std::move(x));
            }
        }
        if (c.support && !c.support->enabled) {
            Model x = m;
            x.components[ci].support->enabled = true;
            const std::string contract = c.support->name.empty() ? "the support contract" : c.support->name;
            add(Improvement::Kind::BuySupport, c,
                "take " + contract + " for " + nameOf(c) + " (repairs x" + formatNumber(c.support->repair_factor) + ")",
                std::move(x));
        }
        if (c.data_store && c.data_store->consistency == Consistency::CP) {
            Model x = m;
            x.components[ci].data_store->consistency = Consistency::AP;
            add(Improvement::Kind::SwitchToAp, c, "switch " + nameOf(c) + " to AP (serve from any replica)", std::move(x));
        }
    }
    return out;
}

/// What a change is expected to save of the component's share of the downtime, without the
/// exact solver: a rough prior, which the confirming simulation then measures.
double heuristicShare(const Improvement& i, const Model& m)
{
    switch (i.kind) {
    case Improvement::Kind::AddReplica: return 0.8;
    case Improvement::Kind::FasterRepair: return 0.5;
    case Improvement::Kind::AnotherZone: return 0.3;
    case Improvement::Kind::SwitchToAp: return 0.5;
    case Improvement::Kind::BuySupport: {
        // Repairs that take f times as long remove about 1 - f of the repair time's share.
        const Component* c = m.findComponent(i.component);
        return c && c->support ? 1.0 - c->support->repair_factor : 0.0;
    }
    }
    return 0.0;
}

/// Nines gained by removing `gain` of `unavailability`; infinity when nothing is left.
double ninesGained(double unavailability, double gain)
{
    if (!(unavailability > 0))
        return 0.0;
    const double after = unavailability - gain;
    return after > 0 ? std::log10(unavailability) - std::log10(after) : std::numeric_limits<double>::infinity();
}

/// The gain a candidate is ranked by: the exact one where there is one, else the confirmed one,
/// else the rough estimate.
double rankingGain(const Improvement& i)
{
    return i.estimate_exact || !i.confirmed_gain ? i.estimated_gain : i.confirmed_gain->mean;
}

}  // namespace

ImprovementPlan planImprovements(const Model& m, sim::RunSettings settings, size_t confirm, const std::atomic<bool>* cancel)
{
    ImprovementPlan plan;
    settings.target_relative_precision = 0;  // paired runs need the same replications
    settings.max_wall_seconds = 0;
    plan.settings = settings;
    const sim::RunResult base = sim::runSimulation(sim::compile(m), settings, cancel);
    if (base.partial()) {
        plan.cancelled = true;
        return plan;
    }
    plan.base_availability = base.availability.mean;
    plan.base_unavailability = base.unavailability.mean;
    const sim::AnalyticResult exact = sim::analyze(m);
    plan.base_exact = exact.applicable;
    const DesignCost baseCost = costOf(m, base);

    std::vector<Improvement> all = candidates(m);
    // Without the exact solver, a change to a component can gain at most what making it perfect
    // gains (a paired rerun each, on the same random numbers): the estimate is a typical share of
    // that, never criticality x downtime, which credits components that are down together with
    // the same downtime.
    std::map<std::string, sim::Interval> perfect;
    if (!exact.applicable)
        perfect = gainsIfPerfect(m, settings, base, cancel);
    for (auto& i : all) {
        if (exact.applicable) {
            const sim::AnalyticResult r = sim::analyze(i.changed);
            if (r.applicable) {
                i.estimated_gain = exact.unavailability - r.unavailability;
                i.estimate_exact = true;
                continue;
            }
        }
        const auto it = perfect.find(i.component);
        i.estimated_gain = it == perfect.end() ? 0.0 : std::max(0.0, it->second.mean) * heuristicShare(i, m);
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Improvement& a, const Improvement& b) { return a.estimated_gain > b.estimated_gain; });
    for (size_t k = 0; k < std::min(confirm, all.size()); ++k) {
        if (cancel && cancel->load()) {
            plan.cancelled = true;
            break;
        }
        const sim::RunResult r = sim::runSimulation(sim::compile(all[k].changed), settings, cancel);
        if (r.partial()) {
            plan.cancelled = true;
            break;
        }
        all[k].confirmed_gain = pairedDifference(r, base);
    }
    for (auto& i : all) {
        const DesignCost c = costOf(i.changed, 0.0);
        i.extra_capex = c.capex - baseCost.capex;
        i.extra_yearly = c.yearly - baseCost.yearly;
        i.extra_spend = c.spend() - baseCost.spend();
        // Each gain against the base figure of its own kind: exact (long run) or simulated.
        // Only for a gain that is solved or measured: a rough estimate gets no nines of its own.
        i.nines_gained = i.estimate_exact || i.confirmed_gain
                             ? ninesGained(i.estimate_exact ? exact.unavailability : base.unavailability.mean, rankingGain(i))
                             : std::nan("");
        // Only what is solved or measured to gain is priced per nine and per downtime saved.
        if (i.nines_gained > 0) {  // NaN (a rough estimate) is not; infinity (all downtime gone) is
            i.downtime_cost_saved_per_year = rankingGain(i) * model::kMinutesPerYear * m.settings.downtime_cost_per_minute;
            if (i.extra_spend > 0 && std::isfinite(i.nines_gained))
                i.cost_per_extra_nine = i.extra_spend / i.nines_gained;
        }
    }
    // Changes solved or measured to gain first, then the unconfirmed estimates, then those
    // solved or measured to gain nothing or to make things worse (a CP store of four needs three
    // replicas, not two); within each, by one key per candidate.
    auto group = [](const Improvement& i) {
        if (!i.estimate_exact && !i.confirmed_gain)
            return 1;
        return rankingGain(i) > 0 ? 0 : 2;
    };
    std::stable_sort(all.begin(), all.end(), [&](const Improvement& a, const Improvement& b) {
        if (group(a) != group(b))
            return group(a) < group(b);
        return rankingGain(a) > rankingGain(b);
    });
    plan.ranked = std::move(all);
    return plan;
}

const char* kindName(Improvement::Kind k)
{
    switch (k) {
    case Improvement::Kind::AddReplica: return "add_replica";
    case Improvement::Kind::FasterRepair: return "faster_repair";
    case Improvement::Kind::AnotherZone: return "another_zone";
    case Improvement::Kind::SwitchToAp: return "switch_to_ap";
    case Improvement::Kind::BuySupport: return "buy_support";
    }
    return "";
}

}  // namespace nines::study
