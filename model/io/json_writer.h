// Writes a model as nines/1 JSON. Fields at their default are left out, so files stay short;
// reading the result gives the same model back.
#pragma once

#include "model/model.h"

#include <QByteArray>
#include <QJsonObject>

namespace nines::io {

QJsonObject writeModel(const model::Model& m);
QJsonObject writeDistribution(const model::Distribution& d);
/// Indented UTF-8 text of the model, with a final newline.
QByteArray modelToJson(const model::Model& m);

}  // namespace nines::io
