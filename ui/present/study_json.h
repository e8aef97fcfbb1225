// The JSON of the studies: `nines compare --json` (and the report's "comparison"), `nines sweep
// --json` and `nines improve --json` (documented in docs/results-json.md).
#pragma once

#include "sim/study/comparison.h"
#include "sim/study/improvements.h"
#include "sim/study/sweep.h"

#include <QJsonObject>

namespace nines::present {

/// A design's money: capex, yearly, downtime cost and SLA credits a year, spend and cost of
/// ownership over the horizon.
QJsonObject costJson(const study::DesignCost& c);
QJsonObject comparisonToJson(const study::Comparison& c);
QJsonObject sweepToJson(const study::Sweep& s);
QJsonObject improvementsToJson(const study::ImprovementPlan& p);

}  // namespace nines::present
