// libFuzzer target: the engine on small models generated from the fuzzer's bytes (zones,
// regions, links, crews, standby, data stores, queues, shared fate, load, every distribution).
// A model that validation accepts must evaluate within its wall budget with no crash and no
// sanitizer report, and every figure must be a probability with its interval around it.
// Run one input with NINES_FUZZ_PRINT=1 to see its model as a file.
#include "fuzz_checks.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace nines::model;

/// A duration in hours, log-uniform over [lo, hi] (the fuzzer explores every decade alike).
double hours(FuzzedDataProvider& in, double lo, double hi)
{
    const double u = in.ConsumeProbability<double>();
    return lo * std::pow(hi / lo, u);
}

Distribution distribution(FuzzedDataProvider& in, double lo, double hi)
{
    switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0: return Distribution::weibull(in.ConsumeFloatingPointInRange(0.2, 6.0), hours(in, lo, hi));
    case 1: return Distribution::lognormal(hours(in, lo, hi), in.ConsumeFloatingPointInRange(0.05, 4.0));
    case 2: return Distribution::deterministic(hours(in, lo, hi));
    case 3: {
        const double a = hours(in, lo, hi);
        return Distribution::uniform(a, a + hours(in, lo, hi));
    }
    case 4: {
        std::vector<double> samples(static_cast<size_t>(in.ConsumeIntegralInRange(1, 5)));
        for (double& s : samples)
            s = hours(in, lo, hi);
        return Distribution::empirical(samples);
    }
    default: return Distribution::exponential(hours(in, lo, hi));
    }
}

Outage outage(FuzzedDataProvider& in)
{
    return {distribution(in, 100.0, 1e5), distribution(in, 0.01, 50.0)};
}

template <typename E>
E pick(FuzzedDataProvider& in, std::initializer_list<E> values)
{
    return *(values.begin() + in.ConsumeIntegralInRange<size_t>(0, values.size() - 1));
}

