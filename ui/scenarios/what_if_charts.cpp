#include "what_if_charts.h"

#include "ui/results/chart_layout.h"
#include "ui/results/chart_parts.h"
#include "ui/results/result_charts.h"

#include <algorithm>
#include <cmath>

namespace nines::ui {

using namespace charts;

namespace {

/// Nines to plot for an unavailability (never from 1 - A); 9 when nothing was down.
double plottedNines(double unavailability)
{
    const double n = sim::ninesOf(unavailability);
    return std::isfinite(n) ? n : 9.0;
}

bool oneAxis(QCustomPlot* plot, const study::Sweep& s, const QString& currency)
{
    auto* mean = plot->addGraph();
    mean->setName(QObject::tr("availability (simulated, 95% interval)"));
    mean->setPen(QPen(kBlue, 2));
    mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kBlue, Qt::white, 7));
    auto* errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
    errors->setDataPlottable(mean);
    errors->setPen(QPen(kBlue.lighter(130), 1.5));
    errors->removeFromLegend();
    QCPGraph* exact = nullptr;
    auto* cost = plot->addGraph(plot->xAxis, plot->yAxis2);
    // The cost drawn is the cost of ownership over the horizon (what the finding ranks by); it
    // was labelled "first-year cost", a figure three times smaller on a three-year horizon.
    const double horizon = s.points.empty() ? 0.0 : s.points.front().cost.horizon_years;
    cost->setName(QObject::tr("cost of ownership, %1 years").arg(num(horizon, 1)));
    cost->setPen(QPen(kAmber, 1.5, Qt::DashDotLine));
    cost->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, kAmber, kAmber, 5));
    double yMin = 100, yMax = 0, cMax = 0, xMin = 0, xMax = 0;
    bool first = true;
    std::vector<PointWithInterval> means;
    for (const auto& p : s.points) {
        if (!p.valid)
            continue;
        const double x = p.values[0];
        const auto& a = p.run.availability;
        means.push_back({x, 100 * a.mean, 100 * (a.mean - a.low), 100 * (a.high - a.mean)});
        yMin = std::min(yMin, 100 * a.low);
        yMax = std::max(yMax, 100 * a.high);
        if (p.exact_availability) {
            if (!exact) {
                exact = plot->addGraph();
                exact->setName(QObject::tr("exact (analytic)"));
                exact->setPen(QPen(kTeal, 1.5, Qt::DashLine));
            }
            exact->addData(x, 100 * *p.exact_availability);
            yMin = std::min(yMin, 100 * *p.exact_availability);
            yMax = std::max(yMax, 100 * *p.exact_availability);
        }
        cost->addData(x, p.cost.ownership());
        cMax = std::max(cMax, p.cost.ownership());
        xMin = first ? x : std::min(xMin, x);
        xMax = first ? x : std::max(xMax, x);
        first = false;
    }
    if (first)
        return false;
    addPointsWithIntervals(mean, errors, std::move(means));  // swept values in any order
    const double sla = 100 * s.settings.sla_availability;
    yMin = std::min(yMin, sla);
    yMax = std::max(yMax, sla);
    limitLine(plot, sla, QObject::tr("SLA target %1%").arg(num(sla, 3)));
    const double xPad = std::max(0.5, 0.06 * (xMax - xMin));
    plot->xAxis->setRange(xMin - xPad, xMax + xPad);
    const double yPad = std::max(1e-6, 0.08 * (yMax - yMin));
    plot->yAxis->setRange(yMin - yPad, std::min(100.0 + yPad * 0.1, yMax + yPad));
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(std::clamp(int(std::ceil(-std::log10(yPad))) + 1, 2, 7));
    // Whole-number values (counts) few enough to read: ticks at the values, not at halves.
    const auto& xs = s.axes[0].values;
    if (xs.size() <= 16 && std::all_of(xs.begin(), xs.end(), [](double v) { return v == std::round(v); })) {
        QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
        for (double v : xs)
            ticks->addTick(v, sweepValueText(v));
        plot->xAxis->setTicker(ticks);
    }
    plot->xAxis->setLabel(QString::fromStdString(s.axes[0].path));
    plot->yAxis->setLabel(QObject::tr("Availability (%)"));
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setRange(0, cMax > 0 ? cMax * 1.15 : 1.0);
    plot->yAxis2->setLabel(QObject::tr("Cost of ownership%1")
                               .arg(currency.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(currency)));
    plot->yAxis2->setTicker(QSharedPointer<QCPAxisTicker>(new MoneyTicker));
    if (cMax <= 0)
        cost->removeFromLegend();
    if (s.cheapest_meeting_sla)
        marker(plot, s.points[*s.cheapest_meeting_sla].values[0],
               QObject::tr("cheapest meeting the SLA: %1").arg(sweepValueText(s.points[*s.cheapest_meeting_sla].values[0])),
               kTeal, 0);
    placeLegend(plot, true);
    return true;
}

