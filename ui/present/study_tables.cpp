// The study tables of result_tables.h: scenario comparison, sweep and improvements.
#include "result_tables.h"

#include "number_format.h"

#include <QObject>

#include <cmath>

namespace nines::present {

namespace {

QString tr(const char* s)
{
    return QObject::tr(s);
}

QString currencySuffix(const std::string& currency)
{
    return currency.empty() ? QString() : QStringLiteral(" (%1)").arg(qs(currency));
}

/// "+0.0123 (-0.0004 .. +0.0250)": a difference in percentage points with its 95% interval.
QString pointsText(const sim::Interval& iv, int decimals)
{
    return qs(formatPoints(iv.mean, decimals) + " (" + formatPoints(iv.low, decimals) + " .. "
              + formatPoints(iv.high, decimals) + ")");
}

}  // namespace

std::vector<Table> comparisonTables(const model::Model& m, const study::Comparison& c)
{
    std::vector<Table> out;
    if (c.runs.empty())
        return out;
    const QString currency = currencySuffix(m.settings.currency);
    Table cmp{QStringLiteral("comparison"), tr("Scenario comparison"),
              {tr("Design"), tr("Availability"), tr("95% interval"), tr("Nines"), tr("Downtime min/yr (p99)"),
               tr("P(miss SLA)"), tr("Difference from base, points (95%)")},
              {},
              tr("Every design run with the same %1 replications and seed %2 (common random numbers), so the "
                 "difference from the base, paired replication by replication, is sharper than the designs' own "
                 "intervals. * the cheapest design (by cost of ownership) that meets the SLA of %3%4; + on the "
                 "efficient frontier (no other design is both cheaper to own and more available).")
                  .arg(c.settings.replications)
                  .arg(c.settings.seed)
                  .arg(percentText(c.settings.sla_availability, 3),
                       c.cheapest_meeting_sla ? QString() : tr(" (none does)"))};
    Table money{QStringLiteral("comparison-cost"), tr("Scenario comparison: cost and capacity"),
                {tr("Design"), tr("Capex") + currency, tr("Yearly") + currency, tr("First year") + currency,
                 tr("Per extra nine"), tr("Downtime cost/yr"), tr("Cost of ownership") + currency,
                 tr("Headroom after N+1 (req/s)")},
                {},
                tr("Per extra nine: the first-year cost (capex + a year of running) above the base's, per nine gained "
                   "over the base, where the paired interval shows a gain. Cost of ownership: capex + (yearly + "
                   "expected downtime cost) x %1 years (settings.horizon_years). Headroom: the smallest over the "
                   "tiers after each tier's worst single failure.")
                    .arg(fixedText(c.runs.front().cost.horizon_years, 1))};
    const int dc = decimalsOf(Figure::Availability, c.runs.front().run.unavailability.mean);
    for (size_t i = 0; i < c.runs.size(); ++i) {
        const study::ScenarioRun& r = c.runs[i];
        QString name = qs(r.name);
        if (c.cheapest_meeting_sla == i)
            name += QStringLiteral(" *");
        if (r.on_frontier)
            name += QStringLiteral(" +");
        cmp.rows << QStringList{name, percentText(r.run.availability.mean, dc),
                                qs(formatInterval(r.run.availability, Figure::Availability, c.runs.front().run.unavailability.mean)),
                                ninesText(r.run.unavailability.mean),
                                figureText(Figure::Minutes, r.run.downtime_minutes_per_year.mean) + QStringLiteral(" (")
                                    + figureText(Figure::Minutes, r.run.downtime_p99) + QLatin1Char(')'),
                                figureText(Figure::Probability, r.run.sla_miss_probability.mean),
                                i == 0 ? tr("(the base)") : pointsText(r.difference, dc)};
        money.rows << QStringList{name, figureText(Figure::Money, r.cost.capex), figureText(Figure::Money, r.cost.yearly),
                                  figureText(Figure::Money, r.cost.firstYear()),
                                  r.cost_per_extra_nine ? figureText(Figure::Money, *r.cost_per_extra_nine)
                                  : r.cheaper_and_better ? tr("cheaper and better")
                                                         : tr("n/a"),
                                  figureText(Figure::Money, r.cost.downtime_yearly),
                                  figureText(Figure::Money, r.cost.ownership()),
                                  r.headroom_after_n1 ? figureText(Figure::Rate, *r.headroom_after_n1) : tr("n/a")};
    }
    out.push_back(cmp);
    out.push_back(money);
    return out;
}

Table sweepTable(const study::Sweep& s, const std::string& currency)
{
    Table t{QStringLiteral("sweep"), tr("Sweep"), {}, {},
            tr("Every point estimates %1 with the same %2 replications and seed %3; the SLA target is %4. Cost of "
               "ownership: capex + (yearly cost + expected downtime cost) x the horizon (settings.horizon_years); "
               "\"cheapest\" is the point meeting the SLA that costs least to own.")
                .arg(estimateText(s.settings))
                .arg(s.settings.replications)
                .arg(s.settings.seed)
                .arg(percentText(s.settings.sla_availability, 4))};
    for (const auto& a : s.axes)
        t.headers << qs(a.path);
    t.headers << tr("Availability") << tr("95% interval") << tr("Nines") << tr("Downtime min/yr") << tr("Exact")
              << tr("First-year cost") + currencySuffix(currency) << tr("Cost of ownership") + currencySuffix(currency)
              << tr("Meets SLA");
    for (size_t i = 0; i < s.points.size(); ++i) {
        const study::SweepPoint& p = s.points[i];
        QStringList row;
        for (double v : p.values)
            row << fixedText(v, 6);
        if (!p.valid) {
            row << tr("invalid: %1").arg(qs(p.problem));
            while (row.size() < t.headers.size())
                row << QString();
        } else {
            const double u = p.run.unavailability.mean;
            row << availabilityText(p.run.availability.mean, u) << qs(formatInterval(p.run.availability, Figure::Availability, u))
                << ninesText(u) << figureText(Figure::Minutes, p.run.downtime_minutes_per_year.mean)
                << (p.exact_availability ? percentText(*p.exact_availability, decimalsOf(Figure::Availability, u)) : tr("-"))
                << figureText(Figure::Money, p.cost.firstYear()) << figureText(Figure::Money, p.cost.ownership())
                << (s.cheapest_meeting_sla == i ? tr("yes, cheapest") : p.meets_sla ? tr("yes") : tr("no"));
        }
        t.rows << row;
    }
    return t;
}

Table improvementsTable(const study::ImprovementPlan& p, const std::string& currency)
{
    const QString money = currencySuffix(currency);
    Table t{QStringLiteral("improvements"), tr("What to improve next"),
            {tr("#"), tr("Change"), tr("Estimated gain, min/yr"), tr("Estimated by"), tr("Confirmed gain, points (95%)"),
             tr("Nines gained"), tr("Extra capex") + money, tr("Extra yearly") + money},
            {},
            tr("Availability now %1 (%2); the best changes confirmed by %3 paired replications (common random "
               "numbers).")
                .arg(availabilityText(p.base_availability, p.base_unavailability),
                     p.base_exact ? tr("gains solved exactly")
                                  : tr("gains estimated as a share of what making the component perfect gains"))
                .arg(p.settings.replications)};
    int n = 0;
    for (const auto& x : p.ranked)
        t.rows << QStringList{QString::number(++n), qs(x.description),
                              figureText(Figure::Minutes, x.estimated_gain * model::kMinutesPerYear),
                              x.estimate_exact ? tr("exact solver") : tr("perfect rerun x share"),
                              x.confirmed_gain ? pointsText(*x.confirmed_gain, 5) : tr("not simulated"),
                              std::isnan(x.nines_gained)      ? tr("not confirmed")
                              : std::isfinite(x.nines_gained) ? fixedText(x.nines_gained, 3)
                                                              : tr("all downtime"),
                              figureText(Figure::Money, x.extra_capex), figureText(Figure::Money, x.extra_yearly)};
    return t;
}

}  // namespace nines::present
