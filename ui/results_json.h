// The JSON form of simulation and analysis results: the object `nines simulate --json`
// prints and reports embed (documented in docs/results-json.md).
#pragma once

#include "sim/run.h"

#include <QJsonObject>

namespace nines::ui {

/// Everything except the "run" object is the same for one seed and replication count on any
/// machine and thread count.
QJsonObject simulationToJson(const sim::RunResult& r, const sim::RunSettings& s);

}  // namespace nines::ui
