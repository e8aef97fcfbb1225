#include "diagram_scene.h"

#include "ui/document/catalogue_edits.h"

#include "ui/editor/zone_containers.h"
#include "ui/editor/canvas_items.h"
#include "ui/document/edits.h"
#include "model/validate.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMimeData>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace nines::ui {

using namespace nines::model;
using namespace geometry;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QPointF snapped(QPointF p) { return {std::round(p.x() / kGrid) * kGrid, std::round(p.y() / kGrid) * kGrid}; }

}  // namespace

QPointF DiagramScene::freeCorner(QPointF wanted, QSizeF size, std::optional<ItemRef> container) const
{
    // Cards and hubs already drawn, with a grid step of air around each: a new card must not
    // hide one (a double-click on the palette always aims at the view's centre, and a drop may
    // land on a card).
    std::vector<QRectF> taken;
    for (const auto* c : components_)
        taken.push_back(QRectF(c->pos(), QSizeF(kNodeWidth, kNodeHeight)).adjusted(-kGrid / 2, -kGrid / 2, kGrid / 2, kGrid / 2));
    for (const auto* h : hubs_)
        taken.push_back(h->sceneBoundingRect().adjusted(-kGrid / 2, -kGrid / 2, kGrid / 2, kGrid / 2));
    const auto isFree = [&](QPointF tl) {
        const QRectF r(tl, size);
        return std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); });
    };
    // Inside the container it was dropped in (or outside every one), where there is room: a
    // spot in another zone's frame would draw the card there while it belongs here.
    const auto inPlace = [&](QPointF tl) { return containerRefAt(tl + QPointF(size.width() / 2, size.height() / 2)) == container; };
    if (isFree(wanted))
        return wanted;
    std::optional<QPointF> elsewhere;
    // Rings of grid steps around the wanted corner, nearest first: the card lands beside the
    // one in the way.
    for (int ring = 1; ring <= 100; ++ring) {
        std::vector<QPointF> around;
        for (int i = -ring; i <= ring; ++i)
            for (int j = -ring; j <= ring; ++j)
                if (std::max(std::abs(i), std::abs(j)) == ring)
                    around.push_back(wanted + QPointF(i * kGrid, j * kGrid));
        std::stable_sort(around.begin(), around.end(), [&](QPointF a, QPointF b) {
            return QLineF(wanted, a).length() < QLineF(wanted, b).length();
        });
        for (QPointF p : around)
            if (isFree(p)) {
                if (inPlace(p))
                    return p;
                if (!elsewhere)
                    elsewhere = p;
            }
        if (elsewhere && ring >= 20)  // the container is full: beside it (its frame grows around the card)
            return *elsewhere;
    }
    return elsewhere.value_or(wanted);  // a canvas full for 2,000 units around: overlap rather than refuse
}

DiagramScene::DiagramScene(Document* doc, QObject* parent)
    : QGraphicsScene(parent)
    , doc_(doc)
{
    setProperty("snapToGrid", snap_);
    // A fixed scene rectangle that grows with the contents: without it, QGraphicsScene
    // recomputes its bounds on every change, which makes 500 items sluggish.
    setSceneRect(-4000, -4000, 8000, 8000);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(doc_, &Document::modelChanged, this, &DiagramScene::sync);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!syncing_)
            Q_EMIT selectedRefsChanged();
    });
    sync();
}

DiagramScene::~DiagramScene()
{
    // Items leave one by one: nobody should hear about a selection that is going away.
    blockSignals(true);
    clear();
}

void DiagramScene::setConnectMode(bool on) { connectMode_ = on; }

void DiagramScene::setSnapToGrid(bool on)
{
    snap_ = on;
    setProperty("snapToGrid", on);
}

std::string DiagramScene::keyOf(ItemRef ref) const
{
    const Model& m = doc_->model();
    if (ref.index < 0 || ref.index >= itemCount(m, ref.kind))
        return {};
    if (ref.kind == ItemKind::Dependency) {
        const auto& d = m.dependencies[static_cast<size_t>(ref.index)];
        return "dep:" + d.from + ">" + d.to;
    }
    return std::to_string(static_cast<int>(ref.kind)) + ":" + idAt(m, ref);
}

