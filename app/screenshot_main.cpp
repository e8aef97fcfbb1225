// `nines-screenshot OUT.png [FILE [COMPONENT_ID[:FIELD_PATH] | results]]`: opens the editor window on FILE
// (or a new model) at a fixed size, selects a component if asked (the inspector then shows it),
// fits the diagram and saves the window as PNG. With a field path, the inspector scrolls to that
// field and shows its tooltip (where a catalogue value comes from), and the whole screen is saved,
// since a tooltip is a window of its own. With "results", it simulates the model from the run
// panel and saves the results dashboard; with "scenarios", it shows the Scenarios dock. With
// "edit-scenario:COMPONENT_ID", the first scenario is edited on the canvas with that component
// selected. With "compare", "improve" or "sweep:PATH=FROM..TO[:STEP][;PATH=FROM..TO[:STEP]]", the
// Compare tab after comparing the scenarios, ranking improvements or sweeping. Used by scripts/screenshot.sh for the
// pictures in README.md and docs/, so anyone can retake them.
#include "model/io/atomic_file.h"
#include "ui/scenarios/compare_view.h"
#include "ui/editor/component_form.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/diagram_view.h"
#include "ui/document/document.h"
#include "ui/editor/inspector.h"
#include "ui/window/main_window.h"
#include "ui/results/run_panel.h"
#include "ui/editor/scenario_panel.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QTabWidget>
#include <QDockWidget>
#include <QLabel>
#include <QDir>
#include <QScreen>
#include <QToolTip>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

