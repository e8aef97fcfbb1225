// The catalogue for people: `nines catalogue` as a table, as JSON, and as docs/catalogue.md
// (generated from the catalogue file, so that the documentation cannot drift from the data).
#pragma once

#include "model/io/catalogue.h"

#include <QJsonObject>

#include <string>

namespace nines::app {

/// Readable listing: a summary table, or every value with its source for the templates named.
std::string catalogueText(const io::Catalogue& c, const std::vector<std::string>& ids);
/// The catalogue with each value described and its provenance resolved (docs/catalogue.md
/// describes the fields).
QJsonObject catalogueJson(const io::Catalogue& c);
/// The text of docs/catalogue.md.
std::string catalogueMarkdown(const io::Catalogue& c);

}  // namespace nines::app
