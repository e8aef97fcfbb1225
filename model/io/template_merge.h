// How an item in a model file relates to its catalogue template, in JSON: the file gives only
// the fields it overrides, merged over the template's. The rules are RFC 7386 (JSON merge patch:
// objects merge field by field, null removes a field) extended to lists of objects with ids,
// which merge item by item by id, as field paths address them.
#pragma once

#include <QJsonObject>
#include <QJsonValue>

#include <optional>
#include <string_view>

namespace nines::io {

/// The item as the model sees it: the template's fields with the file's merged over them.
QJsonObject applyTemplate(const QJsonObject& templ, const QJsonObject& item);

/// The smallest object that applyTemplate turns back into the item. `full` is the item with
/// every field written out (defaults included), `compact` the same item as Nines writes it
/// without a template (defaults left out), which tells which fields the template does not set
/// and are at their default. Nullopt when no patch can say it: an item of a template's list was
/// removed or the list reordered.
std::optional<QJsonObject> templatePatch(const QJsonObject& templ, const QJsonObject& full,
                                         const QJsonObject& compact);

/// The value at a field path relative to `obj` ("failure_modes[crash].repair.mean_hours"),
/// list items selected by id or index; undefined when there is none.
QJsonValue valueAtPath(const QJsonObject& obj, std::string_view relPath);

}  // namespace nines::io
