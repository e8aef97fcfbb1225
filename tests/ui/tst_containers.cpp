// Zone and region containers as pure rules: which container holds a component, what a drop does
// to its placement, per-zone instance counts and badges, and the drawn rectangles.
#include "ui/editor/zone_containers.h"
#include "ui/editor/canvas_items.h"

#include <QTest>

using namespace nines::model;
using namespace nines::ui;

namespace {

Model twoRegions()
{
    Model m;
    m.regions = {{"east", "East", {}, {}}, {"west", "West", {}, {}}};
    m.zones = {{"a", "Zone A", std::string("east"), {}, Point{0, 0}},
               {"b", "Zone B", std::string("east"), {}, Point{300, 0}},
               {"c", "Zone C", std::string("west"), {}, Point{0, 400}}};
    Component single, spread, across, free;
    single.id = "single";
    single.zones = {"a"};
    spread.id = "spread";
    spread.instances = 5;
    spread.zones = {"a", "b"};
    across.id = "across";
    across.instances = 2;
    across.zones = {"a", "c"};
    free.id = "free";
    m.components = {single, spread, across, free};
    return m;
}

}  // namespace

class TestContainers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void containerOfEachPlacement()
    {
        const Model m = twoRegions();
        QCOMPARE(containerOf(m, m.components[0]), std::optional(ItemRef{ItemKind::Zone, 0}));
        QCOMPARE(containerOf(m, m.components[1]), std::optional(ItemRef{ItemKind::Region, 0}));
        QVERIFY(!containerOf(m, m.components[2]));  // two regions
        QVERIFY(!containerOf(m, m.components[3]));  // not placed
    }

    void dropsChangePlacement()
    {
        const Model m = twoRegions();
        const Component& single = m.components[0];
        const Component& spread = m.components[1];
        const Component& across = m.components[2];
        QCOMPARE(zonesForDrop(m, ItemRef{ItemKind::Zone, 1}, single), std::vector<std::string>{"b"});
        QCOMPARE(zonesForDrop(m, ItemRef{ItemKind::Zone, 1}, spread), spread.zones);  // already there too
        QCOMPARE(zonesForDrop(m, ItemRef{ItemKind::Region, 0}, spread), spread.zones);  // its own region
        QCOMPARE(zonesForDrop(m, ItemRef{ItemKind::Region, 0}, single), single.zones);  // inside the region
        QCOMPARE(zonesForDrop(m, ItemRef{ItemKind::Region, 1}, single), std::vector<std::string>{"c"});
        QCOMPARE(zonesForDrop(m, ItemRef{ItemKind::Region, 0}, m.components[3]), (std::vector<std::string>{"a", "b"}));
        QVERIFY(zonesForDrop(m, std::nullopt, single).empty());  // dragged out
        QVERIFY(zonesForDrop(m, std::nullopt, spread).empty());
        QCOMPARE(zonesForDrop(m, std::nullopt, across), across.zones);  // never had a container
    }

    void membersMoveWithTheirContainer()
    {
        const Model m = twoRegions();
        QCOMPARE(membersOf(m, {ItemKind::Zone, 0}), (std::vector<ItemRef>{{ItemKind::Component, 0}}));
        QCOMPARE(membersOf(m, {ItemKind::Region, 0}),
                 (std::vector<ItemRef>{{ItemKind::Zone, 0}, {ItemKind::Zone, 1}, {ItemKind::Component, 0}, {ItemKind::Component, 1}}));
    }

    void instancesAndBadges()
    {
        const Model m = twoRegions();
        QCOMPARE(instancesPerZone(m.components[1]), (std::vector<std::pair<std::string, int>>{{"a", 3}, {"b", 2}}));
        QCOMPARE(zoneBadges(m, m.components[1]), QStringLiteral("A\u00d73 B\u00d72"));
        QCOMPARE(zoneBadges(m, m.components[0]), QString());
    }

    void rectanglesHoldTheirMembers()
    {
        const Model m = twoRegions();
        const std::vector<QPointF> corners = {{40, 60}, {600, 60}, {900, 900}, {1200, 0}};
        const ContainerGeometry g = layoutContainers(m, corners);
        const QRectF card(0, 0, geometry::kNodeWidth, geometry::kNodeHeight);
        QVERIFY(g.zones[0].contains(card.translated(corners[0])));
        QVERIFY(g.regions[0].contains(card.translated(corners[1])));
        QVERIFY(g.regions[0].contains(g.zones[0]) && g.regions[0].contains(g.zones[1]));
        QVERIFY(!g.regions[0].contains(card.translated(corners[3])));
        QVERIFY(g.zoneSummaries[1].contains(QStringLiteral("\u00d72")));
    }
};

QTEST_MAIN(TestContainers)
#include "tst_containers.moc"
