// Semantic validation of a model: every rule that a well-typed model can still break
// (ranges, references, k <= n, cycles, shares). Reports all problems at once, never throws.
#pragma once

#include "model.h"
#include "problem.h"

#include <string>
#include <string_view>

namespace nines::model {

Problems validate(const Model& model);

/// Problems of the money in a model: every price non-negative and finite, the horizon, the SLA
/// credit schedule and the support contracts (validate_money.cpp).
void validateMoney(const Model& model, Problems& out);

/// Problems of one distribution's parameters, reported under `path`.
void validateDistribution(const Distribution& d, const std::string& path, Problems& out);

/// Shortest text that reads back as the same double (for messages and files).
std::string formatNumber(double v);

/// A user's text in quotes for a message, cut after `maxChars` characters (never inside a
/// UTF-8 character) with its length: "\"abc…\" (5,000,000 characters)".
std::string quoted(std::string_view text, size_t maxChars = 60);

}  // namespace nines::model
