// The JSON form of results: the objects `nines simulate --json`, `analyze --json` and
// `capacity --json` print and the report embeds (documented in docs/results-json.md). Qt Core
// only; everything outside the "run" object is the same for one seed on any machine.
#pragma once

#include "sim/analytic.h"
#include "sim/capacity.h"
#include "sim/run.h"
#include "sim/study/cap_study.h"
#include "sim/study/evaluation.h"
#include "sim/study/queue_study.h"

#include <map>
#include <string>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>

namespace nines::present {

/// {mean, ci95_low, ci95_high}: how every simulated figure appears in JSON.
QJsonObject intervalToJson(const sim::Interval& iv);
/// A number, or null when it is not finite (JSON has no infinity).
QJsonValue finiteOrNull(double v);

/// The months' downtime histogram: months without downtime first, then ten bins a decade.
QJsonArray monthHistogramToJson(const sim::MonthHistogram& h);
/// Everything except the "run" object is the same for one seed and replication count on any
/// machine and thread count.
QJsonObject simulationToJson(const sim::RunResult& r, const sim::RunSettings& s);

/// The capacity headroom table (`nines capacity --json`, and the "capacity" of simulate and
/// analyze).
QJsonObject capacityToJson(const sim::CapacityResult& r);

/// The exact analysis; with "applicable": false and the reasons when it does not apply.
QJsonObject analyticToJson(const sim::AnalyticResult& r, const std::string& modelName);

/// The "cap" array: per data store, simulated (intervals) or exact (numbers, null where the
/// solver does not apply to a variant).
QJsonArray capToJson(const std::vector<study::StoreCap>& stores);
QJsonArray capToJson(const std::vector<study::ExactStoreCap>& stores);

/// The "queues" array: simulated (the run's own figures) or exact.
QJsonArray queuesToJson(const std::vector<sim::QueueResult>& queues);
QJsonArray queuesToJson(const std::vector<study::ExactQueue>& queues);

/// The object of `nines simulate --json`: the simulation, "model", "cap" (left out when partial),
/// "queues" and "capacity"; with `gains`, each component's "gain_if_perfect".
QJsonObject simulateJson(const model::Model& m, const sim::RunResult& r, const sim::RunSettings& s,
                         const std::vector<study::StoreCap>& cap, const sim::CapacityResult& capacity,
                         const std::map<std::string, sim::Interval>* gains = nullptr);

/// The object of `nines simulate --json` with "exact" (the analyze object), "assumptions" and,
/// with scenarios, "comparison": what `nines report -o OUT.json` writes.
QJsonObject evaluationToJson(const study::Evaluation& a);

}  // namespace nines::present
