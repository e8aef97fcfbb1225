#include "canvas_items.h"

#include "ui/present/number_format.h"
#include "model/validate.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextLayout>
#include <QtMath>

#include <cmath>

namespace nines::ui {

using namespace nines::model;
using namespace geometry;

namespace {

const QColor kInk(0x2d, 0x37, 0x48);
const QColor kMuted(0x71, 0x80, 0x96);
const QColor kSelection(0x31, 0x82, 0xce);
const QColor kScenario(0x80, 0x5a, 0xd5);  // what a scenario changes, here and in the inspector

QColor accentOf(ComponentKind k)
{
    switch (k) {
    case ComponentKind::Entry: return QColor(0x2b, 0x6c, 0xb0);
    case ComponentKind::LoadBalancer: return QColor(0x2c, 0x7a, 0x7b);
    case ComponentKind::Service: return QColor(0x4c, 0x51, 0xbf);
    case ComponentKind::Database: return QColor(0xc0, 0x56, 0x21);
    case ComponentKind::Cache: return QColor(0xc5, 0x30, 0x30);
    case ComponentKind::Queue: return QColor(0x6b, 0x46, 0xc1);
    case ComponentKind::Storage: return QColor(0x4a, 0x55, 0x68);
    case ComponentKind::Dns: return QColor(0x2f, 0x85, 0x5a);
    case ComponentKind::Custom: break;
    }
    return QColor(0x97, 0x5a, 0x16);
}

QString iconName(ComponentKind k) { return QString::fromUtf8(toString(k).data(), qsizetype(toString(k).size())); }

// Small rounded label ("3/5", "Zone A x3") drawn at a point; returns its width.
double drawPill(QPainter* p, QPointF topLeft, const QString& text, const QColor& fill, const QColor& ink,
                const QFont& font)
{
    const QFontMetricsF fm(font);
    const QRectF r(topLeft, QSizeF(fm.horizontalAdvance(text) + 10, fm.height() + 2));
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setPen(ink);
    p->setFont(font);
    p->drawText(r, Qt::AlignCenter, text);
    return r.width();
}

QFont scaledFont(double pointSize, bool bold = false)
{
    QFont f;
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

// Colour for a criticality in [0, 1]: white to red.
QColor criticalityTint(double c)
{
    c = std::clamp(c, 0.0, 1.0);
    return QColor::fromRgbF(1.0, 1.0 - 0.55 * c, 1.0 - 0.6 * c);
}

}  // namespace

QIcon namedIcon(const QString& name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

QIcon kindIcon(ComponentKind kind) { return namedIcon(iconName(kind)); }

ModelItem* modelItem(QGraphicsItem* item)
{
    if (!item)
        return nullptr;
    switch (item->type()) {
    case ComponentItem::Type: return static_cast<ComponentItem*>(item);
    case ContainerItem::Type: return static_cast<ContainerItem*>(item);
    case HubItem::Type: return static_cast<HubItem*>(item);
    case EdgeItem::Type: return static_cast<EdgeItem*>(item);
    case LinkItem::Type: return static_cast<LinkItem*>(item);
    default: return nullptr;
    }
}

// ---------------------------------------------------------------------------------------------

ComponentItem::ComponentItem(int index)
    : ModelItem({ItemKind::Component, index})
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(10);
    // Redrawing the text and icon of 500 items on every pan would be the slowest part of
    // the canvas: keep a pixmap per item at the current zoom.
    setCacheMode(DeviceCoordinateCache);
}

void ComponentItem::setData(const Component& c, const QString& zoneBadges, int dependencies)
{
    if (!(c == data_) || zoneBadges != zoneBadges_ || dependencies != dependencies_) {
        prepareGeometryChange();  // before the change: the bounding rect depends on the dependencies
        data_ = c;
        zoneBadges_ = zoneBadges;
        dependencies_ = dependencies;
        QString tip = QString::fromStdString(c.description.empty() ? c.name : c.name + "\n" + c.description);
        if (dependencies_ >= 2) {
            const QString how = c.dependency_mode == DependencyMode::All
                                    ? QObject::tr("It serves only while all %1 of its dependencies serve.").arg(dependencies_)
                                : c.dependency_mode == DependencyMode::Any
                                    ? QObject::tr("It serves while any one of its %1 dependencies serves.").arg(dependencies_)
                                    : QObject::tr("It serves while at least %1 of its %2 dependencies serve.")
                                          .arg(c.dependency_min)
                                          .arg(dependencies_);
            tip += QLatin1Char('\n') + how;
        }
        setToolTip(tip);
        update();
    }
    if (c.position && pos() != QPointF(c.position->x, c.position->y))
        setPos(c.position->x, c.position->y);
}

void ComponentItem::setResult(std::optional<double> availability, std::optional<double> unavailability,
                              std::optional<double> criticality)
{
    availability_ = availability;
    unavailability_ = unavailability;
    criticality_ = criticality;
    update();
}

QRectF ComponentItem::connectHandle() { return QRectF(kNodeWidth - 8, kNodeHeight / 2 - 8, 16, 16); }

QRectF ComponentItem::boundingRect() const
{
    // The fan-out label sits right of the card, where its arrows leave.
    return QRectF(-5, -12, kNodeWidth + (dependencies_ >= 2 ? 90 : 14), kNodeHeight + 17);
}

QString ComponentItem::fanOutText() const
{
    if (dependencies_ < 2)
        return {};
    switch (data_.dependency_mode) {
    case DependencyMode::All: return QObject::tr("all");
    case DependencyMode::Any: return QObject::tr("any");
    case DependencyMode::AtLeast: return QObject::tr("%1 of %2").arg(data_.dependency_min).arg(dependencies_);
    }
    return {};
}

QPainterPath ComponentItem::shape() const
{
    QPainterPath p;
    p.setFillRule(Qt::WindingFill);  // the handle overlaps the card: both count as inside
    p.addRoundedRect(QRectF(0, 0, kNodeWidth, kNodeHeight), 8, 8);
    p.addEllipse(connectHandle());
    return p;
}

void ComponentItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = option->state & QStyle::State_Selected;
    const QColor accent = accentOf(data_.kind);
    const QRectF body(0, 0, kNodeWidth, kNodeHeight);
    p->setRenderHint(QPainter::Antialiasing);

