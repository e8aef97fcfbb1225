// Field paths, the one way every part of Nines names a field (DESIGN.md, "Contracts"):
// items with an id by id, others by index, e.g. components[db].failure_modes[crash].repair.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nines::model {

/// Whether s may serve as an id: letters, digits and _ - . : (no brackets, no spaces).
bool isValidId(std::string_view s);

/// "collection[id]" when ids[index] is a valid id unique in ids, else "collection[index]".
/// Counts the ids on each call: for naming many items of one list, use IdIndex.
std::string elementPath(std::string_view collection, const std::vector<std::string>& ids, size_t index);

/// The ids of one list, indexed once so that naming an item or looking one up by id takes
/// constant time: validation and reading name every item, and a linear scan per item made
/// them quadratic in the size of the model (60,000 items took minutes).
class IdIndex {
public:
    IdIndex() = default;
    explicit IdIndex(std::vector<std::string> ids);
    // The index holds views into the list: a copy indexes its own list; a move keeps the
    // strings where they are (the vector's buffer moves whole).
    IdIndex(const IdIndex& o) : IdIndex(o.ids_) {}
    IdIndex& operator=(const IdIndex& o) { return *this = IdIndex(o.ids_); }
    IdIndex(IdIndex&&) noexcept = default;
    IdIndex& operator=(IdIndex&&) noexcept = default;

    const std::vector<std::string>& ids() const { return ids_; }
    size_t size() const { return ids_.size(); }
    bool empty() const { return ids_.empty(); }
    const std::string& operator[](size_t i) const { return ids_[i]; }
    /// Whether some item has this id.
    bool contains(std::string_view id) const { return find(id) >= 0; }
    /// The first item with this id, or -1.
    int find(std::string_view id) const;
    /// How many items have this id.
    size_t count(std::string_view id) const;
    /// "collection[id]" when item `index` has a valid id no other item has, else "collection[index]".
    std::string path(std::string_view collection, size_t index) const;

private:
    struct Entry {
        size_t first = 0;
        size_t count = 0;
    };
    // Short lists (a component's failure modes, most of a model's lists) are scanned: a hash
    // map for each would cost more in allocations than it saves.
    static constexpr size_t kScanned = 16;
    std::vector<std::string> ids_;
    std::unordered_map<std::string_view, Entry> index_;  // views into ids_; empty when scanned
};

/// Joins a parent path and a field name: join("a[x]", "b") == "a[x].b"; join("", "b") == "b".
std::string joinPath(std::string_view parent, std::string_view field);

/// One step of a parsed path: a field name, optionally followed by a selector in brackets.
struct PathStep {
    std::string field;
    std::optional<std::string> selector;  // id or decimal index
};

/// Splits "a[x].b[2].c" into steps; nullopt (with a reason) when the text is not a path.
std::optional<std::vector<PathStep>> parsePath(std::string_view path, std::string* why = nullptr);

}  // namespace nines::model
