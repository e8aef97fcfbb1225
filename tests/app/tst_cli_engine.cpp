// `nines simulate` and `nines analyze` as a user meets them: JSON fields, reproducibility on
// any number of threads, --slo exit codes, and agreement between the two where both apply.
#include "test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using nines::test::runNines;
using Run = nines::test::NinesRun;

using nines::test::example;

}  // namespace

class TestCliEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulateJsonHasTheDocumentedFields()
    {
        const Run r = runNines({QStringLiteral("simulate"), example("three-tier-web.nines.json"), QStringLiteral("--json"),
                                QStringLiteral("--replications"), QStringLiteral("200")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        for (const char* key : {"availability", "unavailability", "nines", "downtime_minutes_per_year", "outages_per_year",
                                "sla_miss_probability", "components", "run", "capacity", "cap", "queues"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        for (const char* key : {"mean", "ci95_low", "ci95_high"})
            QVERIFY(o[QStringLiteral("availability")].toObject().contains(QLatin1String(key)));
        for (const char* key : {"mean", "p50", "p90", "p99"})
            QVERIFY(o[QStringLiteral("downtime_minutes_per_year")].toObject().contains(QLatin1String(key)));
        for (const char* key : {"seed", "threads", "replications", "events", "events_per_second", "wall_seconds"})
            QVERIFY2(o[QStringLiteral("run")].toObject().contains(QLatin1String(key)), key);
        const QJsonObject a = o[QStringLiteral("availability")].toObject();
        QVERIFY(a[QStringLiteral("ci95_low")].toDouble() <= a[QStringLiteral("mean")].toDouble());
        QVERIFY(a[QStringLiteral("mean")].toDouble() <= a[QStringLiteral("ci95_high")].toDouble());
        QCOMPARE(o[QStringLiteral("run")].toObject()[QStringLiteral("replications")].toInt(), 200);
        QVERIFY(o[QStringLiteral("components")].toArray().size() >= 4);
        const QJsonObject capacity = o[QStringLiteral("capacity")].toObject();
        QVERIFY(capacity[QStringLiteral("simulated")].toBool());
        QVERIFY(capacity[QStringLiteral("performability")].toObject()[QStringLiteral("mean")].toDouble() > 0.99);
        QVERIFY(!capacity[QStringLiteral("tiers")].toArray().isEmpty());
        const QJsonObject db = o[QStringLiteral("cap")].toArray().first().toObject();
        for (const char* key : {"availability_as_cp", "availability_as_ap", "partitioned_hours_per_year",
                                "data_lost_per_year_writes", "rpo_seconds"})
            QVERIFY2(db.contains(QLatin1String(key)), key);
    }

    void sameSeedSameJsonOnOneAndTwoThreads()
    {
        QJsonObject results[2];
        for (int t = 0; t < 2; ++t) {
            const Run r = runNines({QStringLiteral("simulate"), example("three-tier-web.nines.json"), QStringLiteral("--json"),
                                    QStringLiteral("--replications"), QStringLiteral("500"), QStringLiteral("--seed"),
                                    QStringLiteral("77"), QStringLiteral("--threads"), QString::number(t + 1)});
            QCOMPARE(r.exitCode, 0);
            results[t] = QJsonDocument::fromJson(r.out).object();
            QCOMPARE(results[t][QStringLiteral("run")].toObject()[QStringLiteral("threads")].toInt(), t + 1);
            results[t].remove(QStringLiteral("run"));
        }
        QCOMPARE(QJsonDocument(results[0]).toJson(), QJsonDocument(results[1]).toJson());
    }

    void sloExitCodes()
    {
        const QString f = example("single-server.nines.json");
        QCOMPARE(runNines({QStringLiteral("simulate"), f, QStringLiteral("--replications"), QStringLiteral("100"),
                           QStringLiteral("--slo"), QStringLiteral("50")})
                     .exitCode,
                 0);
        const Run missed = runNines({QStringLiteral("simulate"), f, QStringLiteral("--replications"), QStringLiteral("100"),
                                     QStringLiteral("--slo"), QStringLiteral("99.9999"), QStringLiteral("--json")});
        QCOMPARE(missed.exitCode, 4);
        const QJsonObject slo = QJsonDocument::fromJson(missed.out).object()[QStringLiteral("slo")].toObject();
        QCOMPARE(slo[QStringLiteral("met")].toBool(), false);
        QCOMPARE(slo[QStringLiteral("interval_below")].toBool(), true);
        QCOMPARE(runNines({QStringLiteral("simulate"), f, QStringLiteral("--slo"), QStringLiteral("abc")}).exitCode, 2);
        QCOMPARE(runNines({QStringLiteral("simulate"), f, QStringLiteral("--replications"), QStringLiteral("0")}).exitCode, 2);
    }

    void eventLogOnlyWhenAsked()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("events.csv"));
        const Run r = runNines({QStringLiteral("simulate"), example("three-tier-web.nines.json"), QStringLiteral("--replications"),
                                QStringLiteral("50"), QStringLiteral("--event-log"), log});
        QCOMPARE(r.exitCode, 0);
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("time_hours,event,element,instance,failure_mode,served_share"));
        QVERIFY(lines.size() > 20);
        double last = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].split(',');
            QCOMPARE(cells.size(), 6);
            const double t = cells[0].toDouble();
            QVERIFY(t >= last);
            last = t;
        }
        QVERIFY(lines.join('\n').contains(",failure,app,"));
        // Nothing is written without the option, and an unwritable place is an I/O error.
        QCOMPARE(runNines({QStringLiteral("simulate"), example("single-server.nines.json"), QStringLiteral("--replications"),
                           QStringLiteral("10"), QStringLiteral("--event-log"), QStringLiteral("/nonexistent/dir/e.csv")})
                     .exitCode,
                 1);
    }

    void capacityOnExamples()
    {
        for (const QString& f : nines::test::exampleFiles()) {
            const Run r = runNines({QStringLiteral("capacity"), f, QStringLiteral("--json")});
            QCOMPARE(r.exitCode, 0);  // every bundled example has a load
            const QJsonObject o = QJsonDocument::fromJson(r.out).object();
            QVERIFY(o[QStringLiteral("has_load")].toBool());
            QVERIFY2(!o[QStringLiteral("tiers")].toArray().isEmpty(), qPrintable(f));
            const QJsonObject t = o[QStringLiteral("tiers")].toArray().first().toObject();
            for (const char* key : {"all_up", "n_plus_1", "zone_loss", "utilisation", "queue_meaningful"})
                QVERIFY2(t.contains(QLatin1String(key)), key);
            QCOMPARE(runNines({QStringLiteral("capacity"), f}).exitCode, 0);
        }
    }

    void analyzeSaysWhyItDoesNotApply()
    {
        const Run r = runNines({QStringLiteral("analyze"), example("three-tier-web.nines.json")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("components[")), qPrintable(r.err));
        const Run j = runNines({QStringLiteral("analyze"), example("three-tier-web.nines.json"), QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 3);
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QCOMPARE(o[QStringLiteral("applicable")].toBool(), false);
        QVERIFY(!o[QStringLiteral("reasons")].toArray().isEmpty());
    }

    // A pair that fails together once in billions of hours: nothing is seen in 200 years, so the
    // figures are one-sided bounds, and a precision target cannot be met. Both are said.
    void unseenOutagesGiveBoundsAndWarnings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pair.nines.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "nines/1", "name": "pair", "components": [
            {"id": "users", "kind": "entry", "traffic_share": 1},
            {"id": "app", "kind": "service", "instances": 2, "required": 1, "failure_modes": [{"id": "crash",
             "failure": {"type": "exponential", "mean_hours": 100000}, "repair": {"type": "exponential", "mean_hours": 1}}]}],
            "dependencies": [{"from": "users", "to": "app"}]})");
        f.close();
        const Run r = runNines({QStringLiteral("simulate"), path, QStringLiteral("--json"), QStringLiteral("--precision"),
                                QStringLiteral("0.1"), QStringLiteral("--replications"), QStringLiteral("200")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("stopped_by")].toString(), QStringLiteral("replications"));
        const QJsonObject outages = o[QStringLiteral("outages_per_year")].toObject();
        QCOMPARE(outages[QStringLiteral("observed")].toDouble(), 0.0);
        QCOMPARE(outages[QStringLiteral("ci95_low")].toDouble(), 0.0);
        QVERIFY(std::abs(outages[QStringLiteral("ci95_high")].toDouble() - 2.9957 / 200) < 1e-4);
        const QJsonObject nines = o[QStringLiteral("nines")].toObject();
        QVERIFY(nines[QStringLiteral("mean")].isNull());
        QVERIFY(nines[QStringLiteral("ci95_low")].toDouble() > 1.8);  // at least -log10(0.0149)
        const QJsonArray warnings = o[QStringLiteral("warnings")].toArray();
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings[0].toString().contains(QStringLiteral("No outage was observed in 200 years")),
                 qPrintable(warnings[0].toString()));
        QVERIFY2(warnings[1].toString().contains(QStringLiteral("replication cap")), qPrintable(warnings[1].toString()));
        // The text output says it too, and writes the bounds as bounds.
        const Run t = runNines({QStringLiteral("simulate"), path, QStringLiteral("--replications"), QStringLiteral("200")});
        QVERIFY2(t.out.contains("No outage was observed"), t.out.constData());
        QVERIFY2(t.out.contains("< 0.02 (none seen)"), t.out.constData());
        // --min-outages takes a whole number of outages.
        QCOMPARE(runNines({QStringLiteral("simulate"), path, QStringLiteral("--min-outages"), QStringLiteral("-1")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliEngine)
#include "tst_cli_engine.moc"
