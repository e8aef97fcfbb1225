#include "results_json.h"

#include "sim/capacity.h"

#include <QJsonArray>

#include <cmath>

namespace nines::ui {

QJsonObject intervalToJson(const sim::Interval& iv)
{
    return QJsonObject{{QStringLiteral("mean"), iv.mean},
                       {QStringLiteral("ci95_low"), iv.low},
                       {QStringLiteral("ci95_high"), iv.high}};
}

QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonObject simulationToJson(const sim::RunResult& r, const sim::RunSettings& s)
{
    QJsonObject o;
    o.insert(QStringLiteral("estimate"), r.steady_state ? QStringLiteral("steady_state") : QStringLiteral("mission"));
    o.insert(QStringLiteral("mission_hours"), r.steady_state ? QJsonValue() : QJsonValue(s.mission_hours));
    o.insert(QStringLiteral("partial"), r.partial());
    o.insert(QStringLiteral("stopped_by"), QString::fromLatin1(sim::toString(r.stop)));
    o.insert(QStringLiteral("availability"), intervalToJson(r.availability));
    o.insert(QStringLiteral("unavailability"), intervalToJson(r.unavailability));
    const double u = r.unavailability.mean;
    QJsonObject nines{{QStringLiteral("mean"), finiteOrNull(sim::ninesOf(u))},
                      {QStringLiteral("ci95_low"), finiteOrNull(sim::ninesOf(r.unavailability.high))},
                      {QStringLiteral("ci95_high"), finiteOrNull(sim::ninesOf(std::max(0.0, r.unavailability.low)))}};
    if (u <= 0)
        nines.insert(QStringLiteral("no_outage_observed"), true);
    o.insert(QStringLiteral("nines"), nines);
    QJsonObject downtime = intervalToJson(r.downtime_minutes_per_year);
    downtime.insert(QStringLiteral("p50"), r.downtime_p50);
    downtime.insert(QStringLiteral("p90"), r.downtime_p90);
    downtime.insert(QStringLiteral("p99"), r.downtime_p99);
    o.insert(QStringLiteral("downtime_minutes_per_year"), downtime);
    o.insert(QStringLiteral("outages_per_year"), intervalToJson(r.outages_per_year));
    o.insert(QStringLiteral("mean_outage_minutes"), r.mean_outage_minutes);
    QJsonObject sla = intervalToJson(r.sla_miss_probability);
    sla.insert(QStringLiteral("target_percent"), s.sla_availability * 100.0);
    o.insert(QStringLiteral("sla_miss_probability"), sla);
    QJsonArray comps;
    for (const auto& c : r.components)
        comps.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(c.id)},
                                 {QStringLiteral("criticality"), c.criticality},
                                 {QStringLiteral("own_availability"), c.own_availability}});
    o.insert(QStringLiteral("components"), comps);
    QJsonArray hist;
    for (int b = 0; b < sim::OutageHistogram::kBins; ++b)
        if (r.outage_lengths.counts[static_cast<std::size_t>(b)] > 0)
            hist.append(QJsonObject{{QStringLiteral("from_minutes"), sim::OutageHistogram::lowerEdge(b) * 60.0},
                                    {QStringLiteral("to_minutes"), sim::OutageHistogram::lowerEdge(b + 1) * 60.0},
                                    {QStringLiteral("count"), double(r.outage_lengths.counts[static_cast<std::size_t>(b)])}});
    o.insert(QStringLiteral("outage_length_histogram"), hist);
    o.insert(QStringLiteral("replications"), double(r.replications));
    o.insert(QStringLiteral("seed"), double(s.seed));
    o.insert(QStringLiteral("run"), QJsonObject{{QStringLiteral("seed"), double(s.seed)},
                                                {QStringLiteral("threads"), double(r.threads)},
                                                {QStringLiteral("replications"), double(r.replications)},
                                                {QStringLiteral("events"), double(r.events)},
                                                {QStringLiteral("events_per_second"), r.events_per_second()},
                                                {QStringLiteral("wall_seconds"), r.wall_seconds},
                                                {QStringLiteral("simulated_years"), r.simulated_hours / 8760.0}});
    return o;
}

