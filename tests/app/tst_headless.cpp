// The headless commands run from their own target (nines_cli, Qt Core only): a program linked
// from it alone checks and simulates a model, and has no `report` (which draws). CMake checks
// beside this test (headless_links_no_widgets) that this program loads no Qt Widgets or Gui.
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "test_util.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <iostream>
#include <sstream>

namespace {

struct Captured {
    int code = -1;
    std::string out;
};

/// Runs `nines ARGS` in this process with the headless commands, capturing standard output.
Captured run(const QStringList& args)
{
    std::ostringstream buffer;
    std::streambuf* old = std::cout.rdbuf(buffer.rdbuf());
    const int code = nines::app::runCli(QStringList{QStringLiteral("nines")} + args, nines::app::headlessCommands());
    std::cout.rdbuf(old);
    return {code, buffer.str()};
}

using nines::test::example;

}  // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksAndSimulatesWithoutWidgets()
    {
        QCOMPARE(run({QStringLiteral("check"), example("three-tier-web.nines.json")}).code, int(nines::app::ExitOk));
        const Captured r = run({QStringLiteral("simulate"), example("single-server.nines.json"), QStringLiteral("--json"),
                                QStringLiteral("--replications"), QStringLiteral("50")});
        QCOMPARE(r.code, int(nines::app::ExitOk));
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
        QVERIFY(o.value(QStringLiteral("availability")).toObject().contains(QStringLiteral("mean")));
    }

    void hasNoReport()
    {
        for (const auto& c : nines::app::headlessCommands())
            QVERIFY(QLatin1String(c.name) != QLatin1String("report"));
        QCOMPARE(run({QStringLiteral("report"), example("single-server.nines.json"), QStringLiteral("-o"),
                      QStringLiteral("/tmp/x.pdf")})
                     .code,
                 int(nines::app::ExitInvalid));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
