// `nines compare`, `nines sweep` and `nines improve` as a user meets them: exit codes for good and
// bad input, the JSON fields scripts rely on, and the text tables.
#include "test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

namespace {

using nines::test::runNines;
using Run = nines::test::NinesRun;

using nines::test::example;

QStringList quick()
{
    return {QStringLiteral("--replications"), QStringLiteral("60"), QStringLiteral("--seed"), QStringLiteral("5")};
}

QJsonObject jsonOf(const Run& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

}  // namespace

class TestCliStudies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compareJson()
    {
        const Run r = runNines(QStringList{QStringLiteral("compare"), example("three-tier-web.nines.json"), QStringLiteral("--json")}
                               + quick());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o[QStringLiteral("replications")].toInt(), 60);
        QCOMPARE(o[QStringLiteral("seed")].toInt(), 5);
        QCOMPARE(o[QStringLiteral("partial")].toBool(), false);
        const QJsonArray runs = o[QStringLiteral("scenarios")].toArray();
        QCOMPARE(runs.size(), 5);  // the base and four scenarios
        QVERIFY(runs.first().toObject()[QStringLiteral("scenario")].isNull());
        for (const QJsonValue& v : runs) {
            const QJsonObject s = v.toObject();
            for (const char* key : {"name", "availability", "nines", "downtime_minutes_per_year", "sla_miss_probability",
                                    "meets_sla", "cost", "cost_per_extra_nine", "difference_from_base", "on_frontier",
                                    "cheapest_meeting_sla", "cost_of_ownership", "payback_months", "sla_credits_per_year"})
                QVERIFY2(s.contains(QLatin1String(key)), key);
            // Cost of ownership from the design's own figures: capex + (yearly + downtime cost +
            // credits) x years; the credits' interval holds its mean.
            const QJsonObject cost = s[QStringLiteral("cost")].toObject();
            const double tco = cost[QStringLiteral("capex")].toDouble()
                               + (cost[QStringLiteral("yearly")].toDouble() + cost[QStringLiteral("downtime_cost_per_year")].toDouble()
                                  + cost[QStringLiteral("sla_credits_per_year")].toDouble())
                                     * cost[QStringLiteral("horizon_years")].toDouble();
            QVERIFY(std::abs(s[QStringLiteral("cost_of_ownership")].toDouble() - tco) < 1e-6 * tco);
            const QJsonObject credits = s[QStringLiteral("sla_credits_per_year")].toObject();
            QVERIFY(credits[QStringLiteral("ci95_low")].toDouble() <= credits[QStringLiteral("mean")].toDouble());
            QVERIFY(credits[QStringLiteral("mean")].toDouble() <= credits[QStringLiteral("ci95_high")].toDouble());
            QVERIFY(credits[QStringLiteral("ci95_low")].toDouble() >= 0);
            const QJsonValue payback = s[QStringLiteral("payback_months")];
            QVERIFY(payback.isNull() || payback.toDouble() >= 0);
            const QJsonObject d = s[QStringLiteral("difference_from_base")].toObject();
            QVERIFY(d[QStringLiteral("ci95_low")].toDouble() <= d[QStringLiteral("mean")].toDouble());
            QVERIFY(d[QStringLiteral("mean")].toDouble() <= d[QStringLiteral("ci95_high")].toDouble());
        }
        // The base's difference from itself is exactly zero.
        QCOMPARE(runs.first().toObject()[QStringLiteral("difference_from_base")].toObject()[QStringLiteral("mean")].toDouble(), 0.0);
    }

    void compareText()
    {
        const Run r = runNines(QStringList{QStringLiteral("compare"), example("three-zone-quorum.nines.json")} + quick());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("Scenario comparison")));
        QVERIFY(r.outText().contains(QStringLiteral("Scenario comparison: cost and capacity")));
        QVERIFY(r.outText().contains(QStringLiteral("(the base)")));
    }

    void compareRefusesWhatItCannotCompare()
    {
        const Run none = runNines(QStringList{QStringLiteral("compare"), example("single-server.nines.json")} + quick());
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QStringLiteral("no scenarios")));
        // Two estimates at once is a contradiction, not a choice.
        const Run both = runNines(QStringList{QStringLiteral("compare"), example("three-tier-web.nines.json"),
                                              QStringLiteral("--steady-state"), QStringLiteral("--from-new")}
                                  + quick());
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains(QStringLiteral("--from-new")));
        QCOMPARE(runNines({QStringLiteral("compare"), QStringLiteral("/nonexistent.nines.json")}).exitCode, 1);
    }

    void sweepJson()
    {
        const Run r = runNines(QStringList{QStringLiteral("sweep"), example("three-tier-web.nines.json"), QStringLiteral("--set"),
                                           QStringLiteral("components[app].instances=3..5"), QStringLiteral("--json")}
                               + quick());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o[QStringLiteral("axes")].toArray().first().toObject()[QStringLiteral("path")].toString(),
                 QStringLiteral("components[app].instances"));
        const QJsonArray points = o[QStringLiteral("points")].toArray();
        QCOMPARE(points.size(), 3);
        double lastCapex = 0;
        for (const QJsonValue& v : points) {
            const QJsonObject p = v.toObject();
            QVERIFY(p[QStringLiteral("valid")].toBool());
            for (const char* key : {"availability", "nines", "downtime_minutes_per_year", "meets_sla", "cost", "exact_availability"})
                QVERIFY2(p.contains(QLatin1String(key)), key);
            const double capex = p[QStringLiteral("cost")].toObject()[QStringLiteral("capex")].toDouble();
            QVERIFY(capex > lastCapex);  // one more server each step
            lastCapex = capex;
        }
        QVERIFY(o.contains(QStringLiteral("first_meeting_sla")));
    }

    void sweepExitCodes()
    {
        const QString f = example("three-tier-web.nines.json");
        // Not a range, a run setting, no --set at all, three axes.
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--set"), QStringLiteral("components[app].instances=three")},
              QStringList{QStringLiteral("--set"), QStringLiteral("settings.seed=1..3")}, QStringList{},
              QStringList{QStringLiteral("--set"), QStringLiteral("components[app].instances=1..2"), QStringLiteral("--set"),
                          QStringLiteral("components[db].instances=1..2"), QStringLiteral("--set"),
                          QStringLiteral("components[lb].instances=1..2")}}) {
            const Run r = runNines(QStringList{QStringLiteral("sweep"), f} + bad + quick());
            QVERIFY2(r.exitCode == 2, qPrintable(bad.join(QLatin1Char(' '))));
        }
        // A path that names nothing: every point invalid, said on stderr.
        const Run r = runNines(QStringList{QStringLiteral("sweep"), f, QStringLiteral("--set"),
                                           QStringLiteral("components[nope].instances=1..2")}
                               + quick());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no point gives a valid model")));
    }

    void improveJsonAndText()
    {
        const Run r = runNines(QStringList{QStringLiteral("improve"), example("single-server.nines.json"), QStringLiteral("--json"),
                                           QStringLiteral("--confirm"), QStringLiteral("1")}
                               + quick());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o[QStringLiteral("estimates")].toString(), QStringLiteral("exact"));
        const QJsonArray ranked = o[QStringLiteral("improvements")].toArray();
        QVERIFY(ranked.size() >= 2);
        int confirmed = 0;
        for (const QJsonValue& v : ranked) {
            const QJsonObject i = v.toObject();
            for (const char* key : {"kind", "component", "description", "estimated_gain", "estimate", "nines_gained",
                                    "extra_capex", "extra_yearly", "confirmed_gain"})
                QVERIFY2(i.contains(QLatin1String(key)), key);
            confirmed += i[QStringLiteral("confirmed_gain")].isObject() ? 1 : 0;
        }
        QCOMPARE(confirmed, 1);  // --confirm 1
        QCOMPARE(ranked.first().toObject()[QStringLiteral("kind")].toString(), QStringLiteral("add_replica"));
        const Run t = runNines(QStringList{QStringLiteral("improve"), example("single-server.nines.json")} + quick());
        QCOMPARE(t.exitCode, 0);
        QVERIFY(t.outText().contains(QStringLiteral("What to improve next")));
        QVERIFY(t.outText().contains(QStringLiteral("add a replica of")));
        QCOMPARE(runNines(QStringList{QStringLiteral("improve"), example("single-server.nines.json"), QStringLiteral("--confirm"),
                                      QStringLiteral("-1")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliStudies)
#include "tst_cli_studies.moc"
