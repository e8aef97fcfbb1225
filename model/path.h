// Field paths, the one way every part of Nines names a field (DESIGN.md, "Contracts"):
// items with an id by id, others by index, e.g. components[db].failure_modes[crash].repair.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nines::model {

/// Whether s may serve as an id: letters, digits and _ - . : (no brackets, no spaces).
bool isValidId(std::string_view s);

/// "collection[id]" when ids[index] is a valid id unique in ids, else "collection[index]".
std::string elementPath(std::string_view collection, const std::vector<std::string>& ids, size_t index);

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
