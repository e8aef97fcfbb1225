// The canvas: keeps one graphics item per model item in step with the Document, lays out zone
// and region containers around what is placed in them, and turns gestures (drop from the
// palette, drag to connect, move, drop into a zone) into undo commands.
#pragma once

#include "ui/document/document.h"
#include "ui/document/item_access.h"

#include <QGraphicsScene>

#include <map>
#include <optional>
#include <vector>

class QGraphicsLineItem;

namespace nines::ui {

class ComponentItem;
class ContainerItem;
class EdgeItem;
class HubItem;
class LinkItem;

/// MIME type of palette drags: the text is a component kind ("service") or "zone", "region", "hub".
inline constexpr const char* kPaletteMime = "application/x-nines-palette";

class DiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit DiagramScene(Document* doc, QObject* parent = nullptr);
    ~DiagramScene() override;

    Document* document() const { return doc_; }
    std::vector<ItemRef> selectedRefs() const;
    void selectRefs(const std::vector<ItemRef>& refs);
    QGraphicsItem* graphicsItem(ItemRef ref) const;

    /// In connect mode a drag from any node draws a dependency (components) or a link (zones,
    /// regions, hubs); otherwise only a drag from a component's handle does.
    void setConnectMode(bool on);
    bool connectMode() const { return connectMode_; }
    void setSnapToGrid(bool on);
    bool snapToGrid() const { return snap_; }

    /// Creates what a palette entry names at a scene position, placed in the container there.
    void createFromPalette(const QString& what, QPointF scenePos);
    /// The zone or region drawn at a scene position (the innermost), if any.
    std::optional<ItemRef> containerRefAt(QPointF scenePos) const;

    /// Scene rectangle of everything drawn, for "fit to view".
    QRectF contentsRect() const;

    /// Results of a run to show on the canvas: per component id, its own availability and its
    /// criticality (cards are tinted by criticality and labelled with the availability). Kept
    /// by id through edits; cleared with an empty map.
    struct ComponentResult {
        double availability = 1.0;
        double unavailability = 0.0;  // as the run accumulated it: the card's nines come from it
        double criticality = 0.0;
    };
    void setResults(std::map<std::string, ComponentResult> results);

Q_SIGNALS:
    void selectedRefsChanged();
    /// A gesture was refused (e.g. connecting a component to itself); for the status bar.
    void message(const QString& text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* e) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* e) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* e) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent* e) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* e) override;
    void dropEvent(QGraphicsSceneDragDropEvent* e) override;
    void drawBackground(QPainter* p, const QRectF& rect) override;

private:
    void sync();
    std::map<std::string, ComponentResult> results_;
    void layoutContainers();
    std::vector<std::string> selectionKeys() const;
    std::string keyOf(ItemRef ref) const;
    /// The innermost container (zone before region) whose rectangle holds the point.
    ContainerItem* containerAt(QPointF scenePos, const QGraphicsItem* ignore = nullptr) const;
    /// The grid corner nearest `wanted` where a card of `size` hides no card or hub, inside
    /// `container` (none: outside every zone and region) where it has room.
    QPointF freeCorner(QPointF wanted, QSizeF size, std::optional<ItemRef> container) const;
    QGraphicsItem* nodeAt(QPointF scenePos) const;
    std::optional<std::string> nodeId(QGraphicsItem* item) const;  // zone/region/hub id
    void finishConnect(QPointF scenePos);
    void finishMove();

    Document* doc_;
    std::vector<ComponentItem*> components_;
    std::vector<EdgeItem*> edges_;
    std::vector<ContainerItem*> zones_, regions_;
    std::vector<HubItem*> hubs_;
    std::vector<LinkItem*> links_;
    bool connectMode_ = false;
    bool snap_ = true;
    bool syncing_ = false;

    // Gesture state.
    QGraphicsLineItem* rubberLine_ = nullptr;
    QGraphicsItem* connectFrom_ = nullptr;
    std::map<QGraphicsItem*, QPointF> pressPositions_;  // everything that may move with the drag
    std::vector<std::pair<ContainerItem*, std::vector<QGraphicsItem*>>> draggedContainers_;
};

}  // namespace nines::ui
