// Queue figures for `simulate` (simulated, with intervals) and `analyze` (exact, where the
// consumer's outages are exponential): backlog, hours with the buffer full, messages lost and
// delayed per year.
#pragma once

#include "model/model.h"
#include "sim/run.h"

#include <QJsonArray>

#include <ostream>

namespace nines::ui {

QJsonArray simulatedQueues(const sim::RunResult& r, std::ostream* text);

/// Exact figures for the queues whose consumer is one instance with one exponential repair, no
/// detection delay, no dependencies and no failure domain: its outages are then exactly
/// exponential. Other queues are listed with the reason.
QJsonArray exactQueues(const model::Model& m, std::ostream* text);

}  // namespace nines::ui
