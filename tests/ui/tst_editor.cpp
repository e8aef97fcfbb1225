// The editor window driven through its real widgets (offscreen): palette drops, connecting by
// dragging, inspector edits, undo/redo of each, save and reopen, invalid files with their
// problems, delete with its cascade, copy/paste, dropping into a zone, autosave and recovery.
#include "test_util.h"
#include "window_test_util.h"
#include "model/io/model_file.h"
#include "model/validate.h"
#include "ui/editor/component_form.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/diagram_view.h"
#include "ui/document/document.h"
#include "ui/document/edits.h"
#include "ui/editor/field_widgets.h"
#include "ui/editor/money_widgets.h"
#include "ui/editor/inspector.h"
#include "ui/window/main_window.h"
#include "ui/editor/palette.h"
#include "ui/editor/problem_list_model.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QClipboard>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using nines::test::quietDialogs;
using namespace nines;
using namespace nines::model;
using namespace nines::ui;

namespace {

// Drops a palette entry on the view at a viewport position, as a drag from the palette would.
void dropFromPalette(MainWindow& w, const QString& key, QPoint at)
{
    Palette* p = w.palette();
    QTreeWidgetItem* item = p->itemForKey(key);
    QVERIFY(item);
    std::unique_ptr<QMimeData> mime(p->tree()->model()->mimeData({p->tree()->indexFromItem(item)}));
    QVERIFY(mime);
    QWidget* vp = w.view()->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &drop);
}

QPoint toViewport(MainWindow& w, QPointF scenePos) { return w.view()->mapFromScene(scenePos); }

QPointF componentPos(MainWindow& w, int index)
{
    return w.scene()->graphicsItem({ItemKind::Component, index})->pos();
}

// Drags with the left button from one viewport point to another.
void drag(QWidget* vp, QPoint from, QPoint to)
{
    QTest::mousePress(vp, Qt::LeftButton, {}, from);
    const QPoint mid = (from + to) / 2;
    QTest::mouseMove(vp, mid);
    QTest::mouseMove(vp, to);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
}

void typeInto(QLineEdit* e, const QString& text)
{
    e->setFocus();
    e->selectAll();
    QTest::keyClicks(e, text);
    QTest::keyClick(e, Qt::Key_Return);
}

}  // namespace

class TestEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;

    MainWindow::Options options() const { return nines::test::windowOptions(dir_); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NinesTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_editor"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    void buildEditUndoSaveReopen()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(20);  // the view fits the empty canvas once it has its size
        Document* doc = w.document();
        QUndoStack* undo = doc->undoStack();
        QVERIFY(!doc->isModified());

        // Create two components from the palette.
        dropFromPalette(w, QStringLiteral("entry"), {200, 200});
        dropFromPalette(w, QStringLiteral("service"), {560, 200});
        QCOMPARE(doc->model().components.size(), size_t(2));
        QVERIFY(doc->model().components[0].kind == ComponentKind::Entry);
        QVERIFY(doc->model().components[1].kind == ComponentKind::Service);
        QCOMPARE(doc->model().components[0].traffic_share, 1.0);
        QVERIFY(doc->isModified());
        QVERIFY(w.isWindowModified());
        const Model afterCreate = doc->model();

        // Connect them by dragging from the entry's handle to the service.
        QWidget* vp = w.view()->viewport();
        const QPointF handle = componentPos(w, 0) + ComponentItem::connectHandle().center();
        const QPointF target = componentPos(w, 1) + QPointF(geometry::kNodeWidth / 2, geometry::kNodeHeight / 2);
        drag(vp, toViewport(w, handle), toViewport(w, target));
        QCOMPARE(doc->model().dependencies.size(), size_t(1));
        QCOMPARE(doc->model().dependencies[0].from, doc->model().components[0].id);
        QCOMPARE(doc->model().dependencies[0].to, doc->model().components[1].id);
        const Model afterConnect = doc->model();

        // Select the service by clicking it; the inspector shows it.
        QTest::mouseClick(vp, Qt::LeftButton, {}, toViewport(w, target));
        QCOMPARE(w.scene()->selectedRefs(), (std::vector<ItemRef>{{ItemKind::Component, 1}}));
        auto* form = qobject_cast<ComponentForm*>(w.inspector()->currentForm());
        QVERIFY(form);

        // Edit n in the inspector, then the MTBF of the failure mode.
        auto* instances = qobject_cast<QSpinBox*>(form->fieldWidget("instances"));
        QVERIFY(instances);
        instances->setFocus();
        instances->selectAll();
        QTest::keyClicks(instances, QStringLiteral("3"));
        QTest::keyClick(instances, Qt::Key_Return);
        QCOMPARE(doc->model().components[1].instances, 3);
        const Model afterInstances = doc->model();

        auto* failure = qobject_cast<DistributionEditor*>(form->fieldWidget("failure_modes[failure].failure"));
        QVERIFY(failure);
        typeInto(failure->parameterField(QStringLiteral("mean_hours"))->lineEdit(), QStringLiteral("1000"));
        QCOMPARE(doc->model().components[1].failure_modes[0].failure.mean_hours, 1000.0);
        const Model afterMtbf = doc->model();

        // Move the service: one undo step.
        const QPoint grab = toViewport(w, componentPos(w, 1) + QPointF(60, 20));
        drag(vp, grab, grab + QPoint(0, 120));
        QVERIFY(doc->model().components[1].position->y > afterMtbf.components[1].position->y);
        const Model afterMove = doc->model();

        // Undo each step back to the empty model, then redo each.
        const std::vector<Model> states = {Model(), afterCreate, afterConnect, afterInstances, afterMtbf, afterMove};
        // The two drops are two steps; the empty model has the blank document's name.
        QCOMPARE(undo->count(), 6);
        for (int i = 0; i < 4; ++i) {
            undo->undo();
            QCOMPARE(doc->model(), states[size_t(4 - i)]);
        }
        undo->undo();  // the service's drop
        QCOMPARE(doc->model().components.size(), size_t(1));
        undo->undo();  // the entry's drop
        QVERIFY(doc->model().components.empty());
        QVERIFY(!doc->isModified());
        for (int i = 0; i < 6; ++i)
            undo->redo();
        QCOMPARE(doc->model(), afterMove);
        // The keyboard reaches the same stack.
        w.view()->setFocus();
        QTest::keySequence(&w, QKeySequence::Undo);
        QCOMPARE(doc->model(), afterMtbf);
        QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        QCOMPARE(doc->model(), afterMove);

        // Save, reopen in a fresh window, compare.
        const QString path = dir_.filePath(QStringLiteral("built.nines.json"));
        QVERIFY(w.saveAs(path));
        QVERIFY(!doc->isModified());
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.windowTitle().contains(QStringLiteral("built.nines.json")));
        MainWindow w2(options());
        quietDialogs(w2);
        QVERIFY(w2.openFile(path));
        QCOMPARE(w2.document()->model(), afterMove);
        QVERIFY(!w2.document()->isModified());
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), QFileInfo(path).absoluteFilePath());
    }

    // The standby fields of the inspector: the failover time as a distribution (the mean kept
    // when the type changes) and the retry delay, each one undoable step.
    // A load balancer drawn from the palette needs any one of its backends, a service all of its
    // dependencies (issue 19: two web servers behind a balancer were in series by default).
    void loadBalancerDefaultsToAnyBackend()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        dropFromPalette(w, QStringLiteral("load_balancer"), {200, 200});
        dropFromPalette(w, QStringLiteral("service"), {560, 200});
        const Model& m = w.document()->model();
        QCOMPARE(m.components.size(), size_t(2));
        QVERIFY(m.components[0].kind == ComponentKind::LoadBalancer);
        QVERIFY(m.components[0].dependency_mode == DependencyMode::Any);
        QVERIFY(m.components[1].dependency_mode == DependencyMode::All);
    }

    void failoverTimeAndRetryAreEditable()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(nines::test::example("three-tier-web.nines.json")));
        Document* doc = w.document();
        const int db = doc->model().componentIndex("db");
        QVERIFY(db >= 0);
        QVERIFY(doc->model().components[size_t(db)].redundancy == RedundancyMode::Standby);
        const double fixed = doc->model().components[size_t(db)].standby.failover_seconds;
        QVERIFY(fixed > 0);
        w.scene()->selectRefs({{ItemKind::Component, db}});
        auto* form = qobject_cast<ComponentForm*>(w.inspector()->currentForm());
        QVERIFY(form);
        const Model before = doc->model();

        auto* type = qobject_cast<QComboBox*>(form->fieldWidget("standby.failover.type"));
        QVERIFY(type);
        const int exponential = type->findData(int(DistributionType::Exponential));
        type->setCurrentIndex(exponential);
        Q_EMIT type->activated(exponential);
        const auto& f = doc->model().components[size_t(db)].standby.failover;
        QVERIFY(f && f->type == DistributionType::Exponential);
        QCOMPARE(f->mean_seconds, fixed);  // the mean is kept
        auto* mean = qobject_cast<NumberField*>(form->fieldWidget("standby.failover.mean_seconds"));
        QVERIFY(mean);
        typeInto(mean->lineEdit(), QStringLiteral("90"));
        QCOMPARE(doc->model().components[size_t(db)].standby.failover->mean_seconds, 90.0);

        auto* retry = qobject_cast<NumberField*>(form->fieldWidget("standby.failover_retry_seconds"));
        QVERIFY(retry);
        typeInto(retry->lineEdit(), QStringLiteral("300"));
        QCOMPARE(doc->model().components[size_t(db)].standby.failover_retry_seconds, std::optional<double>(300.0));
        for (const auto& problem : validate(doc->model()))
            QVERIFY2(problem.severity != Severity::Error, problem.path.c_str());

        doc->undoStack()->undo();
        QVERIFY(!doc->model().components[size_t(db)].standby.failover_retry_seconds);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->model(), before);
    }

    void moneyIsEditable()
    {
        // Every price of the whole bill is edited in the inspector, each edit one undoable step:
        // a support contract taken, a zone's yearly cost, the SLA credit schedule.
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(nines::test::example("three-tier-web.nines.json")));
        Document* doc = w.document();
        const Model before = doc->model();
        const size_t db = size_t(doc->model().componentIndex("db"));
        QVERIFY(doc->model().components[db].support && !doc->model().components[db].support->enabled);

        w.scene()->selectRefs({{ItemKind::Component, int(db)}});
        auto* form = qobject_cast<ComponentForm*>(w.inspector()->currentForm());
        QVERIFY(form);
        auto* support = qobject_cast<SupportEditor*>(form->fieldWidget("support"));
        QVERIFY(support);
        QVERIFY(support->isChecked());
        QCheckBox* taken = support->findChild<QCheckBox*>();
        QVERIFY(taken && !taken->isChecked());
        taken->click();
        QVERIFY(doc->model().components[db].support->enabled);
        QCOMPARE(doc->model().components[db].support->repair_factor, 0.5);
        support->setChecked(false);  // no contract at all
        QVERIFY(!doc->model().components[db].support);

        w.scene()->selectRefs({{ItemKind::Zone, 0}});
        ItemForm* zoneForm = w.inspector()->currentForm();
        QVERIFY(zoneForm);
        auto* cost = qobject_cast<FixedCostFields*>(zoneForm->fieldWidget("cost"));
        QVERIFY(cost);
        const QList<NumberField*> fields = cost->findChildren<NumberField*>();
        QCOMPARE(fields.size(), 2);
        typeInto(fields[1]->lineEdit(), QStringLiteral("12000"));
        QCOMPARE(doc->model().zones[0].cost.yearly, 12000.0);
        QCOMPARE(doc->model().zones[0].cost.capex, 0.0);
        // Both zones at once: the capex typed goes to both, each keeps its own yearly cost.
        w.scene()->selectRefs({{ItemKind::Zone, 0}, {ItemKind::Zone, 1}});
        auto* both = qobject_cast<FixedCostFields*>(w.inspector()->currentForm()->fieldWidget("cost"));
        QVERIFY(both);
        typeInto(both->findChildren<NumberField*>()[0]->lineEdit(), QStringLiteral("5000"));
        QCOMPARE(doc->model().zones[0].cost, (FixedCost{5000, 12000}));
        QCOMPARE(doc->model().zones[1].cost, (FixedCost{5000, 0}));

        w.scene()->selectRefs({});
        ItemForm* modelForm = w.inspector()->currentForm();
        auto* credits = qobject_cast<QLineEdit*>(modelForm->fieldWidget("settings.sla_credits"));
        QVERIFY(credits);
        QCOMPARE(credits->text(), QStringLiteral("99.95: 10, 99.9: 25, 99: 50"));
        typeInto(credits, QStringLiteral("99.9: 20; 99%: 50"));
        QCOMPARE(doc->model().settings.sla_credits, (std::vector<CreditStep>{{99.9, 20}, {99, 50}}));
        const Model good = doc->model();
        typeInto(credits, QStringLiteral("99.9 20"));  // not a pair: refused, the model unchanged
        QCOMPARE(doc->model(), good);

        for (int i = 0; i < 5; ++i)
            doc->undoStack()->undo();
        QCOMPARE(doc->model(), before);
    }

    void invalidFileOpensWithProblems()
    {
        const QString path = dir_.filePath(QStringLiteral("invalid.nines.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "nines/1", "name": "broken",
                    "components": [
                      {"id": "web", "name": "Web", "kind": "entry", "traffic_share": 1},
                      {"id": "app", "name": "App", "instances": 2, "required": 5,
                       "failure_modes": [{"id": "crash", "failure": {"type": "exponential", "mean_hours": -3},
                                          "repair": {"type": "exponential", "mean_hours": 1}}]}],
                    "dependencies": [{"from": "web", "to": "app"}]})");
        f.close();
        MainWindow w(options());
        quietDialogs(w);
        w.show();
        QVERIFY(w.openFile(path));
        QTRY_VERIFY(w.problemsView()->model()->rowCount() >= 2);
        QVERIFY(w.document()->hasErrors());
        QStringList paths;
        int requiredRow = -1;
        for (int r = 0; r < w.problemsView()->model()->rowCount(); ++r) {
            const QString p = w.problemsView()->model()->index(r, 0).data(ProblemListModel::PathRole).toString();
            paths << p;
            if (p == QLatin1String("components[app].required"))
                requiredRow = r;
        }
        QVERIFY2(paths.contains(QStringLiteral("components[app].failure_modes[crash].failure.mean_hours")), qPrintable(paths.join(',')));
        QVERIFY2(requiredRow >= 0, qPrintable(paths.join(',')));

        // Clicking the problem selects the component and shows the message at the field.
        const QModelIndex index = w.problemsView()->model()->index(requiredRow, 1);
        QTest::mouseClick(w.problemsView()->viewport(), Qt::LeftButton, {}, w.problemsView()->visualRect(index).center());
        QCOMPARE(w.scene()->selectedRefs(), (std::vector<ItemRef>{{ItemKind::Component, 1}}));
        auto* form = w.inspector()->currentForm();
        QVERIFY(form);
        QVERIFY(!form->fieldMessage("required").isEmpty());
        QVERIFY(!form->fieldMessage("failure_modes[crash].failure").isEmpty());

        // Fixing it in the inspector clears the message.
        auto* required = qobject_cast<QSpinBox*>(form->fieldWidget("required"));
        required->setValue(1);
        QTRY_VERIFY(form->fieldMessage("required").isEmpty());

        // Not JSON at all: refused, with the reason.
        const QString garbage = dir_.filePath(QStringLiteral("garbage.nines.json"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{\"format\": \"nines/1\",");
        g.close();
        QString error;
        w.showError = [&](const QString&, const QString& text) { error = text; };
        QVERIFY(!w.openFile(garbage));
        QVERIFY2(error.contains(QStringLiteral("line")), qPrintable(error));
        QCOMPARE(w.document()->model().name, std::string("broken"));  // the open document is untouched
    }

    void deleteTakesDependenciesAndUndoRestores()
    {
        MainWindow w(options());
        quietDialogs(w);
        QVERIFY(w.openFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/three-tier-web.nines.json")));
        const Model before = w.document()->model();
        const int app = before.componentIndex("app");
        w.scene()->selectRefs({{ItemKind::Component, app}});
        w.view()->setFocus();
        QSignalSpy changes(w.document(), &Document::modelChanged);
        QTest::keyClick(w.view()->viewport(), Qt::Key_Delete);
        w.action(QStringLiteral("actionDelete"))->trigger();  // nothing left selected if the key deleted
        QCOMPARE(changes.count(), 1);  // the delete and its cascade reach the views once
        const Model& after = w.document()->model();
        QCOMPARE(after.components.size(), before.components.size() - 1);
        for (const auto& d : after.dependencies)
            QVERIFY(d.from != "app" && d.to != "app");
        QCOMPARE(w.document()->undoStack()->count(), 1);
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->model(), before);
        QCOMPARE(changes.count(), 2);

        // Deleting a zone removes it from placements; undo puts them back.
        w.scene()->selectRefs({{ItemKind::Zone, 0}});
        w.action(QStringLiteral("actionDelete"))->trigger();
        for (const auto& c : w.document()->model().components)
            QVERIFY(std::find(c.zones.begin(), c.zones.end(), "az-a") == c.zones.end());
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->model(), before);

        // Renaming an id renames its references.
        QVERIFY(!renameItem(w.document(), {ItemKind::Component, app}, "application"));
        for (const auto& d : w.document()->model().dependencies)
            QVERIFY(d.from != "app" && d.to != "app");
        QVERIFY(w.document()->model().findComponent("application"));
        QVERIFY(renameItem(w.document(), {ItemKind::Component, app}, "lb").has_value());  // taken
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->model(), before);
    }

    void copyPasteAndDuplicate()
    {
        MainWindow w(options());
        quietDialogs(w);
        QVERIFY(w.openFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/three-tier-web.nines.json")));
        const Model before = w.document()->model();
        const int app = before.componentIndex("app"), db = before.componentIndex("db");
        w.scene()->selectRefs({{ItemKind::Component, app}, {ItemKind::Component, db}});
        w.action(QStringLiteral("actionCopy"))->trigger();
        QVERIFY(QApplication::clipboard()->mimeData()->hasFormat(QString::fromLatin1(kFragmentMime)));
        w.action(QStringLiteral("actionPaste"))->trigger();
        const Model& m = w.document()->model();
        QCOMPARE(m.components.size(), before.components.size() + 2);
        QVERIFY(m.findComponent("app-2") && m.findComponent("db-2"));
        QCOMPARE(m.findComponent("app-2")->zones, before.findComponent("app")->zones);
        QCOMPARE(m.findComponent("app-2")->position->x, before.findComponent("app")->position->x + 40);
        QVERIFY(std::any_of(m.dependencies.begin(), m.dependencies.end(),
                            [](const Dependency& d) { return d.from == "app-2" && d.to == "db-2"; }));
        QCOMPARE(w.scene()->selectedRefs().size(), size_t(3));  // the pasted items are selected (and their dependency)
        w.action(QStringLiteral("actionDuplicate"))->trigger();
        QVERIFY(w.document()->model().findComponent("app-3"));
        QCOMPARE(w.document()->undoStack()->count(), 2);

        // Pasting into another window (the clipboard is shared).
        MainWindow other(options());
        quietDialogs(other);
        other.action(QStringLiteral("actionPaste"))->trigger();
        QCOMPARE(other.document()->model().components.size(), size_t(2));
        QCOMPARE(other.document()->model().dependencies.size(), size_t(1));
        QVERIFY(other.document()->model().components[0].zones.empty());  // zones of another model
    }

    void dropIntoZoneSetsPlacement()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(20);
        dropFromPalette(w, QStringLiteral("zone"), {300, 150});
        QCOMPARE(w.document()->model().zones.size(), size_t(1));
        const std::string zone = w.document()->model().zones[0].id;
        dropFromPalette(w, QStringLiteral("database"), {700, 450});
        QVERIFY(w.document()->model().components[0].zones.empty());
        // Drag the database into the zone's container.
        auto* container = static_cast<ContainerItem*>(w.scene()->graphicsItem({ItemKind::Zone, 0}));
        const QPointF inside = container->sceneRectangle().center();
        const QPointF grab = componentPos(w, 0) + QPointF(60, 20);
        drag(w.view()->viewport(), toViewport(w, grab), toViewport(w, inside));
        QCOMPARE(w.document()->model().components[0].zones, std::vector<std::string>{zone});
        // The container grew around it.
        QVERIFY(container->sceneRectangle().contains(
            w.scene()->graphicsItem({ItemKind::Component, 0})->sceneBoundingRect().center()));
        // Dropping from the palette into the zone places the new component there.
        dropFromPalette(w, QStringLiteral("cache"), toViewport(w, container->sceneRectangle().center() + QPointF(0, 10)));
        QCOMPARE(w.document()->model().components[1].zones, std::vector<std::string>{zone});
        w.document()->undoStack()->undo();
        w.document()->undoStack()->undo();
        QVERIFY(w.document()->model().components[0].zones.empty());
    }

    void twoCrashedWindowsAreRestoredOneByOne()
    {
        // Two windows crash with different work; restoring one never touches the other's copy,
        // which the next window offers.
        const QString recoveryDir = dir_.filePath(QStringLiteral("two-crashes"));
        std::vector<Model> crashedWork;
        for (const char* kind : {"cache", "queue"}) {
            auto* crashed = new MainWindow({recoveryDir, 3600 * 1000});
            quietDialogs(*crashed);
            crashed->scene()->createFromPalette(QString::fromLatin1(kind), {100, 100});
            crashed->autosaveNow();
            crashedWork.push_back(crashed->document()->model());
            delete crashed;
            QTest::qWait(1100);  // distinct saved_at seconds: the newest is offered first
        }
        MainWindow first({recoveryDir, 3600 * 1000});
        quietDialogs(first);
        first.askRestore = [](const RecoveryStore::Pending&) { return true; };
        QVERIFY(first.offerRecovery());
        QCOMPARE(first.document()->model(), crashedWork[1]);
        MainWindow second({recoveryDir, 3600 * 1000});
        quietDialogs(second);
        second.askRestore = [](const RecoveryStore::Pending&) { return true; };
        QVERIFY(second.offerRecovery());
        QCOMPARE(second.document()->model(), crashedWork[0]);
        MainWindow third({recoveryDir, 3600 * 1000});
        third.askRestore = [](const RecoveryStore::Pending&) { return true; };
        QVERIFY(!third.offerRecovery());  // the two restored copies belong to live windows now
    }

    void autosaveAndRestoreAfterCrash()
    {
        const QString recoveryDir = dir_.filePath(QStringLiteral("crash-recovery"));
        Model edited;
        {
            auto* crashed = new MainWindow({recoveryDir, 3600 * 1000});
            quietDialogs(*crashed);
            QVERIFY(crashed->openFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/single-server.nines.json")));
            crashed->scene()->createFromPalette(QStringLiteral("cache"), {900, 900});
            edited = crashed->document()->model();
            crashed->autosaveNow();
            QVERIFY(QFile::exists(crashed->recovery()->sessionFile()));
            // The timer saves too.
            delete crashed;  // no closeEvent: as after a crash, the recovery file stays
        }
        MainWindow next({recoveryDir, 3600 * 1000});
        quietDialogs(next);
        RecoveryStore::Pending offered;
        next.askRestore = [&](const RecoveryStore::Pending& p) {
            offered = p;
            return true;
        };
        QVERIFY(next.offerRecovery());
        QVERIFY(offered.originalPath.endsWith(QStringLiteral("single-server.nines.json")));
        QCOMPARE(next.document()->model(), edited);
        QVERIFY(next.document()->isModified());  // restored work is unsaved work
        QCOMPARE(next.document()->filePath(), offered.originalPath);
        QVERIFY(!QFile::exists(offered.file));
        QVERIFY(!next.offerRecovery());  // offered once

        // A clean close leaves nothing behind.
        next.askToSave = [](const QString&) { return QMessageBox::Discard; };
        next.close();
        QVERIFY(!QFile::exists(next.recovery()->sessionFile()));
        MainWindow third({recoveryDir, 3600 * 1000});
        bool asked = false;
        third.askRestore = [&](const RecoveryStore::Pending&) { return asked = true; };
        QVERIFY(!third.offerRecovery());
        QVERIFY(!asked);

        // The autosave timer writes on its own.
        MainWindow timed({recoveryDir, 50});
        quietDialogs(timed);
        timed.scene()->createFromPalette(QStringLiteral("service"), {0, 0});
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(timed.recovery()->sessionFile()), 5000);
        const io::LoadResult r = io::loadModelFile(timed.recovery()->sessionFile());
        QVERIFY(r.json_ok);
        QCOMPARE(r.document(), timed.document()->model());
    }

    void unsavedChangesPrompt()
    {
        MainWindow w(options());
        int asked = 0;
        w.askToSave = [&](const QString&) {
            ++asked;
            return QMessageBox::Cancel;
        };
        w.scene()->createFromPalette(QStringLiteral("service"), {0, 0});
        w.action(QStringLiteral("actionNew"))->trigger();
        QCOMPARE(asked, 1);
        QCOMPARE(w.document()->model().components.size(), size_t(1));  // cancelled: kept
        QVERIFY(!w.close());
        QCOMPARE(asked, 2);
        w.askToSave = [](const QString&) { return QMessageBox::Discard; };
        w.action(QStringLiteral("actionNew"))->trigger();
        QVERIFY(w.document()->model().components.empty());
    }

    void examplesOpenAsTemplates()
    {
        MainWindow w(options());
        quietDialogs(w);
        const QStringList examples = MainWindow::examplePaths();
        QVERIFY(examples.size() >= 6);
        for (const QString& e : examples) {
            w.newDocument(e);
            QVERIFY(!w.document()->model().components.empty());
            QVERIFY2(!w.document()->hasErrors(), qPrintable(e));
            QVERIFY(w.document()->filePath().isEmpty());  // Save asks where: the example stays intact
            for (const auto& c : w.document()->model().components)
                QVERIFY(c.position.has_value());
        }
    }
};

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
