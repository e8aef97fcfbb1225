// The canvas's view: zoom with the wheel around the cursor, pan with the middle button or
// Space+drag, rubber-band selection, fit to view.
#pragma once

#include <QGraphicsView>

namespace nines::ui {

class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit DiagramView(QGraphicsScene* scene, QWidget* parent = nullptr);

    double zoom() const { return transform().m11(); }
    void setZoom(double factor);  // clamped to [0.05, 4]
    void zoomBy(double factor, QPoint anchorInViewport);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitAll();

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    bool fitPending_ = false;  // a fit asked for before the view had its size
    bool panning_ = false;
    bool spaceHeld_ = false;
    QPoint lastPan_;
};

}  // namespace nines::ui
