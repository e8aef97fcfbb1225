// Editor speed on a large design: a generated topology of 500 components and 800 dependencies
// (three zones of one region, no positions) opened from its file and laid out, then panned and
// zoomed with the viewport repainted each step (one frame each).
#include "model/io/model_file.h"
#include "ui/diagram_scene.h"
#include "ui/diagram_view.h"
#include "ui/document.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <set>

using namespace nines;
using namespace nines::model;

namespace {

Model generated(int components, int dependencies)
{
    Model m;
    m.name = "generated";
    m.regions = {{"metro", "Metro", {}, {}}};
    for (const char* z : {"a", "b", "c"})
        m.zones.push_back({z, std::string("Zone ") + z, std::string("metro"),
                           Outage{Distribution::exponential(17520), Distribution::exponential(3)}, {}});
    std::mt19937 rng(11);
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.name = "Component " + std::to_string(i);
        c.kind = i == 0 ? ComponentKind::Entry : ComponentKind::Service;
        c.traffic_share = i == 0 ? 1.0 : 0.0;
        if (i > 0) {
            c.instances = 2;
            c.zones = {m.zones[rng() % 3].id};
            if (rng() % 4 == 0)
                c.zones.push_back(m.zones[(rng() % 2 + 1 + (c.zones[0][0] - 'a')) % 3].id);
            c.failure_modes.push_back({"crash", "Crash", Distribution::exponential(2000), Distribution::exponential(1), 0, {}});
        }
        m.components.push_back(c);
    }
    std::set<std::pair<int, int>> seen;
    for (int i = 1; i < components; ++i) {  // everything reachable from the entry
        const int a = static_cast<int>(rng() % static_cast<unsigned>(i));
        seen.insert({a, i});
        m.dependencies.push_back({"", m.components[size_t(a)].id, m.components[size_t(i)].id, 1.0, DependencyType::Sync, {}, {}});
    }
    while (static_cast<int>(m.dependencies.size()) < dependencies) {
        const int b = 1 + static_cast<int>(rng() % static_cast<unsigned>(components - 1));
        const int a = static_cast<int>(rng() % static_cast<unsigned>(b));
        if (seen.insert({a, b}).second)
            m.dependencies.push_back({"", m.components[size_t(a)].id, m.components[size_t(b)].id, 1.0, DependencyType::Sync, {}, {}});
    }
    for (auto& c : m.components)
        c.dependency_mode = DependencyMode::All;
    return m;
}

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

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        path_ = dir_.filePath(QStringLiteral("large.nines.json"));
        QVERIFY(io::saveModelFile(generated(500, 800), path_).isEmpty());
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
        ui::MainWindow w({dir_.filePath(QStringLiteral("recovery")), 3600 * 1000});
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path_));
        QApplication::processEvents();
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
        ui::MainWindow w({dir_.filePath(QStringLiteral("recovery")), 3600 * 1000});
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path_));
        QApplication::processEvents();
        w.view()->fitAll();
        int step = 0;
        QBENCHMARK {
            // In and out between the whole diagram and 100%, about the centre.
            w.view()->zoomBy((step++ / 8) % 2 ? 1 / 1.25 : 1.25, w.view()->viewport()->rect().center());
            w.view()->viewport()->repaint();
        }
        once("one zoom step (wheel notch) of the 500-component diagram, repainted");
    }
};

QTEST_MAIN(BenchEditor)
#include "bench_editor.moc"
