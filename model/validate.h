// Semantic validation of a model: every rule that a well-typed model can still break
// (ranges, references, k <= n, cycles, shares). Reports all problems at once, never throws.
#pragma once

#include "model.h"
#include "problem.h"

#include <string>
#include <string_view>

namespace nines::model {

/// The most instances a model may hold in all: the engine keeps about kBytesPerInstance bytes
/// of state for each in every worker thread (measured by bench_engine's set-up benchmark:
/// 198 bytes of simulator state and 10 of compiled model), so the limit is 2 GiB a thread.
inline constexpr double kMaxInstances = 10'000'000;
inline constexpr int kBytesPerInstance = 210;

Problems validate(const Model& model);

/// Problems of the money in a model: every price non-negative and finite, the horizon, the SLA
/// credit schedule and the support contracts (validate_money.cpp).
void validateMoney(const Model& model, Problems& out);

/// Problems of failure and repair cycles too short to simulate: each failure mode's and each
/// outage's mean failure plus repair time against the least clock a replication runs (its
/// mission and a lower bound on its warm-up) divided by a billion (validate_distribution.cpp).
void validateCycles(const Model& model, Problems& out);
/// Problems of one distribution's parameters, reported under `path`.
void validateDistribution(const Distribution& d, const std::string& path, Problems& out);

/// Shortest text that reads back as the same double (for messages and files).
std::string formatNumber(double v);

/// A user's text in quotes for a message, cut after `maxChars` characters (never inside a
/// UTF-8 character) with its length: "\"abc…\" (5,000,000 characters)".
std::string quoted(std::string_view text, size_t maxChars = 60);

}  // namespace nines::model
