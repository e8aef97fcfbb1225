// What each editor action means for the model, as undo commands pushed on the document's stack:
// new components with sensible defaults, connecting, deleting with everything that referred to
// the deleted items, renaming ids with their references, moving with zone placement, and the
// clipboard's JSON fragments.
#pragma once

#include "ui/document/document.h"
#include "ui/document/item_access.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace nines::ui {

/// Every component kind, in the order the palette and the inspector offer them.
inline constexpr model::ComponentKind kComponentKinds[] = {
    model::ComponentKind::Entry,   model::ComponentKind::LoadBalancer, model::ComponentKind::Service,
    model::ComponentKind::Database, model::ComponentKind::Cache,       model::ComponentKind::Queue,
    model::ComponentKind::Storage, model::ComponentKind::Dns,          model::ComponentKind::Custom};

/// A component of the kind with the defaults an architect expects of it (one failure mode with
/// a typical MTBF and MTTR for the kind), a fresh id and name, at `at`.
model::Component newComponent(const model::Model& m, model::ComponentKind kind, model::Point at);

/// Display name of a kind ("Load balancer").
QString kindLabel(model::ComponentKind kind);

/// Adds items at the ends of their collections as one step. Returns their refs.
std::vector<ItemRef> addItems(Document* doc, const std::vector<Item>& items, const QString& text);

/// Adds a dependency from -> to. Refuses (returns false) a self-loop or an existing pair.
bool connectComponents(Document* doc, const std::string& from, const std::string& to);

/// Deletes the items and what can no longer stand without them (dependencies and links of a
/// deleted node), and clears references to them elsewhere (placements, crews, shared fate).
void deleteItems(Document* doc, const std::vector<ItemRef>& refs);

/// Changes items through `edit`, one step; consecutive edits with the same merge key merge.
/// Items that `edit` leaves unchanged are not part of the step. Returns false when nothing changed.
bool editItems(Document* doc, const std::vector<ItemRef>& refs, const std::function<void(Item&)>& edit,
               const QString& text, const std::string& mergeKey = {});

/// Renames an item's id and every reference to it. Returns the reason when refused.
std::optional<QString> renameItem(Document* doc, ItemRef ref, const std::string& newId);

/// New positions of nodes after a drag (components, zones, regions, hubs), and for components
/// the zones they were dropped into, as one step.
struct MovedItem {
    ItemRef ref;
    model::Point position;
    std::optional<std::vector<std::string>> zones;  // components only: new placement
};
void moveItems(Document* doc, const std::vector<MovedItem>& moves, const QString& text);

/// MIME type of the clipboard's fragments: a nines/1 document holding the copied items.
inline constexpr const char* kFragmentMime = "application/x-nines-fragment+json";

/// The selected items as a fragment (components with the dependencies between them, zones,
/// regions, hubs and links among them).
QByteArray copyFragment(const model::Model& m, const std::vector<ItemRef>& refs);

/// Pastes a fragment with fresh ids, shifted by `offset`, as one step. Returns the new items,
/// or nothing when the bytes are not a fragment.
std::vector<ItemRef> pasteFragment(Document* doc, const QByteArray& fragment, model::Point offset);

}  // namespace nines::ui
