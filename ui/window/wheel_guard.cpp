#include "wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace nines::ui {

void WheelGuard::install()
{
    static WheelGuard* guard = nullptr;
    if (guard || !qApp)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
    // Fields made before (and polished already, by a size hint) are held back here; later ones
    // when they are polished.
    for (QWidget* w : QApplication::allWidgets())
        holdBack(w);
}

void WheelGuard::holdBack(QWidget* w)
{
    // Qt gives the keyboard focus to a wheel-focus widget before it delivers the wheel, so a
    // guarded field takes focus by click or Tab only; then the wheel changes it, as expected.
    if (guards(w) && w->focusPolicy() == Qt::WheelFocus)
        w->setFocusPolicy(Qt::StrongFocus);
}

bool WheelGuard::guards(const QWidget* w)
{
    return w
           && (qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w)
               || (qobject_cast<const QAbstractSlider*>(w) && !qobject_cast<const QScrollBar*>(w)));
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (!watched->isWidgetType())
        return false;
    auto* w = static_cast<QWidget*>(watched);
    if (event->type() == QEvent::Polish) {
        holdBack(w);
        return false;
    }
    if (event->type() != QEvent::Wheel || !guards(w) || w->hasFocus())
        return false;
    // The panel around the field scrolls instead: its viewport's wheel handler moves the bars.
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (auto* area = qobject_cast<QAbstractScrollArea*>(p)) {
            if (area->viewport())
                QCoreApplication::sendEvent(area->viewport(), event);
            break;
        }
    return true;
}

}  // namespace nines::ui
