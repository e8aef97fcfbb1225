#include "study_json.h"

#include "result_tables.h"
#include "results_json.h"

#include <QJsonArray>

namespace nines::present {

using namespace nines::study;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

}  // namespace

QJsonObject costJson(const DesignCost& c)
{
    return QJsonObject{{QStringLiteral("capex"), c.capex},
                       {QStringLiteral("yearly"), c.yearly},
                       {QStringLiteral("first_year"), c.firstYear()},
                       {QStringLiteral("downtime_cost_per_year"), c.downtime_yearly},
                       {QStringLiteral("sla_credits_per_year"), c.credits_yearly},
                       {QStringLiteral("horizon_years"), c.horizon_years},
                       {QStringLiteral("spend"), c.spend()},
                       {QStringLiteral("cost_of_ownership"), c.ownership()}};
}

QJsonObject comparisonToJson(const Comparison& c)
{
    QJsonArray runs;
    for (size_t i = 0; i < c.runs.size(); ++i) {
        const ScenarioRun& r = c.runs[i];
        QJsonObject downtime = intervalToJson(r.run.downtime_minutes_per_year);
        downtime.insert(QStringLiteral("p99"), r.run.downtime_p99);
        QJsonObject diff = intervalToJson(r.difference);
        diff.insert(QStringLiteral("independent_half_width"), r.independent_half_width);
        runs.append(QJsonObject{
            {QStringLiteral("scenario"), r.id.empty() ? QJsonValue() : QJsonValue(qs(r.id))},
            {QStringLiteral("name"), qs(r.name)},
            {QStringLiteral("availability"), intervalToJson(r.run.availability)},
            {QStringLiteral("nines"), finiteOrNull(sim::ninesOf(r.run.unavailability.mean))},
            {QStringLiteral("downtime_minutes_per_year"), downtime},
            {QStringLiteral("sla_miss_probability"), intervalToJson(r.run.sla_miss_probability)},
            {QStringLiteral("meets_sla"), r.meets_sla},
            {QStringLiteral("headroom_after_n_plus_1_rps"),
             r.headroom_after_n1 ? QJsonValue(*r.headroom_after_n1) : QJsonValue()},
            {QStringLiteral("cost"), costJson(r.cost)},
            {QStringLiteral("cost_of_ownership"), r.cost.ownership()},
            {QStringLiteral("cost_per_extra_nine"), r.cost_per_extra_nine ? QJsonValue(*r.cost_per_extra_nine) : QJsonValue()},
            {QStringLiteral("payback_months"), r.payback_months ? QJsonValue(*r.payback_months) : QJsonValue()},
            {QStringLiteral("sla_credits_per_year"),
             r.run.credits_modelled ? QJsonValue(intervalToJson(r.run.sla_credits_per_year)) : QJsonValue()},
            {QStringLiteral("cheaper_and_better"), r.cheaper_and_better},
            {QStringLiteral("difference_from_base"), diff},
            {QStringLiteral("on_frontier"), r.on_frontier},
            {QStringLiteral("cheapest_meeting_sla"), c.cheapest_meeting_sla == i}});
    }
    QJsonArray problems;
    for (const auto& p : c.problems)
        problems.append(qs(p));
    return QJsonObject{{QStringLiteral("seed"), double(c.settings.seed)},
                       {QStringLiteral("replications"), double(c.settings.replications)},
                       {QStringLiteral("mission_hours"), c.settings.mission_hours},
                       {QStringLiteral("sla_target_percent"), 100.0 * c.settings.sla_availability},
                       {QStringLiteral("partial"), c.cancelled},
                       {QStringLiteral("scenarios"), runs},
                       {QStringLiteral("problems"), problems}};
}

