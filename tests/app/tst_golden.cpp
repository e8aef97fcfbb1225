// Pins the JSON of every bundled example: `simulate`, `analyze`, `capacity`, `compare` and the
// report's JSON with a fixed seed and replication count must give the same bytes as the files in
// tests/data/golden (everything outside the "run" object, which holds threads and wall time).
// The goldens were written by this test with NINES_WRITE_GOLDEN=1 before the computation moved
// out of ui/ (issue 17); a change of figures must be deliberate, and its commit says why.
#include "test_util.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using nines::test::runNines;

const QStringList kRun{QStringLiteral("--seed"), QStringLiteral("20261207"), QStringLiteral("--replications"),
                       QStringLiteral("300")};

QString goldenDir()
{
    return nines::test::testDataDir() + QStringLiteral("/golden");
}

/// The JSON with the machine-dependent "run" object left out, in one canonical layout.
QByteArray canonical(const QByteArray& json)
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    o.remove(QStringLiteral("run"));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

}  // namespace

class TestGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("command");
        for (const QString& f : nines::test::exampleFiles()) {
            const QString base = QFileInfo(f).completeBaseName().remove(QStringLiteral(".nines"));
            for (const char* c : {"simulate", "analyze", "capacity", "compare", "report"}) {
                const QByteArray tag = (base + QLatin1Char('.') + QLatin1String(c)).toUtf8();
                QTest::newRow(tag.constData()) << f << QString::fromLatin1(c);
            }
        }
    }

    void examples()
    {
        QFETCH(QString, file);
        QFETCH(QString, command);
        const QString base = QFileInfo(file).completeBaseName().remove(QStringLiteral(".nines"));
        QByteArray out;
        if (command == QLatin1String("report")) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("r.json"));
            const auto r = runNines(QStringList{command, file, QStringLiteral("-o"), path} + kRun);
            QCOMPARE(r.exitCode, 0);
            out = nines::test::readAll(path);
        } else {
            QStringList args{command, file, QStringLiteral("--json")};
            if (command == QLatin1String("simulate") || command == QLatin1String("compare"))
                args += kRun;
            const auto r = runNines(args);
            if (command == QLatin1String("compare") && r.exitCode == 2 && r.err.contains(QLatin1String("no scenarios")))
                QSKIP("no scenarios");
            QVERIFY2(r.exitCode == 0 || r.exitCode == 3, qPrintable(r.err));
            out = r.out;
        }
        QVERIFY(!out.isEmpty());
        const QByteArray got = canonical(out);
        const QString golden = goldenDir() + QLatin1Char('/') + base + QLatin1Char('.') + command + QStringLiteral(".json");
        if (qEnvironmentVariableIsSet("NINES_WRITE_GOLDEN")) {
            QFile f(golden);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(got), got.size());
            QVERIFY(f.flush());
            return;
        }
        const QByteArray want = nines::test::readAll(golden);
        QVERIFY2(!want.isEmpty(), qPrintable(QStringLiteral("no golden file ") + golden));
        if (got != want) {
            const QString path = QDir::temp().filePath(base + QLatin1Char('.') + command + QStringLiteral(".got.json"));
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write(got);
            QFAIL(qPrintable(QStringLiteral("differs from %1 (this run's output: %2)").arg(golden, path)));
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
