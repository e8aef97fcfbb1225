// Edits made to a scenario's model, turned back into the scenario's operations: the difference
// between two documents as set / add / remove operations by field path, so that editing a
// scenario on the canvas stores only what it overrides and the base's other fields keep flowing
// into it.
#pragma once

#include "model/model.h"

#include <QJsonObject>
#include <QJsonValue>

#include <set>
#include <string>
#include <vector>

namespace nines::io {

/// Compact JSON text of any value (an operation's value_json).
std::string jsonText(const QJsonValue& v);

/// The operations that turn `from` into `to` (documents as writeModel writes them): a changed
/// plain field is set, a field left out is removed, list items are added, removed or changed by
/// id, and a list whose order or unnamed items changed is set whole. Applying them in order to
/// `from` gives `to`. Top-level fields named in `skip` are not compared.
std::vector<model::Operation> diffDocuments(const QJsonObject& from, const QJsonObject& to,
                                            const std::set<std::string>& skip = {});

}  // namespace nines::io
