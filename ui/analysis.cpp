#include "analysis.h"

#include "cap_results.h"
#include "queue_results.h"
#include "results_json.h"

#include "sim/compiled_model.h"

#include <QObject>

namespace nines::ui {

sim::RunSettings runSettingsOf(const model::Model& m)
{
    sim::RunSettings s;
    s.seed = m.settings.seed;
    s.replications = static_cast<std::uint32_t>(m.settings.replications);
    s.target_relative_precision = m.settings.target_relative_precision;
    s.mission_hours = m.settings.mission_hours;
    s.max_wall_seconds = m.settings.max_wall_seconds;
    s.sla_availability = m.settings.sla_target_percent / 100.0;
    return s;
}

Analysis runAnalysis(const model::Model& m, const sim::RunSettings& settings, const std::atomic<bool>* cancel,
                     const sim::ProgressFn& progress)
{
    Analysis a;
    a.model = m;
    a.settings = settings;
    a.simulation = sim::runSimulation(sim::compile(m), settings, cancel, progress);
    a.queues = simulatedQueues(a.simulation, nullptr);
    a.assumptions = io::assumptions(m);
    a.capacity = sim::analyzeCapacity(m);
    auto stopped = [&] { return cancel && cancel->load(); };
    if (!a.partial()) {
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
                    a.exact_gain[c.id] = r.availability - a.exact.availability;
            }
        if (!stopped())
            a.cap = simulatedCap(m, settings, a.simulation, nullptr, cancel, &a.cancelled);
        if (!m.scenarios.empty() && !stopped() && !settings.steady_state) {
            // As many replications as the main run took (it may have stopped early on precision).
            sim::RunSettings cs = settings;
            cs.replications = static_cast<std::uint32_t>(a.simulation.replications);
            a.comparison = compareScenarios(m, cs, cancel, &a.simulation);
            if (a.comparison->cancelled)
                a.comparison.reset();
        }
        if (stopped())
            a.cancelled = true;
    } else {
        a.exact.reasons.push_back("the simulation was cancelled, so nothing else was computed");
    }
    a.finished = QDateTime::currentDateTime();
    return a;
}

QJsonObject simulateJson(const model::Model& m, const sim::RunResult& r, const sim::RunSettings& s, const QJsonArray& cap,
                         const QJsonArray& queues, const sim::CapacityResult& capacityResult)
{
    QJsonObject o = simulationToJson(r, s);
    o.insert(QStringLiteral("model"), QString::fromStdString(m.name));
    if (!r.partial())
        o.insert(QStringLiteral("cap"), cap);
    o.insert(QStringLiteral("queues"), queues);
    QJsonObject capacity = capacityToJson(capacityResult);
    capacity.insert(QStringLiteral("simulated"), r.capacity_modelled);
    if (r.capacity_modelled) {
        capacity.insert(QStringLiteral("performability"), intervalToJson(r.performability));
        capacity.insert(QStringLiteral("overload_hours_per_year"), intervalToJson(r.overload_hours_per_year));
        capacity.insert(QStringLiteral("overload_counts_as_down"), m.settings.overload_counts_as_down);
    }
    o.insert(QStringLiteral("capacity"), capacity);
    return o;
}

QJsonObject analysisToJson(const Analysis& a)
{
    QJsonObject o = simulateJson(a.model, a.simulation, a.settings, a.cap, a.queues, a.capacity);
    if (!a.simulation.partial())
        o.insert(QStringLiteral("exact"), analyticToJson(a.exact, a.model.name));
    QJsonArray assumptions;
    for (const auto& x : a.assumptions) {
        QJsonObject row{{QStringLiteral("item"), QString::fromStdString(x.item)},
                        {QStringLiteral("name"), QString::fromStdString(x.item_name)},
                        {QStringLiteral("parameter"), QString::fromStdString(x.parameter)},
                        {QStringLiteral("value"), QString::fromStdString(x.value)},
                        {QStringLiteral("from_catalogue"), x.from_catalogue},
                        {QStringLiteral("source"), QString::fromStdString(x.source)}};
        if (x.from_catalogue)
            row.insert(QStringLiteral("template"), QString::fromStdString(x.template_name));
        if (!x.derivation.empty())
            row.insert(QStringLiteral("derivation"), QString::fromStdString(x.derivation));
        assumptions.append(row);
    }
    o.insert(QStringLiteral("assumptions"), assumptions);
    if (a.comparison)
        o.insert(QStringLiteral("comparison"), comparisonToJson(*a.comparison));
    return o;
}

double downtimeSavedIfPerfect(const Analysis& a, const sim::ComponentResult& c)
{
    return c.criticality * a.simulation.downtime_minutes_per_year.mean;
}

std::optional<double> exactGainIfPerfect(const Analysis& a, const std::string& componentId)
{
    auto it = a.exact_gain.find(componentId);
    if (it == a.exact_gain.end())
        return std::nullopt;
    return it->second;
}

QString Analysis::period() const
{
    return settings.steady_state || settings.mission_hours == model::kHoursPerYear ? QObject::tr("year")
                                                                                 : QObject::tr("mission");
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

}  // namespace nines::ui
