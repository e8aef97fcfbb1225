// CAP figures per data store: the system's availability with the store as CP and as AP side by
// side (whatever the model chose), time partitioned and divergent, and the data an
// asynchronous store loses; simulated (common random numbers) or exact.
#pragma once

#include "model/model.h"
#include "sim/analytic.h"
#include "sim/data_loss.h"
#include "sim/run.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace nines::study {

/// One data store, simulated: every figure a 95% interval.
struct StoreCap {
    std::string id;
    model::Consistency chosen = model::Consistency::CP;
    model::Replication replication = model::Replication::None;
    sim::Interval availability_as_cp;
    sim::Interval availability_as_ap;
    double unavailability_as_cp = 0.0;    // the runs' own (for how many decimals to show)
    double unavailability_as_ap = 0.0;
    sim::Interval partitioned_hours_per_year;
    sim::Interval divergent_hours_per_year_as_ap;
    sim::Interval failovers_per_year;
    sim::Interval replica_failures_per_year;
    sim::DataLoss loss;                   // per event and worst case (RPO), from the mean event rate
    sim::Interval lost_per_year_writes;   // the events' interval times the writes lost per event
};

/// One data store, exact: a figure is absent where the solver does not apply to that variant.
struct ExactStoreCap {
    std::string id;
    model::Consistency chosen = model::Consistency::CP;
    model::Replication replication = model::Replication::None;
    std::optional<double> availability_as_cp;
    std::optional<double> availability_as_ap;
    double partitioned_hours_per_year = 0.0;
    std::optional<double> divergent_hours_per_year_as_ap;
    double failovers_per_year = 0.0;
    double replica_failures_per_year = 0.0;
    sim::DataLoss loss;
};

/// The model with one store's consistency set (for the side-by-side figures).
model::Model withConsistency(const model::Model& m, const std::string& store, model::Consistency c);

/// Simulated CAP figures; runs each store's other consistency with the same seeds (common random
/// numbers) as `base`, the model's own run. When `cancel` turns true it stops and returns the
/// stores it has, with `cancelled` set.
std::vector<StoreCap> simulateCap(const model::Model& m, const sim::RunSettings& s, const sim::RunResult& base,
                                  const std::atomic<bool>* cancel = nullptr, bool* cancelled = nullptr);

/// Exact CAP figures from the analytic solver (the caller checked that it applies to `base`).
std::vector<ExactStoreCap> solveCap(const model::Model& m, const sim::AnalyticResult& base);

}  // namespace nines::study
