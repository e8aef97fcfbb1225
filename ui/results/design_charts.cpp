#include "ui/results/chart_layout.h"
#include "ui/results/chart_parts.h"

#include <algorithm>
#include <cmath>

namespace nines::ui::charts {

namespace {

/// Demand as a share of usable capacity (%); tiers differ by orders of magnitude in requests per
/// second, their utilisation compares at a glance. A tier with nothing left shows as kDown.
constexpr double kDown = 250.0;

double utilisation(double demand, double capacity, double target)
{
    const double usable = capacity * target;
    return usable > 0 ? std::min(kDown, 100.0 * demand / usable) : kDown;
}

QString tierName(const study::Evaluation& a, const std::string& id, int max)
{
    QString name = QString::fromStdString(id);
    if (const model::Component* comp = a.model.findComponent(id); comp && !comp->name.empty())
        name = QString::fromStdString(comp->name);
    return name.size() > max ? name.left(max - 1) + QChar(0x2026) : name;
}

}  // namespace

bool capacity(QCustomPlot* plot, const study::Evaluation& a)
{
    const auto& cap = a.capacity;
    if (!cap.has_load || cap.tiers.empty())
        return false;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, allUp, nPlus1, zone;
    double top = 100;
    const double u = cap.target_utilisation;
    for (size_t i = 0; i < cap.tiers.size(); ++i) {
        const auto& t = cap.tiers[i];
        const double key = double(i + 1);
        ticker->addTick(key, wrappedName(tierName(a, t.id, 40)));
        keys << key;
        allUp << utilisation(t.all_up.demand_rps, t.all_up.capacity_rps, u);
        nPlus1 << utilisation(t.n_plus_1.demand_rps, t.n_plus_1.capacity_rps, u);
        zone << utilisation(t.zone_loss.demand_rps, t.zone_loss.capacity_rps, u);
        top = std::max({top, allUp.back(), nPlus1.back(), zone.back()});
    }
    auto* group = new QCPBarsGroup(plot);
    const std::pair<QVector<double>*, std::pair<QColor, QString>> series[] = {
        {&allUp, {kBlue, QObject::tr("all up")}},
        {&nPlus1, {kTeal, QObject::tr("after the worst single failure (N+1)")}},
        {&zone, {kGrey, QObject::tr("after losing the worst zone")}}};
    for (const auto& [data, style] : series) {
        QCPBars* b = bars(plot, plot->xAxis, plot->yAxis, style.first, style.second);
        b->setWidth(0.25);
        b->setBarsGroup(group);
        b->setData(keys, *data, true);
    }
    limitLine(plot, 100, QObject::tr("usable capacity (%1% utilisation)").arg(num(100 * u, 0)));
    // Bars cut at kDown: the tier has (next to) nothing left; say so rather than draw a cliff.
    for (int s = 0; s < 3; ++s) {
        const QVector<double>& data = *series[s].first;
        for (qsizetype i = 0; i < data.size(); ++i)
            if (data[i] >= kDown) {
                auto* t = new QCPItemText(plot);
                t->position->setCoords(keys[i] + (s - 1) * 0.25, kDown);
                t->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                t->setText(QObject::tr("over %1%").arg(num(kDown, 0)));
                QFont f = plot->font();
                f.setPointSizeF(9);
                t->setFont(f);
                t->setColor(kRed);
            }
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, double(cap.tiers.size()) + 0.6);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->setRange(0, top * 1.12);  // room for "over 250%" above a bar cut there
    plot->yAxis->setLabel(QObject::tr("Load at peak / usable capacity (%)"));
    plot->legend->setVisible(true);
    return true;
}

bool growth(QCustomPlot* plot, const study::Evaluation& a)
{
    const auto& cap = a.capacity;
    if (!cap.has_load || cap.tiers.empty() || cap.yearly_growth_percent == 0)
        return false;
    const double g = 1.0 + cap.yearly_growth_percent / 100.0;
    if (g <= 0)
        return false;
    double horizon = 24;
    for (const auto& t : cap.tiers)
        if (std::isfinite(t.all_up.months) && t.all_up.months > 0)
            horizon = std::max(horizon, std::min(120.0, t.all_up.months * 1.3));
    const QColor colours[] = {kBlue, kTeal, kAmber, QColor(0x6b, 0x46, 0xc1), kGrey, QColor(0x97, 0x5a, 0x16)};
    double top = 100;
    for (size_t i = 0; i < cap.tiers.size(); ++i) {
        const auto& t = cap.tiers[i];
        QVector<double> x, y;
        for (int k = 0; k <= 60; ++k) {
            const double month = horizon * k / 60.0;
            x << month;
            y << utilisation(t.all_up.demand_rps * std::pow(g, month / 12.0), t.all_up.capacity_rps,
                             cap.target_utilisation);
            top = std::max(top, y.back());
        }
        auto* graph = plot->addGraph();
        graph->setData(x, y, true);
        graph->setPen(QPen(colours[i % std::size(colours)], 2));
        graph->setName(tierName(a, t.id, 24));
    }
    limitLine(plot, 100, QObject::tr("usable capacity"));
    if (top >= kDown) {
        // The lines are cut at kDown: say so, or the flat tops read as a load that stops growing.
        auto* cut = new QCPItemStraightLine(plot);
        cut->point1->setCoords(0, kDown);
        cut->point2->setCoords(1, kDown);
        cut->setPen(QPen(kGrey, 1, Qt::DotLine));
        auto* text = new QCPItemText(plot);
        text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.99, kDown);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        text->setText(QObject::tr("lines stop at %1%: far past capacity").arg(num(kDown, 0)));
        text->setColor(kGrey);
        QFont f = plot->font();
        f.setPointSizeF(8.5);
        text->setFont(f);
    }
    plot->xAxis->setRange(0, horizon);
    plot->yAxis->setRange(0, std::min(kDown, top) * 1.1);
    plot->xAxis->setLabel(QObject::tr("Months from now (load growing %1% a year)").arg(num(cap.yearly_growth_percent)));
    plot->yAxis->setLabel(QObject::tr("Load at peak / usable capacity (%)"));
    plot->legend->setVisible(true);
    return true;
}

