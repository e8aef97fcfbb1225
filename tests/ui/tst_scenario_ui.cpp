// The scenarios dock, driven offscreen: create a scenario, override a field, compare with the
// base from the run panel and read the comparison table; reset an override to the base value,
// rename, reorder, refuse to delete a scenario others build on, undo each step. And a scenario
// edited on the canvas and in the inspector: edits become its overrides, marked where they show,
// reset to the base value, undone on the scenario they were made on.
#include "test_util.h"
#include "model/io/scenario.h"
#include "ui/scenarios/compare_view.h"
#include "ui/editor/canvas_items.h"
#include <qcustomplot.h>
#include "ui/editor/diagram_scene.h"
#include "ui/document/document.h"
#include "ui/editor/edit_target_bar.h"
#include "ui/scenarios/what_if_charts.h"
#include "ui/document/edits.h"
#include "ui/editor/inspector.h"
#include "ui/editor/item_form.h"
#include "model/io/model_file.h"
#include "ui/window/main_window.h"
#include "ui/results/results_view.h"
#include "ui/results/run_panel.h"
#include "ui/editor/scenario_panel.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

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

    // Each scenario's intervals are drawn on its own row. A QCPGraph sorts its points by key (here
    // the difference) while the error bars follow the order they were added in: scenarios listed
    // out of the order of their differences got each other's intervals (issue 19). The chart is
    // read back point by point and compared with the comparison it was drawn from; the same for a
    // sweep whose values are not ascending.
    void chartIntervalsStayOnTheirRows()
    {
        study::Comparison c;
        c.runs.resize(4);
        c.runs[0].name = "Base";
        const double mean[] = {0, 0.00343, 0.0, -0.0012};
        const double low[] = {0, 0.00089, -0.0025, -0.0020};
        const double high[] = {0, 0.00597, 0.0025, -0.0004};
        const double separate[] = {0, 0.004, 0.0031, 0.0009};
        const char* names[] = {"Base", "Three zones", "Sixth application server", "Cheaper disks"};
        for (int i = 1; i < 4; ++i) {
            c.runs[i].name = names[i];
            c.runs[i].difference = {mean[i], low[i], high[i]};
            c.runs[i].independent_half_width = separate[i];
        }
        QCustomPlot plot;
        QVERIFY(drawDifferences(&plot, c));
        auto* ticker = dynamic_cast<QCPAxisTickerText*>(plot.yAxis->ticker().data());
        QVERIFY(ticker);
        int checked = 0;
        for (int p = 0; p < plot.plottableCount(); ++p) {
            auto* bars = qobject_cast<QCPErrorBars*>(plot.plottable(p));
            if (!bars)
                continue;
            auto* graph = qobject_cast<QCPGraph*>(bars->dataPlottable());
            QVERIFY(graph);
            const bool paired = graph->name().startsWith(QLatin1String("paired"));
            QCOMPARE(graph->data()->size(), 3);
            QCOMPARE(bars->dataCount(), 3);
            for (int k = 0; k < graph->data()->size(); ++k) {
                const double d = graph->data()->at(k)->key;
                const double row = graph->data()->at(k)->value;
                // The row's label: the tick nearest to the point.
                QString label;
                double nearest = 1e9;
                for (auto it = ticker->ticks().cbegin(); it != ticker->ticks().cend(); ++it)
                    if (std::abs(it.key() - row) < nearest) {
                        nearest = std::abs(it.key() - row);
                        label = it.value();
                    }
                int i = 1;
                while (i < 4 && label != QLatin1String(names[i]))
                    ++i;
                QVERIFY2(i < 4, qPrintable(label));
                QCOMPARE(d, 100 * mean[i]);
                const QCPErrorBarsData e = bars->data()->at(k);
                const double below = paired ? 100 * (mean[i] - low[i]) : 100 * separate[i];
                const double above = paired ? 100 * (high[i] - mean[i]) : 100 * separate[i];
                QVERIFY2(std::abs(e.errorMinus - below) < 1e-12 && std::abs(e.errorPlus - above) < 1e-12,
                         qPrintable(QStringLiteral("%1 on the row of %2: -%3 +%4, expected -%5 +%6")
                                        .arg(paired ? "paired" : "separate", label)
                                        .arg(e.errorMinus).arg(e.errorPlus).arg(below).arg(above)));
                ++checked;
            }
        }
        QCOMPARE(checked, 6);

        study::Sweep sw;
        sw.axes = {{"components[app].instances", {3, 1, 2}}};
        sw.settings.sla_availability = 0.99;
        for (double v : {3.0, 1.0, 2.0}) {
            study::SweepPoint pt;
            pt.values = {v};
            pt.valid = true;
            pt.run.availability = {0.99 + v / 1000, 0.99 + v / 1000 - v / 10000, 0.99 + v / 1000 + v / 20000};
            sw.points.push_back(pt);
        }
        QCustomPlot sweepPlot;
        QVERIFY(drawSweep(&sweepPlot, sw));
        checked = 0;
        for (int p = 0; p < sweepPlot.plottableCount(); ++p) {
            auto* bars = qobject_cast<QCPErrorBars*>(sweepPlot.plottable(p));
            if (!bars)
                continue;
            auto* graph = qobject_cast<QCPGraph*>(bars->dataPlottable());
            for (int k = 0; k < graph->data()->size(); ++k) {
                const double v = graph->data()->at(k)->key;
                const QCPErrorBarsData e = bars->data()->at(k);
                QVERIFY2(std::abs(e.errorMinus - 100 * v / 10000) < 1e-9 && std::abs(e.errorPlus - 100 * v / 20000) < 1e-9,
                         qPrintable(QStringLiteral("the interval at %1 is -%2 +%3").arg(v).arg(e.errorMinus).arg(e.errorPlus)));
                ++checked;
            }
        }
        QCOMPARE(checked, 3);
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
        // The Compare tab shows the same comparison, with each scenario's paired difference.
        CompareView* cv = w.compareView();
        QVERIFY(cv->comparisonTable());
        QCOMPARE(cv->comparisonTable()->rowCount(), 2);
        QCOMPARE(cv->comparisonTable()->item(1, 0)->text(), table->item(1, 0)->text());
        QVERIFY(cv->differencePlot()->graphCount() >= 2);
        QCOMPARE(cv->differencePlot()->graph(0)->dataCount(), 1);

        // A sweep from the Compare tab: one point per value, the SLA finding, the chart drawn.
        QSignalSpy swept(cv, &CompareView::sweepFinished);
        QVERIFY(!cv->startSweep(QStringLiteral("components[app].instances=three")).isEmpty());  // not a range
        QCOMPARE(cv->startSweep(QStringLiteral("components[nope].instances=1..3")), QString());
        QVERIFY(swept.wait(60000));
        QVERIFY(std::none_of(cv->sweep()->points.begin(), cv->sweep()->points.end(), [](const study::SweepPoint& p) { return p.valid; }));
        QVERIFY(cv->sweepFinding()->text().contains(QStringLiteral("No point")));
        QCOMPARE(cv->startSweep(QString::fromStdString("components[" + server + "].instances=1..3")), QString());
        QVERIFY(swept.wait(60000));
        QCOMPARE(cv->sweep()->points.size(), size_t(3));
        QVERIFY(cv->sweep()->points[2].run.availability.mean > cv->sweep()->points[0].run.availability.mean);
        QVERIFY(!cv->sweepFinding()->text().isEmpty());
        QVERIFY(cv->sweepPlot()->graphCount() >= 1);
        // Two fields: a heat map.
        QCOMPARE(cv->startSweep(QString::fromStdString("components[" + server + "].instances=1..2"),
                                QString::fromStdString("components[" + server + "].required=1..2")),
                 QString());
        QVERIFY(swept.wait(60000));
        QCOMPARE(cv->sweep()->points.size(), size_t(4));
        QVERIFY(!cv->sweep()->points[1].valid);  // one instance cannot have two required
        bool heatMap = false;
        for (int i = 0; i < cv->sweepPlot()->plottableCount(); ++i)
            heatMap = heatMap || qobject_cast<QCPColorMap*>(cv->sweepPlot()->plottable(i));
        QVERIFY(heatMap);

        // A cancelled two-field sweep holds fewer points than cells: the heat map leaves them empty.
        study::Sweep part = *cv->sweep();
        part.points.resize(1);
        part.points[0].valid = true;
        part.cancelled = true;
        QVERIFY(drawSweep(cv->sweepPlot(), part));

        // What to improve next: a ranked table, the best confirmed by simulation.
        QSignalSpy ranked(cv, &CompareView::improveFinished);
        QCOMPARE(cv->startImprove(), QString());
        QVERIFY(ranked.wait(60000));
        QVERIFY(!cv->plan()->ranked.empty());
        QCOMPARE(cv->improveTable()->rowCount(), int(cv->plan()->ranked.size()));
        QVERIFY(cv->plan()->ranked.front().confirmed_gain);

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

    void editScenarioOnCanvas()
    {
        MainWindow w({dir_.filePath(QStringLiteral("recovery")), 3600 * 1000});
        w.askToSave = [](const QString&) { return QMessageBox::Discard; };
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/three-tier-web.nines.json")));
        Document* doc = w.document();
        // An override typed with an index instead of an id marks the same field.
        QCOMPARE(w.scenarioPanel()->setOverride(0, "components[1].name", "\"Front door\""), QString());
        const model::Model base = doc->fileModel();
        QVERIFY(!base.scenarios.empty());
        const std::string sid = base.scenarios[0].id;
        const size_t opsBefore = base.scenarios[0].operations.size();
        auto* bar = w.findChild<EditTargetBar*>();
        QVERIFY(bar && bar->isVisible());

        // Edit the first scenario: the canvas shows its model, the strip says so.
        QCOMPARE(w.scenarioPanel()->editScenario(0), QString());
        QCOMPARE(doc->editTarget(), sid);
        model::Problems ps;
        const auto resolved = io::resolveScenario(base, sid, ps);
        QVERIFY(resolved);
        QCOMPARE(doc->model().components, resolved->components);
        QVERIFY(bar->text()->text().contains(QString::fromStdString(base.scenarios[0].name)));
        QVERIFY(w.windowTitle().contains(QStringLiteral("scenario")));
        QVERIFY(doc->overrideOf("components[" + doc->model().components[1].id + "].name").overridden);
        QVERIFY(!doc->operationsAt("components[" + doc->model().components[1].id + "].name").empty());
        // Opening the scenario changes nothing: its operations stay as they were.
        QCOMPARE(doc->fileModel().scenarios[0].operations.size(), opsBefore);

        // A component the scenario does not touch: change its instances in the inspector.
        int ci = -1;
        for (size_t i = 0; i < doc->model().components.size(); ++i)
            if (!doc->overrideOf("components[" + doc->model().components[i].id + "]").overridden
                && doc->model().components[i].kind != model::ComponentKind::Entry)
                ci = int(i);
        QVERIFY(ci >= 0);
        const std::string cid = doc->model().components[size_t(ci)].id;
        const int n = doc->model().components[size_t(ci)].instances;
        w.scene()->clearSelection();
        w.scene()->selectRefs({{ItemKind::Component, ci}});
        ItemForm* form = w.inspector()->currentForm();
        QVERIFY(form);
        QVERIFY(!form->fieldOverridden("instances"));
        QVERIFY(editItems(doc, {{ItemKind::Component, ci}}, [&](Item& x) { std::get<model::Component>(x).instances = n + 1; },
                          QStringLiteral("more")));
        // Stored as one more operation of the scenario; the base is unchanged.
        const auto instancesOp = [&]() -> const model::Operation* {
            for (const auto& op : doc->fileModel().scenarios[0].operations)
                if (op.path == "components[" + cid + "].instances")
                    return &op;
            return nullptr;
        };
        QVERIFY(instancesOp());
        QCOMPARE(instancesOp()->value_json, std::to_string(n + 1));
        QCOMPARE(doc->fileModel().findComponent(cid)->instances, n);
        QCOMPARE(io::resolveScenario(doc->fileModel(), sid, ps)->findComponent(cid)->instances, n + 1);
        // Marked in the inspector (with the base value) and on the canvas.
        QVERIFY(form->fieldOverridden("instances"));
        QVERIFY(doc->overrideOf("components[" + cid + "].instances").baseValue.contains(QString::number(n)));
        auto* item = dynamic_cast<ComponentItem*>(w.scene()->graphicsItem({ItemKind::Component, ci}));
        QVERIFY(item);
        QCOMPARE(item->scenarioMark(), ComponentItem::ScenarioMark::Changed);

        // Reset it to the base value from the inspector; undo brings the override back.
        QVERIFY(form->resetToBase("instances"));
        QVERIFY(!instancesOp());
        QCOMPARE(doc->model().findComponent(cid)->instances, n);
        QVERIFY(!form->fieldOverridden("instances"));
        doc->undoStack()->undo();
        QCOMPARE(doc->model().findComponent(cid)->instances, n + 1);

        // A component added in the scenario is an "add" operation, marked as added.
        const auto added = addItems(doc, {Item(newComponent(doc->model(), model::ComponentKind::Cache, {900, 900}))},
                                    QStringLiteral("add"));
        QCOMPARE(added.size(), size_t(1));
        const auto& afterAdd = doc->fileModel().scenarios[0].operations;
        QVERIFY(std::any_of(afterAdd.begin(), afterAdd.end(), [](const model::Operation& op) {
            return op.op == model::OperationType::Add && op.path == "components";
        }));
        QCOMPARE(doc->fileModel().components.size(), base.components.size());
        auto* addedItem = dynamic_cast<ComponentItem*>(w.scene()->graphicsItem(added[0]));
        QVERIFY(addedItem);
        QCOMPARE(addedItem->scenarioMark(), ComponentItem::ScenarioMark::Added);

        // Back on the base: a base edit reaches the scenario, which does not override it.
        QCOMPARE(w.scenarioPanel()->editScenario(-1), QString());
        QVERIFY(doc->editTarget().empty());
        QCOMPARE(doc->model().components.size(), base.components.size());
        QVERIFY(editItems(doc, {{ItemKind::Component, 0}}, [&](Item& x) { std::get<model::Component>(x).name = "Renamed users"; },
                          QStringLiteral("rename")));
        QCOMPARE(io::resolveScenario(doc->fileModel(), sid, ps)->components[0].name, std::string("Renamed users"));
        doc->undoStack()->undo();

        // Undoing an edit made in the scenario switches back to it and undoes it there.
        doc->undoStack()->undo();
        QCOMPARE(doc->editTarget(), sid);
        QVERIFY(instancesOp());
        doc->undoStack()->undo();
        QCOMPARE(doc->fileModel().scenarios[0].operations, base.scenarios[0].operations);
        QCOMPARE(doc->fileModel(), base);
        doc->undoStack()->redo();
        QCOMPARE(doc->model().findComponent(cid)->instances, n + 1);

        // An override set back to the base's old value after the base changed stays an override.
        QCOMPARE(w.scenarioPanel()->editScenario(-1), QString());
        const int cache = doc->model().componentIndex("cache");
        QVERIFY(cache >= 0);
        const int cacheN = doc->model().components[size_t(cache)].instances;
        QVERIFY(editItems(doc, {{ItemKind::Component, cache}}, [&](Item& x) { std::get<model::Component>(x).instances = cacheN + 2; },
                          QStringLiteral("base")));
        QCOMPARE(w.scenarioPanel()->editScenario(0), QString());
        QVERIFY(editItems(doc, {{ItemKind::Component, cache}}, [&](Item& x) { std::get<model::Component>(x).instances = cacheN; },
                          QStringLiteral("scenario")));
        QCOMPARE(io::resolveScenario(doc->fileModel(), sid, ps)->findComponent("cache")->instances, cacheN);
        QCOMPARE(doc->fileModel().findComponent("cache")->instances, cacheN + 2);

        // Saved and read back: the operations are in the file.
        const QString path = dir_.filePath(QStringLiteral("edited.nines.json"));
        QVERIFY(w.saveAs(path));
        const auto reread = io::loadModelFile(path);
        QVERIFY(reread.ok());
        QCOMPARE(reread.model->scenarios, doc->fileModel().scenarios);
    }
};

QTEST_MAIN(TestScenarioUi)
#include "tst_scenario_ui.moc"
