// The command line's figures against exact answers: wherever the exact solver applies to a
// bundled example, `simulate` (a steady year, the default) covers it; a steady-state sweep over the replicas
// of a component covers the exact availability at every point. Fixed seeds; the tolerance is
// the run's own interval widened from 95% to 99% by the normal ratio (the intervals are
// Student-t with hundreds of degrees of freedom). And the decision spreading a managed database
// over zones is for: the bundled Multi-AZ template in two zones loses at least ten times less
// to zone outages than in one.
#include "test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using nines::test::runNines;
using Run = nines::test::NinesRun;

using nines::test::example;

}  // namespace

class TestCliStatistical : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Wherever the exact solver applies to a bundled example, its value lies inside the
    // simulated 99% interval (widened from the printed 95% one by the t ratio) of the default
    // estimate, a year in steady service.
    void analyzeAgreesWithSimulateOnExamples()
    {
        int compared = 0;
        for (const QString& f : nines::test::exampleFiles()) {
            const Run a = runNines({QStringLiteral("analyze"), f, QStringLiteral("--json")});
            if (a.exitCode == 3)
                continue;
            QCOMPARE(a.exitCode, 0);
            const double exact = QJsonDocument::fromJson(a.out).object()[QStringLiteral("availability")].toDouble();
            const Run s = runNines({QStringLiteral("simulate"), f, QStringLiteral("--json"), QStringLiteral("--replications"),
                                    QStringLiteral("10000"), QStringLiteral("--seed"), QStringLiteral("20261207")});
            QCOMPARE(s.exitCode, 0);
            QCOMPARE(QJsonDocument::fromJson(s.out).object()[QStringLiteral("estimate")].toString(),
                     QStringLiteral("steady_state"));
            const QJsonObject av = QJsonDocument::fromJson(s.out).object()[QStringLiteral("availability")].toObject();
            const double mean = av[QStringLiteral("mean")].toDouble();
            const double half99 = (av[QStringLiteral("ci95_high")].toDouble() - mean) * 2.576 / 1.960;
            QVERIFY2(std::abs(mean - exact) <= half99,
                     qPrintable(QStringLiteral("%1: exact %2, simulated %3 +- %4").arg(f).arg(exact, 0, 'g', 10).arg(mean, 0, 'g', 10).arg(half99)));
            ++compared;
        }
        QVERIFY2(compared >= 1, "no bundled example is within the exact solver's reach");
    }

    void steadyStateSweepCoversTheExactValues()
    {
        const Run r = runNines({QStringLiteral("sweep"), example("single-server.nines.json"), QStringLiteral("--set"),
                                QStringLiteral("components[server].instances=1..3"), QStringLiteral("--steady-state"),
                                QStringLiteral("--replications"), QStringLiteral("4000"), QStringLiteral("--seed"),
                                QStringLiteral("11"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray points = QJsonDocument::fromJson(r.out).object()[QStringLiteral("points")].toArray();
        QCOMPARE(points.size(), 3);
        for (const QJsonValue& v : points) {
            const QJsonObject p = v.toObject();
            QVERIFY(p[QStringLiteral("valid")].toBool());
            const double exact = p[QStringLiteral("exact_availability")].toDouble();
            const QJsonObject av = p[QStringLiteral("availability")].toObject();
            const double mean = av[QStringLiteral("mean")].toDouble();
            const double half99 = (av[QStringLiteral("ci95_high")].toDouble() - mean) * 2.576 / 1.960;
            QVERIFY(exact > 0.99);
            QVERIFY2(std::abs(mean - exact) <= half99,
                     qPrintable(QStringLiteral("instances %1: exact %2, simulated %3 +- %4")
                                    .arg(p[QStringLiteral("values")].toArray().first().toDouble())
                                    .arg(exact, 0, 'g', 10)
                                    .arg(mean, 0, 'g', 10)
                                    .arg(half99)));
        }
    }

    // The catalogue's Multi-AZ database (a hot pair, 120 s failover that succeeds 95% of the
    // time) with the catalogue's availability zones (an outage a year of about 8.6 h). What the
    // zone outages cost is the paired difference from the same design in zones that never fail
    // (common random numbers): in two zones at least ten times less than in one, the whole
    // 95% intervals apart.
    void multiAzPairLosesTenTimesLessToZones()
    {
        const QByteArray model = R"({"format": "nines/1", "name": "Multi-AZ in zones",
 "settings": {"replications": 20000, "seed": 20261207},
 "zones": [{"id": "a"}, {"id": "b"}],
 "components": [{"id": "users", "kind": "entry", "traffic_share": 1},
                {"id": "db", "template": "managed-db-multi-az", "zones": ["a", "b"]}],
 "dependencies": [{"from": "users", "to": "db"}],
 "scenarios": [
   {"id": "two-zones", "name": "Two zones that fail", "operations": [
     {"op": "set", "path": "zones[a].template", "value": "availability-zone"},
     {"op": "set", "path": "zones[b].template", "value": "availability-zone"}]},
   {"id": "one-zone", "name": "One zone that fails", "based_on": "two-zones", "operations": [
     {"op": "set", "path": "components[db].zones", "value": ["a"]}]}]})";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("maz.nines.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(model);
        f.close();
        const Run r = runNines({QStringLiteral("compare"), path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray designs = QJsonDocument::fromJson(r.out).object()[QStringLiteral("scenarios")].toArray();
        QCOMPARE(designs.size(), 3);
        // Minutes a year the zones cost: minus the availability difference from the base.
        auto cost = [&](int i, const char* bound) {
            return -designs[i].toObject()[QStringLiteral("difference_from_base")].toObject()[QLatin1String(bound)].toDouble()
                   * 525600.0;
        };
        const double twoHigh = cost(1, "ci95_low"), oneLow = cost(2, "ci95_high");
        qInfo("zone outages cost two zones %.1f (at most %.1f), one zone %.1f (at least %.1f) minutes a year",
              cost(1, "mean"), twoHigh, cost(2, "mean"), oneLow);
        QVERIFY(cost(1, "ci95_high") > 0);  // two zones do not make zone outages free
        QVERIFY2(oneLow >= 10 * twoHigh, qPrintable(QStringLiteral("one zone %1, two zones %2").arg(oneLow).arg(twoHigh)));
    }

    // The bundled examples make the same point: the three-tier design's "Three zones" scenario
    // gains, and the cloud design's database moved into one zone loses, each by a paired 95%
    // interval that leaves out zero by far.
    void examplesShowWhatZonesBuy()
    {
        auto difference = [](const char* file, const char* scenario) {
            const Run r = runNines({QStringLiteral("compare"), example(file), QStringLiteral("--json"),
                                    QStringLiteral("--replications"), QStringLiteral("2000"), QStringLiteral("--seed"),
                                    QStringLiteral("20261207")});
            QJsonObject found;
            for (const QJsonValue& v : QJsonDocument::fromJson(r.out).object()[QStringLiteral("scenarios")].toArray())
                if (v.toObject()[QStringLiteral("scenario")].toString() == QLatin1String(scenario))
                    found = v.toObject()[QStringLiteral("difference_from_base")].toObject();
            return found;
        };
        const QJsonObject three = difference("three-tier-web.nines.json", "three-zones");
        QVERIFY(!three.isEmpty());
        qInfo("three-tier, three zones: %+.1f min/yr saved (from %+.1f)", three[QStringLiteral("mean")].toDouble() * 525600,
              three[QStringLiteral("ci95_low")].toDouble() * 525600);
        QVERIFY(three[QStringLiteral("ci95_low")].toDouble() * 525600 > 30);
        const QJsonObject cloud = difference("cloud-from-catalogue.nines.json", "db-one-zone");
        QVERIFY(!cloud.isEmpty());
        qInfo("cloud, database in one zone: %+.1f min/yr (to %+.1f)", cloud[QStringLiteral("mean")].toDouble() * 525600,
              cloud[QStringLiteral("ci95_high")].toDouble() * 525600);
        QVERIFY(cloud[QStringLiteral("ci95_high")].toDouble() * 525600 < -300);
    }
};

QTEST_GUILESS_MAIN(TestCliStatistical)
#include "tst_cli_statistical.moc"
