// `nines-screenshot OUT.png [FILE [COMPONENT_ID]]`: opens the editor window on FILE (or a new
// model) at a fixed size, selects a component if asked (the inspector then shows it), fits the
// diagram and saves the window as PNG. Used by scripts/screenshot.sh for the
// pictures in README.md and docs/, so anyone can retake them.
#include "ui/diagram_scene.h"
#include "ui/diagram_view.h"
#include "ui/document.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nines"));
    QCoreApplication::setApplicationName(QStringLiteral("nines-screenshot"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 4) {
        std::fputs("usage: nines-screenshot OUT.png [MODEL_FILE [COMPONENT_ID]]\n", stderr);
        return 2;
    }
    QSettings().clear();  // the tool's own settings: every screenshot starts from the default layout
    QTemporaryDir recovery;  // never touch the user's own recovery files
    nines::ui::MainWindow window({recovery.path(), 3600 * 1000});
    window.resize(1600, 1000);
    window.show();
    if (args.size() >= 3 && !window.openFile(args.at(2)))
        return 1;
    if (args.size() == 4) {
        const int c = window.document()->model().componentIndex(args.at(3).toStdString());
        if (c < 0) {
            std::fprintf(stderr, "nines-screenshot: no component %s\n", qPrintable(args.at(3)));
            return 2;
        }
        window.scene()->selectRefs({{nines::ui::ItemKind::Component, c}});
    }
    int status = 0;
    QTimer::singleShot(300, &window, [&] {
        window.view()->fitAll();
        QApplication::processEvents();
        if (!window.grab().save(args.at(1))) {
            std::fprintf(stderr, "nines-screenshot: cannot write %s\n", qPrintable(args.at(1)));
            status = 1;
        }
        QApplication::quit();
    });
    app.exec();
    return status;
}
