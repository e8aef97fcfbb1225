// The JSON of the studies: `nines compare --json` (and the report's "comparison"), `nines sweep
// --json` and `nines improve --json` (documented in docs/results-json.md).
#pragma once

#include "sim/study/comparison.h"
#include "sim/study/improvements.h"
#include "sim/study/sweep.h"

#include <QJsonObject>

namespace nines::present {

QJsonObject comparisonToJson(const study::Comparison& c);
QJsonObject sweepToJson(const study::Sweep& s);
QJsonObject improvementsToJson(const study::ImprovementPlan& p);

}  // namespace nines::present
