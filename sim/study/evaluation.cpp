#include "evaluation.h"

#include "perfect_gains.h"

#include "sim/compiled_model.h"

namespace nines::study {

sim::RunSettings runSettingsOf(const model::Model& m)
{
    sim::RunSettings s;
    s.seed = m.settings.seed;
    s.replications = static_cast<std::uint32_t>(m.settings.replications);
    s.target_relative_precision = m.settings.target_relative_precision;
    s.min_outages = m.settings.min_outages;
    s.mission_hours = m.settings.mission_hours;
    s.steady_state = m.settings.start == model::EstimateStart::Steady;
    s.max_wall_seconds = m.settings.max_wall_seconds;
    s.sla_availability = m.settings.sla_target_percent / 100.0;
    return s;
}

Evaluation evaluate(const model::Model& m, const model::Designs& designs, const sim::RunSettings& settings,
                    const std::atomic<bool>* cancel, const sim::ProgressFn& progress, EvaluationParts parts)
{
    Evaluation a;
    a.model = m;
    a.settings = settings;
    a.simulation = sim::runSimulation(sim::compile(m), settings, cancel, progress);
    a.capacity = sim::analyzeCapacity(m);
    auto stopped = [&] { return cancel && cancel->load(); };
    if (a.partial()) {
        a.exact.reasons.push_back("the simulation was cancelled, so nothing else was computed");
        a.finished = std::chrono::system_clock::now();
        return a;
    }
    if (parts.exact) {
        a.exact = sim::analyze(m);
        // One more exact solution per component, for what making it perfect gains; a large
        // model would wait for hundreds of them, so it goes without.
        constexpr size_t kMostSolutions = 60;
        if (a.exact.applicable && m.components.size() <= kMostSolutions)
            for (const auto& c : m.components) {
                if (stopped())
                    break;
                if (c.failure_modes.empty())
                    continue;
                model::Model perfect = m;
                perfect.components[size_t(perfect.componentIndex(c.id))].failure_modes.clear();
                const sim::AnalyticResult r = sim::analyze(perfect);
                if (r.applicable)
                    a.exact_gain[c.id] = a.exact.unavailability - r.unavailability;
            }
    } else {
        a.exact.reasons.push_back("the exact solver was not asked for");
    }
    if (parts.gains && !stopped())
        a.gain_if_perfect = gainsIfPerfect(m, settings, a.simulation, cancel);
    if (!stopped())
        a.cap = simulateCap(m, settings, a.simulation, cancel, &a.cancelled);
    if (parts.comparison && designs.list.size() + designs.problems.size() > 1 && !stopped()) {
        // As many replications as the main run took (it may have stopped early on precision).
        sim::RunSettings cs = settings;
        cs.replications = static_cast<std::uint32_t>(a.simulation.replications);
        a.comparison = compareDesigns(designs, cs, cancel, &a.simulation);
        if (a.comparison->cancelled)
            a.comparison.reset();
    }
    if (stopped())
        a.cancelled = true;
    a.finished = std::chrono::system_clock::now();
    return a;
}

std::optional<sim::Interval> gainIfPerfect(const Evaluation& a, const std::string& componentId)
{
    auto it = a.gain_if_perfect.find(componentId);
    if (it == a.gain_if_perfect.end())
        return std::nullopt;
    return it->second;
}

std::optional<double> exactGainIfPerfect(const Evaluation& a, const std::string& componentId)
{
    auto it = a.exact_gain.find(componentId);
    if (it == a.exact_gain.end())
        return std::nullopt;
    return it->second;
}

bool Evaluation::perYear() const
{
    return settings.mission_hours == model::kHoursPerYear;
}

namespace {
/// The model with what does not change any figure cleared.
model::Model designOf(const model::Model& m)
{
    model::Model d = m;
    d.name.clear();
    d.description.clear();
    d.settings.seed = 0;
    d.settings.replications = 0;
    d.settings.target_relative_precision = 0;
    d.settings.max_wall_seconds = 0;
    for (auto& c : d.components) {
        c.position.reset();
        c.name.clear();
        c.description.clear();
    }
    for (auto& z : d.zones)
        z.position.reset();
    for (auto& r : d.regions)
        r.position.reset();
    for (auto& h : d.hubs)
        h.position.reset();
    d.scenarios.clear();
    return d;
}
}  // namespace

bool sameDesign(const model::Model& a, const model::Model& now)
{
    return designOf(a) == designOf(now);
}

}  // namespace nines::study
