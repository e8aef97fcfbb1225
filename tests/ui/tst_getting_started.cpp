// The getting-started page of docs/user-guide.md, walked through as a new user would, with
// mouse and keyboard events (issue 19): from an empty canvas to a PDF report in ten steps. Each
// step checks what the guide says the user sees; the run ends with a report whose pages hold the
// topology, the headline and every chart that has data.
//
// With NINES_GUIDE_SHOTS=DIR the window is saved after each step as DIR/step-NN.png: the pictures
// of the guide (scripts/screenshot.sh takes them under a virtual display at 1,280 by 720); with
// NINES_GUIDE_REPORT=FILE the report is kept there, to render its pages and look at them.
#include "test_util.h"
#include "window_test_util.h"
#include "ui/document/document.h"
#include "ui/document/item_access.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/diagram_view.h"
#include "ui/editor/inspector.h"
#include "ui/editor/item_form.h"
#include "ui/editor/palette.h"
#include "ui/results/qcustomplot_include.h"
#include "ui/results/result_charts.h"
#include "ui/results/results_view.h"
#include "ui/results/run_panel.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace nines;
using namespace nines::model;
using namespace nines::ui;

class TestGettingStarted : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    int step_ = 0;

    // The window as the guide shows it after a step.
    void shot(MainWindow& w)
    {
        ++step_;
        const QString to = qEnvironmentVariable("NINES_GUIDE_SHOTS");
        if (to.isEmpty())
            return;
        QTest::qWait(300);  // let the last repaint land
        QVERIFY(QDir().mkpath(to));
        QVERIFY(w.grab().save(QDir(to).filePath(QStringLiteral("step-%1.png").arg(step_, 2, 10, QLatin1Char('0')))));
    }

    static QPoint cardCentre(MainWindow& w, int index)
    {
        const QPointF c = w.scene()->graphicsItem({ItemKind::Component, index})->pos()
                          + QPointF(geometry::kNodeWidth / 2, geometry::kNodeHeight / 2);
        return w.view()->mapFromScene(c);
    }

    // A palette entry chosen and activated from the keyboard (a double-click does the same).
    static void addFromPalette(MainWindow& w, const char* key)
    {
        QTreeWidget* tree = w.palette()->tree();
        QTreeWidgetItem* item = w.palette()->itemForKey(QString::fromLatin1(key));
        QVERIFY2(item, key);
        tree->setFocus();
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Return);
    }

    static void connectCards(MainWindow& w, int from, int to)
    {
        QWidget* vp = w.view()->viewport();
        const QPoint a = cardCentre(w, from), b = cardCentre(w, to);
        QTest::mousePress(vp, Qt::LeftButton, {}, a);
        QTest::mouseMove(vp, (a + b) / 2);
        QTest::mouseMove(vp, b);
        QTest::mouseRelease(vp, Qt::LeftButton, {}, b);
    }

    static void clickCard(MainWindow& w, int index)
    {
        QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {}, cardCentre(w, index));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        // A first start on a 1,280 by 720 laptop.
        QSettings().clear();
        QWidget laptop;
        laptop.setGeometry(0, 0, 1280, 720);
        QSettings().setValue(QStringLiteral("window/geometry"), laptop.saveGeometry());
    }

    void fromAnEmptyCanvasToAReport()
    {
        MainWindow w(nines::test::windowOptions(dir_));
        nines::test::quietDialogs(w);
        const QString pdf = dir_.filePath(QStringLiteral("web-shop.pdf"));
        w.askReportPath = [&] { return pdf; };
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Document* doc = w.document();

        // 1. A new model, named in the inspector.
        QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(doc->model().components.size(), size_t(0));
        auto* name = qobject_cast<QLineEdit*>(w.inspector()->modelForm()->fieldWidget("name"));
        QVERIFY(name);
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Web shop"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(doc->model().name, std::string("Web shop"));
        shot(w);

        // 2.-5. The entry, a load balancer, two web servers and a database, each chosen in the
        // palette; every one lands where no other card is.
        addFromPalette(w, "entry");
        QCOMPARE(doc->model().components.size(), size_t(1));
        shot(w);
        addFromPalette(w, "load_balancer");
        shot(w);
        addFromPalette(w, "service");
        addFromPalette(w, "service");
        shot(w);
        addFromPalette(w, "database");
        QCOMPARE(doc->model().components.size(), size_t(5));
        QVERIFY(doc->model().components[1].kind == ComponentKind::LoadBalancer);
        QVERIFY(doc->model().components[1].dependency_mode == DependencyMode::Any);
        w.autoLayout();  // View > Automatic Layout, before the arrows: the cards in a row
        w.view()->fitAll();
        shot(w);

        // 6. Connect mode: entry -> load balancer -> both web servers -> the database.
        w.action(QStringLiteral("actionConnect"))->trigger();
        QVERIFY(w.scene()->connectMode());
        connectCards(w, 0, 1);
        connectCards(w, 1, 2);
        connectCards(w, 1, 3);
        connectCards(w, 2, 4);
        connectCards(w, 3, 4);
        w.action(QStringLiteral("actionConnect"))->trigger();
        QCOMPARE(doc->model().dependencies.size(), size_t(5));
        w.autoLayout();
        w.view()->fitAll();
        QTRY_VERIFY(!doc->hasErrors());
        // The load balancer's card says it needs any one of its two web servers.
        auto* lb = dynamic_cast<ComponentItem*>(w.scene()->graphicsItem({ItemKind::Component, 1}));
        QVERIFY(lb);
        QCOMPARE(lb->fanOutText(), QStringLiteral("any"));
        shot(w);

        // 7. The database made a hot-standby pair in the inspector.
        clickCard(w, 4);
        QCOMPARE(w.scene()->selectedRefs().size(), size_t(1));
        ItemForm* form = w.inspector()->currentForm();
        auto* n = qobject_cast<QSpinBox*>(form->fieldWidget("instances"));
        QVERIFY(n);
        n->setFocus();
        n->selectAll();
        QTest::keyClicks(n, QStringLiteral("2"));
        QTest::keyClick(n, Qt::Key_Tab);
        QCOMPARE(doc->model().components[4].instances, 2);
        auto* mode = qobject_cast<QComboBox*>(form->fieldWidget("redundancy"));
        QVERIFY(mode);
        mode->setCurrentIndex(mode->findData(int(RedundancyMode::Standby)));
        Q_EMIT mode->activated(mode->currentIndex());
        QVERIFY(doc->model().components[4].redundancy == RedundancyMode::Standby);
        QVERIFY(doc->model().components[4].standby.kind == StandbyKind::Hot);
        shot(w);

        // 8. Nothing in the Problems list: the model can run.
        QTRY_COMPARE(w.problemsView()->model()->rowCount(), 0);
        shot(w);

        // 9. Simulate (F5): the Results tab, figures with their intervals, the charts.
        QSignalSpy finished(w.runPanel(), &RunPanel::finished);
        QTest::keyClick(&w, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
        QTRY_VERIFY(w.resultsView()->analysis());
        const auto& a = *w.resultsView()->analysis();
        QVERIFY(a.simulation.replications > 0);
        QVERIFY2(a.simulation.availability.mean > 0.99, qPrintable(QString::number(a.simulation.availability.mean)));
        // The Run panel's live chart runs to the last replication (it stopped at 400 of 1,000).
        auto* live = w.runPanel()->findChild<QCustomPlot*>();
        QVERIFY(live && live->graphCount() >= 1 && !live->graph(0)->data()->isEmpty());
        QCOMPARE((live->graph(0)->data()->constEnd() - 1)->key, double(a.simulation.replications));
        w.showResults(true);
        QVERIFY(w.resultsView()->chart(ChartKind::Downtime));
        shot(w);

        // 10. File > Export Report (Ctrl+E) to a PDF.
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(QFileInfo::exists(pdf));
        if (const QString keep = qEnvironmentVariable("NINES_GUIDE_REPORT"); !keep.isEmpty()) {  // to look at its pages
            QFile::remove(keep);
            QVERIFY(QFile::copy(pdf, keep));
        }
        shot(w);

        // The report holds the topology, the headline and every chart with data.
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        QCOMPARE(text.exitCode(), 0);
        const QString t = QString::fromUtf8(text.readAllStandardOutput());
        for (const QString& heading : {QStringLiteral("Web shop"), QStringLiteral("Topology"), QStringLiteral("Headline")})
            QVERIFY2(t.contains(heading), qPrintable(heading));
        int charts = 0;
        for (ChartKind kind : kAllCharts)
            if (w.resultsView()->chart(kind)) {
                ++charts;
                QVERIFY2(t.contains(chartTitle(kind)), qPrintable(chartTitle(kind)));
            }
        QVERIFY(charts >= 4);
        QCOMPARE(step_, 10);
    }
};

QTEST_MAIN(TestGettingStarted)
#include "tst_getting_started.moc"
