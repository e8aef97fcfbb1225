// What-if sweeps: one or two numeric fields of a design stepped over a range, every point
// simulated with the same seed and replications, with its cost and whether it meets the SLA.
#pragma once

#include "comparison.h"

#include "model/model.h"
#include "model/problem.h"
#include "sim/run.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace nines::study {

/// A field swept over values: "components[app].instances=2..6" (step 1), "…=1..4:0.5".
struct SweepAxis {
    std::string path;
    std::vector<double> values;
};
/// Parses PATH=FROM..TO[:STEP]; the reason when it is not one.
std::optional<SweepAxis> parseSweep(const std::string& spec, std::string& why);

struct SweepPoint {
    std::vector<double> values;  // one per axis
    bool valid = false;
    std::string problem;  // why the model at this point is invalid
    sim::RunResult run;
    DesignCost cost;
    bool meets_sla = false;
    std::optional<double> exact_availability;  // where the exact solver applies
};

struct Sweep {
    std::vector<SweepAxis> axes;
    sim::RunSettings settings;
    std::vector<SweepPoint> points;  // the first axis varies slowest
    /// The first point (in sweep order) that meets the SLA: with one axis, the smallest value.
    std::optional<size_t> first_meeting_sla;
    /// The point whose point estimate meets the SLA at the lowest cost of ownership (ties: the more
    /// available), and whether its whole 95% interval meets it too.
    std::optional<size_t> cheapest_meeting_sla;
    bool cheapest_interval_meets_sla = false;
    bool cancelled = false;
};

/// The model with one axis's field set to a value, validated (io::withSweepValue: a field by
/// path, or a component's zone count); nullopt with the problem when the point is invalid.
using SetValue = std::function<std::optional<model::Model>(const model::Model&, const std::string& path, double value,
                                                           model::Problems& problems)>;

Sweep runSweep(const model::Model& base, const std::vector<SweepAxis>& axes, sim::RunSettings settings,
               const SetValue& setValue, const std::atomic<bool>* cancel = nullptr);

}  // namespace nines::study
