// The scenarios dock, driven offscreen: create a scenario, override a field, compare with the
// base from the run panel and read the comparison table; reset an override to the base value,
// rename, reorder, refuse to delete a scenario others build on, undo each step.
#include "test_util.h"
#include "model/io/scenario.h"
#include "ui/document.h"
#include "ui/main_window.h"
#include "ui/results_view.h"
#include "ui/run_panel.h"
#include "ui/scenario_panel.h"

#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace nines;
using namespace nines::ui;

class TestScenarioUi : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NinesTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_scenario_ui"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    void createOverrideCompare()
    {
        MainWindow w({dir_.filePath(QStringLiteral("recovery")), 3600 * 1000});
        w.askToSave = [](const QString&) { return QMessageBox::Discard; };
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/single-server.nines.json")));
        Document* doc = w.document();
        ScenarioPanel* p = w.scenarioPanel();
        QCOMPARE(p->list()->count(), 0);

        // Create a scenario and give the server a second instance.
        const int s = p->createScenario();
        QCOMPARE(s, 0);
        p->selectScenario(s);
        QCOMPARE(p->list()->count(), 1);
        const std::string server = doc->model().components[1].id;
        QCOMPARE(p->setOverride(s, "components[" + server + "].instances", "2"), QString());
        QCOMPARE(p->overrides()->rowCount(), 1);
        QVERIFY(p->overrides()->item(0, 0)->text().contains(QStringLiteral("instances")));
        // A field that does not exist, or a value that makes the scenario invalid, is refused.
        QVERIFY(p->setOverride(s, "components[nope].instances", "2").contains(QStringLiteral("nope")));
        QVERIFY(!p->setOverride(s, "components[" + server + "].required", "5").isEmpty());
        QCOMPARE(doc->model().scenarios[0].operations.size(), size_t(1));
        QVERIFY(p->renameScenario(s, "Two servers"));

        // Compare from the run panel: the dashboard's comparison table has the base and it.
        RunPanel* run = w.runPanel();
        run->replicationsField()->setValue(300);
        Q_EMIT run->replicationsField()->editingFinished();
        QSignalSpy done(run, &RunPanel::finished);
        QVERIFY(run->simulate());
        QVERIFY(done.wait(60000));
        QTableWidget* table = w.resultsView()->table(QStringLiteral("comparison"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(table->item(1, 0)->text().startsWith(QStringLiteral("Two servers")));
        // Two servers are more available than one: the paired difference is above zero.
        const auto& cmp = *run->result()->comparison;
        QVERIFY(cmp.runs[1].difference.low > 0);
        QVERIFY(w.resultsView()->chart(ChartKind::CostAvailability));

        // A scenario based on it; the first cannot be deleted while the second builds on it.
        const int t = p->createScenario(doc->model().scenarios[0].id);
        QCOMPARE(doc->model().scenarios[1].based_on.value_or(""), doc->model().scenarios[0].id);
        QVERIFY(!p->deleteScenario(0).isEmpty());
        QCOMPARE(doc->model().scenarios.size(), size_t(2));
        p->moveScenario(t, -1);
        QCOMPARE(doc->model().scenarios[0].name, std::string("Scenario 2"));
        doc->undoStack()->undo();
        QCOMPARE(doc->model().scenarios[0].name, std::string("Two servers"));

        // Reset the override: the scenario takes the base's value again.
        p->selectScenario(0);
        p->resetOverride(0, 0);
        QCOMPARE(p->overrides()->rowCount(), 0);
        model::Problems ps;
        const auto resolved = io::resolveScenario(doc->model(), doc->model().scenarios[0].id, ps);
        QVERIFY(resolved);
        QCOMPARE(resolved->components[1].instances, doc->model().components[1].instances);
        doc->undoStack()->undo();
        QCOMPARE(p->overrides()->rowCount(), 1);
        QVERIFY(p->deleteScenario(1).isEmpty());
        QVERIFY(p->deleteScenario(0).isEmpty());
        QCOMPARE(p->list()->count(), 0);
    }
};

QTEST_MAIN(TestScenarioUi)
#include "tst_scenario_ui.moc"
