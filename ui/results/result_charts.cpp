#include "result_charts.h"

#include "ui/results/chart_layout.h"
#include "ui/results/chart_parts.h"
#include "ui/present/result_tables.h"
#include "ui/present/number_format.h"

#include <algorithm>
#include <cmath>

namespace nines::ui {

using namespace charts;

namespace {

bool downtime(QCustomPlot* plot, const study::Evaluation& a)
{
    const auto& r = a.simulation;
    if (r.downtime_minutes.empty())
        return false;
    std::vector<double> v = r.downtime_minutes;
    std::sort(v.begin(), v.end());
    // The range up to the 99.5th percentile keeps one extreme year from squashing the rest; when
    // fewer than one year in two hundred had downtime, up to the worst one (they must show).
    double top = v[std::min(v.size() - 1, static_cast<size_t>(0.995 * double(v.size())))];
    if (!(top > 0))
        top = v.back();
    if (!(top > 0))
        return false;
    const int binCount = std::clamp(static_cast<int>(std::sqrt(double(v.size()))), 10, 40);
    const double width = top / binCount;
    QVector<double> keys(binCount), values(binCount, 0.0);
    for (int i = 0; i < binCount; ++i)
        keys[i] = (i + 0.5) * width;
    for (double x : v)
        values[std::min(binCount - 1, static_cast<int>(x / width))] += 100.0 / double(v.size());
    QCPBars* b = bars(plot, plot->xAxis, plot->yAxis, kBlue, QObject::tr("share of %1s").arg(present::periodOf(a.settings)));
    b->setWidth(width * 0.92);
    b->setData(keys, values, true);
    plot->xAxis->setLabel(QObject::tr("Downtime in a %1 (minutes)").arg(present::periodOf(a.settings)));
    plot->yAxis->setLabel(QObject::tr("Share of simulated %1s (%)").arg(present::periodOf(a.settings)));
    plot->xAxis->setRange(0, top * 1.04);
    plot->yAxis->setRange(0, *std::max_element(values.begin(), values.end()) * 1.25);
    marker(plot, r.downtime_p50, QObject::tr("median %1").arg(num(r.downtime_p50)), kTeal, 0);
    marker(plot, r.downtime_p90, QObject::tr("p90 %1").arg(num(r.downtime_p90)), kAmber, 1);
    if (r.downtime_p99 <= top * 1.04)
        marker(plot, r.downtime_p99, QObject::tr("p99 %1").arg(num(r.downtime_p99)), kRed, 2);
    return true;
}

bool outageLengths(QCustomPlot* plot, const study::Evaluation& a)
{
    const auto& r = a.simulation;
    const auto& h = r.outage_lengths;
    const double years = r.simulated_hours > 0 ? r.simulated_hours / 8760.0 : 0.0;
    if (h.total() == 0 || years <= 0)
        return false;
    int first = sim::OutageHistogram::kBins, last = -1;
    for (int b = 0; b < sim::OutageHistogram::kBins; ++b)
        if (h.counts[size_t(b)] > 0) {
            first = std::min(first, b);
            last = b;
        }
    // A step outline over log-spaced bins: bars of equal visual width on a log axis.
    auto* g = new QCPGraph(plot->xAxis, plot->yAxis);
    g->setName(QObject::tr("outages per year"));
    g->setLineStyle(QCPGraph::lsStepLeft);
    g->setPen(QPen(kBlue.darker(120), 1.2));
    QColor fill = kBlue;
    fill.setAlpha(150);
    g->setBrush(fill);
    QVector<double> keys, values;
    double peak = 0;
    for (int b = first; b <= last; ++b) {
        const double perYear = double(h.counts[size_t(b)]) / years;
        keys << sim::OutageHistogram::lowerEdge(b) * 60.0;
        values << perYear;
        peak = std::max(peak, perYear);
    }
    keys << sim::OutageHistogram::lowerEdge(last + 1) * 60.0;
    values << values.back();
    g->setData(keys, values, true);
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot->xAxis->setLabel(QObject::tr("Outage length (minutes, logarithmic)"));
    plot->yAxis->setLabel(QObject::tr("Outages per year"));
    plot->xAxis->setRange(keys.front() / 1.5, keys.back() * 1.5);
    plot->yAxis->setRange(0, peak * 1.2);
    return true;
}

/// Months by downtime: ten bins a decade on a log axis (months without downtime are said in the
/// legend, a log axis has no zero), with the SLA's monthly allowance and each credit threshold.
bool monthlyDowntime(QCustomPlot* plot, const study::Evaluation& a)
{
    const auto& r = a.simulation;
    const sim::MonthHistogram& h = r.month_downtime;
    const std::uint64_t total = h.total();
    if (total == 0)
        return false;
    QVector<double> keys, values;
    double peak = 0;
    for (const auto& g : h.tenthsOfDecades()) {
        if (g.count == 0 && keys.isEmpty())
            continue;
        keys << g.from_minutes;
        values << 100.0 * double(g.count) / double(total);
        peak = std::max(peak, values.back());
    }
    while (!values.isEmpty() && values.back() == 0) {
        keys.removeLast();
        values.removeLast();
    }
    const double monthMinutes = sim::kMonthHours * 60.0;
    const double allowance = (1.0 - a.settings.sla_availability) * monthMinutes;
    double lo = allowance, hi = allowance;
    if (!keys.isEmpty()) {
        keys << keys.back() * std::pow(10.0, 0.1);
        values << values.back();
        auto* g = new QCPGraph(plot->xAxis, plot->yAxis);
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->setPen(QPen(kBlue.darker(120), 1.2));
        QColor fill = kBlue;
        fill.setAlpha(150);
        g->setBrush(fill);
        g->setData(keys, values, true);
        lo = std::min(lo, keys.front());
        hi = std::max(hi, keys.back());
    } else {
        peak = 100.0;  // no month had downtime: only the thresholds are drawn
    }
    std::vector<double> credits;
    for (const auto& c : a.model.settings.sla_credits)
        credits.push_back((1.0 - c.below_percent / 100.0) * monthMinutes);
    for (double x : credits)
        if (x > 0) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot->xAxis->setRange(std::max(lo / 2.0, sim::MonthHistogram::kMinMinutes), std::min(hi * 2.0, monthMinutes * 1.2));
    plot->yAxis->setRange(0, peak * 1.3);
    // A log axis has no zero: the months without downtime are said in the axis label.
    plot->xAxis->setLabel(QObject::tr("Downtime in a month of 730 h (minutes, logarithmic); %1% of months had none")
                              .arg(num(100.0 * double(h.zero) / double(total), 3)));
    plot->yAxis->setLabel(QObject::tr("Share of months (%)"));
    QString slaLabel = QObject::tr("SLA %1%: %2 min").arg(num(100 * a.settings.sla_availability, 3), num(allowance));
    int row = 1;
    for (size_t i = 0; i < credits.size(); ++i) {
        const QString credit = QObject::tr("credit %1%").arg(num(a.model.settings.sla_credits[i].credit_percent));
        if (!(credits[i] > 0))
            continue;
        if (std::abs(credits[i] - allowance) <= 1e-9 * allowance)
            slaLabel += QStringLiteral(", ") + credit;  // the same line: one label
        else
            marker(plot, credits[i], credit, kAmber, row++);
    }
    marker(plot, allowance, slaLabel, kRed, 0);
    return true;
}

bool convergence(QCustomPlot* plot, const study::Evaluation& a)
{
    const auto& c = a.simulation.convergence;
    if (c.size() < 2)
        return false;
    QVector<double> x, mean, low, high;
    for (const auto& p : c) {
        x << double(p.replications);
        mean << 100.0 * p.availability;
        low << 100.0 * p.ci_low;
        high << 100.0 * p.ci_high;
    }
    auto* lo = plot->addGraph();
    auto* hi = plot->addGraph();
    lo->setData(x, low, true);
    hi->setData(x, high, true);
    lo->setPen(QPen(kBlue.lighter(150)));
    hi->setPen(QPen(kBlue.lighter(150)));
    QColor band = kBlue;
    band.setAlpha(50);
    hi->setBrush(band);
    hi->setChannelFillGraph(lo);
    hi->setName(QObject::tr("95% confidence band"));
    lo->removeFromLegend();
    auto* m = plot->addGraph();
    m->setData(x, mean, true);
    m->setPen(QPen(kBlue, 2));
    m->setName(QObject::tr("simulated availability"));
    double yLow = *std::min_element(low.begin() + qsizetype(low.size() / 5), low.end());
    double yHigh = *std::max_element(high.begin() + qsizetype(high.size() / 5), high.end());
    if (a.exact.applicable) {
        auto* e = plot->addGraph();
        e->setData(QVector<double>{x.front(), x.back()},
                   QVector<double>{100.0 * a.exact.availability, 100.0 * a.exact.availability}, true);
        e->setPen(QPen(kRed, 1.5, Qt::DashLine));
        e->setName(QObject::tr("exact steady state"));
        yLow = std::min(yLow, 100.0 * a.exact.availability);
        yHigh = std::max(yHigh, 100.0 * a.exact.availability);
    }
    const double pad = std::max(1e-6, (yHigh - yLow) * 0.25);
    const QCPRange yRange(yLow - pad, std::min(100.0, yHigh + pad));
    plot->yAxis->setRange(yRange);
    // The first, wide intervals run off the chart; clamped here since SVG output has no clipping.
    for (QCPGraph* g : {lo, hi, m})
        for (auto it = g->data()->begin(); it != g->data()->end(); ++it)
            it->value = std::clamp(it->value, yRange.lower, yRange.upper);
    plot->xAxis->setRange(0, x.back());
    plot->xAxis->setLabel(QObject::tr("Replications (independent %1s)").arg(present::periodOf(a.settings)));
    plot->yAxis->setLabel(QObject::tr("Availability (%)"));
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(std::clamp(int(std::ceil(-std::log10(pad))) + 1, 2, 7));
    plot->legend->setVisible(true);
    return true;
}

bool criticality(QCustomPlot* plot, const study::Evaluation& a)
{
    std::vector<const sim::ComponentResult*> ranked;
    for (const auto& c : a.simulation.components)
        if (c.criticality > 0)
            ranked.push_back(&c);
    if (ranked.empty())
        return false;
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* x, auto* y) { return x->criticality > y->criticality; });
    if (ranked.size() > 12)
        ranked.resize(12);
    // Most critical at the top: the last key is drawn highest.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, values;
    std::vector<QCPItemText*> labels;
    double top = 0;
    // The bars first: what is added later is drawn on top, and the labels must be.
    QCPBars* b = bars(plot, plot->yAxis, plot->xAxis, kAmber, QObject::tr("criticality"));
    for (size_t i = 0; i < ranked.size(); ++i) {
        const double key = double(ranked.size() - i);
        const auto* c = ranked[i];
        QString name = QString::fromStdString(c->id);
        if (const model::Component* comp = a.model.findComponent(c->id); comp && !comp->name.empty())
            name = QString::fromStdString(comp->name);
        if (name.size() > 24)
            name = name.left(23) + QChar(0x2026);
        // What making it perfect saves goes under its name: a label beside the bar would not fit
        // next to a long bar in a small chart.
        const auto gain = study::gainIfPerfect(a, c->id);
        const double perYear = model::kMinutesPerYear;
        ticker->addTick(key, gain ? QObject::tr("%1\nperfect saves %2 (%3) min/yr")
                                        .arg(name, num(gain->mean * perYear),
                                             present::intervalText({gain->mean * perYear, gain->low * perYear, gain->high * perYear},
                                                                   present::Figure::Minutes))
                                  : name);
        keys << key;
        values << 100.0 * c->criticality;
        top = std::max(top, 100.0 * c->criticality);
        auto* label = new QCPItemText(plot);
        label->position->setCoords(100.0 * c->criticality, key);
        labels.push_back(label);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(5, 0, 0, 0));
        label->setText(QObject::tr("%1%").arg(num(100.0 * c->criticality)));
        QFont f = plot->font();
        f.setPointSizeF(9);
        label->setFont(f);
        label->setColor(QColor(0x2d, 0x37, 0x48));
        label->setClipToAxisRect(false);
    }
    b->setWidth(0.6);
    b->setData(keys, values, true);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(0.3, double(ranked.size()) + 0.7);
    plot->yAxis->grid()->setVisible(false);
    const double range = std::min(100.0, top * 1.2 + 6);
    plot->xAxis->setRange(0, range);
    // A long bar carries its label inside, so that no label runs out of the chart.
    for (size_t i = 0; i < labels.size(); ++i)
        if (values[qsizetype(i)] > range * 0.8) {
            labels[i]->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
            labels[i]->setPadding(QMargins(0, 0, 6, 0));
            labels[i]->setColor(Qt::white);
        }
    plot->xAxis->setLabel(QObject::tr("Down and needed: share of the downtime (%), not additive"));
    return true;
}

}  // namespace

