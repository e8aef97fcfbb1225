// The capacity headroom table as JSON, shared by `capacity`, `simulate` and `analyze`.
#pragma once

#include "sim/capacity.h"

#include <QJsonObject>

namespace nines::app {

QJsonObject capacityToJson(const sim::CapacityResult& r);

}  // namespace nines::app
