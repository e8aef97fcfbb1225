// Editor speed on a large design: a generated topology of 500 components and 800 dependencies
// (three zones of one region, a quarter spread over two, no positions) opened from its file and laid out, then panned and
// zoomed with the viewport repainted each step (one frame each).
#include "generated_model.h"
#include "model/io/model_file.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/diagram_view.h"
#include "ui/document/document.h"
#include "ui/window/main_window.h"
#include "ui/report/report.h"
#include "ui/results/results_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace nines;
using namespace nines::model;

namespace {

// What a benchmark measures, said once (QBENCHMARK runs the function several times).
void once(const char* what)
{
    static std::set<std::string> said;
    if (said.insert(what).second)
        qInfo("%s", what);
}

}  // namespace

class BenchEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    QString path_;

    // A window the size of the screenshots, shown, with the large model open.
    std::unique_ptr<ui::MainWindow> openWindow()
    {
        auto w = std::make_unique<ui::MainWindow>(ui::MainWindow::Options{dir_.filePath(QStringLiteral("recovery")), 3600 * 1000});
        w->resize(1600, 1000);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()) || !w->openFile(path_))
            return nullptr;
        QApplication::processEvents();
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        path_ = dir_.filePath(QStringLiteral("large.nines.json"));
        QVERIFY(io::saveModelFile(test::generatedTopology(500, 800, 0.25), path_).isEmpty());
    }

    void openAndLayOut500()
    {
        ui::MainWindow w({dir_.filePath(QStringLiteral("recovery")), 3600 * 1000});
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QElapsedTimer t;
        t.start();
        QBENCHMARK {
            QVERIFY(w.openFile(path_));
            QApplication::processEvents();  // validation and the first paint
            w.view()->viewport()->repaint();
        }
        QCOMPARE(w.document()->model().components.size(), size_t(500));
        once("open + validate + lay out + first paint of 500 components / 800 dependencies");
    }

    void panFrame()
    {
        const auto window = openWindow();
        QVERIFY(window);
        ui::MainWindow& w = *window;
        w.view()->setZoom(0.6);
        QScrollBar* h = w.view()->horizontalScrollBar();
        QScrollBar* v = w.view()->verticalScrollBar();
        int step = 0;
        QBENCHMARK {
            h->setValue(h->minimum() + (step * 97) % std::max(1, h->maximum() - h->minimum()));
            v->setValue(v->minimum() + (step * 61) % std::max(1, v->maximum() - v->minimum()));
            ++step;
            w.view()->viewport()->repaint();
        }
        once("one pan step of the 500-component diagram at 60% zoom, repainted");
    }

    void zoomFrame()
    {
        const auto window = openWindow();
        QVERIFY(window);
        ui::MainWindow& w = *window;
        w.view()->fitAll();
        int step = 0;
        QBENCHMARK {
            // In and out between the whole diagram and 100%, about the centre.
            w.view()->zoomBy((step++ / 8) % 2 ? 1 / 1.25 : 1.25, w.view()->viewport()->rect().center());
            w.view()->viewport()->repaint();
        }
        once("one zoom step (wheel notch) of the 500-component diagram, repainted");
    }

    // The results of the large model: the dashboard built (charts, tables, canvas tint) and the
    // PDF report written, from one analysis of 100 replications.
    void resultsDashboard500()
    {
        const auto window = openWindow();
        QVERIFY(window);
        ui::MainWindow& w = *window;
        sim::RunSettings s = study::runSettingsOf(w.document()->model());
        s.replications = 100;
        const auto a = std::make_shared<const study::Evaluation>(study::evaluate(w.document()->model(), {}, s));
        w.showResults(true);
        QBENCHMARK {
            w.resultsView()->setAnalysis(a);
            QApplication::processEvents();
            w.resultsView()->viewport()->repaint();
        }
        once("results dashboard of the 500-component model built and painted (charts, tables)");
    }

    void reportPdf500()
    {
        io::LoadResult loaded = io::loadModelFile(path_);
        QVERIFY(loaded.ok());
        sim::RunSettings s = study::runSettingsOf(*loaded.model);
        s.replications = 100;
        const study::Evaluation a = study::evaluate(*loaded.model, {}, s);
        const QString out = dir_.filePath(QStringLiteral("large.pdf"));
        QBENCHMARK {
            QVERIFY(ui::writeReport(a, out).isEmpty());
        }
        once("PDF report of the 500-component model written (topology, charts, every table)");
    }
};

QTEST_MAIN(BenchEditor)
#include "bench_editor.moc"