QString chartTitle(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Downtime: return QObject::tr("Downtime per year");
    case ChartKind::OutageLength: return QObject::tr("How long outages last");
    case ChartKind::Convergence: return QObject::tr("Convergence of the estimate");
    case ChartKind::Criticality: return QObject::tr("Components: down and needed");
    case ChartKind::Capacity: return QObject::tr("Load against capacity per tier");
    case ChartKind::Growth: return QObject::tr("Load as it grows");
    case ChartKind::Cap: return QObject::tr("Data stores: CP or AP");
    case ChartKind::CostAvailability: return QObject::tr("Scenarios: cost of ownership against availability");
    case ChartKind::MonthlyDowntime: return QObject::tr("Downtime per month");
    }
    return {};
}

QString chartCaption(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Downtime:
        return QObject::tr("Each simulated year's downtime; the dashed lines mark the median, the 90th and the 99th "
                           "percentile: one year in ten is worse than p90.");
    case ChartKind::OutageLength:
        return QObject::tr("Outages per year by length, in bins of half a doubling: short blips on the left, long "
                           "outages on the right.");
    case ChartKind::Convergence:
        return QObject::tr("The availability estimate and its 95% confidence band as replications accumulate; the "
                           "dashed line is the exact steady-state value where the solver applies (a first year from "
                           "all-new may differ slightly from it).");
    case ChartKind::Criticality:
        return QObject::tr("Bars: the share of the downtime during which the component was short and the system "
                           "could not do without it; components down together each count, so the shares do not add "
                           "up. Under each name: the downtime a year that making it perfect saves, from a paired "
                           "rerun without its failures (95% interval).");
    case ChartKind::Capacity:
        return QObject::tr("Usable capacity (at the target utilisation) of each tier with everything up, after its "
                           "worst single failure and after the worst zone loss, against the demand at peak.");
    case ChartKind::Growth:
        return QObject::tr("Each tier's load at peak, everything up, as a share of its usable capacity while the load "
                           "grows; where a line crosses the dashed line, the tier needs more capacity.");
    case ChartKind::Cap:
        return QObject::tr("The system's availability with each data store as CP (serves only with a majority) and as "
                           "AP (serves from any replica, and may diverge during a partition), with the same seeds.");
    case ChartKind::CostAvailability:
        return QObject::tr("Each design (the base and every scenario) by its cost of ownership over the horizon "
                           "(purchase, running cost, expected downtime cost and SLA credits) and how available it is, "
                           "with its 95% interval; the dashed line joins the designs no other beats on both.");
    case ChartKind::MonthlyDowntime:
        return QObject::tr("Calendar months of 730 h by their downtime, in bins of a tenth of a decade: right of the red "
                           "line a month misses the SLA; right of an amber line it earns that credit.");
    }
    return {};
}

