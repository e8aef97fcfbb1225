// Keeps the mouse wheel from editing the model by accident: over a spin box, a choice or a slider
// that the user has not clicked into, the wheel scrolls the panel around it instead of changing
// its value (scrolling the inspector once turned a 3-node cluster into 1).
#pragma once

#include <QObject>

class QWidget;

namespace nines::ui {

class WheelGuard : public QObject
{
    Q_OBJECT

public:
    /// Installs one guard on the application; later calls do nothing.
    static void install();
    /// Whether the guard holds the wheel back from this widget while it has no focus.
    static bool guards(const QWidget* w);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit WheelGuard(QObject* parent) : QObject(parent) {}
    static void holdBack(QWidget* w);
};

}  // namespace nines::ui
