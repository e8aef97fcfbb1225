// Scenarios: operations applied to the base by path, chains of scenarios, and targets
// that do not exist reported as problems of the scenario.
#include "model/io/json_writer.h"
#include "model/io/model_file.h"
#include "model/io/scenario.h"

#include <QJsonArray>
#include <QTest>

using namespace nines;
using namespace nines::model;

namespace {

Model base()
{
    Model m;
    m.name = "base";
    m.zones = {{"a", "", {}, {}, {}}, {"b", "", {}, {}, {}}};
    Component entry;
    entry.id = "users";
    entry.kind = ComponentKind::Entry;
    entry.traffic_share = 1.0;
    Component app;
    app.id = "app";
    app.instances = 4;
    app.required = 2;
    app.zones = {"a", "b"};
    app.failure_modes = {{"crash", "", Distribution::exponential(1000), Distribution::exponential(2), 0, {}}};
    m.components = {entry, app};
    m.dependencies = {{"", "users", "app", 1.0, DependencyType::Sync, {}, {}}};
    m.load = Load{100, std::vector<double>(24, 0.5), 10};
    return m;
}

Scenario scenario(std::string id, std::vector<Operation> ops, std::optional<std::string> basedOn = {})
{
    return Scenario{std::move(id), "", "", std::move(basedOn), std::move(ops)};
}

}  // namespace

class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setAddRemove()
    {
        Model m = base();
        m.scenarios = {scenario("s", {{OperationType::Set, "components[app].instances", "6"},
                                      {OperationType::Set, "components[app].failure_modes[crash].repair.mean_hours", "0.5"},
                                      {OperationType::Add, "zones", R"({"id": "c"})"},
                                      {OperationType::Add, "components[app].zones", R"("c")"},
                                      {OperationType::Set, "load.daily_profile[3]", "1"},
                                      {OperationType::Remove, "load.yearly_growth_percent", ""}})};
        Problems ps;
        auto r = io::resolveScenario(m, "s", ps);
        QVERIFY2(r, ps.empty() ? "" : ps[0].text().c_str());
        const Component& app = *r->findComponent("app");
        QCOMPARE(app.instances, 6);
        QCOMPARE(app.failure_modes[0].repair.mean_hours, 0.5);
        QCOMPARE(app.zones, (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(r->zones.size(), size_t(3));
        QCOMPARE(r->load->daily_profile[3], 1.0);
        QCOMPARE(r->load->daily_profile[2], 0.5);
        QCOMPARE(r->load->yearly_growth_percent, 0.0);
        QVERIFY(r->scenarios.empty());
    }

    void removeAnItem()
    {
        Model m = base();
        m.scenarios = {scenario("no-b", {{OperationType::Set, "components[app].zones", R"(["a"])"},
                                         {OperationType::Remove, "zones[b]", ""}})};
        Problems ps;
        auto r = io::resolveScenario(m, "no-b", ps);
        QVERIFY2(r, ps.empty() ? "" : ps[0].text().c_str());
        QCOMPARE(r->zones.size(), size_t(1));
    }

    void baseChangesReachScenariosThatDoNotOverride()
    {
        Model m = base();
        m.scenarios = {scenario("more", {{OperationType::Set, "components[app].instances", "6"}})};
        m.components[1].failure_modes[0].failure.mean_hours = 5000;  // a change to the base
        m.components[1].instances = 5;                                 // overridden by the scenario
        // Through the file, as a user would see it.
        const io::LoadResult loaded = io::parseModel(io::modelToJson(m));
        QVERIFY(loaded.ok());
        Problems ps;
        auto r = io::resolveScenario(*loaded.model, "more", ps);
        QVERIFY(r);
        QCOMPARE(r->findComponent("app")->failure_modes[0].failure.mean_hours, 5000.0);
        QCOMPARE(r->findComponent("app")->instances, 6);
    }

    void chainsApplyTheParentFirst()
    {
        Model m = base();
        m.scenarios = {scenario("parent", {{OperationType::Set, "components[app].instances", "8"}}),
                       scenario("child", {{OperationType::Set, "components[app].required", "5"}}, "parent")};
        Problems ps;
        auto r = io::resolveScenario(m, "child", ps);
        QVERIFY(r);
        QCOMPARE(r->findComponent("app")->instances, 8);
        QCOMPARE(r->findComponent("app")->required, 5);
        // Without its parent, the child's k = 5 > n = 4 would be invalid.
        QVERIFY(io::parseModel(io::modelToJson(m)).ok());
    }

    void missingTargetsAreScenarioProblems_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown id") << int(OperationType::Set) << "components[nope].instances"
                                    << "scenarios[s].operations[0].path: there is no component \"nope\"";
        QTest::newRow("unknown parent") << int(OperationType::Set) << "settingz.seed"
                                        << "scenarios[s]: in the resulting model, settingz: unknown field; did you mean \"settings\"?";
        QTest::newRow("remove missing") << int(OperationType::Remove) << "zones[q]"
                                        << "scenarios[s].operations[0].path: there is no zone \"q\"";
        QTest::newRow("index out of range") << int(OperationType::Set) << "load.daily_profile[24]"
                                            << "scenarios[s].operations[0].path: there is no item 24 in \"load.daily_profile\" (it holds 24)";
        QTest::newRow("typo in field") << int(OperationType::Set) << "components[app].instancez"
                                       << "scenarios[s]: in the resulting model, components[app].instancez: unknown field; did you mean \"instances\"?";
        QTest::newRow("invalid result") << int(OperationType::Set) << "components[app].required"
                                        << "scenarios[s]: in the resulting model, components[app].required: k = 9";
    }
    void missingTargetsAreScenarioProblems()
    {
        QFETCH(int, op);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        Model m = base();
        m.scenarios = {scenario("s", {{OperationType(op), path.toStdString(), op == int(OperationType::Remove) ? "" : "9"}})};
        const io::LoadResult res = io::parseModel(io::modelToJson(m));
        QVERIFY(!res.ok());
        bool found = false;
        QString all;
        for (const auto& p : res.problems) {
            all += QString::fromStdString(p.text()) + QLatin1Char('\n');
            found = found || QString::fromStdString(p.text()).startsWith(expected);
        }
        QVERIFY2(found, qPrintable(all));
        // The base itself stays usable: the problem belongs to the scenario.
        Model noScenarios = m;
        noScenarios.scenarios.clear();
        QVERIFY(io::parseModel(io::modelToJson(noScenarios)).ok());
    }

    void withFieldForSweeps()
    {
        Problems ps;
        auto r = io::withField(base(), "components[app].instances", QJsonValue(7), ps);
        QVERIFY(r);
        QCOMPARE(r->findComponent("app")->instances, 7);
        auto bad = io::withField(base(), "components[app].instances", QJsonValue(0), ps);
        QVERIFY(!bad);
        QVERIFY(!ps.empty());
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