QString chartEmptyText(ChartKind kind, const study::Evaluation& a)
{
    const auto& r = a.simulation;
    const QString period = present::periodOf(a.settings);
    const QString noLoad = QObject::tr("No load is modelled: give an entry its demand at peak (requests per second) and "
                                       "the components their capacity to see each tier's load against its capacity.");
    switch (kind) {
    case ChartKind::Downtime:
        return r.downtime_minutes.empty() ? QObject::tr("No replication finished, so there is no %1 to show.").arg(period)
                                          : QObject::tr("No simulated %1 had any downtime: every bar would stand at zero.").arg(period);
    case ChartKind::OutageLength:
        return QObject::tr("No outage was seen in the run, so there are no outage lengths to show.");
    case ChartKind::Convergence:
        return QObject::tr("The estimate is drawn as replications accumulate, a point per block of them; this run "
                           "finished too few blocks to draw a line.");
    case ChartKind::Criticality:
        return QObject::tr("No component was down and needed in the run: there was no downtime to share out.");
    case ChartKind::Capacity:
        return noLoad;
    case ChartKind::Growth:
        if (!a.capacity.has_load || a.capacity.tiers.empty())
            return noLoad;
        return a.capacity.yearly_growth_percent == 0
                   ? QObject::tr("The load does not grow (a yearly growth of 0% in the model's settings): set one to see "
                                 "when each tier runs out of capacity.")
                   : QObject::tr("The load shrinks to nothing (a yearly growth of -100% or less): there is no growth to "
                                 "draw.");
    case ChartKind::Cap:
        return QObject::tr("The model has no replicated data store with a consistency choice (CP or AP), so there is "
                           "nothing to compare.");
    case ChartKind::CostAvailability:
        return QObject::tr("There is no scenario to set against the base: add one on the Scenarios panel to compare "
                           "cost of ownership and availability.");
    case ChartKind::MonthlyDowntime:
        return r.month_downtime.total() == 0
                   ? QObject::tr("No calendar month of 730 h was simulated (the mission is shorter than a month).")
                   : QString();
    }
    return {};
}

