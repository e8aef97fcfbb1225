// The items drawn on the canvas. Each is a view of one model item (kind and index): it holds a
// copy of the data it draws and never changes the model; the scene turns gestures into commands.
#pragma once

#include "ui/document/item_access.h"

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace nines::ui {

class EdgeItem;

/// Geometry shared by the items, the scene and the automatic layout.
namespace geometry {
inline constexpr double kNodeWidth = 176.0;
inline constexpr double kNodeHeight = 76.0;
inline constexpr double kGrid = 20.0;
inline constexpr double kContainerPadding = 24.0;
inline constexpr double kContainerHeader = 30.0;
inline constexpr double kHubSize = 64.0;
}  // namespace geometry

/// Common base: the model item an item stands for.
class ModelItem
{
public:
    virtual ~ModelItem() = default;
    ItemRef ref() const { return ref_; }
    void setIndex(int index) { ref_.index = index; }

protected:
    explicit ModelItem(ItemRef ref) : ref_(ref) {}
    ItemRef ref_;
};

/// A card's name in at most two lines that fit `width`, the second elided when the name is longer.
QStringList cardNameLines(const QString& name, const QFont& font, double width);

/// Returns the ModelItem behind a graphics item, if it is one of ours.
ModelItem* modelItem(QGraphicsItem* item);

/// A component: icon, name, k/n badge, zone badges; later its result tint.
class ComponentItem : public QGraphicsItem, public ModelItem
{
public:
    enum { Type = UserType + 1 };
    explicit ComponentItem(int index);
    int type() const override { return Type; }

    /// `dependencies`: how many it depends on; from two on, the card says how they combine.
    void setData(const model::Component& c, const QString& zoneBadges, int dependencies = 0);
    /// "all", "any" or "2 of 3" beside the arrows leaving a card with two dependencies or more;
    /// empty with fewer (the mode then makes no difference).
    QString fanOutText() const;
    const model::Component& component() const { return data_; }
    /// Availability and criticality from a run, shown once results exist.
    void setResult(std::optional<double> availability, std::optional<double> unavailability,
                   std::optional<double> criticality);
    std::optional<double> resultAvailability() const { return availability_; }
    std::optional<double> resultCriticality() const { return criticality_; }
    /// While a scenario is edited: whether it changes this component or adds it.
    enum class ScenarioMark { None, Changed, Added };
    void setScenarioMark(ScenarioMark m);
    ScenarioMark scenarioMark() const { return mark_; }

    void addEdge(EdgeItem* e) { edges_.push_back(e); }
    void clearEdges() { edges_.clear(); }
    /// The handle on the right edge from which a dependency is dragged, in item coordinates.
    static QRectF connectHandle();
    /// Where the name is drawn, in item coordinates.
    static QRectF nameArea();
    /// The result shown on the card's top edge: "4.52 nines", "no outage seen", or empty.
    QString resultText() const;
    static QRectF resultPillRect(const QString& text, const QFont& font);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* e) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* e) override;

private:
    model::Component data_;
    QString zoneBadges_;
    int dependencies_ = 0;
    std::optional<double> availability_, unavailability_, criticality_;
    ScenarioMark mark_ = ScenarioMark::None;
    std::vector<EdgeItem*> edges_;
    bool hovered_ = false;
};

/// A zone or region drawn as a labelled container. Its interior lets clicks through to what is
/// inside or behind it; it is grabbed by its header band or its border.
class ContainerItem : public QGraphicsItem, public ModelItem
{
public:
    enum { Type = UserType + 2 };
    ContainerItem(ItemKind kind, int index);
    int type() const override { return Type; }

    void setData(const QString& title, const QString& subtitle, const QString& summary, bool canFail);
    void setRect(const QRectF& r);  // in scene coordinates; moves the item
    QRectF sceneRectangle() const { return QRectF(pos(), rect_.size()); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF rect_;
    QString title_, subtitle_, summary_;
    bool canFail_ = true;
};

/// A network hub (the internet, a backbone): never fails, links attach to it.
class HubItem : public QGraphicsItem, public ModelItem
{
public:
    enum { Type = UserType + 3 };
    explicit HubItem(int index);
    int type() const override { return Type; }
    void setData(const QString& name);
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString name_;
};

/// A dependency arrow from caller to callee; dashed when asynchronous.
class EdgeItem : public QGraphicsItem, public ModelItem
{
public:
    enum { Type = UserType + 4 };
    explicit EdgeItem(int index);
    int type() const override { return Type; }
    void setData(const model::Dependency& d, ComponentItem* from, ComponentItem* to);
    void adjust();  // after an end moved
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    model::Dependency data_;
    ComponentItem* from_ = nullptr;
    ComponentItem* to_ = nullptr;
    QPainterPath path_;
    QPolygonF head_;
    QString label_;
};

/// A network link between two zones, regions or hubs, drawn centre to centre.
class LinkItem : public QGraphicsItem, public ModelItem
{
public:
    enum { Type = UserType + 5 };
    explicit LinkItem(int index);
    int type() const override { return Type; }
    void setData(const model::Link& l, QPointF from, QPointF to);
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QLineF line_;
    QString label_;
    bool canFail_ = false;
};

/// The icon of a component kind (and of "zone", "region", "hub"), from resources/icons.
QIcon kindIcon(model::ComponentKind kind);
QIcon namedIcon(const QString& name);

}  // namespace nines::ui
