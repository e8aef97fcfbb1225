#include "path.h"

#include <algorithm>

namespace nines::model {

bool isValidId(std::string_view s)
{
    if (s.empty() || s.size() > 200)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
               || c == '-' || c == '.' || c == ':';
    });
}

std::string elementPath(std::string_view collection, const std::vector<std::string>& ids, size_t index)
{
    std::string out(collection);
    out += '[';
    const std::string& id = index < ids.size() ? ids[index] : std::string();
    if (isValidId(id) && std::count(ids.begin(), ids.end(), id) == 1)
        out += id;
    else
        out += std::to_string(index);
    out += ']';
    return out;
}

IdIndex::IdIndex(std::vector<std::string> ids) : ids_(std::move(ids))
{
    if (ids_.size() <= kScanned)
        return;
    index_.reserve(ids_.size());
    for (size_t i = 0; i < ids_.size(); ++i) {
        ++index_.try_emplace(std::string_view(ids_[i]), Entry{i, 0}).first->second.count;
    }
}

int IdIndex::find(std::string_view id) const
{
    if (ids_.size() <= kScanned) {
        const auto it = std::find(ids_.begin(), ids_.end(), id);
        return it == ids_.end() ? -1 : static_cast<int>(it - ids_.begin());
    }
    const auto it = index_.find(id);
    return it == index_.end() ? -1 : static_cast<int>(it->second.first);
}

size_t IdIndex::count(std::string_view id) const
{
    if (ids_.size() <= kScanned)
        return static_cast<size_t>(std::count(ids_.begin(), ids_.end(), id));
    const auto it = index_.find(id);
    return it == index_.end() ? 0 : it->second.count;
}

std::string IdIndex::path(std::string_view collection, size_t index) const
{
    std::string out(collection);
    out += '[';
    const std::string& id = index < ids_.size() ? ids_[index] : std::string();
    if (isValidId(id) && count(id) == 1)
        out += id;
    else
        out += std::to_string(index);
    out += ']';
    return out;
}

std::string joinPath(std::string_view parent, std::string_view field)
{
    if (parent.empty())
        return std::string(field);
    std::string out(parent);
    out += '.';
    out += field;
    return out;
}

std::optional<std::vector<PathStep>> parsePath(std::string_view path, std::string* why)
{
    auto fail = [&](std::string reason) -> std::optional<std::vector<PathStep>> {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    std::vector<PathStep> steps;
    size_t i = 0;
    if (path.empty())
        return fail("the path is empty");
    while (i < path.size()) {
        PathStep step;
        while (i < path.size() && path[i] != '.' && path[i] != '[') {
            step.field += path[i];
            ++i;
        }
        if (step.field.empty())
            return fail("expected a field name at position " + std::to_string(i + 1));
        if (i < path.size() && path[i] == '[') {
            const size_t close = path.find(']', i);
            if (close == std::string_view::npos)
                return fail("missing ']' after position " + std::to_string(i + 1));
            step.selector = std::string(path.substr(i + 1, close - i - 1));
            if (step.selector->empty())
                return fail("empty selector '[]' at position " + std::to_string(i + 1));
            i = close + 1;
        }
        steps.push_back(std::move(step));
        if (i < path.size()) {
            if (path[i] != '.')
                return fail("expected '.' or end at position " + std::to_string(i + 1));
            ++i;
            if (i == path.size())
                return fail("the path ends with '.'");
        }
    }
    return steps;
}

}  // namespace nines::model
