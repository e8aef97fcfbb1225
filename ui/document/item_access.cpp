#include "item_access.h"

#include "model/path.h"

#include <set>

namespace nines::ui {

using namespace nines::model;

namespace {

template <typename F>
decltype(auto) withCollection(Model& m, ItemKind kind, F&& f)
{
    switch (kind) {
    case ItemKind::Component: return f(m.components);
    case ItemKind::Dependency: return f(m.dependencies);
    case ItemKind::Zone: return f(m.zones);
    case ItemKind::Region: return f(m.regions);
    case ItemKind::Hub: return f(m.hubs);
    case ItemKind::Link: return f(m.links);
    case ItemKind::Crew: return f(m.repair_crews);
    case ItemKind::SharedFate: break;
    }
    return f(m.shared_fate);
}

template <typename F>
decltype(auto) withCollection(const Model& m, ItemKind kind, F&& f)
{
    return withCollection(const_cast<Model&>(m), kind, [&](const auto& c) -> decltype(auto) { return f(c); });
}

template <typename T>
std::vector<std::string> idsOf(const std::vector<T>& items)
{
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& x : items)
        ids.push_back(x.id);
    return ids;
}

}  // namespace

Item itemAt(const Model& m, ItemRef ref)
{
    return withCollection(m, ref.kind, [&](const auto& c) { return Item(c.at(static_cast<size_t>(ref.index))); });
}

void setItemAt(Model& m, int index, const Item& item)
{
    std::visit(
        [&](const auto& x) {
            withCollection(m, kindOf(item), [&](auto& c) {
                using T = std::decay_t<decltype(c.front())>;
                if constexpr (std::is_same_v<T, std::decay_t<decltype(x)>>)
                    c.at(static_cast<size_t>(index)) = x;
            });
        },
        item);
}

void insertItemAt(Model& m, int index, const Item& item)
{
    std::visit(
        [&](const auto& x) {
            withCollection(m, kindOf(item), [&](auto& c) {
                using T = std::decay_t<decltype(c.front())>;
                if constexpr (std::is_same_v<T, std::decay_t<decltype(x)>>)
                    c.insert(c.begin() + index, x);
            });
        },
        item);
}

void eraseItemAt(Model& m, ItemKind kind, int index)
{
    withCollection(m, kind, [&](auto& c) { c.erase(c.begin() + index); });
}

int itemCount(const Model& m, ItemKind kind)
{
    return withCollection(m, kind, [](const auto& c) { return static_cast<int>(c.size()); });
}

std::string itemId(const Item& item)
{
    return std::visit([](const auto& x) { return x.id; }, item);
}

const std::string& idAt(const Model& m, ItemRef ref)
{
    return withCollection(m, ref.kind, [&](const auto& c) -> const std::string& { return c.at(size_t(ref.index)).id; });
}

bool sameItemAt(const Model& a, const Model& b, ItemRef ref)
{
    return withCollection(a, ref.kind, [&](const auto& ca) {
        return withCollection(b, ref.kind, [&](const auto& cb) {
            using A = std::decay_t<decltype(ca.front())>;
            using B = std::decay_t<decltype(cb.front())>;
            if constexpr (std::is_same_v<A, B>)
                return ca.at(size_t(ref.index)) == cb.at(size_t(ref.index));
            else
                return false;  // never: both sides are the same kind's collection
        });
    });
}

std::optional<Point> positionOf(const Item& item)
{
    return std::visit(
        [](const auto& x) -> std::optional<Point> {
            if constexpr (requires { x.position; })
                return x.position;
            else
                return std::nullopt;
        },
        item);
}

std::string itemLabel(const Model& m, ItemRef ref)
{
    if (ref.index < 0 || ref.index >= itemCount(m, ref.kind))
        return {};
    if (ref.kind == ItemKind::Dependency) {
        const Dependency& d = m.dependencies[static_cast<size_t>(ref.index)];
        return d.from + " \u2192 " + d.to;
    }
    return std::visit(
        [](const auto& x) -> std::string {
            if constexpr (requires { x.name; })
                return x.name.empty() ? x.id : x.name;
            else
                return x.id;
        },
        itemAt(m, ref));
}

const char* collectionName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Component: return "components";
    case ItemKind::Dependency: return "dependencies";
    case ItemKind::Zone: return "zones";
    case ItemKind::Region: return "regions";
    case ItemKind::Hub: return "hubs";
    case ItemKind::Link: return "links";
    case ItemKind::Crew: return "repair_crews";
    case ItemKind::SharedFate: break;
    }
    return "shared_fate";
}

std::string itemPath(const Model& m, ItemRef ref)
{
    return withCollection(m, ref.kind, [&](const auto& c) {
        return elementPath(collectionName(ref.kind), idsOf(c), static_cast<size_t>(ref.index));
    });
}

std::vector<std::pair<std::string, ItemRef>> allItemPaths(const Model& m)
{
    std::vector<std::pair<std::string, ItemRef>> out;
    for (int k = 0; k <= static_cast<int>(ItemKind::SharedFate); ++k) {
        const auto kind = static_cast<ItemKind>(k);
        withCollection(m, kind, [&](const auto& c) {
            const auto ids = idsOf(c);
            for (size_t i = 0; i < c.size(); ++i)
                out.emplace_back(elementPath(collectionName(kind), ids, i), ItemRef{kind, static_cast<int>(i)});
        });
    }
    return out;
}

std::optional<ItemRef> itemOfPath(const Model& m, const std::string& path)
{
    std::optional<ItemRef> best;
    size_t bestLength = 0;
    for (const auto& [p, ref] : allItemPaths(m)) {
        const bool prefix = path.compare(0, p.size(), p) == 0
                            && (path.size() == p.size() || path[p.size()] == '.' || path[p.size()] == '[');
        if (prefix && p.size() > bestLength) {
            best = ref;
            bestLength = p.size();
        }
    }
    return best;
}

std::string uniqueId(const Model& m, ItemKind kind, const std::string& base)
{
    std::set<std::string> used;
    withCollection(m, kind, [&](const auto& c) {
        for (const auto& x : c)
            used.insert(x.id);
    });
    std::string stem = base.empty() ? std::string("item") : base;
    if (!used.count(stem))
        return stem;
    // "app-2" copied again becomes "app-3", not "app-2-2".
    const auto dash = stem.rfind('-');
    if (dash != std::string::npos && dash + 1 < stem.size()
        && stem.find_first_not_of("0123456789", dash + 1) == std::string::npos)
        stem.resize(dash);
    for (int i = 2;; ++i) {
        std::string candidate = stem + "-" + std::to_string(i);
        if (!used.count(candidate))
            return candidate;
    }
}

}  // namespace nines::ui