bool cap(QCustomPlot* plot, const study::Evaluation& a)
{
    if (a.cap.empty())
        return false;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, cp, ap;
    double lo = 100;
    for (size_t i = 0; i < a.cap.size(); ++i) {
        const study::StoreCap& store = a.cap[i];
        const double key = double(i + 1);
        QString name = QString::fromStdString(store.id);
        if (const model::Component* comp = a.model.findComponent(store.id); comp && !comp->name.empty())
            name = QString::fromStdString(comp->name);
        ticker->addTick(key, QObject::tr("%1\n(chosen: %2)")
                                 .arg(name.size() > 24 ? name.left(23) + QChar(0x2026) : name,
                                      store.chosen == model::Consistency::CP ? QStringLiteral("CP") : QStringLiteral("AP")));
        keys << key;
        cp << 100.0 * store.availability_as_cp.mean;
        ap << 100.0 * store.availability_as_ap.mean;
        lo = std::min({lo, cp.back(), ap.back()});
    }
    auto* group = new QCPBarsGroup(plot);
    QCPBars* b1 = bars(plot, plot->xAxis, plot->yAxis, kBlue, QObject::tr("as CP (refuses when partitioned)"));
    QCPBars* b2 = bars(plot, plot->xAxis, plot->yAxis, kTeal, QObject::tr("as AP (serves, may diverge)"));
    for (auto* b : {b1, b2}) {
        b->setWidth(0.3);
        b->setBarsGroup(group);
    }
    // Availability differences live in the last digits: start the axis near the lowest value,
    // and the bars there (a bar's value counts from its base; SVG output has no clipping).
    const double floor = std::max(0.0, 100.0 - (100.0 - lo) * 1.6);
    for (auto* v : {&cp, &ap})
        for (double& x : *v)
            x -= floor;
    b1->setBaseValue(floor);
    b2->setBaseValue(floor);
    b1->setData(keys, cp, true);
    b2->setData(keys, ap, true);
    plot->yAxis->setRange(floor, 100.0);  // an availability ends at 100%
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(std::clamp(int(std::ceil(-std::log10(std::max(1e-9, 100.0 - floor)))) + 2, 1, 6));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, double(keys.size()) + 0.6);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->setLabel(QObject::tr("System availability (%)"));
    plot->legend->setVisible(true);
    return true;
}

