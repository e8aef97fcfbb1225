// Automatic layout: every caller left of its callees, no two components on one spot, zones
// kept together within a tier, deterministic, and fast on a large generated topology.
#include "model/io/model_file.h"
#include "generated_model.h"
#include "test_util.h"
#include "ui/editor/auto_layout.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>
#include <set>

using namespace nines;
using namespace nines::model;

namespace {

Model generated(int components, int dependencies) { return test::generatedTopology(components, dependencies); }

void checkLayout(const Model& m, const std::vector<Point>& p)
{
    QCOMPARE(p.size(), m.components.size());
    for (const auto& d : m.dependencies)
        QVERIFY2(p[static_cast<std::size_t>(m.componentIndex(d.from))].x < p[static_cast<std::size_t>(m.componentIndex(d.to))].x,
                 qPrintable(QString::fromStdString(d.from + " -> " + d.to)));
    std::set<std::pair<double, double>> spots;
    for (const auto& q : p)
        QVERIFY(spots.insert({q.x, q.y}).second);
}

}  // namespace

class TestAutoLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examplesAreTiered_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : nines::test::exampleFiles())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }
    void examplesAreTiered()
    {
        QFETCH(QString, file);
        const io::LoadResult r = io::loadModelFile(file);
        QVERIFY(r.ok());
        checkLayout(*r.model, ui::autoLayout(*r.model));
    }

    void largeTopologyQuicklyAndDeterministically()
    {
        const Model m = generated(500, 800);
        QElapsedTimer t;
        t.start();
        const std::vector<Point> p = ui::autoLayout(m);
        const qint64 ms = t.elapsed();
        qInfo("500 components, 800 dependencies laid out in %lld ms", static_cast<long long>(ms));
        QVERIFY(ms < 2000);  // generous: the figure is in docs/performance.md
        checkLayout(m, p);
        QCOMPARE(ui::autoLayout(m).size(), p.size());
        const std::vector<Point> again = ui::autoLayout(m);
        for (std::size_t i = 0; i < p.size(); ++i)
            QVERIFY(p[i] == again[i]);
    }

    void zonesStayTogetherWithinATier()
    {
        const Model m = generated(200, 300);
        const std::vector<Point> p = ui::autoLayout(m);
        std::map<double, std::vector<std::pair<double, std::string>>> tiers;
        for (std::size_t i = 0; i < p.size(); ++i)
            tiers[p[i].x].push_back({p[i].y, m.components[i].zones.front()});
        for (auto& [x, column] : tiers) {
            std::sort(column.begin(), column.end());
            std::set<std::string> closed;
            for (std::size_t i = 1; i < column.size(); ++i)
                if (column[i].second != column[i - 1].second) {
                    closed.insert(column[i - 1].second);
                    QVERIFY2(!closed.count(column[i].second), "a zone's components are split within a tier");
                }
        }
    }

    void onlyMissingPositionsAreFilled()
    {
        Model m = generated(10, 12);
        m.components[3].position = Point{1234, 5678};
        ui::layoutMissingPositions(m);
        QVERIFY(*m.components[3].position == (Point{1234, 5678}));
        for (const auto& c : m.components)
            QVERIFY(c.position.has_value());
    }
};

QTEST_GUILESS_MAIN(TestAutoLayout)
#include "tst_auto_layout.moc"
