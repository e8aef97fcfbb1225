// Scenarios as ordered operations on the base document (set a field by path, add an item,
// remove an item), applied to the JSON form so that any field can be overridden.
#pragma once

#include "model/design.h"
#include "model/model.h"
#include "model/problem.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>
#include <string>

namespace nines::io {

/// Applies one operation to a document in place; returns an empty string or why it failed
/// (e.g. no component with id "x").
std::string applyOperation(QJsonObject& doc, model::OperationType op, const std::string& path,
                           const QJsonValue& value);

/// The value of an operation, read from its JSON text (any JSON value; undefined when malformed).
QJsonValue operationValue(const std::string& json);

/// The path with each list item named by its id where it has one ("components[0].x" becomes
/// "components[web].x"), read against `doc` the way applyOperation selects items.
std::string pathByIds(const QJsonObject& doc, const std::string& path);

/// The model of scenario `id` (its based_on chain applied first, then its own operations),
/// read and validated. Problems are reported under "scenarios[id]...".
std::optional<model::Model> resolveScenario(const model::Model& base, const std::string& id,
                                            model::Problems& problems);

/// The document a scenario's own operations start from (the base, or the scenario it builds on
/// with its chain applied), written without templates and scenarios; with `own`, the scenario's
/// own operations applied too. Not validated: nullopt (with the failing operation named in
/// `problems`) only when an operation cannot be applied.
std::optional<QJsonObject> scenarioDocument(const model::Model& base, const std::string& id, bool own,
                                            model::Problems& problems);

/// Checks every scenario of a base model that is itself valid.
void validateScenarios(const model::Model& base, model::Problems& problems);

/// A copy of the model with one field set by path (for sweeps and `--set`), validated.
std::optional<model::Model> withField(const model::Model& base, const std::string& path, const QJsonValue& value,
                                      model::Problems& problems);

/// The base (without its scenarios) and every scenario resolved into a whole model, for the
/// study layer to compare; a scenario that does not resolve is named in `problems` instead.
model::Designs designsOf(const model::Model& base);

/// A copy of the model with one numeric field of a sweep set, validated: a field of the file
/// by path (whole numbers as integers, so that counts read as counts), or
/// "components[ID].zone_count", the component spread over that many zones (those it has
/// first, then the model's in order).
std::optional<model::Model> withSweepValue(const model::Model& base, const std::string& path, double value,
                                           model::Problems& problems);

}  // namespace nines::io
