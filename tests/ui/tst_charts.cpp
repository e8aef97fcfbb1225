// Charts that tell the truth (issue 19). A chart with nothing to show says so in a sentence, in
// the plot, its axes hidden, never as an empty frame; the dashboard names every chart it leaves
// out and why. Drawn from a real run: no legend sits inside a plot (where it covered bars and
// bands), the names beside the points of the cost chart keep off each other and inside the plot,
// and no availability axis runs past 100%.
#include "test_util.h"
#include "model/io/model_file.h"
#include "model/io/scenario.h"
#include "sim/study/evaluation.h"
#include "ui/results/chart_layout.h"
#include "ui/results/qcustomplot_include.h"
#include "ui/results/result_charts.h"
#include "ui/results/results_view.h"
#include "ui/results/run_panel.h"
#include "ui/scenarios/what_if_charts.h"
#include "ui/document/document.h"

#include <QApplication>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace nines;
using namespace nines::ui;

namespace {

bool showsOnlyItsSentence(QCustomPlot* plot, const QString& sentence, QString* why)
{
    if (sentence.isEmpty()) {
        *why = QStringLiteral("no sentence");
        return false;
    }
    if (charts::emptySentence(plot) != sentence) {
        *why = QStringLiteral("sentence '%1'").arg(charts::emptySentence(plot));
        return false;
    }
    if (plot->plottableCount() != 0 || plot->itemCount() != 1 || plot->xAxis->visible() || plot->yAxis->visible()) {
        *why = QStringLiteral("%1 plottables, %2 items, axes %3/%4")
                   .arg(plot->plottableCount())
                   .arg(plot->itemCount())
                   .arg(plot->xAxis->visible())
                   .arg(plot->yAxis->visible());
        return false;
    }
    auto* text = qobject_cast<QCPItemText*>(plot->item(0));
    // The words are wrapped into lines: the same words, in order.
    if (!text || text->text().simplified() != sentence.simplified()) {
        *why = QStringLiteral("text '%1'").arg(text ? text->text() : QString());
        return false;
    }
    return true;
}

std::shared_ptr<const study::Evaluation> threeTier()
{
    static std::shared_ptr<const study::Evaluation> a = [] {
        const io::LoadResult r = io::loadModelFile(test::example("three-tier-web.nines.json"));
        sim::RunSettings s = study::runSettingsOf(*r.model);
        s.replications = 300;
        return std::make_shared<const study::Evaluation>(study::evaluate(*r.model, io::designsOf(*r.model), s));
    }();
    return a;
}

}  // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEmptyChartShowsItsSentence()
    {
        const study::Evaluation empty;
        for (ChartKind kind : kAllCharts) {
            QCustomPlot plot;
            plot.resize(600, 300);
            QVERIFY2(!drawChart(&plot, kind, empty), qPrintable(chartTitle(kind)));
            QString why;
            QVERIFY2(showsOnlyItsSentence(&plot, chartEmptyText(kind, empty), &why),
                     qPrintable(chartTitle(kind) + QStringLiteral(": ") + why));
        }
        // A chart drawn after its sentence shows its axes again, and no sentence.
        QCustomPlot plot;
        plot.resize(600, 300);
        QVERIFY(!drawChart(&plot, ChartKind::Downtime, empty));
        QVERIFY(drawChart(&plot, ChartKind::Downtime, *threeTier()));
        QVERIFY(charts::emptySentence(&plot).isEmpty());
        QVERIFY(plot.xAxis->visible() && plot.yAxis->visible());
        QVERIFY(plot.plottableCount() > 0);
    }

    void whatIfAndRunChartsShowTheirSentence()
    {
        QString why;
        QCustomPlot differences;
        study::Comparison oneDesign;
        oneDesign.runs.resize(1);
        QVERIFY(!drawDifferences(&differences, oneDesign));
        QVERIFY2(showsOnlyItsSentence(&differences, charts::emptySentence(&differences), &why), qPrintable(why));
        QVERIFY(charts::emptySentence(&differences).contains(QStringLiteral("no scenario")));

        QCustomPlot sweep;
        study::Sweep none;
        QVERIFY(!drawSweep(&sweep, none));
        QVERIFY2(showsOnlyItsSentence(&sweep, charts::emptySentence(&sweep), &why), qPrintable(why));

        Document doc;
        RunPanel run(&doc);
        auto* live = run.findChild<QCustomPlot*>();
        QVERIFY(live);
        QVERIFY2(showsOnlyItsSentence(live, charts::emptySentence(live), &why), qPrintable(why));
        QVERIFY(charts::emptySentence(live).contains(QStringLiteral("Simulate")));
    }

    // The dashboard draws the charts with data and names the others with what would fill them.
    void theDashboardNamesWhatItLeavesOut()
    {
        const io::LoadResult r = io::loadModelFile(test::example("single-server.nines.json"));
        sim::RunSettings s = study::runSettingsOf(*r.model);
        s.replications = 100;
        auto a = std::make_shared<const study::Evaluation>(study::evaluate(*r.model, io::designsOf(*r.model), s));
        ResultsView view;
        view.setAnalysis(a);
        auto* note = view.findChild<QLabel*>(QStringLiteral("chartsNotDrawn"));
        int missing = 0;
        for (ChartKind kind : kAllCharts) {
            QCustomPlot probe;
            if (drawChart(&probe, kind, *a)) {
                QVERIFY2(view.chart(kind), qPrintable(chartTitle(kind)));
                continue;
            }
            ++missing;
            QVERIFY(!view.chart(kind));
            QVERIFY2(note && note->text().contains(chartTitle(kind).toHtmlEscaped())
                         && note->text().contains(chartEmptyText(kind, *a).toHtmlEscaped()),
                     qPrintable(chartTitle(kind)));
        }
        QVERIFY(missing > 0);  // a single server has no scenario to compare, at least

        // Its tables show every row (they sat in boxes of a few rows that scrolled) and every
        // header whole on hover.
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto tables = view.findChildren<QTableWidget*>();
        QVERIFY(tables.size() >= 3);
        for (QTableWidget* t : tables) {
            QVERIFY2(t->verticalScrollBar()->maximum() == 0, qPrintable(t->objectName()));
            for (int col = 0; col < t->columnCount(); ++col)
                QCOMPARE(t->horizontalHeaderItem(col)->toolTip(), t->horizontalHeaderItem(col)->text());
        }
    }

    // On a laptop the dashboard is about 600 pixels wide: nothing may make it wider (text ran
    // past its right edge under a horizontal scroll bar).
    void theDashboardFitsALaptopsWidth_data()
    {
        QTest::addColumn<int>("width");
        for (int w : {480, 540, 580, 590, 600, 640, 700, 800, 1000})
            QTest::newRow(qPrintable(QString::number(w))) << w;
    }

    void theDashboardFitsALaptopsWidth()
    {
        QFETCH(int, width);
        ResultsView view;
        view.resize(width, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setAnalysis(threeTier());
        QApplication::processEvents();
        QStringList wide;
        for (QWidget* w : view.widget()->findChildren<QWidget*>())
            if (w->isVisibleTo(view.widget()) && w->minimumSizeHint().width() > view.viewport()->width())
                wide << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                            .arg(w->minimumSizeHint().width());
        QVERIFY2(view.widget()->minimumSizeHint().width() <= view.viewport()->width(),
                 qPrintable(QStringLiteral("%1 wider than %2: %3").arg(view.widget()->minimumSizeHint().width()).arg(view.viewport()->width()).arg(wide.join(QStringLiteral(", ")))));
    }

    void legendsSitAboveThePlot()
    {
        const auto a = threeTier();
        int withLegend = 0;
        for (ChartKind kind : kAllCharts) {
            QCustomPlot plot;
            plot.resize(640, 360);
            if (!drawChart(&plot, kind, *a))
                continue;
            plot.replot();
            if (!plot.legend->visible())
                continue;
            ++withLegend;
            QVERIFY2(!plot.legend->outerRect().intersects(plot.axisRect()->rect()),
                     qPrintable(chartTitle(kind)));
            QVERIFY2(plot.legend->outerRect().bottom() <= plot.axisRect()->rect().top() + 1, qPrintable(chartTitle(kind)));
        }
        QVERIFY(withLegend >= 5);  // convergence, capacity, growth, CP/AP, cost
    }

    void availabilityAxesEndAt100()
    {
        const auto a = threeTier();
        for (ChartKind kind : {ChartKind::Convergence, ChartKind::Cap, ChartKind::CostAvailability}) {
            QCustomPlot plot;
            plot.resize(640, 360);
            QVERIFY2(drawChart(&plot, kind, *a), qPrintable(chartTitle(kind)));
            QVERIFY2(plot.yAxis->range().upper <= 100.0, qPrintable(QStringLiteral("%1: %2").arg(chartTitle(kind)).arg(plot.yAxis->range().upper, 0, 'f', 6)));
        }
    }

    // The sweep drew the cost of ownership over the horizon and called it "first-year cost", a
    // third of it on a three-year horizon.
    void theSweepNamesTheCostItDraws()
    {
        study::Sweep s;
        s.axes.push_back({"components[app].instances", {3, 4}});
        for (double v : {3.0, 4.0}) {
            study::SweepPoint p;
            p.values = {v};
            p.valid = true;
            p.run.replications = 10;
            p.run.availability = {0.999, 0.998, 0.9995};
            p.cost.capex = 1000 * v;
            p.cost.yearly = 500 * v;
            p.cost.downtime_yearly = 100;
            p.cost.horizon_years = 3;
            s.points.push_back(p);
        }
        QCustomPlot plot;
        plot.resize(640, 360);
        QVERIFY(drawSweep(&plot, s, QStringLiteral("USD")));
        QCPGraph* cost = nullptr;
        for (int i = 0; i < plot.graphCount(); ++i)
            if (plot.graph(i)->valueAxis() == plot.yAxis2)
                cost = plot.graph(i);
        QVERIFY(cost);
        QCOMPARE(cost->name(), QStringLiteral("cost of ownership, 3 years"));
        QVERIFY(plot.yAxis2->label().startsWith(QStringLiteral("Cost of ownership")));
        QCOMPARE(cost->data()->at(0)->value, s.points[0].cost.ownership());
        QCOMPARE(cost->data()->at(1)->value, s.points[1].cost.ownership());
    }

    // Two designs at the same cost and availability wrote their names over each other, and the
    // last name ran off the right edge.
    void costLabelsKeepApart()
    {
        study::Evaluation a = *threeTier();
        QVERIFY(a.comparison && a.comparison->runs.size() >= 3);
        // Three designs made identical in cost and availability to the base, one the most expensive.
        auto& runs = a.comparison->runs;
        runs[1].cost = runs[0].cost;
        runs[1].run.availability = runs[0].run.availability;
        runs[2].cost = runs[0].cost;
        runs[2].run.availability = runs[0].run.availability;
        for (QSize size : {QSize(640, 360), QSize(360, 300)}) {
            QCustomPlot plot;
            plot.resize(size);
            QVERIFY(drawChart(&plot, ChartKind::CostAvailability, a));
            plot.replot();
            std::vector<QRectF> rects;
            for (int i = 0; i < plot.itemCount(); ++i)
                if (auto* t = qobject_cast<QCPItemText*>(plot.item(i)); t && t->position->type() == QCPItemPosition::ptPlotCoords
                                                                         && t->position->typeX() == QCPItemPosition::ptPlotCoords) {
                    const QSizeF s = QFontMetricsF(t->font()).size(0, t->text());
                    rects.emplace_back(t->position->pixelPosition(), s);
                }
            QCOMPARE(rects.size(), runs.size());
            const QRectF area = plot.axisRect()->rect();
            for (size_t i = 0; i < rects.size(); ++i) {
                QVERIFY2(rects[i].left() >= area.left() - 0.5 && rects[i].right() <= area.right() + 2.5,
                         qPrintable(QStringLiteral("label %1 at %2..%3, plot %4..%5").arg(i).arg(rects[i].left()).arg(rects[i].right()).arg(area.left()).arg(area.right())));
                for (size_t j = i + 1; j < rects.size(); ++j)
                    QVERIFY2(!rects[i].intersects(rects[j]), qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
            }
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
