// The window on a laptop (issue 19). It fits a 1,280 by 720 screen with every dock open, on
// every tab. The mouse wheel never edits the model by passing over a field: every spin box,
// choice and slider of the inspector, for every kind of item of three bundled examples and for
// the model's own settings, gets wheel notches in both directions without having been clicked,
// and the model and the undo stack stay as they were; the panel around the fields scrolls
// instead. A field the user clicked into still takes the wheel.
#include "test_util.h"
#include "window_test_util.h"
#include "ui/document/document.h"
#include "ui/document/item_access.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/inspector.h"
#include "ui/editor/item_form.h"
#include "ui/window/main_window.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

using nines::test::quietDialogs;
using namespace nines;
using namespace nines::model;
using namespace nines::ui;

namespace {

bool wheelSensitive(const QWidget* w)
{
    return qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w)
           || (qobject_cast<const QAbstractSlider*>(w) && !qobject_cast<const QScrollBar*>(w));
}

void wheel(QWidget* w, int notches)
{
    const QPointF at(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

}  // namespace

class TestLaptop : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    MainWindow::Options options() const { return nines::test::windowOptions(dir_); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    // The minimum was 1,690 by 915, the Run panel and the inspector's values off screen; the
    // Compare tab's pages scroll now and the scenario buttons take two rows.
    void windowFitsALaptopScreen()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(nines::test::example("three-tier-web.nines.json")));
        auto* tabs = w.findChild<QTabWidget*>();
        QVERIFY(tabs);
        for (auto* dock : w.findChildren<QDockWidget*>())
            QVERIFY2(dock->isVisible(), qPrintable(dock->windowTitle()));
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QApplication::processEvents();
            const QSize least = w.minimumSizeHint().expandedTo(w.minimumSize());
            QVERIFY2(least.width() <= 1280 && least.height() <= 720,
                     qPrintable(QStringLiteral("on the %1 tab the window needs at least %2 by %3")
                                    .arg(tabs->tabText(i)).arg(least.width()).arg(least.height())));
        }
    }

    void wheelOverFieldsChangesNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("three-tier") << nines::test::example("three-tier-web.nines.json");
        QTest::newRow("two regions") << nines::test::example("two-region-active-active.nines.json");
        QTest::newRow("shared fate") << nines::test::example("shared-fate.nines.json");
    }

    void wheelOverFieldsChangesNothing()
    {
        QFETCH(QString, file);
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(file));
        Document* doc = w.document();
        const Model before = doc->model();
        const int undoBefore = doc->undoStack()->count();

        std::vector<std::vector<ItemRef>> selections{{}};  // the model's own form first
        auto add = [&](ItemKind kind, size_t count) {
            for (size_t i = 0; i < count; ++i)
                selections.push_back({{kind, int(i)}});
        };
        add(ItemKind::Component, before.components.size());
        add(ItemKind::Dependency, before.dependencies.size());
        add(ItemKind::Zone, before.zones.size());
        add(ItemKind::Region, before.regions.size());
        add(ItemKind::Hub, before.hubs.size());
        add(ItemKind::Link, before.links.size());
        add(ItemKind::Crew, before.repair_crews.size());
        add(ItemKind::SharedFate, before.shared_fate.size());

        int fields = 0;
        bool scrolled = false;
        for (const auto& refs : selections) {
            w.scene()->selectRefs(refs);
            ItemForm* form = refs.empty() ? w.inspector()->modelForm() : w.inspector()->currentForm();
            QVERIFY(form);
            QScrollBar* bar = w.inspector()->verticalScrollBar();
            for (QWidget* field : form->findChildren<QWidget*>()) {
                if (!wheelSensitive(field) || !field->isVisibleTo(form))
                    continue;
                ++fields;
                QVERIFY2(field->focusPolicy() != Qt::WheelFocus,
                         qPrintable(QStringLiteral("%1 takes the focus from the wheel").arg(field->metaObject()->className())));
                bar->setValue(bar->minimum());
                wheel(field, -1);  // down
                scrolled = scrolled || bar->value() > bar->minimum();
                wheel(field, 2);
                wheel(field, -3);
                QApplication::processEvents();
                QVERIFY2(doc->model() == before && doc->undoStack()->count() == undoBefore,
                         qPrintable(QStringLiteral("the wheel over a %1 (%2) changed the model")
                                        .arg(field->metaObject()->className(), field->objectName())));
            }
        }
        QVERIFY2(fields >= 10, qPrintable(QString::number(fields)));
        QVERIFY2(scrolled, "the wheel over a field should scroll the inspector when it has room to");

        // Clicked into, a field takes the wheel as before: n of the first component goes up.
        w.scene()->selectRefs({{ItemKind::Component, 0}});
        auto* instances = qobject_cast<QSpinBox*>(w.inspector()->currentForm()->fieldWidget("instances"));
        QVERIFY(instances && instances->isEnabled());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        instances->setFocus(Qt::MouseFocusReason);
        QVERIFY(instances->hasFocus());
        const int n = instances->value();
        wheel(instances, 1);
        QCOMPARE(instances->value(), n + 1);
    }
};

QTEST_MAIN(TestLaptop)
#include "tst_laptop.moc"