Model generate(FuzzedDataProvider& in)
{
    Model m;
    m.name = "fuzzed";
    m.settings.mission_hours = pick(in, {24.0, 730.0, 8760.0});
    m.settings.start = in.ConsumeBool() ? EstimateStart::Steady : EstimateStart::New;
    m.settings.sla_target_percent = 99.9;
    const int regions = in.ConsumeIntegralInRange(0, 2);
    for (int r = 0; r < regions; ++r) {
        Region region;
        region.id = "r" + std::to_string(r);
        if (in.ConsumeBool())
            region.outage = outage(in);
        m.regions.push_back(region);
    }
    const int zones = in.ConsumeIntegralInRange(0, 3);
    for (int z = 0; z < zones; ++z) {
        Zone zone;
        zone.id = "z" + std::to_string(z);
        if (regions > 0)
            zone.region = m.regions[static_cast<size_t>(in.ConsumeIntegralInRange(0, regions - 1))].id;
        if (in.ConsumeBool())
            zone.outage = outage(in);
        m.zones.push_back(zone);
    }
    for (int z = 1; z < zones; ++z)
        if (in.ConsumeBool()) {
            Link link;
            link.id = "l" + std::to_string(z);
            link.from = m.zones[size_t(z - 1)].id;
            link.to = m.zones[size_t(z)].id;
            if (in.ConsumeBool())
                link.outage = outage(in);
            m.links.push_back(link);
        }
    if (in.ConsumeBool())
        m.repair_crews.push_back({"crew", "", in.ConsumeIntegralInRange(1, 2), {}});

    const int components = in.ConsumeIntegralInRange(2, 6);
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        if (i == 0) {
            c.kind = ComponentKind::Entry;
            c.traffic_share = 1.0;
        } else {
            c.kind = pick(in, {ComponentKind::Service, ComponentKind::LoadBalancer, ComponentKind::Database,
                               ComponentKind::Cache, ComponentKind::Queue, ComponentKind::Storage});
            c.instances = in.ConsumeIntegralInRange(1, 4);
            c.required = in.ConsumeIntegralInRange(1, c.instances);
            if (c.instances > 1 && in.ConsumeIntegralInRange(0, 3) == 0) {
                c.redundancy = RedundancyMode::Standby;
                c.standby.kind = pick(in, {StandbyKind::Hot, StandbyKind::Warm, StandbyKind::Cold});
                c.standby.failover_seconds = in.ConsumeFloatingPointInRange(0.0, 600.0);
                c.standby.failover_success_probability = in.ConsumeFloatingPointInRange(0.5, 1.0);
                c.standby.fail_over_on_zone_loss = in.ConsumeBool();
            }
            const int modes = in.ConsumeIntegralInRange(0, 2);
            for (int f = 0; f < modes; ++f) {
                FailureMode mode;
                mode.id = "f" + std::to_string(f);
                mode.failure = distribution(in, 10.0, 1e5);
                mode.repair = distribution(in, 0.01, 50.0);
                mode.detection_seconds = in.ConsumeFloatingPointInRange(0.0, 300.0);
                c.failure_modes.push_back(mode);
            }
            if (!m.repair_crews.empty() && in.ConsumeBool())
                c.repair_crew = m.repair_crews.front().id;
            if (c.kind == ComponentKind::Database && c.instances > 1 && in.ConsumeBool()) {
                DataStore store;
                store.replication = pick(in, {Replication::None, Replication::Sync, Replication::Async});
                if (store.replication == Replication::Async)
                    store.replication_lag_seconds = in.ConsumeFloatingPointInRange(0.0, 60.0);
                store.consistency = in.ConsumeBool() ? Consistency::CP : Consistency::AP;
                store.write_rate_per_second = in.ConsumeFloatingPointInRange(0.0, 100.0);
                c.data_store = store;
            }
            if (in.ConsumeBool())
                c.capacity_rps = in.ConsumeFloatingPointInRange(1.0, 1000.0);
            c.dependency_mode = pick(in, {DependencyMode::All, DependencyMode::Any, DependencyMode::AtLeast});
        }
        for (int z = 0; z < zones; ++z)
            if (in.ConsumeBool())
                c.zones.push_back(m.zones[size_t(z)].id);
        m.components.push_back(c);
    }
    // Every component below the entry, acyclic (a dependency only points to a later component).
    for (int i = 1; i < components; ++i) {
        const int from = in.ConsumeIntegralInRange(0, i - 1);
        Dependency d{"", m.components[size_t(from)].id, m.components[size_t(i)].id, 1.0, DependencyType::Sync, {}, {}};
        if (m.components[size_t(from)].kind != ComponentKind::Entry && in.ConsumeIntegralInRange(0, 4) == 0) {
            d.type = DependencyType::Async;
            d.buffer_messages = in.ConsumeFloatingPointInRange(0.0, 1e5);
            d.message_rate_per_second = in.ConsumeFloatingPointInRange(0.1, 100.0);
        }
        m.dependencies.push_back(d);
    }
    for (Component& c : m.components) {
        int deps = 0;
        for (const auto& d : m.dependencies)
            deps += d.from == c.id ? 1 : 0;
        c.dependency_min = deps > 0 ? in.ConsumeIntegralInRange(1, deps) : 1;
    }
    if (components > 2 && in.ConsumeBool())
        m.shared_fate.push_back({"sf", "", {m.components[1].id, m.components[2].id}, outage(in), {}});
    if (in.ConsumeBool())
        m.load = Load{in.ConsumeFloatingPointInRange(1.0, 5000.0), {}, in.ConsumeFloatingPointInRange(0.0, 50.0)};
    return m;
}

/// How many generated models validation accepted, printed at exit: a generator whose models are
/// mostly refused would fuzz validation, not the engine.
struct Tally {
    long models = 0, valid = 0;
    ~Tally() { std::fprintf(stderr, "fuzz_engine: %ld of %ld generated models valid\n", valid, models); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const Model m = generate(in);
    static Tally tally;
    ++tally.models;
    if (hasErrors(validate(m)))
        return 0;
    ++tally.valid;
    // NINES_FUZZ_PRINT=1 prints the model as a file, to turn a finding into a regression test.
    if (std::getenv("NINES_FUZZ_PRINT"))
        std::fprintf(stderr, "%s\n", nines::io::modelToJson(m).constData());
    const std::string why = nines::fuzz::checkEngine(m, in.ConsumeIntegral<std::uint32_t>());
    if (!why.empty()) {
        std::fprintf(stderr, "%s\n%s\n", why.c_str(), nines::io::modelToJson(m).constData());
        std::abort();
    }
    return 0;
}
