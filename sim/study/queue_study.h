// Exact queue figures for `analyze`, where the consumer's outages are exponential: hours with
// the buffer full, messages lost and delayed per year; the simulated ones are the run's own
// (sim::RunResult::queues).
#pragma once

#include "model/model.h"
#include "sim/queue_buffer.h"

#include <string>
#include <vector>

namespace nines::study {

struct ExactQueue {
    std::string from, to;
    double buffer_messages = 0.0;
    double messages_per_second = 0.0;
    /// Why the consumer's outages are not exactly exponential; empty when the figures are exact.
    std::string not_exact;
    double consumer_outages_per_year = 0.0;
    sim::QueueFigures figures;
    bool exact() const { return not_exact.empty(); }
};

/// Every asynchronous dependency of the model. Exact figures for those whose consumer is one
/// instance with one exponential repair, no detection delay, no dependencies and no failure
/// domain (its outages are then exactly exponential); the others carry the reason.
std::vector<ExactQueue> solveQueues(const model::Model& m);

}  // namespace nines::study
