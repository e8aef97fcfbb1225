#include "diagram_view.h"

#include "ui/editor/diagram_scene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace nines::ui {

DiagramView::DiagramView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
}

void DiagramView::setZoom(double factor)
{
    factor = std::clamp(factor, 0.05, 4.0);
    setTransform(QTransform::fromScale(factor, factor));
    Q_EMIT zoomChanged(factor);
}

void DiagramView::zoomBy(double factor, QPoint anchor)
{
    const double target = std::clamp(zoom() * factor, 0.05, 4.0);
    // Keep the scene point under the anchor where it is.
    const QPointF before = mapToScene(anchor);
    setTransform(QTransform::fromScale(target, target));
    const QPointF after = mapToScene(anchor);
    const QPointF d = (after - before) * target;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::lround(d.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::lround(d.y())));
    Q_EMIT zoomChanged(target);
}

void DiagramView::zoomIn() { zoomBy(1.25, viewport()->rect().center()); }
void DiagramView::zoomOut() { zoomBy(0.8, viewport()->rect().center()); }

void DiagramView::fitAll()
{
    if (!isVisible()) {
        fitPending_ = true;
        return;
    }
    fitPending_ = false;
    auto* s = qobject_cast<DiagramScene*>(scene());
    QRectF r = s ? s->contentsRect() : scene()->itemsBoundingRect();
    if (r.isEmpty())
        r = QRectF(0, 0, 800, 500);
    r.adjust(-40, -40, 40, 40);
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() > 1.25)  // a small diagram is not blown up to poster size
        setZoom(1.25);
    centerOn(r.center());
    Q_EMIT zoomChanged(zoom());
}

void DiagramView::showEvent(QShowEvent* e)
{
    QGraphicsView::showEvent(e);
    if (fitPending_)  // after the layout has given the view its size
        QTimer::singleShot(0, this, [this] {
            if (fitPending_)
                fitAll();
        });
}

void DiagramView::wheelEvent(QWheelEvent* e)
{
    if (e->modifiers() & Qt::ShiftModifier) {  // Shift+wheel scrolls sideways
        QGraphicsView::wheelEvent(e);
        return;
    }
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(1.15, steps), e->position().toPoint());
    e->accept();
}

void DiagramView::mousePressEvent(QMouseEvent* e)
{
    if (e->button() == Qt::MiddleButton || (e->button() == Qt::LeftButton && spaceHeld_)) {
        panning_ = true;
        lastPan_ = e->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        e->accept();
        return;
    }
    QGraphicsView::mousePressEvent(e);
}

void DiagramView::mouseMoveEvent(QMouseEvent* e)
{
    if (panning_) {
        const QPoint d = e->position().toPoint() - lastPan_;
        lastPan_ = e->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        e->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(e);
}

void DiagramView::mouseReleaseEvent(QMouseEvent* e)
{
    if (panning_) {
        panning_ = false;
        viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
        e->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(e);
}

void DiagramView::keyPressEvent(QKeyEvent* e)
{
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(e);
}

void DiagramView::keyReleaseEvent(QKeyEvent* e)
{
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->setCursor(Qt::ArrowCursor);
        return;
    }
    QGraphicsView::keyReleaseEvent(e);
}

}  // namespace nines::ui