/// The screenshot written all or nothing (a full disk leaves the old one).
static bool saveImage(const QPixmap& image, const QString& path)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    return buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG")
           && nines::io::writeFileAtomically(path, bytes).isEmpty();
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nines"));
    QCoreApplication::setApplicationName(QStringLiteral("nines-screenshot"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 4) {
        std::fputs("usage: nines-screenshot OUT.png [MODEL_FILE [COMPONENT_ID[:FIELD_PATH]]]\n", stderr);
        return 2;
    }
    QSettings().clear();  // the tool's own settings: every screenshot starts from the default layout
    QTemporaryDir recovery;  // never touch the user's own recovery files
    nines::ui::MainWindow window({recovery.path(), 3600 * 1000});
    // NINES_SCREENSHOT_SIZE=1280x720 takes the laptop pictures; 1,600 by 1,000 otherwise.
    const QStringList size = qEnvironmentVariable("NINES_SCREENSHOT_SIZE", QStringLiteral("1600x1000")).split(QLatin1Char('x'));
    window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1600, size.value(1).toInt() > 0 ? size.value(1).toInt() : 1000);
    window.show();
    if (args.size() >= 3 && !window.openFile(args.at(2)))
        return 1;
    std::string field;
    if (args.size() == 4 && args.at(3) == QLatin1String("results")) {
        int status = 0;
        QObject::connect(window.runPanel(), &nines::ui::RunPanel::finished, &window, [&] {
            QTimer::singleShot(500, &window, [&] {
                if (!saveImage(window.grab(), args.at(1)))
                    status = 1;
                QApplication::quit();
            });
        });
        QTimer::singleShot(200, &window, [&] {
            if (!window.runPanel()->simulate()) {
                std::fprintf(stderr, "nines-screenshot: %s\n", qPrintable(window.runPanel()->statusLabel()->text()));
                status = 1;
                QApplication::quit();
            }
        });
        app.exec();
        return status;
    }
    const QString mode = args.size() == 4 ? args.at(3) : QString();
    if (mode == QLatin1String("compare") || mode == QLatin1String("improve") || mode.startsWith(QLatin1String("sweep:"))) {
        // The Compare tab once its work is done.
        nines::ui::CompareView* cv = window.compareView();
        int status = 0;
        auto grabLater = [&] {
            QTimer::singleShot(500, &window, [&] {
                if (!saveImage(window.grab(), args.at(1)))
                    status = 1;
                QApplication::quit();
            });
        };
        QObject::connect(window.runPanel(), &nines::ui::RunPanel::finished, &window, grabLater);
        QObject::connect(cv, &nines::ui::CompareView::sweepFinished, &window, grabLater);
        QObject::connect(cv, &nines::ui::CompareView::improveFinished, &window, grabLater);
        QTimer::singleShot(200, &window, [&] {
            window.tabs()->setCurrentWidget(cv);
            QString why;
            if (mode == QLatin1String("compare")) {
                Q_EMIT cv->compareRequested();
            } else if (mode == QLatin1String("improve")) {
                cv->pages()->setCurrentIndex(2);
                why = cv->startImprove();
            } else {
                cv->pages()->setCurrentIndex(1);
                const QStringList specs = mode.mid(6).split(QLatin1Char(';'));
                cv->sweepPath()->setEditText(specs.front().section(QLatin1Char('='), 0, 0));
                why = cv->startSweep(specs.front(), specs.size() > 1 ? specs.at(1) : QString());
            }
            if (!why.isEmpty()) {
                std::fprintf(stderr, "nines-screenshot: %s\n", qPrintable(why));
                status = 1;
                QApplication::quit();
            }
        });
        app.exec();
        return status;
    }
    if (mode.startsWith(QLatin1String("edit-scenario:"))) {
        // The first scenario edited on the canvas, a component selected: what it overrides shows.
        const auto& scenarios = window.document()->fileModel().scenarios;
        if (scenarios.empty() || !window.document()->setEditTarget(scenarios.front().id).isEmpty()) {
            std::fputs("nines-screenshot: the model has no scenario that can be edited\n", stderr);
            return 2;
        }
        const int c = window.document()->model().componentIndex(mode.section(QLatin1Char(':'), 1, 1).toStdString());
        if (c >= 0)
            window.scene()->selectRefs({{nines::ui::ItemKind::Component, c}});
    } else if (args.size() == 4 && args.at(3) == QLatin1String("scenarios")) {
        // The Scenarios dock raised, its first scenario selected.
        for (auto* dock : window.findChildren<QDockWidget*>())
            if (dock->objectName() == QLatin1String("ScenarioDock"))
                dock->raise();
        window.scenarioPanel()->selectScenario(0);
    } else if (args.size() == 4) {
        const QString id = args.at(3).section(QLatin1Char(':'), 0, 0);
        field = args.at(3).section(QLatin1Char(':'), 1).toStdString();
        const auto& m = window.document()->model();
        const int c = m.componentIndex(id.toStdString());
        if (c < 0) {
            std::fprintf(stderr, "nines-screenshot: no component %s\n", qPrintable(id));
            return 2;
        }
        window.scene()->selectRefs({{nines::ui::ItemKind::Component, c}});
        // A failure mode's fields show once that mode is the selected one.
        const auto& modes = m.components[size_t(c)].failure_modes;
        for (size_t i = 0; i < modes.size(); ++i)
            if (field.rfind("failure_modes[" + modes[i].id + "]", 0) == 0)
                if (auto* form = qobject_cast<nines::ui::ComponentForm*>(window.inspector()->currentForm()))
                    form->setCurrentMode(int(i));
    }
    int status = 0;
    QTimer::singleShot(300, &window, [&] {
        window.view()->fitAll();
        QApplication::processEvents();
        if (!field.empty()) {
            nines::ui::ItemForm* form = window.inspector()->currentForm();
            QWidget* w = form ? form->fieldWidget(field) : nullptr;
            if (!w) {
                std::fprintf(stderr, "nines-screenshot: the inspector has no field %s\n", field.c_str());
                status = 2;
                QApplication::quit();
                return;
            }
            window.inspector()->ensureWidgetVisible(w, 20, 200);
            QApplication::processEvents();
            // Left of the inspector, level with the field, so that it hides neither.
            const QPoint at(window.inspector()->mapToGlobal(QPoint(0, 0)).x() - 470, w->mapToGlobal(QPoint(0, 0)).y() - 60);
            QToolTip::showText(at,
                               QStringLiteral("<qt>%1</qt>").arg(form->fieldOrigin(field)), w);
            QApplication::processEvents();
            QTimer::singleShot(400, &window, [&] {
                if (!saveImage(window.screen()->grabWindow(0), args.at(1)))
                    status = 1;
                QApplication::quit();
            });
            return;
        }
        if (!saveImage(window.grab(), args.at(1))) {
            std::fprintf(stderr, "nines-screenshot: cannot write %s\n", qPrintable(args.at(1)));
            status = 1;
        }
        QApplication::quit();
    });
    app.exec();
    return status;
}
