// Field paths in words, for what a reader sees (the report, the dashboard, the Run panel): an
// architect reads "Load balancer pair" and "“crash” failures: repair time", not
// "components[lb]" and "failure_modes[crash].repair". The paths stay in the JSON, the Problems
// list and the command line's messages, where a tool or an editor needs them.
#pragma once

#include "model/model.h"

#include <QString>

#include <string>

namespace nines::present {

/// A field path relative to an item in words: "failure_modes[crash].repair" gives
/// "“crash” failures: repair time", "outage.failure" "time between outages", "instances"
/// "instances"; an unknown field keeps its name with spaces for underscores.
QString fieldInWords(const std::string& relativePath);

/// A text with every item reference (components[ID], zones[ID], regions[ID], links[ID],
/// hubs[ID], scenarios[ID]) replaced by the item's name in quotes, its id when it has no name.
QString withItemNames(const model::Model& m, const QString& text);

}  // namespace nines::present
