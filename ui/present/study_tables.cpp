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

/// "now", "7.5 months", "3.2 years".
QString paybackText(double months)
{
    if (months <= 0)
        return tr("at once");
    if (months < 24)
        return tr("%1 months").arg(fixedText(months, 1));
    return tr("%1 years").arg(fixedText(months / 12.0, 1));
}

}  // namespace

Table costTable(const model::Model& m, const sim::RunResult& r)
{
    const study::DesignCost c = study::costOf(m, r);
    const QString currency = currencySuffix(m.settings.currency);
    Table t{QStringLiteral("cost"), tr("Cost of ownership"),
            {tr("Figure"), tr("Amount") + currency, tr("95% confidence interval")},
            {},
            tr("Cost of ownership = capex + (yearly + expected downtime cost + expected SLA credits) x %1 years "
               "(settings.horizon_years). Capex: instances, repair crews, zones, regions and links; yearly: the "
               "same plus enabled support contracts. Credits: for each month of 730 h below a threshold of "
               "settings.sla_credits, its share of the monthly fee.")
                .arg(fixedText(c.horizon_years, 1))};
    if (c.capex == 0 && c.yearly == 0 && m.settings.downtime_cost_per_minute == 0 && !r.credits_modelled)
        return t;  // nothing costs anything: no table
    t.rows << QStringList{tr("Purchase (capex)"), figureText(Figure::Money, c.capex), {}};
    t.rows << QStringList{tr("Running cost per year"), figureText(Figure::Money, c.yearly), {}};
    if (m.settings.downtime_cost_per_minute > 0) {
        const double k = m.settings.downtime_cost_per_minute;
        sim::Interval iv = r.downtime_minutes_per_year;
        iv = {iv.mean * k, iv.low * k, iv.high * k, iv.observed};
        t.rows << QStringList{tr("Expected cost of downtime per year"), figureText(Figure::Money, iv.mean),
                              intervalText(iv, Figure::Money)};
    }
    if (r.credits_modelled)
        t.rows << QStringList{tr("Expected SLA credits paid per year"), figureText(Figure::Money, r.sla_credits_per_year.mean),
                              intervalText(r.sla_credits_per_year, Figure::Money)};
    else if (!m.settings.sla_credits.empty())
        t.rows << QStringList{tr("Expected SLA credits paid per year"), tr("n/a"),
                              m.settings.monthly_fee > 0 ? tr("the window holds no whole month of 730 h")
                                                         : tr("no monthly fee")};
    t.rows << QStringList{tr("Cost of ownership over %1 years").arg(fixedText(c.horizon_years, 1)),
                          figureText(Figure::Money, c.ownership()), {}};
    return t;
}

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
                {tr("Design"), tr("Capex") + currency, tr("Yearly") + currency, tr("Downtime cost/yr"),
                 tr("SLA credits/yr"), tr("Cost of ownership") + currency, tr("Payback"), tr("Per extra nine"),
                 tr("Headroom after N+1 (req/s)")},
                {},
                tr("Cost of ownership: capex + (yearly + expected downtime cost + expected SLA credits) x %1 years "
                   "(settings.horizon_years). Payback: months until the extra capex over the base is repaid by what "
                   "the design saves each month in downtime cost and credits, net of its extra running cost "
                   "(\"never\" when it saves less than it costs to run). Per extra nine: the extra spend over the "
                   "horizon (capex + yearly x years) per nine gained over the base, where the paired interval shows "
                   "a gain. Headroom: the smallest over the tiers after each tier's worst single failure.")
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
                                  figureText(Figure::Money, r.cost.downtime_yearly),
                                  r.run.credits_modelled ? figureText(Figure::Money, r.cost.credits_yearly) : tr("n/a"),
                                  figureText(Figure::Money, r.cost.ownership()),
                                  i == 0               ? tr("(the base)")
                                  : r.payback_months ? paybackText(*r.payback_months)
                                                     : tr("never"),
                                  r.cost_per_extra_nine ? figureText(Figure::Money, *r.cost_per_extra_nine)
                                  : r.cheaper_and_better ? tr("cheaper and better")
                                                         : tr("n/a"),
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
               "ownership: capex + (yearly cost + expected downtime cost + expected SLA credits) x the horizon "
               "(settings.horizon_years); "
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
             tr("Nines gained"), tr("Extra capex") + money, tr("Extra yearly") + money, tr("Per extra nine") + money},
            {},
            tr("Availability now %1 (%2); the best changes confirmed by %3 paired replications (common random "
               "numbers). Per extra nine: the extra spend over the horizon (capex + yearly x settings.horizon_years) "
               "per nine gained, for a gain solved or confirmed.")
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
                              figureText(Figure::Money, x.extra_capex), figureText(Figure::Money, x.extra_yearly),
                              x.cost_per_extra_nine ? figureText(Figure::Money, *x.cost_per_extra_nine)
                              : x.nines_gained > 0 && x.extra_spend <= 0
                                  ? tr("no extra cost")
                                  : tr("n/a")};
    return t;
}

}  // namespace nines::present
