#include "edits.h"

#include "ui/document/edit_commands.h"
#include "model/io/json_reader.h"
#include "model/io/json_writer.h"
#include "model/path.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>

#include <algorithm>
#include <set>

namespace nines::ui {

using namespace nines::model;

namespace {

struct KindDefaults {
    const char* id;
    const char* label;
    double mtbfHours;  // 0: never fails (entries stand for the users, not for a machine)
    double mttrHours;
};

// Typical figures for a first draft, until the catalogue offers sourced ones per template.
KindDefaults defaultsOf(ComponentKind k)
{
    switch (k) {
    case ComponentKind::Entry: return {"entry", QT_TRANSLATE_NOOP("Kind", "Entry"), 0, 0};
    case ComponentKind::LoadBalancer: return {"lb", QT_TRANSLATE_NOOP("Kind", "Load balancer"), 8760, 2};
    case ComponentKind::Service: return {"service", QT_TRANSLATE_NOOP("Kind", "Service"), 2190, 0.5};
    case ComponentKind::Database: return {"db", QT_TRANSLATE_NOOP("Kind", "Database"), 4380, 4};
    case ComponentKind::Cache: return {"cache", QT_TRANSLATE_NOOP("Kind", "Cache"), 2190, 0.5};
    case ComponentKind::Queue: return {"queue", QT_TRANSLATE_NOOP("Kind", "Queue"), 4380, 1};
    case ComponentKind::Storage: return {"storage", QT_TRANSLATE_NOOP("Kind", "Storage"), 8760, 8};
    case ComponentKind::Dns: return {"dns", QT_TRANSLATE_NOOP("Kind", "DNS"), 87600, 0.5};
    case ComponentKind::Custom: break;
    }
    return {"component", QT_TRANSLATE_NOOP("Kind", "Component"), 4380, 2};
}

// The model after a change, compared position by position with the document's model, as
// commands: replacements for changed items, then removals.
void pushDiff(Document* doc, const Model& after, const std::set<ItemRef>& removed, const QString& text)
{
    const Model& before = doc->model();
    auto* parent = new EditGroup(doc, text);
    std::vector<ReplaceItemsCommand::Change> changes;
    for (int k = 0; k <= int(ItemKind::SharedFate); ++k)
        for (int i = 0; i < itemCount(before, ItemKind(k)); ++i) {
            const ItemRef ref{ItemKind(k), i};
            if (!removed.count(ref) && !sameItemAt(before, after, ref))
                changes.push_back({i, itemAt(before, ref), itemAt(after, ref)});
        }
    if (!changes.empty())
        new ReplaceItemsCommand(doc, std::move(changes), text, {}, parent);
    std::vector<PlacedItem> gone;
    for (const auto& ref : removed)
        gone.push_back({ref.index, itemAt(before, ref)});
    if (!gone.empty())
        new ItemsCommand(doc, ItemsCommand::Remove, std::move(gone), text, parent);
    doc->undoStack()->push(parent);
}

template <typename T>
void eraseValue(std::vector<T>& v, const T& x)
{
    v.erase(std::remove(v.begin(), v.end(), x), v.end());
}

// Applies the loss (newId empty) or renaming of a node id to every reference in `m`. Links
// and dependencies that would dangle are added to `removed`.
void rewriteReferences(Model& m, ItemKind kind, const std::string& id, const std::string& newId,
                       std::set<ItemRef>& removed)
{
    const bool rename = !newId.empty();
    auto network = [&](std::string& ref, int linkIndex) {
        if (ref != id)
            return;
        if (rename)
            ref = newId;
        else
            removed.insert({ItemKind::Link, linkIndex});
    };
    switch (kind) {
    case ItemKind::Component:
        for (size_t i = 0; i < m.dependencies.size(); ++i)
            for (std::string* end : {&m.dependencies[i].from, &m.dependencies[i].to})
                if (*end == id) {
                    if (rename)
                        *end = newId;
                    else
                        removed.insert({ItemKind::Dependency, static_cast<int>(i)});
                }
        for (auto& s : m.shared_fate)
            for (auto& c : s.components)
                if (c == id)
                    c = newId;
        for (auto& s : m.shared_fate)
            eraseValue(s.components, std::string());
        break;
    case ItemKind::Zone:
    case ItemKind::Region:
    case ItemKind::Hub:
        for (size_t i = 0; i < m.links.size(); ++i) {
            network(m.links[i].from, static_cast<int>(i));
            network(m.links[i].to, static_cast<int>(i));
        }
        for (auto& c : m.components) {
            if (c.entry_node == id)
                c.entry_node = rename ? std::optional(newId) : std::nullopt;
            if (kind == ItemKind::Zone) {
                for (auto& z : c.zones)
                    if (z == id)
                        z = newId;
                eraseValue(c.zones, std::string());
            }
        }
        if (kind == ItemKind::Region)
            for (auto& z : m.zones)
                if (z.region == id)
                    z.region = rename ? std::optional(newId) : std::nullopt;
        break;
    case ItemKind::Crew:
        for (auto& c : m.components)
            if (c.repair_crew == id)
                c.repair_crew = rename ? std::optional(newId) : std::nullopt;
        break;
    case ItemKind::Dependency:
    case ItemKind::Link:
    case ItemKind::SharedFate:
        break;
    }
}

void setId(Item& item, const std::string& id)
{
    std::visit([&](auto& x) { x.id = id; }, item);
}

void setPosition(Item& item, Point p)
{
    std::visit([&](auto& x) {
        if constexpr (requires { x.position; })
            x.position = p;
    }, item);
}

}  // namespace

QString kindLabel(ComponentKind kind) { return QCoreApplication::translate("Kind", defaultsOf(kind).label); }

Component newComponent(const Model& m, ComponentKind kind, Point at)
{
    const KindDefaults d = defaultsOf(kind);
    Component c;
    c.kind = kind;
    c.id = uniqueId(m, ItemKind::Component, d.id);
    const QString label = kindLabel(kind);
    int same = 0;
    for (const auto& x : m.components)
        same += x.kind == kind;
    c.name = (same == 0 ? label : QStringLiteral("%1 %2").arg(label).arg(same + 1)).toStdString();
    c.position = at;
    // A load balancer spreads the requests over whichever backends are up, so one healthy
    // backend serves (capacity aside). "All", the file's default, would put two web servers
    // drawn behind it in series: less available than one, which no architect means.
    if (kind == ComponentKind::LoadBalancer)
        c.dependency_mode = DependencyMode::Any;
    if (kind == ComponentKind::Entry) {
        const bool firstEntry = std::none_of(m.components.begin(), m.components.end(),
                                             [](const Component& x) { return x.kind == ComponentKind::Entry; });
        c.traffic_share = firstEntry ? 1.0 : 0.0;
    } else {
        FailureMode f;
        f.id = "failure";
        f.name = "Failure";
        f.failure = Distribution::exponential(d.mtbfHours);
        f.repair = Distribution::exponential(d.mttrHours);
        c.failure_modes.push_back(std::move(f));
    }
    return c;
}

std::vector<ItemRef> addItems(Document* doc, const std::vector<Item>& items, const QString& text)
{
    std::vector<PlacedItem> placed;
    std::vector<ItemRef> refs;
    std::map<ItemKind, int> next;
    for (const auto& item : items) {
        const ItemKind k = kindOf(item);
        if (!next.count(k))
            next[k] = itemCount(doc->model(), k);
        placed.push_back({next[k], item});
        refs.push_back({k, next[k]++});
    }
    if (!placed.empty())
        doc->undoStack()->push(new ItemsCommand(doc, ItemsCommand::Insert, std::move(placed), text));
    return refs;
}

bool connectComponents(Document* doc, const std::string& from, const std::string& to)
{
    const Model& m = doc->model();
    if (from == to || m.componentIndex(from) < 0 || m.componentIndex(to) < 0)
        return false;
    for (const auto& d : m.dependencies)
        if (d.from == from && d.to == to)
            return false;
    Dependency d;
    d.from = from;
    d.to = to;
    addItems(doc, {Item(d)}, QCoreApplication::translate("Edits", "Connect %1 to %2")
                                 .arg(QString::fromStdString(from), QString::fromStdString(to)));
    return true;
}

void deleteItems(Document* doc, const std::vector<ItemRef>& refs)
{
    if (refs.empty())
        return;
    Model after = doc->model();
    std::set<ItemRef> removed(refs.begin(), refs.end());
    for (const auto& ref : refs)
        rewriteReferences(after, ref.kind, idAt(doc->model(), ref), {}, removed);
    const QString text = refs.size() == 1
                             ? QCoreApplication::translate("Edits", "Delete %1")
                                   .arg(QString::fromStdString(itemLabel(doc->model(), refs.front())))
                             : QCoreApplication::translate("Edits", "Delete %n items", nullptr, int(refs.size()));
    pushDiff(doc, after, removed, text);
}

bool editItems(Document* doc, const std::vector<ItemRef>& refs, const std::function<void(Item&)>& edit,
               const QString& text, const std::string& mergeKey)
{
    std::vector<ReplaceItemsCommand::Change> changes;
    for (const auto& ref : refs) {
        if (ref.index < 0 || ref.index >= itemCount(doc->model(), ref.kind))
            continue;
        Item before = itemAt(doc->model(), ref);
        Item after = before;
        edit(after);
        // A component whose template's failure modes were renamed, removed or reordered can no
        // longer be saved as "template plus changes": it stops following the template in the
        // same step, so that what the window shows is what the file will hold.
        if (auto* c = std::get_if<Component>(&after); c && !c->template_id.empty() && !io::canFollowTemplate(*c))
            c->template_id.clear();
        if (!(after == before))
            changes.push_back({ref.index, std::move(before), std::move(after)});
    }
    if (changes.empty())
        return false;
    doc->undoStack()->push(new ReplaceItemsCommand(doc, std::move(changes), text, mergeKey));
    return true;
}

std::optional<QString> renameItem(Document* doc, ItemRef ref, const std::string& newId)
{
    const Model& m = doc->model();
    const std::string oldId = idAt(m, ref);
    if (newId == oldId)
        return std::nullopt;
    if (!isValidId(newId))
        return QCoreApplication::translate("Edits", "an id uses letters, digits and _ - . : only, without spaces");
    if (uniqueId(m, ref.kind, newId) != newId)
        return QCoreApplication::translate("Edits", "\"%1\" is already the id of another %2")
            .arg(QString::fromStdString(newId), QString::fromLatin1(collectionName(ref.kind)));
    Model after = m;
    Item renamed = itemAt(m, ref);
    setId(renamed, newId);
    setItemAt(after, ref.index, renamed);
    std::set<ItemRef> removed;
    if (!oldId.empty())
        rewriteReferences(after, ref.kind, oldId, newId, removed);
    pushDiff(doc, after, removed,
             QCoreApplication::translate("Edits", "Rename %1 to %2")
                 .arg(QString::fromStdString(oldId), QString::fromStdString(newId)));
    return std::nullopt;
}

void moveItems(Document* doc, const std::vector<MovedItem>& moves, const QString& text)
{
    std::vector<ReplaceItemsCommand::Change> changes;
    for (const auto& mv : moves) {
        Item before = itemAt(doc->model(), mv.ref);
        Item after = before;
        setPosition(after, mv.position);
        if (mv.zones)
            if (auto* c = std::get_if<Component>(&after))
                c->zones = *mv.zones;
        if (!(after == before))
            changes.push_back({mv.ref.index, std::move(before), std::move(after)});
    }
    if (!changes.empty())
        doc->undoStack()->push(new ReplaceItemsCommand(doc, std::move(changes), text));
}

QByteArray copyFragment(const Model& m, const std::vector<ItemRef>& refs)
{
    Model f;
    f.name = "fragment";
    std::set<std::string> components, nodes;
    for (const auto& ref : refs) {
        const Item item = itemAt(m, ref);
        switch (ref.kind) {
        case ItemKind::Component:
            f.components.push_back(std::get<Component>(item));
            components.insert(f.components.back().id);
            break;
        case ItemKind::Zone:
            f.zones.push_back(std::get<Zone>(item));
            nodes.insert(f.zones.back().id);
            break;
        case ItemKind::Region:
            f.regions.push_back(std::get<Region>(item));
            nodes.insert(f.regions.back().id);
            break;
        case ItemKind::Hub:
            f.hubs.push_back(std::get<Hub>(item));
            nodes.insert(f.hubs.back().id);
            break;
        default:
            break;  // dependencies and links follow their ends below
        }
    }
    for (const auto& d : m.dependencies)
        if (components.count(d.from) && components.count(d.to))
            f.dependencies.push_back(d);
    for (const auto& l : m.links)
        if (nodes.count(l.from) && nodes.count(l.to))
            f.links.push_back(l);
    if (f.components.empty() && f.zones.empty() && f.regions.empty() && f.hubs.empty())
        return {};
    return io::modelToJson(f);
}

std::vector<ItemRef> pasteFragment(Document* doc, const QByteArray& fragment, Point offset)
{
    QJsonParseError err;
    const QJsonDocument json = QJsonDocument::fromJson(fragment, &err);
    if (err.error != QJsonParseError::NoError || !json.isObject())
        return {};
    Problems ignored;  // a fragment is pasted as far as it reads; the problems list shows the rest
    Model f = io::readModel(json.object(), ignored);
    const Model& m = doc->model();

    // Fresh ids, unique against the document and against each other.
    Model scratch = m;
    std::map<std::string, std::string> componentIds, nodeIds;
    auto fresh = [&](auto& items, ItemKind kind, std::map<std::string, std::string>& map) {
        for (auto& x : items) {
            const std::string id = uniqueId(scratch, kind, x.id);
            map[x.id] = id;
            x.id = id;
            insertItemAt(scratch, itemCount(scratch, kind), Item(x));
        }
    };
    fresh(f.regions, ItemKind::Region, nodeIds);
    fresh(f.zones, ItemKind::Zone, nodeIds);
    fresh(f.hubs, ItemKind::Hub, nodeIds);
    fresh(f.components, ItemKind::Component, componentIds);
    std::set<std::string> existingZones;
    for (const auto& z : m.zones)
        existingZones.insert(z.id);
    auto shift = [&](std::optional<Point>& p) {
        if (p)
            p = Point{p->x + offset.x, p->y + offset.y};
    };

    std::vector<Item> items;
    for (auto& r : f.regions) {
        shift(r.position);
        items.emplace_back(r);
    }
    for (auto& z : f.zones) {
        if (z.region && nodeIds.count(*z.region))
            z.region = nodeIds[*z.region];
        shift(z.position);
        items.emplace_back(z);
    }
    for (auto& h : f.hubs) {
        shift(h.position);
        items.emplace_back(h);
    }
    for (auto& c : f.components) {
        std::vector<std::string> zones;
        for (const auto& z : c.zones)
            if (nodeIds.count(z))
                zones.push_back(nodeIds[z]);
            else if (existingZones.count(z))
                zones.push_back(z);
        c.zones = zones;
        if (c.entry_node && nodeIds.count(*c.entry_node))
            c.entry_node = nodeIds[*c.entry_node];
        if (c.repair_crew && std::none_of(m.repair_crews.begin(), m.repair_crews.end(),
                                          [&](const RepairCrew& r) { return r.id == *c.repair_crew; }))
            c.repair_crew.reset();
        shift(c.position);
        items.emplace_back(c);
    }
    for (auto& d : f.dependencies) {
        if (!componentIds.count(d.from) || !componentIds.count(d.to))
            continue;
        d.from = componentIds[d.from];
        d.to = componentIds[d.to];
        d.id.clear();
        items.emplace_back(d);
    }
    for (auto& l : f.links) {
        if (!nodeIds.count(l.from) || !nodeIds.count(l.to))
            continue;
        l.from = nodeIds[l.from];
        l.to = nodeIds[l.to];
        l.id = uniqueId(scratch, ItemKind::Link, l.id);
        insertItemAt(scratch, itemCount(scratch, ItemKind::Link), Item(l));
        items.emplace_back(l);
    }
    if (items.empty())
        return {};
    return addItems(doc, items, QCoreApplication::translate("Edits", "Paste %n items", nullptr, int(items.size())));
}

}  // namespace nines::ui
