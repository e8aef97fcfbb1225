// Reads a model from Qt JSON values, collecting every problem with its field path.
// Types, required and unknown fields are checked here; model/validate.h checks the rest.
#pragma once

#include "model/model.h"
#include "model/problem.h"

#include <QJsonObject>

namespace nines::io {

/// Best-effort conversion: fields that cannot be read keep their defaults and add a problem.
/// Does not run semantic validation (see readAndValidate in model_file.h).
model::Model readModel(const QJsonObject& root, model::Problems& problems);

/// Reads one item (as writeItem or writeExplicit gives it, with its template if it names one),
/// for the editor; false when there were errors (added to `problems`, paths relative to the item).
bool readItem(const QJsonObject& o, model::Component& out, model::Problems& problems);
bool readItem(const QJsonObject& o, model::FailureMode& out, model::Problems& problems);
bool readItem(const QJsonObject& o, model::Zone& out, model::Problems& problems);
bool readItem(const QJsonObject& o, model::Region& out, model::Problems& problems);
bool readItem(const QJsonObject& o, model::Link& out, model::Problems& problems);
bool readItem(const QJsonObject& o, model::SharedFate& out, model::Problems& problems);

/// Reads one distribution object (used by the catalogue and the editor as well).
model::Distribution readDistribution(const QJsonValue& v, const std::string& path, model::Problems& problems);
/// A failover time in seconds (standby.failover): deterministic, exponential, lognormal or uniform.
model::FailoverTime readFailover(const QJsonValue& v, const std::string& path, model::Problems& problems);

}  // namespace nines::io