QString chartId(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Downtime: return QStringLiteral("downtime");
    case ChartKind::OutageLength: return QStringLiteral("outage-lengths");
    case ChartKind::Convergence: return QStringLiteral("convergence");
    case ChartKind::Criticality: return QStringLiteral("criticality");
    case ChartKind::Capacity: return QStringLiteral("capacity");
    case ChartKind::Growth: return QStringLiteral("growth");
    case ChartKind::Cap: return QStringLiteral("cap");
    case ChartKind::CostAvailability: return QStringLiteral("cost-availability");
    case ChartKind::MonthlyDowntime: return QStringLiteral("monthly-downtime");
    }
    return {};
}

void styleChart(QCustomPlot* plot)
{
    QFont f = plot->font();
    f.setPointSizeF(10);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setTickLabelFont(f);
        QFont lf = f;
        lf.setPointSizeF(10.5);
        axis->setLabelFont(lf);
        axis->setBasePen(QPen(kGrey));
        axis->setTickPen(QPen(kGrey));
        axis->setSubTickPen(QPen(kGrey));
        axis->setLabelColor(QColor(0x2d, 0x37, 0x48));
        axis->setTickLabelColor(QColor(0x2d, 0x37, 0x48));
        axis->grid()->setPen(QPen(QColor(0xe2, 0xe8, 0xf0), 1));
        axis->grid()->setSubGridVisible(false);
    }
    QFont legendFont = f;
    legendFont.setPointSizeF(9.5);
    plot->legend->setFont(legendFont);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(0xcb, 0xd5, 0xe0)));
    plot->setBackground(Qt::white);
}