bool costAvailability(QCustomPlot* plot, const study::Evaluation& a)
{
    if (!a.comparison || a.comparison->runs.size() < 2)
        return false;
    const auto& runs = a.comparison->runs;
    double xMin = runs.front().cost.ownership(), xMax = xMin, yMin = 100, yMax = 0;
    auto* all = plot->addGraph();
    all->setLineStyle(QCPGraph::lsNone);
    all->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kBlue, Qt::white, 9));
    all->setName(QObject::tr("design"));
    std::vector<std::pair<double, double>> frontier;
    std::vector<QCPItemText*> labels;
    std::vector<QPointF> anchors;
    for (size_t i = 0; i < runs.size(); ++i) {
        const auto& r = runs[i];
        const double x = r.cost.ownership(), y = 100 * r.run.availability.mean;
        all->addData(x, y);
        xMin = std::min(xMin, x);
        xMax = std::max(xMax, x);
        yMin = std::min(yMin, 100 * r.run.availability.low);
        yMax = std::max(yMax, 100 * r.run.availability.high);
        if (r.on_frontier)
            frontier.emplace_back(x, y);
        auto* label = new QCPItemText(plot);
        label->position->setCoords(x, y);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(6, 0, 0, 3));
        const bool cheapest = a.comparison->cheapest_meeting_sla == i;
        label->setText(QString::fromStdString(r.name) + (cheapest ? QObject::tr(" (cheapest meeting the SLA)") : QString()));
        QFont f = plot->font();
        f.setPointSizeF(9);
        f.setBold(cheapest);
        label->setFont(f);
        label->setColor(cheapest ? kTeal : QColor(0x2d, 0x37, 0x48));
        labels.push_back(label);
        anchors.emplace_back(x, y);
        // The 95% interval of each design as an error bar.
        auto* bar = new QCPItemLine(plot);
        bar->start->setCoords(x, 100 * r.run.availability.low);
        bar->end->setCoords(x, 100 * r.run.availability.high);
        bar->setPen(QPen(kBlue.lighter(140), 1.5));
    }
    std::sort(frontier.begin(), frontier.end());
    auto* line = plot->addGraph();
    for (const auto& [x, y] : frontier)
        line->addData(x, y);
    line->setPen(QPen(kTeal, 2, Qt::DashLine));
    line->setName(QObject::tr("efficient frontier"));
    const double sla = 100 * a.comparison->settings.sla_availability;
    yMin = std::min(yMin, sla);
    yMax = std::max(yMax, sla);
    limitLine(plot, sla, QObject::tr("SLA target %1%").arg(num(sla, 3)));
    const double xPad = std::max(1.0, (xMax - xMin) * 0.15);
    const double yPad = std::max(1e-6, (yMax - yMin) * 0.2);
    plot->xAxis->setRange(xMin - xPad, xMax + xPad);  // a name with no room on the right goes left
    plot->yAxis->setRange(yMin - yPad, std::min(100.0, yMax + yPad));
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new MoneyTicker));
    // Designs of the same cost and availability would stack their names: they keep apart.
    declutterLabels(plot, labels, anchors);
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(std::clamp(int(std::ceil(-std::log10(yPad))) + 1, 2, 7));
    const std::string currency = a.model.settings.currency;
    // (short: the chart can be narrow in the Compare tab, where a longer label was cut off)
    plot->xAxis->setLabel(QObject::tr("Cost of ownership, %1 years%2")
                              .arg(num(runs.front().cost.horizon_years, 1),
                                   currency.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(currency))));
    plot->yAxis->setLabel(QObject::tr("Availability (%)"));
    plot->legend->setVisible(true);
    return true;
}

}  // namespace nines::ui::charts
