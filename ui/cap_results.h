// CAP figures per data store, for `simulate` and `analyze`: the system's availability with the
// store as CP and as AP side by side (whatever the model chose), time partitioned and divergent,
// and the data an asynchronous store loses.
#pragma once

#include "model/model.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/run.h"

#include <QJsonArray>

#include <atomic>
#include <ostream>

namespace nines::ui {

/// The model with one store's consistency set (for the side-by-side figures).
model::Model withConsistency(const model::Model& m, const std::string& store, model::Consistency c);

/// Simulated CAP figures; runs each store's other consistency with the same seeds (common
/// random numbers). Prints a table to `text` unless it is null. When `cancel` turns true it stops
/// and returns what it has, with `cancelled` set.
QJsonArray simulatedCap(const model::Model& m, const sim::RunSettings& s, const sim::RunResult& base, std::ostream* text,
                        const std::atomic<bool>* cancel = nullptr, bool* cancelled = nullptr);

/// Exact CAP figures from the analytic solver (the caller checked that it applies).
QJsonArray exactCap(const model::Model& m, const sim::AnalyticResult& base, std::ostream* text);

}  // namespace nines::ui
