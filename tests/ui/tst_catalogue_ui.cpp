// The catalogue in the window (offscreen): the palette's templates, grouped and searchable,
// dropped onto the canvas; the inspector's marks (source on hover, changed values, reset to the
// catalogue value); the template row; failure modes from the catalogue; and a save that keeps
// the template with only the changed values.
#include "test_util.h"
#include "window_test_util.h"
#include "model/io/catalogue.h"
#include "model/io/model_file.h"
#include "model/io/provenance.h"
#include "ui/document/catalogue_edits.h"
#include "ui/editor/component_form.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/diagram_view.h"
#include "ui/document/document.h"
#include "ui/document/edits.h"
#include "ui/editor/inspector.h"
#include "ui/window/main_window.h"
#include "ui/editor/palette.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGraphicsItem>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using nines::test::quietDialogs;
using namespace nines;
using namespace nines::model;
using namespace nines::ui;

namespace {

void dropFromPalette(MainWindow& w, const QString& key, QPoint at)
{
    std::unique_ptr<QMimeData> mime(w.palette()->mimeDataFor(key));
    QVERIFY(mime);
    QWidget* vp = w.view()->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vp, &drop);
}

const io::Template& templ(io::TemplateTarget target, const char* id)
{
    const io::Template* t = io::builtinCatalogue().find(target, id);
    if (!t)
        qFatal("no template %s", id);
    return *t;
}

}  // namespace

