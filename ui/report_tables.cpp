#include "report_tables.h"

#include "figure_text.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace nines::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString displayName(const model::Model& m, const std::string& id)
{
    const model::Component* c = m.findComponent(id);
    return c && !c->name.empty() ? qs(c->name) : qs(id);
}

}  // namespace

std::vector<ReportTable> comparisonTables(const Analysis& a)
{
    std::vector<ReportTable> out;
    const model::Model& m = a.model;
    if (a.comparison && !a.comparison->runs.empty()) {
        const Comparison& c = *a.comparison;
        const QString currency = m.settings.currency.empty() ? QString() : QStringLiteral(" (%1)").arg(qs(m.settings.currency));
        // Two tables, so that each fits a page's width: the figures, then cost and capacity.
        ReportTable cmp{QStringLiteral("comparison"), QObject::tr("Scenario comparison"),
                        {QObject::tr("Design"), QObject::tr("Availability"), QObject::tr("95% interval"), QObject::tr("Nines"),
                         QObject::tr("Downtime min/yr (p99)"), QObject::tr("P(miss SLA)"),
                         QObject::tr("Difference from base, points (95%)")},
                        {},
                        QObject::tr("Every design run with the same %1 replications and seed (common random numbers), so "
                                    "the difference from the base, paired replication by replication, is sharper than "
                                    "the designs' own intervals. * the cheapest design that meets the SLA; + on the "
                                    "efficient frontier (no other design is both cheaper and more available).")
                            .arg(c.settings.replications)};
        ReportTable money{QStringLiteral("comparison-cost"), QObject::tr("Scenario comparison: cost and capacity"),
                          {QObject::tr("Design"), QObject::tr("Capex") + currency, QObject::tr("Yearly") + currency,
                           QObject::tr("First year") + currency, QObject::tr("Per extra nine"),
                           QObject::tr("Downtime cost/yr"), QObject::tr("Headroom after N+1 (req/s)")},
                          {},
                          QObject::tr("Per extra nine: the first-year cost (capex + a year of running) above the base's, "
                                      "per nine gained over the base, where the paired interval shows a gain. "
                                      "Headroom: the smallest over the tiers after each tier's worst single failure.")};
        const int dc = availabilityDecimals(c.runs.front().run.unavailability.mean);
        for (size_t i = 0; i < c.runs.size(); ++i) {
            const ScenarioRun& r = c.runs[i];
            QString name = qs(r.name);
            if (c.cheapest_meeting_sla == i)
                name += QStringLiteral(" *");
            if (r.on_frontier)
                name += QStringLiteral(" +");
            cmp.rows << QStringList{name, percentText(r.run.availability.mean, dc), intervalText(r.run.availability, dc, true),
                                    ninesText(r.run.unavailability.mean),
                                    fixedText(r.run.downtime_minutes_per_year.mean, 1) + QStringLiteral(" (")
                                        + fixedText(r.run.downtime_p99, 0) + QLatin1Char(')'),
                                    fixedText(r.run.sla_miss_probability.mean, 3),
                                    i == 0 ? QObject::tr("(the base)")
                                           : fixedText(100 * r.difference.mean, dc) + QStringLiteral(" (")
                                                 + fixedText(100 * r.difference.low, dc) + QStringLiteral(" \u2013 ")
                                                 + fixedText(100 * r.difference.high, dc) + QLatin1Char(')')};
            money.rows << QStringList{name, fixedText(r.cost.capex, 0), fixedText(r.cost.yearly, 0), fixedText(r.cost.firstYear(), 0),
                                      r.cost_per_extra_nine ? fixedText(*r.cost_per_extra_nine, 0)
                                      : r.cheaper_and_better ? QObject::tr("cheaper and better")
                                                             : QObject::tr("n/a"),
                                      fixedText(r.cost.downtime_yearly, 0),
                                      r.headroom_after_n1 ? fixedText(*r.headroom_after_n1, 0) : QObject::tr("n/a")};
        }
        out.push_back(cmp);
        out.push_back(money);
    }
    return out;
}