bool twoAxes(QCustomPlot* plot, const study::Sweep& s)
{
    const auto& xs = s.axes[0].values;
    const auto& ys = s.axes[1].values;
    if (xs.empty() || ys.empty())
        return false;
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(int(xs.size()), int(ys.size()));
    map->data()->setRange(QCPRange(xs.front(), xs.back()), QCPRange(ys.front(), ys.back()));
    double lo = 1e9, hi = 0;
    bool any = false;
    // The SLA target is an input, not an estimate: its unavailability is 1 - target exactly.
    const double sla = plottedNines(1.0 - s.settings.sla_availability);
    QFont f = plot->font();
    f.setPointSizeF(xs.size() * ys.size() > 60 ? 7 : 8.5);
    for (const auto& p : s.points)
        if (p.valid) {
            lo = std::min(lo, plottedNines(p.run.unavailability.mean));
            hi = std::max(hi, plottedNines(p.run.unavailability.mean));
            any = true;
        }
    if (!any)
        return false;
    for (size_t i = 0; i < xs.size(); ++i)
        for (size_t j = 0; j < ys.size(); ++j) {
            const size_t at = i * ys.size() + j;  // the first axis varies slowest
            if (at >= s.points.size() || !s.points[at].valid) {  // cancelled before it, or invalid
                map->data()->setCell(int(i), int(j), std::nan(""));  // no colour
                continue;
            }
            const study::SweepPoint& p = s.points[at];
            const double n = plottedNines(p.run.unavailability.mean);
            map->data()->setCell(int(i), int(j), n);
            auto* label = new QCPItemText(plot);
            label->position->setCoords(xs[i], ys[j]);
            label->setText(num(n, 2) + (p.meets_sla ? QStringLiteral(" \u2713") : QString()));
            label->setFont(f);
            label->setColor(QColor(0x1a, 0x20, 0x2c));
            label->setClipToAxisRect(true);
        }
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(0, 1, scale);
    scale->setType(QCPAxis::atRight);
    map->setColorScale(scale);
    scale->axis()->setLabel(QObject::tr("Nines (\u2713 meets the SLA, %1 nines)").arg(num(sla, 2)));
    // Light colours from red (fewest nines) through yellow to green, so the labels read on all.
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0, QColor(0xfe, 0xb2, 0xb2));
    g.setColorStopAt(0.5, QColor(0xfa, 0xf0, 0x89));
    g.setColorStopAt(1, QColor(0x68, 0xd3, 0x91));
    g.setNanHandling(QCPColorGradient::nhTransparent);
    map->setGradient(g);
    map->setDataRange(QCPRange(lo, hi > lo ? hi : lo + 0.1));
    map->setInterpolate(false);
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    const double dx = xs.size() > 1 ? (xs.back() - xs.front()) / double(xs.size() - 1) : 1.0;
    const double dy = ys.size() > 1 ? (ys.back() - ys.front()) / double(ys.size() - 1) : 1.0;
    plot->xAxis->setRange(xs.front() - dx / 2, xs.back() + dx / 2);
    plot->yAxis->setRange(ys.front() - dy / 2, ys.back() + dy / 2);
    // Ticks at the swept values themselves, when they are few enough to read.
    for (auto [axis, values] : {std::pair{plot->xAxis, &xs}, std::pair{plot->yAxis, &ys}})
        if (values->size() <= 16) {
            QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
            for (double v : *values)
                ticks->addTick(v, sweepValueText(v));
            axis->setTicker(ticks);
        }
    plot->xAxis->setLabel(QString::fromStdString(s.axes[0].path));
    plot->yAxis->setLabel(QString::fromStdString(s.axes[1].path));
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    plot->legend->setVisible(false);
    return true;
}

}  // namespace

QString sweepValueText(double v)
{
    return QString::fromStdString(present::formatFixed(v, std::abs(v - std::round(v)) < 1e-9 ? 0 : 3));
}

