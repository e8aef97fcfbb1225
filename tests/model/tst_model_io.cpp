// Reading and writing model files: what is written reads back as the same model.
#include "model/io/json_reader.h"
#include "model/io/json_writer.h"
#include "model/io/model_file.h"
#include "test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace nines;
using namespace nines::model;

namespace {

/// A model that sets every field of the format to something other than its default.
Model everyField()
{
    Model m;
    m.name = "Every field";
    m.description = "A model with every field set, to prove the format loses nothing.";
    m.settings = {4380.0, EstimateStart::New, 321, 0.02, 45, 30.0, 987654321, 99.95, 75.0, true, 120.5, 5.0,
                  {{99.95, 10}, {99.0, 25}, {95.0, 100}}, 4200.0, "EUR"};
    m.regions = {{"eu", "Europe", Outage{Distribution::exponential(87600), Distribution::lognormal(6, 1.2)}, Point{1, 2}}};
    m.zones = {{"eu-a", "Zone A", std::string("eu"), Outage{Distribution::weibull(0.8, 40000), Distribution::uniform(1, 5)},
                Point{3, 4}},
               {"eu-b", "Zone B", std::string("eu"), std::nullopt, std::nullopt}};
    m.hubs = {{"internet", "The internet", Point{-100, 0}}};
    m.links = {{"a-b", "A to B", "eu-a", "eu-b", Outage{Distribution::exponential(2000), Distribution::deterministic(0.5)}},
               {"net-a", "", "internet", "eu-a", std::nullopt}};
    m.repair_crews = {{"ops", "Operations", 2, FixedCost{0, 180000}}};
    m.regions[0].cost = {0, 1200};
    m.zones[0].cost = {5000, 2400.5};
    m.links[0].cost = {300, 0};
    Component entry;
    entry.id = "users";
    entry.name = "Users";
    entry.kind = ComponentKind::Entry;
    entry.traffic_share = 1.0;
    entry.entry_node = "internet";
    entry.dependency_mode = DependencyMode::Any;
    entry.position = Point{0, 0};
    Component db;
    db.id = "db";
    db.name = "Database";
    db.kind = ComponentKind::Database;
    db.description = "Primary with warm standby";
    db.instances = 3;
    db.required = 1;
    db.redundancy = RedundancyMode::Standby;
    db.standby = {StandbyKind::Warm, 0.0, 0.97};  // the time as a distribution (below), not the shorthand
    db.standby.failover = FailoverTime{DistributionType::Lognormal, 0, 45.0, 0.6, 0, 0};
    db.standby.failover_retry_seconds = 300;
    db.failure_modes = {
        {"crash", "Process crash", Distribution::exponential(720), Distribution::deterministic(0.05), 30.0,
         Distribution::exponential(2000)},
        {"disk", "Disk", Distribution::weibull(1.3, 50000), Distribution::empirical({1, 2.5, 8}), 0.0,
         Distribution::weibull(1.3, 80000)}};
    db.repair_crew = "ops";
    db.zones = {"eu-a", "eu-b"};
    db.capacity_rps = 1500.5;
    db.cost = {12000, 3400};
    db.support = SupportContract{"Gold 24x7", 0.25, 900, false};
    db.dependency_mode = DependencyMode::AtLeast;
    db.dependency_min = 1;
    db.data_store = DataStore{Replication::Async, 2.5, Consistency::AP, 350};
    db.position = Point{440, 120.25};
    Component disk;
    disk.id = "storage";
    disk.kind = ComponentKind::Storage;
    m.components = {entry, db, disk};
    m.dependencies = {{"", "users", "db", 2.5, DependencyType::Sync, {}, {}},
                      {"db-log", "db", "storage", 1.0, DependencyType::Async, 50000.0, 120.0}};
    m.shared_fate = {{"release", "Bad release", {"db", "storage"},
                      Outage{Distribution::exponential(4380), Distribution::lognormal(1.5, 0.8)}}};
    m.load = Load{1200, std::vector<double>(24, 0.5), 35};
    m.load->daily_profile[12] = 1.0;
    m.scenarios = {{"bigger", "Bigger", "One more replica", std::nullopt,
                    {{OperationType::Set, "components[db].instances", "4"},
                     {OperationType::Add, "zones", R"({"id":"eu-c","region":"eu"})"}}},
                   {"smaller", "", "", std::string("bigger"), {{OperationType::Remove, "links[net-a]", ""}}}};
    return m;
}

}  // namespace

class TestModelIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldRoundTrips()
    {
        const Model m = everyField();
        const QByteArray bytes = io::modelToJson(m);
        const io::LoadResult res = io::parseModel(bytes);
        QVERIFY2(res.problems.empty(), res.problems.empty() ? "" : res.problems[0].text().c_str());
        QVERIFY(res.ok());
        QVERIFY2(*res.model == m, bytes.constData());
        QCOMPARE(io::modelToJson(*res.model), bytes);
    }

    void examplesRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = nines::test::exampleFiles();
        for (const QString& f : files)
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
        if (files.size() < 5)
            QTest::newRow("fewer than five examples") << QString();
    }
    void examplesRoundTrip()
    {
        QFETCH(QString, file);
        QVERIFY2(!file.isEmpty(), "the test data is missing");
        const io::LoadResult first = io::loadModelFile(file);
        QVERIFY(first.ok());
        const QByteArray written = io::modelToJson(*first.model);
        const io::LoadResult second = io::parseModel(written);
        QVERIFY(second.ok());
        QVERIFY(*second.model == *first.model);
        QCOMPARE(io::modelToJson(*second.model), written);
        // The written file holds the same JSON as the hand-written one, up to defaults left out.
        const QJsonObject original = QJsonDocument::fromJson(nines::test::readAll(file)).object();
        const QJsonObject rewritten = QJsonDocument::fromJson(written).object();
        QCOMPARE(rewritten.value(QStringLiteral("name")), original.value(QStringLiteral("name")));
        QCOMPARE(rewritten.value(QStringLiteral("components")).toArray().size(),
                 original.value(QStringLiteral("components")).toArray().size());
    }

    void defaultsAreLeftOut()
    {
        Model m;
        m.name = "tiny";
        Component e;
        e.id = "users";
        e.kind = ComponentKind::Entry;
        e.traffic_share = 1;
        m.components = {e};
        const QJsonObject o = io::writeModel(m);
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("components"), QStringLiteral("format"), QStringLiteral("name")}));
        const QJsonObject c = o.value(QStringLiteral("components")).toArray().at(0).toObject();
        QCOMPARE(c.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("traffic_share")}));
    }

    void distributionsRoundTrip_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 6; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void distributionsRoundTrip()
    {
        QFETCH(int, which);
        const Distribution all[] = {Distribution::exponential(8760), Distribution::weibull(0.7, 1e5),
                                    Distribution::lognormal(4, 1.1),  Distribution::deterministic(0.25),
                                    Distribution::uniform(0, 2),      Distribution::empirical({0.1, 0.2, 3})};
        Problems ps;
        const Distribution back = io::readDistribution(io::writeDistribution(all[which]), "d", ps);
        QVERIFY(ps.empty());
        QVERIFY(back == all[which]);
    }

    void distributionMeans()
    {
        QCOMPARE(Distribution::exponential(10).mean(), 10.0);
        QCOMPARE(Distribution::uniform(2, 4).mean(), 3.0);
        QCOMPARE(Distribution::empirical({1, 2, 6}).mean(), 3.0);
        QVERIFY(qFuzzyCompare(Distribution::weibull(1.0, 7).mean(), 7.0));  // shape 1 is exponential
        QVERIFY(qFuzzyCompare(Distribution::weibull(2.0, 1).mean(), std::sqrt(M_PI) / 2));
    }
};

QTEST_GUILESS_MAIN(TestModelIo)
#include "tst_model_io.moc"
