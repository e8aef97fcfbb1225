// What Qt's JSON parser does not say clearly: syntax errors with the position of the token
// at fault and plain words, raw line breaks inside strings, and fields given twice.
#pragma once

#include "model/problem.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

namespace nines::io {

/// A problem for a document Qt failed to parse, or for a line break inside a string (which
/// JSON forbids and Qt accepts); nullopt when the text is fine.
std::optional<model::Problem> syntaxProblem(const QByteArray& text, const QJsonParseError& err);

/// Reports each field given twice in one object, with its path (Qt silently keeps the last).
void findDuplicateKeys(const QByteArray& text, const QJsonDocument& doc, model::Problems& out);

}  // namespace nines::io