bool drawChart(QCustomPlot* plot, ChartKind kind, const study::Evaluation& a)
{
    plot->clearPlottables();
    plot->clearItems();
    charts::clearEmpty(plot);
    charts::placeLegend(plot, false);  // back inside while the chart is drawn; above it once drawn
    plot->xAxis->setScaleType(QCPAxis::stLinear);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    plot->xAxis->setLabel({});
    plot->yAxis->setLabel({});
    plot->xAxis->grid()->setVisible(true);
    plot->yAxis->grid()->setVisible(true);
    styleChart(plot);
    bool drawn = false;
    switch (kind) {
    case ChartKind::Downtime: drawn = downtime(plot, a); break;
    case ChartKind::OutageLength: drawn = outageLengths(plot, a); break;
    case ChartKind::Convergence: drawn = convergence(plot, a); break;
    case ChartKind::Criticality: drawn = criticality(plot, a); break;
    case ChartKind::Capacity: drawn = charts::capacity(plot, a); break;
    case ChartKind::Growth: drawn = charts::growth(plot, a); break;
    case ChartKind::Cap: drawn = charts::cap(plot, a); break;
    case ChartKind::CostAvailability: drawn = charts::costAvailability(plot, a); break;
    case ChartKind::MonthlyDowntime: drawn = monthlyDowntime(plot, a); break;
    }
    if (!drawn) {
        charts::showEmpty(plot, chartEmptyText(kind, a));
        return false;
    }
    charts::placeLegend(plot, plot->legend->visible());
    plot->replot();
    return drawn;
}

}  // namespace nines::ui