std::vector<std::string> DiagramScene::selectionKeys() const
{
    std::vector<std::string> keys;
    for (auto* item : selectedItems())
        if (auto* mi = modelItem(item))
            keys.push_back(keyOf(mi->ref()));
    return keys;
}

std::vector<ItemRef> DiagramScene::selectedRefs() const
{
    std::vector<ItemRef> refs;
    for (auto* item : selectedItems())
        if (auto* mi = modelItem(item))
            refs.push_back(mi->ref());
    std::sort(refs.begin(), refs.end());
    return refs;
}

QGraphicsItem* DiagramScene::graphicsItem(ItemRef ref) const
{
    auto pick = [&](const auto& v) -> QGraphicsItem* {
        return ref.index >= 0 && ref.index < int(v.size()) ? v[size_t(ref.index)] : nullptr;
    };
    switch (ref.kind) {
    case ItemKind::Component: return pick(components_);
    case ItemKind::Dependency: return pick(edges_);
    case ItemKind::Zone: return pick(zones_);
    case ItemKind::Region: return pick(regions_);
    case ItemKind::Hub: return pick(hubs_);
    case ItemKind::Link: return pick(links_);
    default: return nullptr;
    }
}

void DiagramScene::selectRefs(const std::vector<ItemRef>& refs)
{
    syncing_ = true;
    clearSelection();
    for (const auto& r : refs)
        if (auto* item = graphicsItem(r))
            item->setSelected(true);
    syncing_ = false;
    Q_EMIT selectedRefsChanged();
}

void DiagramScene::sync()
{
    const Model& m = doc_->model();
    const std::vector<std::string> before = selectionKeys();
    const std::vector<ItemRef> refsBefore = selectedRefs();
    syncing_ = true;
    for (auto* c : components_)  // edges are about to be deleted or reassigned
        c->clearEdges();

    auto resize = [this](auto& items, size_t n, auto make) {
        while (items.size() > n) {
            delete items.back();
            items.pop_back();
        }
        while (items.size() < n) {
            items.push_back(make(int(items.size())));
            addItem(items.back());
        }
    };
    resize(components_, m.components.size(), [](int i) { return new ComponentItem(i); });
    resize(edges_, m.dependencies.size(), [](int i) { return new EdgeItem(i); });
    resize(zones_, m.zones.size(), [](int i) { return new ContainerItem(ItemKind::Zone, i); });
    resize(regions_, m.regions.size(), [](int i) { return new ContainerItem(ItemKind::Region, i); });
    resize(hubs_, m.hubs.size(), [](int i) { return new HubItem(i); });
    resize(links_, m.links.size(), [](int i) { return new LinkItem(i); });

    std::map<std::string, int> dependencies;  // per caller
    for (const Dependency& d : m.dependencies)
        ++dependencies[d.from];
    std::map<std::string, ComponentItem*> byId;
    for (size_t i = 0; i < m.components.size(); ++i) {
        const Component& c = m.components[i];
        const auto n = dependencies.find(c.id);
        components_[i]->setData(c, zoneBadges(m, c), n == dependencies.end() ? 0 : n->second);
        // Results are the base's: a scenario being edited shows what it changes instead.
        const Document::Override o = doc_->overrideOf(itemPath(m, {ItemKind::Component, int(i)}));
        components_[i]->setScenarioMark(o.added        ? ComponentItem::ScenarioMark::Added
                                        : o.overridden ? ComponentItem::ScenarioMark::Changed
                                                       : ComponentItem::ScenarioMark::None);
        if (auto r = results_.find(c.id); doc_->editTarget().empty() && r != results_.end())
            components_[i]->setResult(r->second.availability, r->second.unavailability, r->second.criticality);
        else
            components_[i]->setResult(std::nullopt, std::nullopt, std::nullopt);
        byId.emplace(c.id, components_[i]);
    }
    for (size_t i = 0; i < m.dependencies.size(); ++i) {
        const Dependency& d = m.dependencies[i];
        auto f = byId.find(d.from), t = byId.find(d.to);
        ComponentItem* from = f == byId.end() ? nullptr : f->second;
        ComponentItem* to = t == byId.end() ? nullptr : t->second;
        edges_[i]->setData(d, from, to);
        if (from)
            from->addEdge(edges_[i]);
        if (to)
            to->addEdge(edges_[i]);
    }
    for (size_t i = 0; i < m.hubs.size(); ++i) {
        hubs_[i]->setData(qs(m.hubs[i].name.empty() ? m.hubs[i].id : m.hubs[i].name));
        if (m.hubs[i].position)
            hubs_[i]->setPos(m.hubs[i].position->x, m.hubs[i].position->y);
    }
    layoutContainers();

    // Selection follows ids, not positions: after a delete the item at an index is another one.
    clearSelection();
    if (!before.empty()) {
        const std::set<std::string> wanted(before.begin(), before.end());
        for (int k = 0; k <= int(ItemKind::Link); ++k)  // crews and shared fate are not drawn
            for (int i = 0; i < itemCount(m, ItemKind(k)); ++i)
                if (wanted.count(keyOf({ItemKind(k), i})))
                    if (auto* item = graphicsItem({ItemKind(k), i}))
                        item->setSelected(true);
    }
    syncing_ = false;
    // Also when only positions moved (an item before the selection was deleted or restored).
    if (selectionKeys() != before || selectedRefs() != refsBefore)
        Q_EMIT selectedRefsChanged();

    const QRectF contents = contentsRect().adjusted(-2000, -2000, 2000, 2000);
    if (!sceneRect().contains(contents))
        setSceneRect(sceneRect().united(contents));
}

