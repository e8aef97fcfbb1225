// What the catalogue means for the editor: new items made from templates, applying or
// detaching a template, and setting a field back to its catalogue value. Pure functions on
// items; the callers push them as undo commands.
#pragma once

#include "ui/document/item_access.h"

#include "model/io/catalogue.h"

#include <QString>

#include <optional>
#include <string>

namespace nines::ui {

/// The template a palette key names ("template:component:hdd"), or null.
const io::Template* templateOfKey(const QString& key);
/// The palette key of a template.
QString keyOfTemplate(const io::Template& t);

/// A component, zone or region made from a template, with a fresh id and the template's name.
/// Nullopt for templates of other targets (links, shared fate and failure modes are made in
/// their forms).
std::optional<Item> newItemFromTemplate(const model::Model& m, const io::Template& t, model::Point at);

/// A failure mode made from a template, with an id not used by the component.
model::FailureMode newFailureModeFromTemplate(const model::Component& c, const io::Template& t);

/// The item with every field the template sets taken from it, tied to it; with a null template,
/// the item keeps its values and is no longer tied to any.
Item withTemplate(const Item& item, const io::Template* t);

/// The item with the field at `relPath` (relative to it) set back to its template's value; for
/// a failure mode made from its own template, that template's. Nullopt when the field has no
/// catalogue value.
std::optional<Item> withCatalogueValue(const model::Model& m, ItemRef ref, const std::string& relPath);

/// The target of an item kind (components, zones, regions, links, shared fate), if any.
std::optional<io::TemplateTarget> templateTargetOf(ItemKind kind);

/// The item's template id ("" for none or for kinds without templates).
std::string templateIdOf(const Item& item);

/// Tooltip text: the template's description and what one unit of it does.
QString templateSummary(const io::Template& t);

}  // namespace nines::ui
