// Uniform access to the model's item collections (components, dependencies, zones, ...) so
// that undo commands, selection and clipboard handle every kind of item the same way.
#pragma once

#include "model/model.h"

#include <string>
#include <variant>
#include <vector>

namespace nines::ui {

/// The kinds of item an editor can select, in the order of the variant below.
enum class ItemKind { Component, Dependency, Zone, Region, Hub, Link, Crew, SharedFate };

using Item = std::variant<model::Component, model::Dependency, model::Zone, model::Region, model::Hub,
                          model::Link, model::RepairCrew, model::SharedFate>;

inline ItemKind kindOf(const Item& item) { return static_cast<ItemKind>(item.index()); }

/// An item by kind and position in its collection.
struct ItemRef {
    ItemKind kind = ItemKind::Component;
    int index = -1;
    bool operator==(const ItemRef&) const = default;
    auto operator<=>(const ItemRef&) const = default;
};

/// The item of a kind at `index` placed in an Item, or the item written back.
Item itemAt(const model::Model& m, ItemRef ref);
void setItemAt(model::Model& m, int index, const Item& item);
void insertItemAt(model::Model& m, int index, const Item& item);
void eraseItemAt(model::Model& m, ItemKind kind, int index);
int itemCount(const model::Model& m, ItemKind kind);

/// The item's id ("" for dependencies without one) and display name.
std::string itemId(const Item& item);
/// The id of the item at ref, without copying the item.
const std::string& idAt(const model::Model& m, ItemRef ref);
/// Whether two models hold the same item at ref (both must have it), without copying.
bool sameItemAt(const model::Model& a, const model::Model& b, ItemRef ref);
/// The canvas position of a node item (components, zones, regions, hubs), if it has one.
std::optional<model::Point> positionOf(const Item& item);
std::string itemLabel(const model::Model& m, ItemRef ref);

/// The model's collection name for a kind ("components", "repair_crews", ...), as in paths.
const char* collectionName(ItemKind kind);

/// The field path of an item, as validation names it (components[db], dependencies[3]).
std::string itemPath(const model::Model& m, ItemRef ref);

/// Every item's path, for mapping a problem back to the item it concerns.
std::vector<std::pair<std::string, ItemRef>> allItemPaths(const model::Model& m);

/// The item a field path points into (the longest item path that prefixes it), if any.
std::optional<ItemRef> itemOfPath(const model::Model& m, const std::string& path);

/// An id not yet used by items of that kind: base, base-2, base-3, ...
std::string uniqueId(const model::Model& m, ItemKind kind, const std::string& base);

}  // namespace nines::ui
