#include "cap_study.h"

#include "sim/compiled_model.h"

namespace nines::study {

using namespace nines::model;

namespace {

sim::Interval scaled(const sim::Interval& iv, double k)
{
    return {iv.mean * k, iv.low * k, iv.high * k};
}

const sim::StoreResult* storeIn(const sim::RunResult& r, const std::string& id)
{
    for (const auto& s : r.stores)
        if (s.id == id)
            return &s;
    return nullptr;
}

const sim::AnalyticStore* storeIn(const sim::AnalyticResult& r, const std::string& id)
{
    for (const auto& s : r.stores)
        if (s.id == id)
            return &s;
    return nullptr;
}

}  // namespace

Model withConsistency(const Model& m, const std::string& store, Consistency c)
{
    Model v = m;
    for (auto& comp : v.components)
        if (comp.id == store && comp.data_store)
            comp.data_store->consistency = c;
    return v;
}

std::vector<StoreCap> simulateCap(const Model& m, const sim::RunSettings& s, const sim::RunResult& base,
                                  const std::atomic<bool>* cancel, bool* cancelled)
{
    std::vector<StoreCap> out;
    for (const auto& comp : m.components) {
        if (!comp.data_store)
            continue;
        const bool cp = comp.data_store->consistency == Consistency::CP;
        const Model other = withConsistency(m, comp.id, cp ? Consistency::AP : Consistency::CP);
        sim::RunSettings so = s;
        so.target_relative_precision = 0;  // the same replications as the base run
        so.replications = static_cast<std::uint32_t>(base.replications);
        const sim::RunResult r = sim::runSimulation(sim::compile(other), so, cancel);
        if (r.partial()) {
            // A half-run comparison would compare unlike with like: the store is left out.
            if (cancelled)
                *cancelled = true;
            break;
        }
        const sim::RunResult& asCp = cp ? base : r;
        const sim::RunResult& asAp = cp ? r : base;
        const sim::StoreResult* st = storeIn(base, comp.id);
        const sim::StoreResult* ap = storeIn(asAp, comp.id);
        const bool standby = comp.redundancy == RedundancyMode::Standby;
        const sim::Interval events = standby ? st->failovers_per_year : st->failures_per_year;
        StoreCap o;
        o.id = comp.id;
        o.chosen = comp.data_store->consistency;
        o.replication = comp.data_store->replication;
        o.availability_as_cp = asCp.availability;
        o.availability_as_ap = asAp.availability;
        o.unavailability_as_cp = asCp.unavailability.mean;
        o.unavailability_as_ap = asAp.unavailability.mean;
        o.partitioned_hours_per_year = st->partitioned_hours_per_year;
        o.divergent_hours_per_year_as_ap = ap->divergent_hours_per_year;
        o.failovers_per_year = st->failovers_per_year;
        o.replica_failures_per_year = st->failures_per_year;
        o.loss = sim::dataLoss(comp, events.mean);
        o.lost_per_year_writes = scaled(events, o.loss.per_event_writes);
        out.push_back(std::move(o));
    }
    return out;
}

std::vector<ExactStoreCap> solveCap(const Model& m, const sim::AnalyticResult& base)
{
    std::vector<ExactStoreCap> out;
    for (const auto& comp : m.components) {
        if (!comp.data_store)
            continue;
        const bool cp = comp.data_store->consistency == Consistency::CP;
        const sim::AnalyticResult other = sim::analyze(withConsistency(m, comp.id, cp ? Consistency::AP : Consistency::CP));
        const sim::AnalyticResult& asCp = cp ? base : other;
        const sim::AnalyticResult& asAp = cp ? other : base;
        const sim::AnalyticStore* st = storeIn(base, comp.id);
        const sim::AnalyticStore* ap = asAp.applicable ? storeIn(asAp, comp.id) : nullptr;
        const bool standby = comp.redundancy == RedundancyMode::Standby;
        ExactStoreCap o;
        o.id = comp.id;
        o.chosen = comp.data_store->consistency;
        o.replication = comp.data_store->replication;
        if (asCp.applicable)
            o.availability_as_cp = asCp.availability;
        if (asAp.applicable)
            o.availability_as_ap = asAp.availability;
        o.partitioned_hours_per_year = st->partitioned_hours_per_year;
        if (ap)
            o.divergent_hours_per_year_as_ap = ap->divergent_hours_per_year;
        o.failovers_per_year = st->failovers_per_year;
        o.replica_failures_per_year = st->failures_per_year;
        o.loss = sim::dataLoss(comp, standby ? st->failovers_per_year : st->failures_per_year);
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace nines::study