    // Card with a coloured stripe on the left (the kind), tinted by criticality once known.
    p->setPen(QPen(selected ? kSelection : QColor(0xcb, 0xd5, 0xe0), selected ? 2.5 : 1.2));
    p->setBrush(criticality_ ? criticalityTint(*criticality_) : QColor(Qt::white));
    p->drawRoundedRect(body, 8, 8);
    p->setPen(Qt::NoPen);
    p->setBrush(accent);
    p->drawRoundedRect(QRectF(0, 0, 6, kNodeHeight), 3, 3);

    kindIcon(data_.kind).paint(p, QRect(14, 10, 30, 30));

    // Name (two lines at most, the second elided), then the k/n badge and zone badges.
    const QFont nameFont = scaledFont(9.5, true);
    p->setFont(nameFont);
    p->setPen(kInk);
    const QRectF nameRect = nameArea();
    const QFontMetricsF fm(nameFont);
    const QStringList lines = cardNameLines(QString::fromStdString(data_.name.empty() ? data_.id : data_.name), nameFont,
                                            nameRect.width());
    double lineY = nameRect.center().y() - fm.lineSpacing() * double(lines.size()) / 2;
    for (const QString& line : lines) {
        p->drawText(QRectF(nameRect.left(), lineY, nameRect.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter, line);
        lineY += fm.lineSpacing();
    }

    const QFont small = scaledFont(7.5);
    double x = 14;
    const double y = kNodeHeight - 24;
    if (data_.kind != ComponentKind::Entry || data_.instances > 1) {
        QString kn = QStringLiteral("%1/%2").arg(data_.required).arg(data_.instances);
        if (data_.redundancy == RedundancyMode::Standby)
            kn += QStringLiteral(" ") + QString::fromUtf8(toString(data_.standby.kind).data());
        x += drawPill(p, {x, y}, kn, accent.lighter(185), accent.darker(130), small) + 4;
    }
    if (data_.data_store) {
        const QString cap = data_.data_store->consistency == Consistency::CP ? QStringLiteral("CP") : QStringLiteral("AP");
        x += drawPill(p, {x, y}, cap, QColor(0xfe, 0xeb, 0xc8), QColor(0x9c, 0x42, 0x21), small) + 4;
    }
    if (!zoneBadges_.isEmpty()) {
        const QFontMetricsF sfm(small);
        const QString z = sfm.elidedText(zoneBadges_, Qt::ElideRight, kNodeWidth - x - 16);
        drawPill(p, {x, y}, z, QColor(0xeb, 0xf8, 0xff), QColor(0x2c, 0x52, 0x82), small);
    }
    if (const QString fan = fanOutText(); !fan.isEmpty()) {
        // Above the point where the arrows leave: whether the card needs all of them or fewer.
        const QFontMetricsF sfm(small);
        const bool all = data_.dependency_mode == DependencyMode::All;
        drawPill(p, {kNodeWidth + 8, kNodeHeight / 2 - sfm.height() - 8}, fan,
                 all ? QColor(0xed, 0xf2, 0xf7) : QColor(0xe6, 0xff, 0xfa), all ? kInk : QColor(0x23, 0x4e, 0x52), small);
    }
    if (unavailability_) {
        // On the card's top edge, above the name: inside the card it hid the name's first line.
        const QString nines = resultText();
        drawPill(p, resultPillRect(nines, small).topLeft(), nines, QColor(0xf0, 0xff, 0xf4), QColor(0x22, 0x54, 0x3d), small);
    }

    if (mark_ != ScenarioMark::None) {
        // The scenario's colour: a dashed outline and what the scenario did, above the card.
        p->setPen(QPen(kScenario, 2.0, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(body.adjusted(-3, -3, 3, 3), 10, 10);
        const QString what = mark_ == ScenarioMark::Added ? QObject::tr("added") : QObject::tr("changed");
        drawPill(p, {10, -9}, what, QColor(0xe9, 0xd8, 0xfd), kScenario.darker(120), small);
    }

    if (hovered_ || selected) {
        p->setPen(QPen(kSelection, 1.5));
        p->setBrush(Qt::white);
        p->drawEllipse(connectHandle().adjusted(2, 2, -2, -2));
    }
}

QStringList cardNameLines(const QString& name, const QFont& font, double width)
{
    // Qt's own line breaking, kept to two lines: a third would run over the badges below.
    QTextLayout layout(name, font);
    layout.beginLayout();
    QStringList lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == 1) {  // the second line takes the rest, elided
            lines << QFontMetricsF(font).elidedText(name.mid(line.textStart()).trimmed(), Qt::ElideRight, width);
            break;
        }
        lines << name.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    // A word longer than the card does not break: elide it rather than draw past the edge.
    for (QString& l : lines)
        l = QFontMetricsF(font).elidedText(l, Qt::ElideRight, width);
    return lines;
}

QRectF ComponentItem::nameArea()
{
    return {52, 8, kNodeWidth - 60, 36};
}

QString ComponentItem::resultText() const
{
    if (!unavailability_)
        return {};
    // A run that saw no outage of this component has not shown that it never goes down.
    return *unavailability_ > 0 ? present::ninesText(*unavailability_) + QObject::tr(" nines") : QObject::tr("no outage seen");
}

QRectF ComponentItem::resultPillRect(const QString& text, const QFont& font)
{
    const QFontMetricsF fm(font);
    const double h = fm.height() + 2;
    return {kNodeWidth - fm.horizontalAdvance(text) - 20, -h / 2 - 1, fm.horizontalAdvance(text) + 10, h};
}

void ComponentItem::setScenarioMark(ScenarioMark m)
{
    if (m != mark_) {
        mark_ = m;
        update();
    }
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionChange && scene() && scene()->property("snapToGrid").toBool()) {
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / kGrid) * kGrid, std::round(p.y() / kGrid) * kGrid);
    }
    if (change == ItemPositionHasChanged)
        for (auto* e : edges_)
            e->adjust();
    return QGraphicsItem::itemChange(change, value);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent* e)
{
    hovered_ = true;
    update();
    QGraphicsItem::hoverEnterEvent(e);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* e)
{
    hovered_ = false;
    update();
    QGraphicsItem::hoverLeaveEvent(e);
}

