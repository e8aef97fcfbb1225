// A real editor session for tst_crash_recovery to kill with SIGKILL: a window on a large model
// (so that a save takes a while) that edits and autosaves in a loop, printing "saved N" after
// each autosave, until it is killed. Usage: autosave_victim RECOVERY_DIR
#include "generated_model.h"
#include "ui/document/document.h"
#include "ui/editor/diagram_scene.h"
#include "ui/window/main_window.h"

#include "model/io/json_writer.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: autosave_victim RECOVERY_DIR\n");
        return 2;
    }
    nines::ui::MainWindow w({QString::fromLocal8Bit(argv[1]), 3600 * 1000});
    w.showError = [](const QString&, const QString& m) { std::fprintf(stderr, "%s\n", qPrintable(m)); };
    w.document()->reset(nines::test::generatedTopology(3000, 4000), QString(), {});
    int saved = 0;
    QTimer edits;
    QObject::connect(&edits, &QTimer::timeout, [&] {
        w.scene()->createFromPalette(QStringLiteral("cache"), {100.0 + saved, 100.0});
        w.autosaveNow();
        std::printf("saved %d %zu\n", ++saved, w.document()->model().components.size());
        std::fflush(stdout);
    });
    edits.start(0);
    return app.exec();
}