QJsonObject sweepToJson(const Sweep& s)
{
    QJsonArray axes;
    for (const auto& a : s.axes) {
        QJsonArray values;
        for (double v : a.values)
            values.append(v);
        axes.append(QJsonObject{{QStringLiteral("path"), qs(a.path)}, {QStringLiteral("values"), values}});
    }
    QJsonArray points;
    for (const auto& p : s.points) {
        QJsonArray values;
        for (double v : p.values)
            values.append(v);
        QJsonObject o{{QStringLiteral("values"), values}, {QStringLiteral("valid"), p.valid}};
        if (!p.valid) {
            o.insert(QStringLiteral("problem"), qs(p.problem));
        } else {
            o.insert(QStringLiteral("availability"), intervalToJson(p.run.availability));
            o.insert(QStringLiteral("nines"), finiteOrNull(sim::ninesOf(p.run.unavailability.mean)));
            o.insert(QStringLiteral("downtime_minutes_per_year"), intervalToJson(p.run.downtime_minutes_per_year));
            o.insert(QStringLiteral("meets_sla"), p.meets_sla);
            o.insert(QStringLiteral("cost"), costJson(p.cost));
            o.insert(QStringLiteral("cost_of_ownership"), p.cost.ownership());
            o.insert(QStringLiteral("cheapest_meeting_sla"), s.cheapest_meeting_sla == static_cast<size_t>(points.size()));
            o.insert(QStringLiteral("exact_availability"),
                     p.exact_availability ? QJsonValue(*p.exact_availability) : QJsonValue());
        }
        points.append(o);
    }
    return QJsonObject{{QStringLiteral("axes"), axes},
                       {QStringLiteral("seed"), double(s.settings.seed)},
                       {QStringLiteral("replications"), double(s.settings.replications)},
                       {QStringLiteral("estimate"), estimateName(s.settings)},
                       {QStringLiteral("sla_target_percent"), 100.0 * s.settings.sla_availability},
                       {QStringLiteral("partial"), s.cancelled},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("first_meeting_sla"),
                        s.first_meeting_sla ? QJsonValue(double(*s.first_meeting_sla)) : QJsonValue()},
                       {QStringLiteral("cheapest_meeting_sla"),
                        s.cheapest_meeting_sla ? QJsonValue(double(*s.cheapest_meeting_sla)) : QJsonValue()},
                       {QStringLiteral("cheapest_interval_meets_sla"), s.cheapest_interval_meets_sla}};
}

QJsonObject improvementsToJson(const ImprovementPlan& p)
{
    QJsonArray ranked;
    for (const auto& i : p.ranked) {
        QJsonObject o{{QStringLiteral("kind"), QString::fromLatin1(study::kindName(i.kind))},
                      {QStringLiteral("component"), QString::fromStdString(i.component)},
                      {QStringLiteral("description"), QString::fromStdString(i.description)},
                      {QStringLiteral("estimated_gain"), i.estimated_gain},
                      {QStringLiteral("estimate"), i.estimate_exact ? QStringLiteral("exact") : QStringLiteral("perfect_rerun")},
                      {QStringLiteral("nines_gained"), finiteOrNull(i.nines_gained)},
                      {QStringLiteral("extra_capex"), i.extra_capex},
                      {QStringLiteral("extra_yearly"), i.extra_yearly},
                      {QStringLiteral("extra_spend"), i.extra_spend},
                      {QStringLiteral("cost_per_extra_nine"), i.cost_per_extra_nine ? QJsonValue(*i.cost_per_extra_nine) : QJsonValue()},
                      {QStringLiteral("downtime_cost_saved_per_year"), i.downtime_cost_saved_per_year}};
        o.insert(QStringLiteral("confirmed_gain"), i.confirmed_gain ? QJsonValue(intervalToJson(*i.confirmed_gain)) : QJsonValue());
        ranked.append(o);
    }
    return QJsonObject{{QStringLiteral("seed"), double(p.settings.seed)},
                       {QStringLiteral("replications"), double(p.settings.replications)},
                       {QStringLiteral("base_availability"), p.base_availability},
                       {QStringLiteral("estimates"), p.base_exact ? QStringLiteral("exact") : QStringLiteral("perfect_rerun")},
                       {QStringLiteral("partial"), p.cancelled},
                       {QStringLiteral("improvements"), ranked}};
}

}  // namespace nines::present