// ---------------------------------------------------------------------------------------------

ContainerItem::ContainerItem(ItemKind kind, int index)
    : ModelItem({kind, index})
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setZValue(kind == ItemKind::Region ? -20 : -10);
}

void ContainerItem::setData(const QString& title, const QString& subtitle, const QString& summary, bool canFail)
{
    if (title == title_ && subtitle == subtitle_ && summary == summary_ && canFail == canFail_)
        return;
    title_ = title;
    subtitle_ = subtitle;
    summary_ = summary;
    canFail_ = canFail;
    setToolTip(summary.isEmpty() ? title + QStringLiteral("\n") + subtitle
                                 : title + QStringLiteral("\n") + subtitle + QStringLiteral("\n") + summary);
    update();
}

void ContainerItem::setRect(const QRectF& r)
{
    if (QRectF(pos(), rect_.size()) == r)
        return;
    prepareGeometryChange();
    rect_ = QRectF(QPointF(0, 0), r.size());
    setPos(r.topLeft());
}

QRectF ContainerItem::boundingRect() const { return rect_.adjusted(-2, -2, 2, 2); }

QPainterPath ContainerItem::shape() const
{
    // Header band and a border strip: the interior belongs to the items inside and to the
    // rubber band.
    QPainterPath outer, inner;
    outer.addRect(rect_);
    inner.addRect(rect_.adjusted(8, kContainerHeader, -8, -8));
    return outer.subtracted(inner);
}

void ContainerItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool region = ref_.kind == ItemKind::Region;
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor line = region ? QColor(0x4a, 0x55, 0x68) : QColor(0x31, 0x82, 0xce);
    QPen pen(selected ? kSelection : line, selected ? 2.5 : 1.4);
    if (!region)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(region ? QColor(0xf7, 0xfa, 0xfc) : QColor(0xf0, 0xf7, 0xff, 200));
    p->drawRoundedRect(rect_, 10, 10);

    namedIcon(region ? QStringLiteral("region") : QStringLiteral("zone")).paint(p, QRect(10, 6, 18, 18));
    const QFont titleFont = scaledFont(9.5, true);
    p->setFont(titleFont);
    p->setPen(line.darker(120));
    const QFontMetricsF fm(titleFont);
    const double titleWidth = std::min(fm.horizontalAdvance(title_), rect_.width() - 44);
    p->drawText(QRectF(34, 4, titleWidth + 2, 22), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(title_, Qt::ElideRight, rect_.width() - 44));
    const QFont small = scaledFont(8.5);
    p->setFont(small);
    p->setPen(kMuted);
    const double subX = 34 + titleWidth + 10;
    if (subX < rect_.width() - 30)
        p->drawText(QRectF(subX, 4, rect_.width() - subX - 8, 22), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(small).elidedText(subtitle_, Qt::ElideRight, rect_.width() - subX - 8));
    if (!summary_.isEmpty())
        p->drawText(rect_.adjusted(12, kContainerHeader - 4, -8, -6), Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
                    summary_);
}

// ---------------------------------------------------------------------------------------------

HubItem::HubItem(int index)
    : ModelItem({ItemKind::Hub, index})
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setZValue(8);
}

void HubItem::setData(const QString& name)
{
    if (name == name_)
        return;
    name_ = name;
    setToolTip(name + QObject::tr("\nA network hub: never fails; links attach to it."));
    update();
}

QRectF HubItem::boundingRect() const { return QRectF(-40, -2, kHubSize + 80, kHubSize + 22); }

void HubItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    if (option->state & QStyle::State_Selected) {
        p->setPen(QPen(kSelection, 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(0, 0, kHubSize, kHubSize), 8, 8);
    }
    namedIcon(QStringLiteral("hub")).paint(p, QRect(4, 2, int(kHubSize) - 8, int(kHubSize) - 8));
    p->setFont(scaledFont(8.5, true));
    p->setPen(kInk);
    p->drawText(QRectF(-40, kHubSize - 8, kHubSize + 80, 24), Qt::AlignHCenter | Qt::AlignTop, name_);
}

// ---------------------------------------------------------------------------------------------

EdgeItem::EdgeItem(int index)
    : ModelItem({ItemKind::Dependency, index})
{
    setFlags(ItemIsSelectable);
    setZValue(5);
}