QJsonObject analyticToJson(const sim::AnalyticResult& r, const std::string& modelName)
{
    QJsonObject o;
    o.insert(QStringLiteral("model"), QString::fromStdString(modelName));
    o.insert(QStringLiteral("estimate"), QStringLiteral("exact_steady_state"));
    o.insert(QStringLiteral("applicable"), r.applicable);
    if (!r.applicable) {
        QJsonArray why;
        for (const auto& s : r.reasons)
            why.append(QString::fromStdString(s));
        o.insert(QStringLiteral("reasons"), why);
        return o;
    }
    o.insert(QStringLiteral("availability"), r.availability);
    o.insert(QStringLiteral("unavailability"), r.unavailability);
    o.insert(QStringLiteral("nines"), finiteOrNull(r.nines));
    o.insert(QStringLiteral("downtime_minutes_per_year"), r.unavailability * 525600.0);
    o.insert(QStringLiteral("outages_per_year"), r.frequency_known ? QJsonValue(r.outages_per_year) : QJsonValue());
    o.insert(QStringLiteral("mean_outage_minutes"), r.frequency_known ? QJsonValue(r.mean_outage_minutes) : QJsonValue());
    QJsonArray comps;
    for (const auto& c : r.components)
        comps.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(c.id)},
                                 {QStringLiteral("birnbaum"), c.birnbaum},
                                 {QStringLiteral("own_availability"), c.own_availability}});
    o.insert(QStringLiteral("components"), comps);
    o.insert(QStringLiteral("network_states"), double(r.network_states));
    return o;
}

namespace {
QJsonObject stateJson(const sim::TierState& s)
{
    return QJsonObject{{QStringLiteral("capacity_rps"), s.capacity_rps},
                       {QStringLiteral("demand_rps"), s.demand_rps},
                       {QStringLiteral("headroom_rps"), s.headroom_rps},
                       {QStringLiteral("months_of_growth"), finiteOrNull(s.months)}};
}
}  // namespace

QJsonObject capacityToJson(const sim::CapacityResult& r)
{
    QJsonObject o;
    o.insert(QStringLiteral("has_load"), r.has_load);
    o.insert(QStringLiteral("peak_rps"), r.peak_rps);
    o.insert(QStringLiteral("yearly_growth_percent"), r.yearly_growth_percent);
    o.insert(QStringLiteral("target_utilisation_percent"), 100.0 * r.target_utilisation);
    QJsonArray tiers;
    for (const auto& t : r.tiers)
        tiers.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(t.id)},
                                 {QStringLiteral("instances"), t.instances},
                                 {QStringLiteral("capacity_per_instance_rps"), t.per_instance_rps},
                                 {QStringLiteral("utilisation"), t.utilisation},
                                 {QStringLiteral("all_up"), stateJson(t.all_up)},
                                 {QStringLiteral("n_plus_1"), stateJson(t.n_plus_1)},
                                 {QStringLiteral("zone_loss"), stateJson(t.zone_loss)},
                                 {QStringLiteral("worst_zone"), t.worst_zone.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(t.worst_zone))},
                                 {QStringLiteral("queue_meaningful"), t.queue_meaningful},
                                 {QStringLiteral("wait_probability"), t.queue_meaningful ? QJsonValue(t.wait_probability) : QJsonValue()},
                                 {QStringLiteral("response_ms"), t.queue_meaningful ? QJsonValue(t.response_ms) : QJsonValue()}});
    o.insert(QStringLiteral("tiers"), tiers);
    QJsonArray unlimited;
    for (const auto& id : r.unlimited)
        unlimited.append(QString::fromStdString(id));
    o.insert(QStringLiteral("unlimited"), unlimited);
    return o;
}

}  // namespace nines::ui
