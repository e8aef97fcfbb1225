#include "zone_containers.h"

#include "ui/editor/canvas_items.h"

#include <QObject>

#include <algorithm>
#include <map>
#include <set>

namespace nines::ui {

using namespace nines::model;
using namespace geometry;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

int indexOf(const auto& items, const std::string& id)
{
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id)
            return int(i);
    return -1;
}

std::vector<std::string> zonesOfRegion(const Model& m, const std::string& region)
{
    std::vector<std::string> out;
    for (const auto& z : m.zones)
        if (z.region == region)
            out.push_back(z.id);
    return out;
}

}  // namespace

std::optional<ItemRef> containerOf(const Model& m, const Component& c)
{
    const std::set<std::string> zones(c.zones.begin(), c.zones.end());
    if (zones.size() == 1) {
        const int z = indexOf(m.zones, *zones.begin());
        return z < 0 ? std::nullopt : std::optional(ItemRef{ItemKind::Zone, z});
    }
    if (zones.empty())
        return std::nullopt;
    std::set<std::string> regions;
    for (const auto& id : zones) {
        const int z = indexOf(m.zones, id);
        regions.insert(z < 0 ? std::string("?") : m.zones[size_t(z)].region.value_or("?"));
    }
    const int r = regions.size() == 1 ? indexOf(m.regions, *regions.begin()) : -1;
    return r < 0 ? std::nullopt : std::optional(ItemRef{ItemKind::Region, r});
}

std::vector<std::string> zonesForDrop(const Model& m, std::optional<ItemRef> target, const Component& c)
{
    if (!target)
        return containerOf(m, c) || c.zones.size() <= 1 ? std::vector<std::string>{} : c.zones;
    if (target->kind == ItemKind::Zone) {
        const std::string& id = m.zones[size_t(target->index)].id;
        if (std::find(c.zones.begin(), c.zones.end(), id) != c.zones.end())
            return c.zones;  // already (also) placed there: keep the spread
        return {id};
    }
    const std::vector<std::string> all = zonesOfRegion(m, m.regions[size_t(target->index)].id);
    const bool inside = !c.zones.empty() && std::all_of(c.zones.begin(), c.zones.end(), [&](const std::string& z) {
        return std::find(all.begin(), all.end(), z) != all.end();
    });
    return inside ? c.zones : all;
}

std::vector<ItemRef> membersOf(const Model& m, ItemRef container)
{
    std::vector<ItemRef> out;
    std::set<std::string> zones;
    if (container.kind == ItemKind::Zone) {
        zones.insert(m.zones[size_t(container.index)].id);
    } else {
        const std::string& region = m.regions[size_t(container.index)].id;
        for (size_t i = 0; i < m.zones.size(); ++i)
            if (m.zones[i].region == region) {
                zones.insert(m.zones[i].id);
                out.push_back({ItemKind::Zone, int(i)});
            }
    }
    for (size_t i = 0; i < m.components.size(); ++i) {
        const auto& cz = m.components[i].zones;
        if (!cz.empty() && std::all_of(cz.begin(), cz.end(), [&](const std::string& z) { return zones.count(z) > 0; }))
            out.push_back({ItemKind::Component, int(i)});
    }
    return out;
}

std::vector<std::pair<std::string, int>> instancesPerZone(const Component& c)
{
    std::vector<std::pair<std::string, int>> out;
    for (const auto& z : c.zones)
        if (std::none_of(out.begin(), out.end(), [&](const auto& p) { return p.first == z; }))
            out.emplace_back(z, 0);
    if (c.zones.empty())
        return out;
    for (int i = 0; i < c.instances; ++i) {
        const std::string& z = c.zones[static_cast<size_t>(i) % c.zones.size()];
        for (auto& p : out)
            if (p.first == z)
                ++p.second;
    }
    return out;
}

QString zoneBadges(const Model& m, const Component& c)
{
    const auto perZone = instancesPerZone(c);
    if (perZone.size() < 2)
        return {};
    // Badges name zones briefly: "A" for "Zone A" when every zone's name starts with "Zone ".
    QString common;
    for (size_t i = 0; i < m.zones.size(); ++i) {
        const QString name = qs(m.zones[i].name);
        if (i == 0)
            common = name.contains(QLatin1Char(' ')) ? name.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') : QString();
        else if (!name.startsWith(common))
            common.clear();
    }
    QStringList badges;
    for (const auto& [id, count] : perZone) {
        const int z = indexOf(m.zones, id);
        QString name = z < 0 ? QString() : qs(m.zones[size_t(z)].name).mid(int(common.size()));
        if (name.isEmpty() || name.size() > 10)
            name = qs(id);
        badges << QStringLiteral("%1\u00d7%2").arg(name).arg(count);
    }
    return badges.join(QLatin1Char(' '));
}

QString outageText(const std::optional<Outage>& o)
{
    if (!o)
        return QObject::tr("never fails");
    auto span = [](double h) {
        if (h >= 2 * 8760)
            return QObject::tr("%1 y").arg(h / 8760, 0, 'g', 3);
        if (h >= 48)
            return QObject::tr("%1 d").arg(h / 24, 0, 'g', 3);
        if (h >= 1)
            return QObject::tr("%1 h").arg(h, 0, 'g', 3);
        return QObject::tr("%1 min").arg(h * 60, 0, 'g', 3);
    };
    return QObject::tr("down %1 every %2").arg(span(o->repair.mean()), span(o->failure.mean()));
}

ContainerGeometry layoutContainers(const Model& m, const std::vector<QPointF>& corners)
{
    auto minRect = [](const std::optional<Point>& p, QSizeF size) {
        return QRectF(p ? QPointF(p->x, p->y) : QPointF(0, 0), size);
    };
    auto around = [](const QRectF& r) {
        return r.adjusted(-kContainerPadding, -kContainerPadding - kContainerHeader, kContainerPadding, kContainerPadding);
    };
    ContainerGeometry g;
    for (const auto& z : m.zones)
        g.zones.push_back(minRect(z.position, {220, 110}));
    for (const auto& r : m.regions)
        g.regions.push_back(minRect(r.position, {260, 150}));
    std::vector<QStringList> alsoHere(m.zones.size());
    for (size_t i = 0; i < m.components.size(); ++i) {
        const Component& c = m.components[i];
        const auto home = containerOf(m, c);
        if (home)
            (home->kind == ItemKind::Zone ? g.zones : g.regions)[size_t(home->index)] |=
                around(QRectF(corners[i], QSizeF(kNodeWidth, kNodeHeight)));
        const auto perZone = instancesPerZone(c);
        if (perZone.size() > 1)
            for (const auto& [z, count] : perZone)
                if (const int zi = indexOf(m.zones, z); zi >= 0)
                    alsoHere[size_t(zi)] << QStringLiteral("%1 \u00d7%2").arg(qs(c.name.empty() ? c.id : c.name)).arg(count);
    }
    for (size_t i = 0; i < m.zones.size(); ++i) {
        if (m.zones[i].region)
            if (const int r = indexOf(m.regions, *m.zones[i].region); r >= 0)
                g.regions[size_t(r)] |= around(g.zones[i]);
        g.zoneSummaries.push_back(alsoHere[i].isEmpty() ? QString()
                                                        : QObject::tr("Instances here: %1").arg(alsoHere[i].join(QStringLiteral(", "))));
    }
    return g;
}

}  // namespace nines::ui
