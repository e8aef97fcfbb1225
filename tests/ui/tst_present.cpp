// The presenter, which the command line and the window share: one rule for decimals, nines from
// the unavailability (never 1 - A), numbers with separators, tables as text with numbers to the
// right, and the JSON of an evaluation.
#include "test_util.h"
#include "model/io/model_file.h"
#include "sim/study/evaluation.h"
#include "ui/present/field_words.h"
#include "ui/present/number_format.h"
#include "ui/present/result_tables.h"
#include "ui/present/results_json.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace nines;
using present::Figure;

class TestPresent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The report spoke in field paths ("components[lb]: its repair crew...", "failure_modes[process].failure").
    void pathsAreWrittenInWords()
    {
        QCOMPARE(present::fieldInWords("failure_modes[crash].repair"), QStringLiteral("\u201ccrash\u201d failures: repair time"));
        QCOMPARE(present::fieldInWords("failure_modes[disk].detection_seconds"),
                 QStringLiteral("\u201cdisk\u201d failures: noticed after"));
        QCOMPARE(present::fieldInWords("outage.failure"), QStringLiteral("time between outages"));
        QCOMPARE(present::fieldInWords("outage.repair"), QStringLiteral("outage length"));
        QCOMPARE(present::fieldInWords("cost.purchase_per_instance"), QStringLiteral("purchase per instance"));
        QCOMPARE(present::fieldInWords("standby.failover_seconds"), QStringLiteral("failover time"));
        QCOMPARE(present::fieldInWords("capacity_rps"), QStringLiteral("capacity per instance"));
        QCOMPARE(present::fieldInWords("some_new_field"), QStringLiteral("some new field"));

        const auto m = io::loadModelFile(test::example("three-tier-web.nines.json")).model;
        QVERIFY(m);
        const QString said = present::withItemNames(*m, QStringLiteral("components[lb]: a standby group; zones[az-a] and components[nobody] too"));
        QVERIFY2(said.startsWith(QStringLiteral("\u201cLoad balancer pair\u201d: a standby group")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("components[lb]")) && !said.contains(QStringLiteral("zones[")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("components[nobody]")), qPrintable(said));  // unknown: kept as written
        // Every row of the assumptions table names its parameter without brackets.
        for (const QStringList& row : present::assumptionsTable(*m).rows)
            QVERIFY2(!row[1].contains(QLatin1Char('[')) && !row[1].contains(QLatin1Char('_')), qPrintable(row[1]));
    }

    void availabilityDecimalsShowTwoDigitsOfU()
    {
        // U = 4.2e-4 (0.042%): five decimals, so that U reads to four digits (trailing zeros trimmed).
        QCOMPARE(present::decimalsOf(Figure::Availability, 4.2e-4), 5);
        QCOMPARE(present::formatAvailability(1 - 4.2e-4, 4.2e-4), std::string("99.958%"));
        QCOMPARE(present::decimalsOf(Figure::Availability, 0.05), 3);        // at least 3
        QCOMPARE(present::decimalsOf(Figure::Availability, 1e-12), 9);       // at most 9
        QCOMPARE(present::decimalsOf(Figure::Availability, 0.0), 4);         // nothing observed
        QCOMPARE(present::decimalsOf(Figure::Minutes), 1);
        QCOMPARE(present::decimalsOf(Figure::Probability), 3);
    }

    void ninesComeFromTheUnavailability()
    {
        // 1 - (1 - 1e-12) loses digits in double precision; the nines must not.
        QCOMPARE(present::formatNines(1e-12), std::string("12"));
        QCOMPARE(present::formatNines(2e-4), std::string("3.7"));
        QCOMPARE(present::formatNines(0.0), std::string("no outage observed"));
    }

    void numbers()
    {
        QCOMPARE(present::formatFixed(1234567.891, 2), std::string("1,234,567.89"));
        QCOMPARE(present::formatFixed(-1500, 0), std::string("-1,500"));
        QCOMPARE(present::formatFixed(2.50, 2), std::string("2.5"));
        QCOMPARE(present::formatFixed(std::nan(""), 2), std::string("n/a"));
        QCOMPARE(present::formatPoints(0.000123, 4), std::string("+0.0123"));
        QCOMPARE(present::formatMoney(12000, "USD"), std::string("12,000 USD"));
        QCOMPARE(present::formatHours(0.5), std::string("30 min"));
        QCOMPARE(present::plural(1, "replication", "replications"), std::string("1 replication"));
        QCOMPARE(present::plural(3, "replication", "replications"), std::string("3 replications"));
    }

    void tablesAsTextAlignNumbersRight()
    {
        present::Table t{QStringLiteral("x"), QStringLiteral("Title"), {QStringLiteral("name"), QStringLiteral("value")},
                         {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("bb"), QStringLiteral("1,000")}},
                         QStringLiteral("A note.")};
        const std::string text = present::textOf(t);
        QCOMPARE(text, std::string("Title\n"
                                   "  name  value\n"
                                   "  ----  -----\n"
                                   "  a         1\n"
                                   "  bb    1,000\n"
                                   "  A note.\n\n"));
        t.rows.clear();
        QVERIFY(present::textOf(t).empty());
    }

    void evaluationJsonCarriesExactAndAssumptions()
    {
        const io::LoadResult loaded = io::loadModelFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/single-server.nines.json"));
        QVERIFY(loaded.ok());
        const auto& m = loaded.model;
        sim::RunSettings s = study::runSettingsOf(*m);
        s.replications = 32;
        s.threads = 1;
        const study::Evaluation a = study::evaluate(*m, {}, s);
        const QJsonObject json = present::evaluationToJson(a);
        QVERIFY(json.value(QStringLiteral("exact")).toObject().value(QStringLiteral("applicable")).toBool());
        QVERIFY(json.value(QStringLiteral("assumptions")).toArray().size() >= 2);
        QVERIFY(!json.contains(QStringLiteral("comparison")));
        // The report's tables hold the same figures the JSON does, written by the one rule.
        const auto tables = present::reportTables(a);
        QCOMPARE(tables.front().id, QStringLiteral("headline"));
        const double u = a.simulation.unavailability.mean;
        QCOMPARE(tables.front().rows.front().at(1), present::availabilityText(a.simulation.availability.mean, u));
    }
};

QTEST_GUILESS_MAIN(TestPresent)
#include "tst_present.moc"
