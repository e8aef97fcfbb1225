// One complete evaluation of a model, as the run panel, the dashboard and the reports show it:
// the simulation (watched and cancellable), the exact analysis where it applies, capacity
// headroom, CAP per data store, and the assumptions behind the figures. Pure computation, no
// widgets: the window runs it on a worker thread, `nines report` in the foreground.
#pragma once

#include "comparison.h"

#include "model/io/provenance.h"
#include "model/model.h"
#include "sim/analytic.h"
#include "sim/capacity.h"
#include "sim/run.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <map>
#include <optional>

namespace nines::ui {

struct Analysis {
    model::Model model;
    sim::RunSettings settings;
    sim::RunResult simulation;
    sim::AnalyticResult exact;              // exact.applicable false (with reasons) when it does not apply
    sim::CapacityResult capacity;
    QJsonArray cap;                         // per data store, as in `nines simulate --json`
    QJsonArray queues;
    std::vector<io::Assumption> assumptions;
    /// Availability gained by making each component perfect (it never fails), computed exactly
    /// by solving the model again without its failure modes; empty when the exact solver does
    /// not apply or the model is too large for one solution per component.
    std::map<std::string, double> exact_gain;
    /// The base and every scenario side by side (common random numbers), when the model has
    /// scenarios.
    std::optional<Comparison> comparison;
    QDateTime finished;                     // when the run ended (reports print it)
    bool cancelled = false;                 // stopped early: in the simulation or after it

    bool partial() const { return cancelled || simulation.partial(); }
    /// "year" for one-year missions, else "mission": what one simulated replication stands for.
    QString period() const;
};

/// The run settings a model asks for (seed, replications, precision, mission time, wall-clock
/// budget, SLA target); the window and the command line change them from there.
sim::RunSettings runSettingsOf(const model::Model& m);

/// Simulates (reporting progress, stopping early when `cancel` turns true), then, unless
/// cancelled, runs the exact solver, the capacity analysis and the CAP comparison. The model must
/// be valid.
Analysis runAnalysis(const model::Model& m, const sim::RunSettings& settings, const std::atomic<bool>* cancel = nullptr,
                     const sim::ProgressFn& progress = {});

/// The object of `nines simulate --json`: the simulation, "model", "cap" (left out when partial),
/// "queues" and "capacity".
QJsonObject simulateJson(const model::Model& m, const sim::RunResult& r, const sim::RunSettings& s, const QJsonArray& cap,
                         const QJsonArray& queues, const sim::CapacityResult& capacity);

/// The object of `nines simulate --json` with "exact" (the analyze object) and "assumptions":
/// what `nines report -o OUT.json` writes. Everything outside "run" is the same for one seed on
/// any machine.
QJsonObject analysisToJson(const Analysis& a);

/// Downtime a year (minutes) that making a component perfect would save, estimated from its
/// criticality (the share of outage time during which it alone kept the system down) times the
/// mean downtime: exact with one entry, an estimate when partial outages of several entries mix.
double downtimeSavedIfPerfect(const Analysis& a, const sim::ComponentResult& c);

/// Availability gained by making a component perfect, from the exact solver (Analysis::exact_gain).
std::optional<double> exactGainIfPerfect(const Analysis& a, const std::string& componentId);

/// Whether results computed for `a` still describe `now`: the same design and mission, whatever
/// the canvas positions, names and descriptions or the run's budget (seed, replications,
/// precision, wall-clock limit) say.
bool sameDesign(const model::Model& a, const model::Model& now);

}  // namespace nines::ui
