#include "perfect_gains.h"

#include "comparison.h"

#include "sim/compiled_model.h"

#include <algorithm>

namespace nines::study {

model::Model withPerfect(const model::Model& m, const std::string& componentId)
{
    model::Model perfect = m;
    const int i = perfect.componentIndex(componentId);
    if (i >= 0)
        perfect.components[static_cast<std::size_t>(i)].failure_modes.clear();
    return perfect;
}

std::map<std::string, sim::Interval> gainsIfPerfect(const model::Model& m, const sim::RunSettings& settings,
                                                    const sim::RunResult& base, const std::atomic<bool>* cancel)
{
    std::map<std::string, sim::Interval> out;
    if (m.components.size() > kMostPerfectReruns || base.replications == 0)
        return out;
    // The base's first replications, so that every rerun pairs with it window by window
    // (replication i draws from (seed, i) in both): at most kMostReplications, and fewer in
    // proportion (at least 100) where the reruns together would pass kMostEvents events. A paired
    // difference is sharp with fewer windows than the base needs, and an evaluation must not take
    // components x its run. Counted in windows and events, not seconds, so the figures stay the
    // same on any machine.
    constexpr double kMostReplications = 1000;
    constexpr double kMostEvents = 5e7;
    std::size_t failing = 0;
    for (const auto& c : m.components)
        failing += c.failure_modes.empty() ? 0 : 1;
    const double perReplication = static_cast<double>(base.events) / static_cast<double>(base.replications);
    double reps = std::min(kMostReplications, static_cast<double>(base.replications));
    if (failing > 0 && perReplication * reps * static_cast<double>(failing) > kMostEvents)
        reps = std::max(std::min(reps, 100.0), std::floor(kMostEvents / (perReplication * static_cast<double>(failing))));
    sim::RunSettings s = settings;
    s.replications = static_cast<std::uint32_t>(reps);
    s.target_relative_precision = 0;
    s.max_wall_seconds = 0;
    for (const auto& c : m.components) {
        if (c.failure_modes.empty())
            continue;  // never fails by itself: nothing to gain
        if (cancel && cancel->load())
            break;
        const sim::RunResult r = sim::runSimulation(sim::compile(withPerfect(m, c.id)), s, cancel);
        if (r.partial())
            break;
        // A component that never fails cannot lower availability (more instances serving never
        // serve less), so the gain is at least 0: the interval is cut there, and a noisy negative
        // mean reads as "nothing measurable".
        sim::Interval g = pairedDifference(r, base);
        g.mean = std::max(0.0, g.mean);
        g.low = std::max(0.0, g.low);
        g.high = std::max(0.0, g.high);
        out[c.id] = g;
    }
    return out;
}

}  // namespace nines::study
