// The JSON form of simulation and analysis results: the object `nines simulate --json`
// prints and reports embed (documented in docs/results-json.md).
#pragma once

#include "sim/analytic.h"
#include "sim/capacity.h"
#include "sim/run.h"

#include <string>

#include <QJsonObject>

namespace nines::ui {

/// {mean, ci95_low, ci95_high}: how every simulated figure appears in JSON.
QJsonObject intervalToJson(const sim::Interval& iv);
/// A number, or null when it is not finite (JSON has no infinity).
QJsonValue finiteOrNull(double v);

/// Everything except the "run" object is the same for one seed and replication count on any
/// machine and thread count.
QJsonObject simulationToJson(const sim::RunResult& r, const sim::RunSettings& s);

/// The capacity headroom table (`nines capacity --json`, and the "capacity" of simulate and
/// analyze).
QJsonObject capacityToJson(const sim::CapacityResult& r);

/// The exact analysis; with "applicable": false and the reasons when it does not apply.
QJsonObject analyticToJson(const sim::AnalyticResult& r, const std::string& modelName);

}  // namespace nines::ui