std::vector<ReportTable> reportTables(const Analysis& a)
{
    const model::Model& m = a.model;
    const sim::RunResult& r = a.simulation;
    const int d = availabilityDecimals(r.unavailability.mean);
    std::vector<ReportTable> out;

    ReportTable head{QStringLiteral("headline"), QObject::tr("Headline"),
                     {QObject::tr("Figure"), QObject::tr("Estimate"), QObject::tr("95% confidence interval"),
                      QObject::tr("Exact (steady state)")},
                     {},
                     {}};
    const bool exact = a.exact.applicable;
    head.rows << QStringList{QObject::tr("Availability"), percentText(r.availability.mean, d), intervalText(r.availability, d, true),
                             exact ? percentText(a.exact.availability, d + 1) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Nines"), ninesText(r.unavailability.mean),
                             ninesText(r.unavailability.high) + QStringLiteral(" \u2013 ")
                                 + ninesText(std::max(0.0, r.unavailability.low)),
                             exact ? ninesText(a.exact.unavailability) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Downtime, minutes per year"), fixedText(r.downtime_minutes_per_year.mean, 1),
                             intervalText(r.downtime_minutes_per_year, 1, false),
                             exact ? fixedText(a.exact.unavailability * model::kMinutesPerYear, 1) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Downtime in a year: median / p90 / p99 (minutes)"),
                             fixedText(r.downtime_p50, 1) + QStringLiteral(" / ") + fixedText(r.downtime_p90, 1)
                                 + QStringLiteral(" / ") + fixedText(r.downtime_p99, 1),
                             {}, {}};
    head.rows << QStringList{QObject::tr("Outages per year"), fixedText(r.outages_per_year.mean, 2),
                             intervalText(r.outages_per_year, 2, false),
                             exact && a.exact.frequency_known ? fixedText(a.exact.outages_per_year, 2) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Mean outage, minutes"), fixedText(r.mean_outage_minutes, 1), {},
                             exact && a.exact.frequency_known ? fixedText(a.exact.mean_outage_minutes, 1) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Probability that a %1 misses the SLA (%2)").arg(a.period(), percentText(a.settings.sla_availability, 3)),
                             fixedText(r.sla_miss_probability.mean, 3), intervalText(r.sla_miss_probability, 3, false), {}};
    if (r.capacity_modelled)
        head.rows << QStringList{QObject::tr("Share of the demand served (capacity)"), percentText(r.performability.mean, d),
                                 intervalText(r.performability, d, true), {}};
    if (m.settings.downtime_cost_per_minute > 0)
        head.rows << QStringList{QObject::tr("Expected cost of downtime per year (%1)").arg(qs(m.settings.currency)),
                                 fixedText(r.downtime_minutes_per_year.mean * m.settings.downtime_cost_per_minute, 0),
                                 intervalText({0, r.downtime_minutes_per_year.low * m.settings.downtime_cost_per_minute,
                                           r.downtime_minutes_per_year.high * m.settings.downtime_cost_per_minute},
                                          0, false),
                                 {}};
    if (!exact)
        for (auto& row : head.rows)
            row.removeLast();
    if (!exact)
        head.headers.removeLast();
    head.note = exact ? QObject::tr("The simulation estimates a %1; the exact column is the long-run (steady-state) "
                                    "value of the analytic solver.")
                            .arg(r.steady_state ? QObject::tr("long run") : QObject::tr("first year from all-new"))
                      : QObject::tr("The exact solver does not apply to this model: %1")
                            .arg(a.exact.reasons.empty() ? QString() : qs(a.exact.reasons.front()));
    out.push_back(head);

    ReportTable comps{QStringLiteral("components"), QObject::tr("Components"),
                      {QObject::tr("Component"), QObject::tr("Id"), QObject::tr("Kind"), QObject::tr("Redundancy"),
                       QObject::tr("Criticality"), QObject::tr("Own availability"),
                       QObject::tr("Downtime saved if perfect (min/yr, estimate)"),
                       QObject::tr("Availability gained if perfect (exact)")},
                      {},
                      QObject::tr("Criticality: the share of the outage time during which the component alone kept "
                                  "the system down. Downtime saved if perfect: criticality times the mean downtime "
                                  "(exact with one entry, an estimate when partial outages of several entries mix). "
                                  "Availability gained if perfect: the exact solver run again with the component "
                                  "never failing.")};
    std::vector<const sim::ComponentResult*> ranked;
    for (const auto& c : r.components)
        ranked.push_back(&c);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* x, auto* y) { return x->criticality > y->criticality; });
    for (const auto* c : ranked) {
        const model::Component* comp = m.findComponent(c->id);
        QString redundancy;
        if (comp) {
            redundancy = QStringLiteral("%1 of %2").arg(comp->required).arg(comp->instances);
            if (comp->redundancy == model::RedundancyMode::Standby)
                redundancy += QLatin1Char(' ') + qs(std::string(toString(comp->standby.kind))) + QObject::tr(" standby");
        }
        const auto gain = exactGainIfPerfect(a, c->id);
        comps.rows << QStringList{displayName(m, c->id), qs(c->id),
                                  comp ? qs(std::string(toString(comp->kind))) : QString(), redundancy,
                                  percentText(c->criticality, 1), percentText(c->own_availability, availabilityDecimals(1 - c->own_availability)),
                                  fixedText(downtimeSavedIfPerfect(a, *c), 1),
                                  gain ? percentText(*gain, availabilityDecimals(*gain) + 1) : QObject::tr("n/a")};
    }
    if (a.exact_gain.empty()) {
        comps.headers.removeLast();
        for (auto& row : comps.rows)
            row.removeLast();
    }
    out.push_back(comps);

    if (a.capacity.has_load && !a.capacity.tiers.empty()) {
        ReportTable cap{QStringLiteral("capacity"), QObject::tr("Capacity headroom at peak"),
                        {QObject::tr("Tier"), QObject::tr("Instances"), QObject::tr("Per instance (req/s)"),
                         QObject::tr("Demand (req/s)"), QObject::tr("Headroom, all up"), QObject::tr("After N+1"),
                         QObject::tr("After zone loss"), QObject::tr("Months of growth")},
                        {},
                        QObject::tr("Headroom is usable capacity at %1% utilisation minus demand at peak, in requests "
                                    "per second; months of growth until the all-up headroom is gone at %2% a year.")
                            .arg(fixedText(100 * a.capacity.target_utilisation, 0), fixedText(a.capacity.yearly_growth_percent, 1))};
        for (const auto& t : a.capacity.tiers)
            cap.rows << QStringList{displayName(m, t.id), QString::number(t.instances), fixedText(t.per_instance_rps, 0),
                                    fixedText(t.all_up.demand_rps, 0), fixedText(t.all_up.headroom_rps, 0),
                                    fixedText(t.n_plus_1.headroom_rps, 0), fixedText(t.zone_loss.headroom_rps, 0),
                                    std::isfinite(t.all_up.months) ? fixedText(std::max(0.0, t.all_up.months), 1)
                                                                   : QObject::tr("never")};
        out.push_back(cap);
    }

    if (!a.cap.isEmpty()) {
        ReportTable cap{QStringLiteral("cap"), QObject::tr("Data stores: CP or AP"),
                        {QObject::tr("Store"), QObject::tr("Chosen"), QObject::tr("Availability as CP"),
                         QObject::tr("Availability as AP"), QObject::tr("Partitioned h/yr"),
                         QObject::tr("Divergent h/yr (as AP)"), QObject::tr("Writes lost per year")},
                        {},
                        QObject::tr("The system's availability with the store as CP and as AP, simulated with the same "
                                    "seeds; divergent: replicas on two sides of a partition both serving.")};
        for (const QJsonValue& v : a.cap) {
            const QJsonObject o = v.toObject();
            auto mean = [&](const char* key) { return o.value(QLatin1String(key)).toObject().value(QStringLiteral("mean")).toDouble(); };
            const QJsonValue lost = o.value(QStringLiteral("data_lost_per_year_writes"));
            cap.rows << QStringList{displayName(m, o.value(QStringLiteral("id")).toString().toStdString()),
                                    o.value(QStringLiteral("consistency")).toString().toUpper(),
                                    percentText(mean("availability_as_cp"), d), percentText(mean("availability_as_ap"), d),
                                    fixedText(mean("partitioned_hours_per_year"), 2),
                                    fixedText(mean("divergent_hours_per_year_as_ap"), 2),
                                    lost.isObject() ? fixedText(lost.toObject().value(QStringLiteral("mean")).toDouble(), 0)
                                                    : QObject::tr("0 (%1)").arg(o.value(QStringLiteral("replication")).toString())};
        }
        out.push_back(cap);
    }

    for (auto& t : comparisonTables(a))
        out.push_back(std::move(t));

    ReportTable assumptions{QStringLiteral("assumptions"), QObject::tr("Assumptions"),
                            {QObject::tr("Item"), QObject::tr("Parameter"), QObject::tr("Value"), QObject::tr("Source")},
                            {},
                            QObject::tr("Every failure, repair, redundancy, capacity and cost parameter, with where it "
                                        "comes from: a catalogue template's public source (or its stated assumption), "
                                        "or the user.")};
    for (const auto& x : a.assumptions)
        assumptions.rows << QStringList{qs(x.item_name), qs(x.parameter), qs(x.value),
                                        x.from_catalogue ? QObject::tr("catalogue \u201c%1\u201d: %2").arg(qs(x.template_name), qs(x.source))
                                                         : qs(x.source)};
    out.push_back(assumptions);

    ReportTable run{QStringLiteral("run"), QObject::tr("Run settings (to reproduce these figures)"),
                    {QObject::tr("Setting"), QObject::tr("Value")},
                    {},
                    QObject::tr("The same model, seed and number of replications give the same figures on any machine "
                                "and number of threads.")};
    run.rows << QStringList{QObject::tr("Estimate"), r.steady_state ? QObject::tr("steady state (batch means)")
                                                                   : QObject::tr("mission of %1 hours from all-new").arg(fixedText(a.settings.mission_hours, 0))};
    run.rows << QStringList{QObject::tr("Seed"), QString::number(a.settings.seed)};
    run.rows << QStringList{r.steady_state ? QObject::tr("Batches") : QObject::tr("Replications"), QString::number(r.replications)};
    run.rows << QStringList{QObject::tr("Stopped by"), QString::fromLatin1(sim::toString(r.stop))};
    if (a.settings.target_relative_precision > 0)
        run.rows << QStringList{QObject::tr("Target relative precision"), fixedText(a.settings.target_relative_precision, 4)};
    run.rows << QStringList{QObject::tr("Events simulated"), fixedText(double(r.events), 0)};
    run.rows << QStringList{QObject::tr("Threads / wall time"),
                            QStringLiteral("%1 / %2 s").arg(r.threads).arg(fixedText(r.wall_seconds, 2))};
    run.rows << QStringList{QObject::tr("Finished"), a.finished.toString(Qt::ISODate)};
    out.push_back(run);
    return out;
}

}  // namespace nines::ui