void EdgeItem::setData(const Dependency& d, ComponentItem* from, ComponentItem* to)
{
    data_ = d;
    from_ = from;
    to_ = to;
    QStringList parts;
    if (d.calls_per_request != 1.0)
        parts << QStringLiteral("\u00d7%1").arg(QString::fromStdString(formatNumber(d.calls_per_request)));
    if (d.type == DependencyType::Async)
        parts << (d.buffer_messages ? QObject::tr("async, %1 msg").arg(QString::fromStdString(formatNumber(*d.buffer_messages)))
                                    : QObject::tr("async"));
    label_ = parts.join(QStringLiteral(", "));
    setToolTip(QString::fromStdString(d.from + " \u2192 " + d.to));
    adjust();
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    path_ = QPainterPath();
    head_.clear();
    if (!from_ || !to_)
        return;
    const QPointF a = from_->pos() + QPointF(kNodeWidth, kNodeHeight / 2);
    const QPointF b = to_->pos() + QPointF(0, kNodeHeight / 2);
    QPointF start = a, end = b;
    double bend = std::max(40.0, std::abs(b.x() - a.x()) / 2);
    if (b.x() < a.x() + 20) {
        // Callee left of (or under) its caller: leave and enter from the top/bottom instead
        // of crossing the cards.
        const bool below = b.y() > a.y();
        start = from_->pos() + QPointF(kNodeWidth / 2, below ? kNodeHeight : 0);
        end = to_->pos() + QPointF(kNodeWidth / 2, below ? 0 : kNodeHeight);
        bend = std::max(40.0, std::abs(end.y() - start.y()) / 2);
        path_.moveTo(start);
        const double dir = below ? 1 : -1;
        path_.cubicTo(start + QPointF(0, dir * bend), end - QPointF(0, dir * bend), end);
    } else {
        path_.moveTo(start);
        path_.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
    }
    // Arrow head along the last tangent.
    const double angle = std::atan2(-(path_.pointAtPercent(0.999) - path_.pointAtPercent(0.95)).y(),
                                    (path_.pointAtPercent(0.999) - path_.pointAtPercent(0.95)).x());
    const double s = 10;
    head_ << end << end - QPointF(std::cos(angle - M_PI / 7) * s, -std::sin(angle - M_PI / 7) * s)
          << end - QPointF(std::cos(angle + M_PI / 7) * s, -std::sin(angle + M_PI / 7) * s);
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return path_.boundingRect().united(head_.boundingRect()).adjusted(-60, -20, 60, 20);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path_);
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    if (path_.isEmpty())
        return;
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor c = selected ? kSelection : QColor(0x71, 0x80, 0x96);
    QPen pen(c, selected ? 2.6 : 1.6);
    if (data_.type == DependencyType::Async)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(path_);
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawPolygon(head_);
    if (!label_.isEmpty()) {
        const QFont f = scaledFont(7.5);
        const QFontMetricsF fm(f);
        const QPointF mid = path_.pointAtPercent(0.5);
        const QRectF r(mid.x() - fm.horizontalAdvance(label_) / 2 - 4, mid.y() - fm.height() / 2 - 1,
                       fm.horizontalAdvance(label_) + 8, fm.height() + 2);
        p->setBrush(QColor(255, 255, 255, 230));
        p->drawRoundedRect(r, 4, 4);
        p->setPen(kInk);
        p->setFont(f);
        p->drawText(r, Qt::AlignCenter, label_);
    }
}

// ---------------------------------------------------------------------------------------------

LinkItem::LinkItem(int index)
    : ModelItem({ItemKind::Link, index})
{
    setFlags(ItemIsSelectable);
    setZValue(-5);
}

void LinkItem::setData(const Link& l, QPointF from, QPointF to)
{
    prepareGeometryChange();
    line_ = QLineF(from, to);
    label_ = QString::fromStdString(l.name.empty() ? l.id : l.name);
    canFail_ = l.outage.has_value();
    setToolTip(QString::fromStdString(l.from + " \u2194 " + l.to)
               + (canFail_ ? QObject::tr("\nCan fail: partitions the zones it joins")
                           : QObject::tr("\nNever fails")));
    update();
}

QRectF LinkItem::boundingRect() const
{
    return QRectF(line_.p1(), line_.p2()).normalized().adjusted(-80, -20, 80, 20);
}

QPainterPath LinkItem::shape() const
{
    QPainterPath path(line_.p1());
    path.lineTo(line_.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path);
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(selected ? kSelection : QColor(0x38, 0xa1, 0x69), selected ? 4 : 3);
    if (!canFail_)
        pen.setStyle(Qt::DotLine);
    p->setPen(pen);
    p->drawLine(line_);
    if (!label_.isEmpty()) {
        const QFont f = scaledFont(7.5);
        const QFontMetricsF fm(f);
        const QPointF mid = line_.center();
        const QRectF r(mid.x() - fm.horizontalAdvance(label_) / 2 - 4, mid.y() - fm.height() / 2 - 1,
                       fm.horizontalAdvance(label_) + 8, fm.height() + 2);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xf0, 0xff, 0xf4, 235));
        p->drawRoundedRect(r, 4, 4);
        p->setPen(QColor(0x22, 0x54, 0x3d));
        p->setFont(f);
        p->drawText(r, Qt::AlignCenter, label_);
    }
}

}  // namespace nines::ui
