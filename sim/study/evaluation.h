// One complete evaluation of a design, as the run panel, the dashboard and the reports show it:
// the simulation (watched and cancellable), the exact analysis where it applies, capacity
// headroom, CAP per data store, what making each component perfect gains, and the scenarios
// compared. Pure computation: the window runs it on a worker thread, `nines report` in the
// foreground.
#pragma once

#include "cap_study.h"
#include "comparison.h"

#include "model/design.h"
#include "model/model.h"
#include "sim/analytic.h"
#include "sim/capacity.h"
#include "sim/run.h"

#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace nines::study {

struct Evaluation {
    model::Model model;
    sim::RunSettings settings;
    sim::RunResult simulation;
    sim::AnalyticResult exact;              // exact.applicable false (with reasons) when it does not apply
    sim::CapacityResult capacity;
    std::vector<StoreCap> cap;              // per data store; empty when cancelled before it
    /// Availability gained by making each component perfect (it never fails), computed exactly
    /// by solving the model again without its failure modes; empty when the exact solver does
    /// not apply or the model is too large for one solution per component.
    std::map<std::string, double> exact_gain;
    /// Availability gained by making each component perfect, simulated: the model run again
    /// without its failure modes on the same random numbers, paired window by window (95%
    /// interval). Empty when not asked for or the model is too large (perfect_gains.h).
    std::map<std::string, sim::Interval> gain_if_perfect;
    /// The base and every scenario side by side (common random numbers), when the model has
    /// scenarios.
    std::optional<Comparison> comparison;
    std::chrono::system_clock::time_point finished;  // when the run ended (reports print it)
    bool cancelled = false;                 // stopped early: in the simulation or after it

    bool partial() const { return cancelled || simulation.partial(); }
    /// Whether one simulated replication stands for a year (steady state, or a one-year
    /// mission); otherwise for a mission of another length.
    bool perYear() const;
};

/// The run settings a model asks for (seed, replications, precision, mission time, wall-clock
/// budget, SLA target); the window and the command line change them from there.
sim::RunSettings runSettingsOf(const model::Model& m);

/// What an evaluation computes besides the simulation, capacity and CAP: `nines simulate` asks
/// only for the gains, the window and the report for all three.
struct EvaluationParts {
    bool exact = true;       // the exact solver, and what making each component perfect gains
    bool comparison = true;  // the scenarios of `designs`, compared with the base
    bool gains = true;       // one paired rerun per component with it perfect
};

/// Simulates (reporting progress, stopping early when `cancel` turns true), then, unless
/// cancelled, the capacity analysis, the CAP comparison and the parts asked for: the exact
/// solver and, when `designs` holds scenarios (io::designsOf), the comparison. The model must
/// be valid.
Evaluation evaluate(const model::Model& m, const model::Designs& designs, const sim::RunSettings& settings,
                    const std::atomic<bool>* cancel = nullptr, const sim::ProgressFn& progress = {},
                    EvaluationParts parts = {});

/// Availability gained by making a component perfect, simulated and paired with the base
/// (Evaluation::gain_if_perfect); none for a component that never fails or when not computed.
std::optional<sim::Interval> gainIfPerfect(const Evaluation& a, const std::string& componentId);

/// Availability gained by making a component perfect, from the exact solver (Evaluation::exact_gain).
std::optional<double> exactGainIfPerfect(const Evaluation& a, const std::string& componentId);

/// Whether results computed for `a` still describe `now`: the same design and mission, whatever
/// the canvas positions, names and descriptions or the run's budget (seed, replications,
/// precision, wall-clock limit) say.
bool sameDesign(const model::Model& a, const model::Model& now);

}  // namespace nines::study
