// Writes a model as nines/1 JSON. Fields at their default are left out, so files stay short;
// reading the result gives the same model back.
#pragma once

#include "model/model.h"

#include <QByteArray>
#include <QJsonObject>

namespace nines::io {

struct WriteOptions {
    /// Items made from a catalogue template are written as "template" plus the fields that differ
    /// from it. Off, every item is written whole without its template (the form scenario
    /// operations and sweeps edit, since their paths may reach into values the template gives).
    bool keep_templates = true;
};

QJsonObject writeModel(const model::Model& m, const WriteOptions& opts = {});
QJsonObject writeDistribution(const model::Distribution& d);
/// Indented UTF-8 text of the model, with a final newline.
QByteArray modelToJson(const model::Model& m, const WriteOptions& opts = {});

/// One item as it appears in a file.
QJsonObject writeItem(const model::Component& x, const WriteOptions& opts = {});
QJsonObject writeItem(const model::FailureMode& x, const WriteOptions& opts = {});
QJsonObject writeItem(const model::Zone& x, const WriteOptions& opts = {});
QJsonObject writeItem(const model::Region& x, const WriteOptions& opts = {});
QJsonObject writeItem(const model::Link& x, const WriteOptions& opts = {});
QJsonObject writeItem(const model::SharedFate& x, const WriteOptions& opts = {});

/// Whether a component made from a template can be written as the template plus its changes
/// (not when a failure mode of the template was renamed, removed or reordered); true without a
/// template or with one this catalogue does not know.
bool canFollowTemplate(const model::Component& c);

/// One item with every field written out, defaults included and no template: what a template's
/// values are compared with (a value at its default still differs from a template's).
QJsonObject writeExplicit(const model::Component& x);
QJsonObject writeExplicit(const model::FailureMode& x);
QJsonObject writeExplicit(const model::Zone& x);
QJsonObject writeExplicit(const model::Region& x);
QJsonObject writeExplicit(const model::Link& x);
QJsonObject writeExplicit(const model::SharedFate& x);

}  // namespace nines::io
