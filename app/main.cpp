// `nines`: the command line when given a command; the editor window otherwise
// (`nines` opens a new model, `nines FILE` opens that file).
#include "app/cli/commands.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace {

/// Every command: the headless ones and `report`.
std::vector<nines::app::Command> commands()
{
    std::vector<nines::app::Command> all = nines::app::headlessCommands();
    all.push_back(nines::app::reportCommand());
    return all;
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("nines"));
    QCoreApplication::setOrganizationName(QStringLiteral("Nines"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NINES_VERSION));
}

// The window is for no arguments, or a single argument naming a model file (an existing file,
// or a *.json path); any other word is a command, and an unknown one is an error.
bool wantsWindow(int argc, char** argv)
{
    if (argc == 1)
        return true;
    if (argc != 2 || argv[1][0] == '-')
        return false;
    const QString arg = QString::fromLocal8Bit(argv[1]);
    return !nines::app::isCommand(arg, commands()) && (QFileInfo(arg).isFile() || arg.endsWith(QLatin1String(".json")));
}

/// A headless report runs where no desktop session set XDG_RUNTIME_DIR (CI, cron, ssh): Qt then
/// picks a directory itself but says so on stderr, which scripts read as an error. Give it a
/// private one (mode 0700, as the spec asks) before Qt looks.
void ensureRuntimeDirectory()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/nines-runtime-" + QByteArray::number(getuid());
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST)
        return;  // Qt's own fallback (and its message) then
    struct stat st {};
    if (::stat(dir.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == getuid() && (st.st_mode & 077) == 0)
        qputenv("XDG_RUNTIME_DIR", dir);
}

}  // namespace

int main(int argc, char** argv)
{
    if (wantsWindow(argc, argv)) {
        QApplication app(argc, argv);
        describeApplication();
        QApplication::setApplicationDisplayName(QStringLiteral("Nines"));
        nines::ui::MainWindow window;
        window.show();
        if (!window.offerRecovery() && argc == 2)
            window.openFile(QString::fromLocal8Bit(argv[1]));
        return app.exec();
    }
    if (argc >= 2 && qstrcmp(argv[1], "report") == 0) {
        // Reports draw charts and the topology with Qt's widgets, which need a GUI application;
        // the offscreen platform needs no display (a report is written headless, e.g. in CI).
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        ensureRuntimeDirectory();
        QApplication app(argc, argv);
        describeApplication();
        return nines::app::runCli(QCoreApplication::arguments(), commands());
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    return nines::app::runCli(QCoreApplication::arguments(), commands());
}