void DiagramScene::layoutContainers()
{
    const Model& m = doc_->model();
    std::vector<QPointF> corners;
    corners.reserve(components_.size());
    for (auto* c : components_)
        corners.push_back(c->pos());
    const ContainerGeometry g = ui::layoutContainers(m, corners);
    for (size_t i = 0; i < m.zones.size(); ++i) {
        const Zone& z = m.zones[i];
        QString title = qs(z.name.empty() ? z.id : z.name);
        if (doc_->overrideOf(itemPath(m, {ItemKind::Zone, int(i)})).added)
            title += tr(" (added)");
        zones_[i]->setData(title, outageText(z.outage), g.zoneSummaries[i], z.outage.has_value());
        zones_[i]->setRect(g.zones[i]);
    }
    for (size_t i = 0; i < m.regions.size(); ++i) {
        const Region& r = m.regions[i];
        regions_[i]->setData(qs(r.name.empty() ? r.id : r.name), outageText(r.outage), {}, r.outage.has_value());
        regions_[i]->setRect(g.regions[i]);
    }
    auto centreOf = [&](const std::string& id) -> std::optional<QPointF> {
        for (size_t i = 0; i < m.zones.size(); ++i)
            if (m.zones[i].id == id)
                return g.zones[i].center();
        for (size_t i = 0; i < m.regions.size(); ++i)
            if (m.regions[i].id == id)
                return g.regions[i].center();
        for (size_t h = 0; h < m.hubs.size(); ++h)
            if (m.hubs[h].id == id)
                return hubs_[h]->pos() + QPointF(kHubSize / 2, kHubSize / 2);
        return std::nullopt;
    };
    for (size_t i = 0; i < m.links.size(); ++i) {
        const Link& l = m.links[i];
        const auto a = centreOf(l.from), b = centreOf(l.to);
        links_[i]->setData(l, a.value_or(QPointF()), b.value_or(a.value_or(QPointF())));
        links_[i]->setVisible(a && b);
    }
}