class TestCatalogueUi : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;

    MainWindow::Options options() const { return nines::test::windowOptions(dir_); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NinesTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_catalogue_ui"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    void paletteGroupsAndSearches()
    {
        Palette p;
        // Every component, zone and region template is offered, under its group.
        int offered = 0;
        for (const auto& t : io::builtinCatalogue().templates()) {
            QTreeWidgetItem* item = p.itemForKey(keyOfTemplate(t));
            const bool canvas = t.target == io::TemplateTarget::Component || t.target == io::TemplateTarget::Zone
                                || t.target == io::TemplateTarget::Region;
            QCOMPARE(item != nullptr, canvas);
            if (!item)
                continue;
            ++offered;
            QCOMPARE(item->parent()->text(0), QString::fromStdString(t.group));
            QVERIFY(item->toolTip(0).contains(QString::fromStdString(t.name).toHtmlEscaped()));
        }
        QVERIFY(offered >= 20);
        p.searchField()->setText(QStringLiteral("disk drive"));
        QVERIFY(!p.itemForKey(QStringLiteral("template:component:hdd"))->isHidden());
        QVERIFY(p.itemForKey(QStringLiteral("template:component:cloud-vm"))->isHidden());
        QVERIFY(p.itemForKey(QStringLiteral("service"))->isHidden());
        QVERIFY(p.itemForKey(QStringLiteral("template:component:hdd"))->parent()->isHidden() == false);
        QVERIFY(p.itemForKey(QStringLiteral("template:zone:availability-zone"))->parent()->isHidden());
        p.searchField()->setText(QString());
        QVERIFY(!p.itemForKey(QStringLiteral("template:component:cloud-vm"))->isHidden());
        QVERIFY(!p.itemForKey(QStringLiteral("service"))->isHidden());
    }

    void dropInspectResetSave()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(20);
        Document* doc = w.document();

        // A zone and a VM from the catalogue; the VM lands in the zone.
        dropFromPalette(w, QStringLiteral("template:zone:availability-zone"), {300, 200});
        QCOMPARE(doc->model().zones.size(), size_t(1));
        const Zone& zone = doc->model().zones[0];
        QCOMPARE(zone.template_id, std::string("availability-zone"));
        QVERIFY(zone.outage.has_value());
        const QPointF zoneCentre = w.scene()->graphicsItem({ItemKind::Zone, 0})->sceneBoundingRect().center();
        dropFromPalette(w, QStringLiteral("template:component:cloud-vm"),
                        w.view()->mapFromScene(zoneCentre + QPointF(0, 10)));
        QCOMPARE(doc->model().components.size(), size_t(1));
        const Component vm = doc->model().components[0];
        QCOMPARE(vm.template_id, std::string("cloud-vm"));
        QCOMPARE(vm.name, templ(io::TemplateTarget::Component, "cloud-vm").name);
        QCOMPARE(vm.zones, std::vector<std::string>{zone.id});
        QVERIFY(!vm.failure_modes.empty());
        const std::string mode = vm.failure_modes[0].id;
        const std::string repair = "failure_modes[" + mode + "].repair";

        // The inspector shows the source of a kept value and no reset for it.
        w.scene()->selectRefs({{ItemKind::Component, 0}});
        auto* form = qobject_cast<ComponentForm*>(w.inspector()->currentForm());
        QVERIFY(form);
        form->setCurrentMode(0);
        QVERIFY(!form->fieldOrigin(repair).isEmpty());
        QVERIFY(form->fieldOrigin(repair).contains(QStringLiteral("Cloud VM")));
        QVERIFY(!form->fieldChangedFromCatalogue(repair));
        QVERIFY(form->fieldOrigin("failure_modes[" + mode + "].failure").contains(QStringLiteral("Source")));
        QVERIFY(form->fieldOrigin("name").isEmpty());  // the name is the user's

        // Change the repair: marked as changed, with the catalogue value named.
        const Distribution catalogueRepair = vm.failure_modes[0].repair;
        editItems(doc, {{ItemKind::Component, 0}},
                  [](Item& x) { std::get<Component>(x).failure_modes[0].repair = Distribution::exponential(0.25); },
                  QStringLiteral("faster repair"));
        QVERIFY(form->fieldChangedFromCatalogue(repair));
        QVERIFY(form->fieldOrigin(repair).startsWith(QStringLiteral("<b>Changed</b>")));
        QVERIFY(io::fieldOrigin(doc->model(), "components[" + vm.id + "]." + repair).changed());

        // Save: the file holds the template and only the changed repair.
        const QString path = dir_.path() + QStringLiteral("/vm.nines.json");
        QVERIFY(w.saveAs(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject saved =
            QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("components")).toArray().at(0).toObject();
        QCOMPARE(saved.value(QStringLiteral("template")).toString(), QStringLiteral("cloud-vm"));
        const QJsonArray savedModes = saved.value(QStringLiteral("failure_modes")).toArray();
        QCOMPARE(savedModes.size(), 1);
        QCOMPARE(savedModes.at(0).toObject().keys(), (QStringList{"id", "repair"}));
        QVERIFY(!saved.contains(QStringLiteral("kind")));  // kept from the template
        io::LoadResult back = io::loadModelFile(path);
        QVERIFY(back.json_ok);  // no entry yet, so not a valid model, but read whole
        QVERIFY(back.document() == doc->model());

        // Reset to the catalogue value, one undo step.
        const int steps = doc->undoStack()->count();
        QVERIFY(form->resetToCatalogue(repair));
        QCOMPARE(doc->model().components[0].failure_modes[0].repair, catalogueRepair);
        QVERIFY(!form->fieldChangedFromCatalogue(repair));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->model().components[0].failure_modes[0].repair, Distribution::exponential(0.25));
        QVERIFY(form->fieldChangedFromCatalogue(repair));
    }

    void templateRowAndCatalogueFailureModes()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Document* doc = w.document();
        w.scene()->createFromPalette(QStringLiteral("service"), {0, 0});
        w.scene()->selectRefs({{ItemKind::Component, 0}});
        auto* form = qobject_cast<ComponentForm*>(w.inspector()->currentForm());
        QVERIFY(form);
        auto* combo = qobject_cast<QComboBox*>(form->fieldWidget("template"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QString());  // a plain service follows no template

        // Choosing a template gives the component its values and ties it.
        const int at = combo->findData(QStringLiteral("physical-server"));
        QVERIFY(at > 0);
        combo->setCurrentIndex(at);
        Q_EMIT combo->activated(at);
        const Component& c = doc->model().components[0];
        QCOMPARE(c.template_id, std::string("physical-server"));
        QCOMPARE(c.failure_modes.size(), size_t(1));
        QCOMPARE(c.failure_modes[0].id, std::string("machine"));
        QVERIFY(io::fieldOrigin(doc->model(), "components[" + c.id + "].failure_modes[machine].failure").fromCatalogue());
        QCOMPARE(combo->currentData().toString(), QStringLiteral("physical-server"));

        // A failure mode from the catalogue.
        form->addFailureModeFromCatalogue(QStringLiteral("human-incident"));
        QCOMPARE(doc->model().components[0].failure_modes.size(), size_t(2));
        const FailureMode& incident = doc->model().components[0].failure_modes[1];
        QCOMPARE(incident.template_id, std::string("human-incident"));
        QCOMPARE(form->currentMode(), 1);
        QVERIFY(form->fieldOrigin("failure_modes[" + incident.id + "].repair")
                    .contains(QString::fromStdString(templ(io::TemplateTarget::FailureMode, "human-incident").name)));
        form->setCurrentMode(0);
        QVERIFY(form->fieldOrigin("failure_modes[machine].repair")
                    .contains(QString::fromStdString(templ(io::TemplateTarget::Component, "physical-server").name)));
        for (const auto& problem : doc->problems())
            QVERIFY2(problem.path.find("failure_modes") == std::string::npos, problem.text().c_str());

        // "None" keeps the values and unties the component.
        const auto modesBefore = doc->model().components[0].failure_modes;
        combo->setCurrentIndex(0);
        Q_EMIT combo->activated(0);
        QCOMPARE(doc->model().components[0].template_id, std::string());
        QCOMPARE(doc->model().components[0].failure_modes, modesBefore);
        QVERIFY(form->fieldOrigin("failure_modes[machine].failure").isEmpty());
        doc->undoStack()->undo();
        QCOMPARE(doc->model().components[0].template_id, std::string("physical-server"));

        // Renaming a template's failure mode unties the component in the same step (the file
        // could not say "template plus changes" any more).
        const int steps = doc->undoStack()->index();
        editItems(doc, {{ItemKind::Component, 0}},
                  [](Item& x) { std::get<Component>(x).failure_modes[0].id = "hardware"; }, QStringLiteral("rename"));
        QCOMPARE(doc->model().components[0].template_id, std::string());
        QCOMPARE(doc->undoStack()->index(), steps + 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->model().components[0].template_id, std::string("physical-server"));
        QCOMPARE(doc->model().components[0].failure_modes[0].id, std::string("machine"));
    }
};

QTEST_MAIN(TestCatalogueUi)
#include "tst_catalogue_ui.moc"
