// Scenarios: operations applied to the base by path, chains of scenarios, and targets
// that do not exist reported as problems of the scenario; and the difference between two
// documents as operations (how edits of a scenario on the canvas are stored).
#include "model/io/json_writer.h"
#include "model/io/model_file.h"
#include "model/io/scenario.h"
#include "model/io/scenario_diff.h"

#include <QDir>
#include <QJsonDocument>

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

    /// Applying diffDocuments(from, to) to `from` gives `to`, for edits of every kind.
    static void checkDiff(const Model& from, const Model& to, size_t maxOps)
    {
        const QJsonObject a = io::writeModel(from, {.keep_templates = false});
        const QJsonObject b = io::writeModel(to, {.keep_templates = false});
        const auto ops = io::diffDocuments(a, b);
        QJsonObject applied = a;
        for (const auto& op : ops) {
            const QJsonValue v = QJsonDocument::fromJson("[" + QByteArray::fromStdString(op.value_json) + "]").array().at(0);
            QCOMPARE(io::applyOperation(applied, op.op, op.path, v), std::string());
        }
        if (applied != b)
            QFAIL(qPrintable(QString::fromUtf8(QJsonDocument(applied).toJson()) + "\n!=\n" + QString::fromUtf8(QJsonDocument(b).toJson())));
        QVERIFY2(ops.size() <= maxOps, qPrintable(QString::number(ops.size())));
    }

    void diffTurnsEditsIntoOperations()
    {
        const Model m = base();
        checkDiff(m, m, 0);
        Model x = m;
        x.components[1].instances = 6;  // one field: one "set"
        checkDiff(m, x, 1);
        auto ops = io::diffDocuments(io::writeModel(m), io::writeModel(x));
        QCOMPARE(ops.size(), size_t(1));
        QCOMPARE(ops[0].path, std::string("components[app].instances"));
        QCOMPARE(ops[0].value_json, std::string("6"));

        x = m;
        x.components[1].failure_modes[0].repair = Distribution::exponential(0.5);  // deep inside a list of a list
        checkDiff(m, x, 1);
        x = m;
        x.components[1].required = 1;  // back to the default: the field is left out, so removed
        checkDiff(m, x, 1);
        QVERIFY(io::diffDocuments(io::writeModel(m), io::writeModel(x))[0].op == OperationType::Remove);

        x = m;  // an item added, another removed
        Component cache = m.components[1];
        cache.id = "cache";
        x.components.push_back(cache);
        x.zones.pop_back();
        x.components[1].zones = {"a"};
        x.components[2].zones = {"a"};
        checkDiff(m, x, 3);

        x = m;  // the order changed: the list is set whole
        std::swap(x.components[0], x.components[1]);
        checkDiff(m, x, 1);

        x = m;  // a dependency without an id, by position
        x.dependencies[0].calls_per_request = 3;
        checkDiff(m, x, 1);
        x.dependencies.push_back({"", "app", "users", 1.0, DependencyType::Async, {}, {}});
        checkDiff(m, x, 1);

        x = m;  // an id that reads as an index must not catch an index selector
        x.dependencies.push_back({"0", "app", "users", 1.0, DependencyType::Async, {}, {}});
        Model y = x;
        y.dependencies[0].calls_per_request = 4;
        checkDiff(x, y, 1);

        x = m;  // the load and its profile
        x.load->peak_rps = 250;
        x.load->daily_profile[3] = 0.9;
        checkDiff(m, x, 2);
    }

    void diffOfEveryExample()
    {
        // Every bundled example against each of its scenarios, both ways.
        const QDir dir(QStringLiteral(NINES_RESOURCES_DIR "/examples"));
        int pairs = 0;
        for (const QString& f : dir.entryList({QStringLiteral("*.nines.json")})) {
            const auto r = io::loadModelFile(dir.filePath(f));
            QVERIFY(r.ok());
            Model stripped = *r.model;
            stripped.scenarios.clear();
            for (const auto& sc : r.model->scenarios) {
                Problems ps;
                auto s = io::resolveScenario(*r.model, sc.id, ps);
                QVERIFY2(s, qPrintable(f));
                s->scenarios.clear();
                checkDiff(stripped, *s, 100);
                checkDiff(*s, stripped, 100);
                ++pairs;
            }
        }
        QVERIFY(pairs >= 5);
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