QRectF DiagramScene::contentsRect() const
{
    QRectF r;
    for (auto* c : components_)
        r |= c->sceneBoundingRect();
    for (auto* z : zones_)
        r |= z->sceneBoundingRect();
    for (auto* z : regions_)
        r |= z->sceneBoundingRect();
    for (auto* h : hubs_)
        r |= h->sceneBoundingRect();
    return r;
}

ContainerItem* DiagramScene::containerAt(QPointF p, const QGraphicsItem* ignore) const
{
    for (auto* z : zones_)
        if (z != ignore && z->sceneRectangle().contains(p))
            return z;
    for (auto* r : regions_)
        if (r != ignore && r->sceneRectangle().contains(p))
            return r;
    return nullptr;
}

std::optional<ItemRef> DiagramScene::containerRefAt(QPointF p) const
{
    ContainerItem* c = containerAt(p);
    return c ? std::optional(c->ref()) : std::nullopt;
}

QGraphicsItem* DiagramScene::nodeAt(QPointF p) const
{
    for (auto* item : items(p)) {
        if (item == rubberLine_)
            continue;
        if (item->type() == ComponentItem::Type || item->type() == HubItem::Type)
            return item;
    }
    return containerAt(p);
}

std::optional<std::string> DiagramScene::nodeId(QGraphicsItem* item) const
{
    auto* mi = modelItem(item);
    if (!mi || (mi->ref().kind != ItemKind::Zone && mi->ref().kind != ItemKind::Region && mi->ref().kind != ItemKind::Hub))
        return std::nullopt;
    return idAt(doc_->model(), mi->ref());
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent* e)
{
    pressPositions_.clear();
    draggedContainers_.clear();
    if (e->button() == Qt::LeftButton) {
        QGraphicsItem* hit = nullptr;
        for (auto* item : items(e->scenePos()))
            if (modelItem(item)) {
                hit = item;
                break;
            }
        const bool onHandle = hit && hit->type() == ComponentItem::Type
                              && ComponentItem::connectHandle().contains(hit->mapFromScene(e->scenePos()));
        const bool nodeForLink = hit && (hit->type() == ContainerItem::Type || hit->type() == HubItem::Type);
        if (hit && (onHandle || (connectMode_ && (hit->type() == ComponentItem::Type || nodeForLink)))) {
            connectFrom_ = hit;
            rubberLine_ = new QGraphicsLineItem(QLineF(e->scenePos(), e->scenePos()));
            rubberLine_->setPen(QPen(QColor(0x31, 0x82, 0xce), 2, Qt::DashLine));
            rubberLine_->setZValue(100);
            addItem(rubberLine_);
            e->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(e);
    if (e->button() != Qt::LeftButton)
        return;
    // Remember where everything that may move started: the selection, and what is inside
    // the selected containers (it moves with them).
    for (auto* item : selectedItems()) {
        if (!(item->flags() & QGraphicsItem::ItemIsMovable))
            continue;
        pressPositions_[item] = item->pos();
        if (item->type() == ContainerItem::Type) {
            auto* c = static_cast<ContainerItem*>(item);
            std::vector<QGraphicsItem*> members;
            for (const ItemRef& r : membersOf(doc_->model(), c->ref()))
                members.push_back(graphicsItem(r));
            for (auto* mbr : members)
                pressPositions_.emplace(mbr, mbr->pos());
            draggedContainers_.emplace_back(c, std::move(members));
        }
    }
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent* e)
{
    if (rubberLine_) {
        rubberLine_->setLine(QLineF(rubberLine_->line().p1(), e->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(e);
    for (const auto& [container, members] : draggedContainers_) {
        const QPointF delta = container->pos() - pressPositions_[container];
        for (auto* m : members)
            if (!m->isSelected())
                m->setPos(pressPositions_[m] + delta);
    }
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* e)
{
    if (rubberLine_) {
        finishConnect(e->scenePos());
        return;
    }
    QGraphicsScene::mouseReleaseEvent(e);
    if (e->button() == Qt::LeftButton)
        finishMove();
}

void DiagramScene::finishConnect(QPointF p)
{
    QGraphicsItem* from = connectFrom_;
    removeItem(rubberLine_);
    delete rubberLine_;
    rubberLine_ = nullptr;
    connectFrom_ = nullptr;
    QGraphicsItem* to = nodeAt(p);
    if (!to || to == from)
        return;
    const Model& m = doc_->model();
    if (from->type() == ComponentItem::Type && to->type() == ComponentItem::Type) {
        const auto& a = m.components[size_t(modelItem(from)->ref().index)].id;
        const auto& b = m.components[size_t(modelItem(to)->ref().index)].id;
        if (!connectComponents(doc_, a, b))
            Q_EMIT message(tr("%1 already depends on %2").arg(qs(a), qs(b)));
        return;
    }
    const auto a = nodeId(from), b = nodeId(to);
    if (!a || !b) {
        Q_EMIT message(tr("Dependencies join components; links join zones, regions and hubs"));
        return;
    }
    for (const auto& l : m.links)
        if ((l.from == *a && l.to == *b) || (l.from == *b && l.to == *a)) {
            Q_EMIT message(tr("%1 and %2 are already linked").arg(qs(*a), qs(*b)));
            return;
        }
    Link l;
    l.id = uniqueId(m, ItemKind::Link, *a + "-" + *b);
    l.from = *a;
    l.to = *b;
    addItems(doc_, {Item(l)}, tr("Link %1 to %2").arg(qs(*a), qs(*b)));
}

void DiagramScene::finishMove()
{
    const Model& m = doc_->model();
    std::vector<MovedItem> moves;
    bool placementChanged = false;
    for (const auto& [item, start] : pressPositions_) {
        auto* mi = modelItem(item);
        if (!mi || item->pos() == start)
            continue;
        MovedItem mv{mi->ref(), {item->pos().x(), item->pos().y()}, std::nullopt};
        if (mi->ref().kind == ItemKind::Component && item->isSelected()) {
            // Dropped into a zone or region (or out of one): placement follows.
            const Component& c = m.components[size_t(mi->ref().index)];
            const QPointF centre = item->pos() + QPointF(kNodeWidth / 2, kNodeHeight / 2);
            bool carriedByContainer = false;
            for (const auto& [container, members] : draggedContainers_)
                carriedByContainer |= std::find(members.begin(), members.end(), item) != members.end();
            if (!carriedByContainer) {
                const auto zones = zonesForDrop(m, containerRefAt(centre), c);
                if (zones != c.zones) {
                    mv.zones = zones;
                    placementChanged = true;
                }
            }
        }
        moves.push_back(std::move(mv));
    }
    pressPositions_.clear();
    draggedContainers_.clear();
    if (moves.empty())
        return;
    QString text = moves.size() == 1 ? tr("Move %1").arg(qs(itemLabel(m, moves.front().ref)))
                                     : tr("Move %n items", nullptr, int(moves.size()));
    if (placementChanged)
        text += tr(" and place");
    moveItems(doc_, moves, text);
}

void DiagramScene::dragEnterEvent(QGraphicsSceneDragDropEvent* e)
{
    e->setAccepted(e->mimeData()->hasFormat(QString::fromLatin1(kPaletteMime)));
}

void DiagramScene::dragMoveEvent(QGraphicsSceneDragDropEvent* e)
{
    e->setAccepted(e->mimeData()->hasFormat(QString::fromLatin1(kPaletteMime)));
}

void DiagramScene::dropEvent(QGraphicsSceneDragDropEvent* e)
{
    const QString what = QString::fromUtf8(e->mimeData()->data(QString::fromLatin1(kPaletteMime)));
    if (what.isEmpty())
        return;
    e->acceptProposedAction();
    createFromPalette(what, e->scenePos());
}

void DiagramScene::createFromPalette(const QString& what, QPointF at)
{
    const Model& m = doc_->model();
    const std::optional<ItemRef> container = containerRefAt(at);
    if (what == QLatin1String("zone") || what == QLatin1String("region")) {
        const bool zone = what == QLatin1String("zone");
        const QPointF tl = snapped(at - QPointF(110, 20));
        const Point p{tl.x(), tl.y()};
        const ItemKind kind = zone ? ItemKind::Zone : ItemKind::Region;
        const int count = itemCount(m, kind);
        if (zone) {
            Zone z;
            z.id = uniqueId(m, kind, "zone-" + std::to_string(count + 1));
            z.name = tr("Zone %1").arg(count + 1).toStdString();
            z.position = p;
            if (container && container->kind == ItemKind::Region)
                z.region = m.regions[size_t(container->index)].id;
            // A zone that cannot fail adds nothing to the analysis: start from a typical one.
            z.outage = Outage{Distribution::exponential(17520), Distribution::exponential(4)};
            selectRefs(addItems(doc_, {Item(z)}, tr("Add zone")));
        } else {
            Region r;
            r.id = uniqueId(m, kind, "region-" + std::to_string(count + 1));
            r.name = tr("Region %1").arg(count + 1).toStdString();
            r.position = p;
            selectRefs(addItems(doc_, {Item(r)}, tr("Add region")));
        }
        return;
    }
    if (what == QLatin1String("hub")) {
        Hub h;
        h.id = uniqueId(m, ItemKind::Hub, "internet");
        h.name = h.id == "internet" ? "Internet" : h.id;
        const QPointF tl = freeCorner(snapped(at - QPointF(kHubSize / 2, kHubSize / 2)), QSizeF(kHubSize, kHubSize), container);
        h.position = Point{tl.x(), tl.y()};
        selectRefs(addItems(doc_, {Item(h)}, tr("Add hub")));
        return;
    }
    if (const io::Template* t = templateOfKey(what)) {
        const bool node = t->target == io::TemplateTarget::Component;
        QPointF tl = snapped(at - (node ? QPointF(kNodeWidth / 2, kNodeHeight / 2) : QPointF(110, 20)));
        if (node)
            tl = freeCorner(tl, QSizeF(kNodeWidth, kNodeHeight), container);
        std::optional<Item> item = newItemFromTemplate(m, *t, {tl.x(), tl.y()});
        if (!item)
            return;
        if (auto* c = std::get_if<Component>(&*item))
            c->zones = zonesForDrop(m, container, *c);
        if (auto* z = std::get_if<Zone>(&*item); z && container && container->kind == ItemKind::Region)
            z->region = m.regions[size_t(container->index)].id;
        selectRefs(addItems(doc_, {*item}, tr("Add %1").arg(QString::fromStdString(t->name))));
        return;
    }
    ComponentKind kind;
    if (!parseEnum(what.toStdString(), kind))
        return;
    const QPointF tl = freeCorner(snapped(at - QPointF(kNodeWidth / 2, kNodeHeight / 2)), QSizeF(kNodeWidth, kNodeHeight), container);
    Component c = newComponent(m, kind, {tl.x(), tl.y()});
    c.zones = zonesForDrop(m, container, c);
    selectRefs(addItems(doc_, {Item(c)}, tr("Add %1").arg(kindLabel(kind))));
}

void DiagramScene::setResults(std::map<std::string, ComponentResult> results)
{
    results_ = std::move(results);
    sync();
}

void DiagramScene::drawBackground(QPainter* p, const QRectF& rect)
{
    p->fillRect(rect, QColor(0xfb, 0xfc, 0xfe));
    if (views().isEmpty())
        return;  // drawn for a report: no grid to snap to
    // Dots on the grid, only where they are far enough apart to help rather than clutter.
    const double scale = views().front()->transform().m11();
    if (scale * kGrid * 2 < 12)
        return;
    const double step = kGrid * 2;
    p->setPen(QPen(QColor(0xd5, 0xdd, 0xe8), 0));
    QVector<QPointF> dots;
    for (double x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        for (double y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            dots << QPointF(x, y);
    p->drawPoints(dots.data(), int(dots.size()));
}

}  // namespace nines::ui