bool drawDifferences(QCustomPlot* plot, const study::Comparison& c)
{
    plot->clearPlottables();
    plot->clearItems();
    clearEmpty(plot);
    placeLegend(plot, false);
    plot->xAxis->grid()->setVisible(true);
    styleChart(plot);
    if (c.runs.size() < 2) {
        showEmpty(plot, QObject::tr("There is no scenario to set against the base: add one on the Scenarios panel, "
                                    "then compare."));
        return false;
    }
    // One row per scenario, in model order from the top; the paired interval above the one two
    // separate runs would give, so the gain from common random numbers shows.
    auto* paired = plot->addGraph();
    paired->setName(QObject::tr("paired (common random numbers)"));
    paired->setLineStyle(QCPGraph::lsNone);
    paired->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kBlue, kBlue, 8));
    auto* pairedBars = new QCPErrorBars(plot->xAxis, plot->yAxis);
    pairedBars->setDataPlottable(paired);
    pairedBars->setErrorType(QCPErrorBars::etKeyError);
    pairedBars->setPen(QPen(kBlue, 2.5));
    pairedBars->removeFromLegend();
    auto* separate = plot->addGraph();
    separate->setName(QObject::tr("separate runs"));
    separate->setLineStyle(QCPGraph::lsNone);
    separate->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kGrey, Qt::white, 6));
    auto* separateBars = new QCPErrorBars(plot->xAxis, plot->yAxis);
    separateBars->setDataPlottable(separate);
    separateBars->setErrorType(QCPErrorBars::etKeyError);
    separateBars->setPen(QPen(kGrey, 1.2));
    separateBars->removeFromLegend();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double lo = 0, hi = 0;
    const size_t n = c.runs.size() - 1;
    std::vector<PointWithInterval> pairedPoints, separatePoints;
    for (size_t i = 1; i < c.runs.size(); ++i) {
        const study::ScenarioRun& r = c.runs[i];
        const double y = double(n - i) + 0.1;  // the first scenario on top
        const double d = 100 * r.difference.mean;
        // Points are (difference, row): the key is the difference, so key errors are horizontal,
        // and the graph orders them by difference (addPointsWithIntervals keeps each on its row).
        pairedPoints.push_back({d, y, 100 * (r.difference.mean - r.difference.low), 100 * (r.difference.high - r.difference.mean)});
        separatePoints.push_back({d, y - 0.2, 100 * r.independent_half_width, 100 * r.independent_half_width});
        lo = std::min({lo, 100 * r.difference.low, d - 100 * r.independent_half_width});
        hi = std::max({hi, 100 * r.difference.high, d + 100 * r.independent_half_width});
        ticker->addTick(y - 0.1, QString::fromStdString(r.name.empty() ? r.id : r.name));
    }
    addPointsWithIntervals(paired, pairedBars, std::move(pairedPoints));
    addPointsWithIntervals(separate, separateBars, std::move(separatePoints));
    auto* zero = new QCPItemStraightLine(plot);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(0, 1);
    zero->setPen(QPen(kRed, 1.2, Qt::DashLine));
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(-0.6, double(n) - 0.2);
    plot->yAxis->grid()->setVisible(false);
    const double pad = std::max(1e-7, 0.1 * (hi - lo));
    plot->xAxis->setRange(lo - pad, hi + pad);
    // Differences are thousandths of a point: "2.5·10⁻³" reads where "0.0025" runs into its neighbours.
    plot->xAxis->setNumberFormat(QStringLiteral("gbc"));
    plot->xAxis->setNumberPrecision(2);
    plot->xAxis->ticker()->setTickCount(4);
    plot->xAxis->setLabel(QObject::tr("Availability difference from the base (percentage points)"));
    placeLegend(plot, true);
    return true;
}

bool drawSweep(QCustomPlot* plot, const study::Sweep& sweep, const QString& currency)
{
    plot->clearPlottables();
    plot->clearItems();
    plot->clearGraphs();
    clearEmpty(plot);
    placeLegend(plot, false);
    // A colour scale of an earlier heat map sits beside the axis rect: take it away.
    while (plot->plotLayout()->columnCount() > 1 && plot->plotLayout()->elementCount() > 1)
        if (!plot->plotLayout()->removeAt(plot->plotLayout()->elementCount() - 1))
            break;
    plot->plotLayout()->simplify();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->grid()->setVisible(true);
    plot->yAxis->grid()->setVisible(true);
    styleChart(plot);
    plot->yAxis2->setVisible(false);
    if (sweep.points.empty()) {
        showEmpty(plot, QObject::tr("The sweep stopped before its first point: there is nothing to draw yet."));
        return false;
    }
    if (sweep.axes.size() == 1)
        return oneAxis(plot, sweep, currency);
    if (sweep.axes.size() == 2)
        return twoAxes(plot, sweep);
    showEmpty(plot, QObject::tr("A sweep steps one or two fields: choose a field and its range, then Sweep."));
    return false;
}

QString sweepFinding(const study::Sweep& s)
{
    const QString sla = num(100 * s.settings.sla_availability, 3);
    if (s.cancelled)
        return QObject::tr("Cancelled: the points run so far are shown.");
    if (!s.cheapest_meeting_sla)
        return QObject::tr("No point of the sweep meets the SLA (%1%).").arg(sla);
    const study::SweepPoint& p = s.points[*s.cheapest_meeting_sla];
    QStringList at;
    for (size_t i = 0; i < s.axes.size(); ++i)
        at << QStringLiteral("%1 = %2").arg(QString::fromStdString(s.axes[i].path), sweepValueText(p.values[i]));
    return QObject::tr("The cheapest point that meets the SLA (%1%), by cost of ownership over %2 years: %3 (%4); %5.")
        .arg(sla, num(p.cost.horizon_years, 1), at.join(QStringLiteral(", ")), num(p.cost.ownership(), 0),
             s.cheapest_interval_meets_sla ? QObject::tr("its whole 95% interval meets the SLA")
                                           : QObject::tr("its 95% interval reaches below the SLA, so it may miss"));
}

}  // namespace nines::ui
