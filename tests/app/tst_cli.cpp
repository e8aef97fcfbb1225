// The `nines` command line as a user meets it: exit codes, stdout and stderr.
#include "test_util.h"

#include <QProcess>
#include <QTest>

namespace {

using nines::test::runNines;
using Run = nines::test::NinesRun;

}  // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion()
    {
        Run r = runNines({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("check FILE...")));
        QVERIFY(r.outText().contains(QStringLiteral("describe FILE")));
        r = runNines({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().startsWith(QStringLiteral("nines ")));
        r = runNines({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("--quiet")));
    }

    void badArguments()
    {
        QCOMPARE(runNines({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runNines({QStringLiteral("check")}).exitCode, 2);
        QCOMPARE(runNines({QStringLiteral("check"), QStringLiteral("--bogus"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(runNines({QStringLiteral("describe")}).exitCode, 2);
    }

    void unreadableFileExitsOne()
    {
        Run r = runNines({QStringLiteral("check"), QStringLiteral("/nonexistent/model.nines.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith(QStringLiteral("/nonexistent/model.nines.json: cannot read the file")));
        QCOMPARE(runNines({QStringLiteral("check"), QStringLiteral("/tmp")}).exitCode, 1);
    }

    void examplesCheckAndDescribe_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : nines::test::exampleFiles())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
        if (nines::test::exampleFiles().isEmpty())
            QTest::newRow("no examples found") << QString();
    }
    void examplesCheckAndDescribe()
    {
        QFETCH(QString, file);
        QVERIFY2(!file.isEmpty(), "the test data is missing");
        Run r = runNines({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QVERIFY(r.outText().startsWith(file + QStringLiteral(": ok (")));
        r = runNines({QStringLiteral("describe"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("Components (")));
        QVERIFY(r.outText().contains(QStringLiteral("Run settings:")));
    }

    void allExamplesAtOnce()
    {
        Run r = runNines(QStringList{QStringLiteral("check"), QStringLiteral("--quiet")} + nines::test::exampleFiles());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outText(), QString());
    }

    void invalidFilesExitTwoWithTheMessage_data()
    {
        nines::test::addInvalidCaseRows();
    }
    void invalidFilesExitTwoWithTheMessage()
    {
        QFETCH(QString, file);
        QVERIFY2(!file.isEmpty(), "the test data is missing");
        QFETCH(QString, expected);
        Run r = runNines({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 2);
        const QString want = file + QStringLiteral(": ") + expected;
        bool found = false;
        for (const QString& line : r.err.split(QLatin1Char('\n')))
            found = found || line.startsWith(want);
        QVERIFY2(found, qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(want, r.err)));
        QVERIFY(r.outText().isEmpty());
    }

    void mixedFilesReportTheWorst()
    {
        const QList<nines::test::InvalidCase> bad = nines::test::invalidCases();
        QVERIFY(!bad.isEmpty());
        const QStringList files{nines::test::exampleFiles().first(), bad.first().file};
        QCOMPARE(runNines(QStringList{QStringLiteral("check")} + files).exitCode, 2);
        QCOMPARE(runNines(QStringList{QStringLiteral("check")} + files + QStringList{QStringLiteral("/nonexistent")}).exitCode,
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
