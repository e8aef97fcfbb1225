// `nines`: the command line when given a command; the editor window otherwise (once built).
#include "commands.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nines"));
    QCoreApplication::setOrganizationName(QStringLiteral("Nines"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NINES_VERSION));
    return nines::app::runCli(QCoreApplication::arguments());
}
