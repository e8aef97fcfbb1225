#include "results_json.h"

#include "result_tables.h"
#include "run_warnings.h"
#include "study_json.h"

#include "model/io/provenance.h"

#include <cmath>

namespace nines::present {

QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonObject intervalToJson(const sim::Interval& iv)
{
    QJsonObject o{{QStringLiteral("mean"), finiteOrNull(iv.mean)},
                  {QStringLiteral("ci95_low"), finiteOrNull(iv.low)},
                  {QStringLiteral("ci95_high"), finiteOrNull(iv.high)}};
    if (iv.observed >= 0)  // from a count: how many were seen (0: ci95_high is a one-sided bound)
        o.insert(QStringLiteral("observed"), iv.observed);
    return o;
}

QJsonArray monthHistogramToJson(const sim::MonthHistogram& h)
{
    // Ten bins a decade (of the histogram's hundred): fine enough to draw, short enough to read.
    QJsonArray out;
    if (h.zero > 0)
        out.append(QJsonObject{{QStringLiteral("from_minutes"), 0.0},
                               {QStringLiteral("to_minutes"), 0.0},
                               {QStringLiteral("count"), double(h.zero)}});
    for (const auto& g : h.tenthsOfDecades())
        if (g.count > 0)
            out.append(QJsonObject{{QStringLiteral("from_minutes"), g.from_minutes},
                                   {QStringLiteral("to_minutes"), g.to_minutes},
                                   {QStringLiteral("count"), double(g.count)}});
    return out;
}

QJsonObject simulationToJson(const sim::RunResult& r, const sim::RunSettings& s)
{
    QJsonObject o;
    o.insert(QStringLiteral("estimate"), estimateName(s));
    o.insert(QStringLiteral("mission_hours"), s.mission_hours);
    o.insert(QStringLiteral("warmup_hours"), r.warmup_hours);
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
    if (r.unavailability.nothingObserved())
        nines.insert(QStringLiteral("observed"), 0.0);
    o.insert(QStringLiteral("nines"), nines);
    QJsonObject downtime = intervalToJson(r.downtime_minutes_per_year);
    downtime.insert(QStringLiteral("p50"), r.downtime_p50);
    downtime.insert(QStringLiteral("p90"), r.downtime_p90);
    downtime.insert(QStringLiteral("p99"), r.downtime_p99);
    o.insert(QStringLiteral("downtime_minutes_per_year"), downtime);
    o.insert(QStringLiteral("outages_per_year"), intervalToJson(r.outages_per_year));
    o.insert(QStringLiteral("mean_outage_minutes"), intervalToJson(r.mean_outage_minutes));
    QJsonObject sla = intervalToJson(r.sla_miss_probability);
    sla.insert(QStringLiteral("target_percent"), s.sla_availability * 100.0);
    o.insert(QStringLiteral("sla_miss_probability"), sla);
    if (r.months > 0) {
        QJsonObject month = intervalToJson(r.sla_miss_probability_month);
        month.insert(QStringLiteral("target_percent"), s.sla_availability * 100.0);
        o.insert(QStringLiteral("sla_miss_probability_month"), month);
        QJsonObject monthly{{QStringLiteral("months"), r.months},
                            {QStringLiteral("month_hours"), sim::kMonthHours},
                            {QStringLiteral("downtime_minutes_p50"), r.month_downtime_p50},
                            {QStringLiteral("downtime_minutes_p90"), r.month_downtime_p90},
                            {QStringLiteral("downtime_minutes_p99"), r.month_downtime_p99},
                            {QStringLiteral("worst_month_downtime_minutes"), intervalToJson(r.worst_month_downtime_minutes)}};
        monthly.insert(QStringLiteral("downtime_histogram"), monthHistogramToJson(r.month_downtime));
        o.insert(QStringLiteral("monthly"), monthly);
    } else {
        o.insert(QStringLiteral("sla_miss_probability_month"), QJsonValue());
    }
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
    o.insert(QStringLiteral("min_outages"), s.min_outages);
    QJsonArray warnings;
    for (const QString& w : runWarnings(r, s))
        warnings.append(w);
    o.insert(QStringLiteral("warnings"), warnings);
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

namespace {

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

// What a store is, before its figures: id, consistency as chosen, replication.
QJsonObject storeJson(const std::string& id, model::Consistency chosen, model::Replication replication)
{
    return {{QStringLiteral("id"), qstr(id)},
            {QStringLiteral("consistency"), chosen == model::Consistency::CP ? QStringLiteral("cp") : QStringLiteral("ap")},
            {QStringLiteral("replication"), QString::fromUtf8(toString(replication).data())}};
}

void dataLossJson(QJsonObject& o, const sim::DataLoss& d, const QJsonValue& perYear)
{
    o.insert(QStringLiteral("replication_note"), qstr(d.note));
    if (!d.asynchronous)
        return;
    o.insert(QStringLiteral("data_lost_per_event_writes"), d.per_event_writes);
    o.insert(QStringLiteral("data_lost_per_year_writes"), perYear);
    o.insert(QStringLiteral("rpo_seconds"), d.rpo_seconds);
    o.insert(QStringLiteral("rpo_writes"), d.rpo_writes);
}

QJsonValue orNull(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

}  // namespace

QJsonArray capToJson(const std::vector<study::StoreCap>& stores)
{
    QJsonArray out;
    for (const auto& st : stores) {
        QJsonObject o = storeJson(st.id, st.chosen, st.replication);
        o[QStringLiteral("availability_as_cp")] = intervalToJson(st.availability_as_cp);
        o[QStringLiteral("availability_as_ap")] = intervalToJson(st.availability_as_ap);
        o[QStringLiteral("partitioned_hours_per_year")] = intervalToJson(st.partitioned_hours_per_year);
        o[QStringLiteral("divergent_hours_per_year_as_ap")] = intervalToJson(st.divergent_hours_per_year_as_ap);
        o[QStringLiteral("failovers_per_year")] = intervalToJson(st.failovers_per_year);
        o[QStringLiteral("replica_failures_per_year")] = intervalToJson(st.replica_failures_per_year);
        dataLossJson(o, st.loss, intervalToJson(st.lost_per_year_writes));
        out.append(o);
    }
    return out;
}

QJsonArray capToJson(const std::vector<study::ExactStoreCap>& stores)
{
    QJsonArray out;
    for (const auto& st : stores) {
        QJsonObject o = storeJson(st.id, st.chosen, st.replication);
        o[QStringLiteral("availability_as_cp")] = orNull(st.availability_as_cp);
        o[QStringLiteral("availability_as_ap")] = orNull(st.availability_as_ap);
        o[QStringLiteral("partitioned_hours_per_year")] = st.partitioned_hours_per_year;
        o[QStringLiteral("divergent_hours_per_year_as_ap")] = orNull(st.divergent_hours_per_year_as_ap);
        o[QStringLiteral("failovers_per_year")] = st.failovers_per_year;
        o[QStringLiteral("replica_failures_per_year")] = st.replica_failures_per_year;
        dataLossJson(o, st.loss, st.loss.per_year_writes);
        out.append(o);
    }
    return out;
}

QJsonArray queuesToJson(const std::vector<sim::QueueResult>& queues)
{
    QJsonArray out;
    for (const auto& q : queues)
        out.append(QJsonObject{{QStringLiteral("from"), qstr(q.from)},
                               {QStringLiteral("to"), qstr(q.to)},
                               {QStringLiteral("buffer_messages"), q.buffer_messages},
                               {QStringLiteral("messages_per_second"), q.messages_per_hour / 3600.0},
                               {QStringLiteral("consumer_outages_per_year"), intervalToJson(q.consumer_outages_per_year)},
                               {QStringLiteral("buffer_full_hours_per_year"), intervalToJson(q.full_hours_per_year)},
                               {QStringLiteral("messages_lost_per_year"), intervalToJson(q.messages_lost_per_year)},
                               {QStringLiteral("messages_delayed_per_year"), intervalToJson(q.messages_delayed_per_year)},
                               {QStringLiteral("peak_backlog_messages"), intervalToJson(q.peak_backlog)},
                               {QStringLiteral("peak_backlog_max_messages"), q.peak_backlog_max}});
    return out;
}

QJsonArray queuesToJson(const std::vector<study::ExactQueue>& queues)
{
    QJsonArray out;
    for (const auto& q : queues) {
        QJsonObject o{{QStringLiteral("from"), qstr(q.from)},
                      {QStringLiteral("to"), qstr(q.to)},
                      {QStringLiteral("buffer_messages"), q.buffer_messages},
                      {QStringLiteral("messages_per_second"), q.messages_per_second}};
        o.insert(QStringLiteral("exact"), q.exact());
        if (!q.exact()) {
            o.insert(QStringLiteral("reason"), qstr(q.not_exact));
        } else {
            o.insert(QStringLiteral("consumer_outages_per_year"), q.consumer_outages_per_year);
            o.insert(QStringLiteral("buffer_full_hours_per_year"), q.figures.full_hours_per_year);
            o.insert(QStringLiteral("messages_lost_per_year"), q.figures.messages_lost_per_year);
            o.insert(QStringLiteral("messages_delayed_per_year"), q.figures.messages_delayed_per_year);
        }
        out.append(o);
    }
    return out;
}

QJsonObject simulateJson(const model::Model& m, const sim::RunResult& r, const sim::RunSettings& s,
                         const std::vector<study::StoreCap>& cap, const sim::CapacityResult& capacityResult,
                         const std::map<std::string, sim::Interval>* gains)
{
    QJsonObject o = simulationToJson(r, s);
    o.insert(QStringLiteral("model"), qstr(m.name));
    o.insert(QStringLiteral("sla_credits_per_year"),
             r.credits_modelled ? QJsonValue(intervalToJson(r.sla_credits_per_year)) : QJsonValue());
    const study::DesignCost cost = study::costOf(m, r);
    o.insert(QStringLiteral("cost"), costJson(cost));
    o.insert(QStringLiteral("cost_of_ownership"), cost.ownership());
    if (gains && !gains->empty()) {
        QJsonArray comps = o[QStringLiteral("components")].toArray();
        for (qsizetype i = 0; i < comps.size(); ++i) {
            QJsonObject c = comps[i].toObject();
            const auto it = gains->find(c[QStringLiteral("id")].toString().toStdString());
            c.insert(QStringLiteral("gain_if_perfect"), it == gains->end() ? QJsonValue() : QJsonValue(intervalToJson(it->second)));
            comps[i] = c;
        }
        o.insert(QStringLiteral("components"), comps);
    }
    if (!r.partial())
        o.insert(QStringLiteral("cap"), capToJson(cap));
    o.insert(QStringLiteral("queues"), queuesToJson(r.queues));
    QJsonObject capacity = capacityToJson(capacityResult);
    capacity.insert(QStringLiteral("simulated"), r.capacity_modelled);
    if (r.capacity_modelled) {
        capacity.insert(QStringLiteral("performability"), intervalToJson(r.performability));
        capacity.insert(QStringLiteral("overload_hours_per_year"), intervalToJson(r.overload_hours_per_year));
        capacity.insert(QStringLiteral("overload_counts_as_down"), m.settings.overload_counts_as_down);
    }
    o.insert(QStringLiteral("capacity"), capacity);
    return o;
}

QJsonObject evaluationToJson(const study::Evaluation& a)
{
    QJsonObject o = simulateJson(a.model, a.simulation, a.settings, a.cap, a.capacity, &a.gain_if_perfect);
    if (!a.simulation.partial())
        o.insert(QStringLiteral("exact"), analyticToJson(a.exact, a.model.name));
    QJsonArray assumptions;
    for (const auto& x : io::assumptions(a.model)) {
        QJsonObject row{{QStringLiteral("item"), qstr(x.item)},
                        {QStringLiteral("name"), qstr(x.item_name)},
                        {QStringLiteral("parameter"), qstr(x.parameter)},
                        {QStringLiteral("value"), qstr(x.value)},
                        {QStringLiteral("from_catalogue"), x.from_catalogue},
                        {QStringLiteral("source"), qstr(x.source)}};
        if (x.from_catalogue)
            row.insert(QStringLiteral("template"), qstr(x.template_name));
        if (!x.derivation.empty())
            row.insert(QStringLiteral("derivation"), qstr(x.derivation));
        assumptions.append(row);
    }
    o.insert(QStringLiteral("assumptions"), assumptions);
    if (a.comparison)
        o.insert(QStringLiteral("comparison"), comparisonToJson(*a.comparison));
    return o;
}

}  // namespace nines::present
