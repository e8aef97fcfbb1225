#include "result_tables.h"

#include "field_words.h"
#include "number_format.h"
#include "run_warnings.h"
#include "text_table.h"

#include "model/io/provenance.h"

#include <QDateTime>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace nines::present {

namespace {

QString tr(const char* s)
{
    return QObject::tr(s);
}

QString displayName(const model::Model& m, const std::string& id)
{
    const model::Component* c = m.findComponent(id);
    return c && !c->name.empty() ? qs(c->name) : qs(id);
}

QString na()
{
    return tr("n/a");
}

QString monthsText(double months)
{
    if (!std::isfinite(months))
        return tr("never");
    if (months <= 0)
        return tr("none left");
    return fixedText(months, 1);
}

/// "1,200 (40%)": headroom in requests/s and as a share of the capacity.
QString headroomText(const sim::TierState& s)
{
    if (!(s.capacity_rps > 0))
        return figureText(Figure::Rate, s.headroom_rps) + tr(" (down)");
    return figureText(Figure::Rate, s.headroom_rps) + QStringLiteral(" (")
           + qs(formatPercent(s.headroom_rps / s.capacity_rps, 0)) + QLatin1Char(')');
}

/// Whether a cell reads as a number (right-aligned in text): no letters but those of "n/a" and
/// "inf" (so "1,200 (40%)" and "2.5 .. 3" are numbers, "1 of 3" and "never" are not).
bool numeric(std::string s)
{
    for (const char* word : {"n/a", "inf"})
        for (size_t at = s.find(word); at != std::string::npos; at = s.find(word))
            s.erase(at, std::char_traits<char>::length(word));
    return std::none_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

}  // namespace

QDateTime finishedAt(const study::Evaluation& a)
{
    const qint64 ms = std::chrono::duration_cast<std::chrono::milliseconds>(a.finished.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms);
}

QString periodOf(const sim::RunSettings& s)
{
    return s.mission_hours == model::kHoursPerYear ? tr("year") : tr("mission");
}

namespace {
QString windowOf(const sim::RunSettings& s)
{
    return s.mission_hours == model::kHoursPerYear ? tr("year")
                                                   : tr("%1-hour window").arg(fixedText(s.mission_hours, s.mission_hours < 10 ? 2 : 0));
}
}  // namespace

QString estimateText(const sim::RunSettings& s)
{
    return s.steady_state ? tr("a %1 in steady service").arg(windowOf(s)) : tr("the first %1 from all new").arg(windowOf(s));
}

QString estimateDetailText(const sim::RunSettings& s, const sim::RunResult& r)
{
    const QString n = fixedText(double(r.replications), 0);
    if (!s.steady_state)
        return tr("%1, over %2 independent runs from new").arg(estimateText(s), n);
    return tr("%1, over %2 independent %3s, each observed after a warm-up of %4")
        .arg(estimateText(s), n, windowOf(s), qs(plural(std::round(r.warmup_hours / 24.0), "day", "days")));
}

QString estimateName(const sim::RunSettings& s)
{
    return s.steady_state ? QStringLiteral("steady_state") : QStringLiteral("from_new");
}

Table headlineTable(const model::Model& m, const sim::RunResult& r, const sim::RunSettings& s,
                    const sim::AnalyticResult* exactResult)
{
    const double u = r.unavailability.mean;
    const int d = decimalsOf(Figure::Availability, u);
    Table head{QStringLiteral("headline"), tr("Headline"),
               {tr("Figure"), tr("Estimate"), tr("95% confidence interval"), tr("Exact (steady state)")},
               {},
               {}};
    const bool exact = exactResult && exactResult->applicable;
    const sim::AnalyticResult& x = exact ? *exactResult : sim::AnalyticResult{};
    head.rows << QStringList{tr("Availability"), percentText(r.availability.mean, d),
                             intervalText(r.availability, Figure::Availability, u),
                             exact ? percentText(x.availability, d) : na()};
    head.rows << QStringList{tr("Nines"), ninesText(u),
                             r.unavailability.nothingObserved()
                                 ? QStringLiteral("> %1 (none seen)").arg(ninesBoundText(r.unavailability.high))
                                 : ninesText(r.unavailability.high) + QStringLiteral(" .. ")
                                       + ninesText(std::max(0.0, r.unavailability.low)),
                             exact ? ninesText(x.unavailability) : na()};
    head.rows << QStringList{tr("Downtime, minutes per year"), figureText(Figure::Minutes, r.downtime_minutes_per_year.mean),
                             intervalText(r.downtime_minutes_per_year, Figure::Minutes),
                             exact ? figureText(Figure::Minutes, x.unavailability * model::kMinutesPerYear) : na()};
    head.rows << QStringList{tr("Downtime in a year: median / p90 / p99 (minutes)"),
                             figureText(Figure::Minutes, r.downtime_p50) + QStringLiteral(" / ")
                                 + figureText(Figure::Minutes, r.downtime_p90) + QStringLiteral(" / ")
                                 + figureText(Figure::Minutes, r.downtime_p99),
                             {}, {}};
    head.rows << QStringList{tr("Outages per year"), figureText(Figure::Count, r.outages_per_year.mean),
                             intervalText(r.outages_per_year, Figure::Count),
                             exact && x.frequency_known ? figureText(Figure::Count, x.outages_per_year) : na()};
    head.rows << QStringList{tr("Mean outage, minutes"), figureText(Figure::Minutes, r.mean_outage_minutes.mean),
                             intervalText(r.mean_outage_minutes, Figure::Minutes),
                             exact && x.frequency_known ? figureText(Figure::Minutes, x.mean_outage_minutes) : na()};
    head.rows << QStringList{tr("Probability that a %1 misses the SLA (%2)")
                                 .arg(periodOf(s), percentText(s.sla_availability, 3)),
                             figureText(Figure::Probability, r.sla_miss_probability.mean),
                             intervalText(r.sla_miss_probability, Figure::Probability), {}};
    if (r.months > 0) {
        head.rows << QStringList{tr("Probability that a month (730 h) misses the SLA"),
                                 figureText(Figure::Probability, r.sla_miss_probability_month.mean),
                                 intervalText(r.sla_miss_probability_month, Figure::Probability), {}};
        head.rows << QStringList{tr("Downtime in a month: median / p90 / p99 (minutes)"),
                                 figureText(Figure::Minutes, r.month_downtime_p50) + QStringLiteral(" / ")
                                     + figureText(Figure::Minutes, r.month_downtime_p90) + QStringLiteral(" / ")
                                     + figureText(Figure::Minutes, r.month_downtime_p99),
                                 {}, {}};
        head.rows << QStringList{tr("Worst month of a %1, minutes of downtime").arg(periodOf(s)),
                                 figureText(Figure::Minutes, r.worst_month_downtime_minutes.mean),
                                 intervalText(r.worst_month_downtime_minutes, Figure::Minutes), {}};
    }
    if (r.capacity_modelled) {
        head.rows << QStringList{tr("Share of the demand served (capacity)"), percentText(r.performability.mean, d),
                                 intervalText(r.performability, Figure::Availability, u), {}};
        head.rows << QStringList{tr("Hours a year with some tier overloaded%1")
                                     .arg(m.settings.overload_counts_as_down ? tr(" (counted as down)") : QString()),
                                 figureText(Figure::Hours, r.overload_hours_per_year.mean),
                                 intervalText(r.overload_hours_per_year, Figure::Hours), {}};
    }
    if (!exact) {
        for (auto& row : head.rows)
            row.removeLast();
        head.headers.removeLast();
    }
    const QString estimate = estimateDetailText(s, r);
    if (exact)
        head.note = tr("The simulation estimates %1; the exact column is the long-run (steady-state) value of the "
                       "analytic solver.")
                        .arg(estimate);
    else if (exactResult)
        head.note = tr("The simulation estimates %1. The exact solver does not apply to this model: %2")
                        .arg(estimate, exactResult->reasons.empty() ? QString() : withItemNames(m, qs(exactResult->reasons.front())));
    else
        head.note = tr("The simulation estimates %1.").arg(estimate);
    for (const QString& w : runWarnings(r, s))
        head.note += QStringLiteral(" ") + tr("Warning: %1").arg(w);
    return head;
}

Table componentsTable(const model::Model& m, const sim::RunResult& r, const study::Evaluation* a)
{
    Table comps{QStringLiteral("components"), tr("Components"),
                {tr("Component"), tr("Id"), tr("Kind"), tr("Redundancy"), tr("Down and needed"), tr("Own availability")},
                {},
                tr("Down and needed: the share of the downtime during which the component was short and the system "
                   "could not do without it. Components down together (a zone outage) are each counted, so the "
                   "shares do not add up to 100%.")};
    const bool simulatedGains = a && !a->gain_if_perfect.empty();
    const bool gains = a && !a->exact_gain.empty();
    const double perYear = model::kMinutesPerYear;
    if (simulatedGains) {
        comps.headers << tr("Downtime saved if perfect, min/yr (95%)");
        comps.note += tr(" Downtime saved if perfect: the model simulated again with the component never failing, "
                         "on the same random numbers, paired %1 by %1; it credits a component only with the downtime "
                         "that goes away without it.")
                          .arg(a ? periodOf(a->settings) : tr("year"));
    }
    if (gains) {
        comps.headers << tr("Availability gained if perfect (exact)");
        comps.note += tr(" Availability gained if perfect: the exact solver run again with the component never "
                         "failing.");
    }
    std::vector<const sim::ComponentResult*> ranked;
    for (const auto& c : r.components)
        ranked.push_back(&c);
    auto saved = [&](const sim::ComponentResult* c) {
        const auto g = a ? study::gainIfPerfect(*a, c->id) : std::nullopt;
        return g ? g->mean : -1.0;
    };
    std::stable_sort(ranked.begin(), ranked.end(), [&](auto* x, auto* y) {
        const double sx = saved(x), sy = saved(y);
        return sx != sy ? sx > sy : x->criticality > y->criticality;
    });
    for (const auto* c : ranked) {
        const model::Component* comp = m.findComponent(c->id);
        QString redundancy;
        if (comp) {
            redundancy = QStringLiteral("%1 of %2").arg(comp->required).arg(comp->instances);
            if (comp->redundancy == model::RedundancyMode::Standby)
                redundancy += QLatin1Char(' ') + qs(std::string(toString(comp->standby.kind))) + tr(" standby");
        }
        QStringList row{displayName(m, c->id), qs(c->id), comp ? qs(std::string(toString(comp->kind))) : QString(),
                        redundancy, figureText(Figure::Share, c->criticality),
                        // 100% only when exact: a run that saw no outage has not shown one is impossible.
                        c->own_unavailability > 0 ? availabilityText(c->own_availability, c->own_unavailability)
                                                  : tr("no outage seen")};
        if (simulatedGains) {
            const auto g = study::gainIfPerfect(*a, c->id);
            row << (g ? QStringLiteral("%1 (%2)").arg(figureText(Figure::Minutes, g->mean * perYear),
                                                      intervalText({g->mean * perYear, g->low * perYear, g->high * perYear},
                                                                   Figure::Minutes))
                      : na());
        }
        if (gains) {
            const auto gain = study::exactGainIfPerfect(*a, c->id);
            row << (gain ? availabilityText(*gain, *gain) : na());
        }
        comps.rows << row;
    }
    return comps;
}

Table capacityTable(const model::Model& m, const sim::CapacityResult& c)
{
    Table cap{QStringLiteral("capacity"), tr("Capacity headroom at peak"),
              {tr("Tier"), tr("Instances x req/s"), tr("Demand (req/s)"), tr("Utilisation"), tr("Headroom, all up"),
               tr("After N+1"), tr("After zone loss"), tr("Months of growth: all up / N+1 / zone loss")},
              {},
              tr("At a peak of %1 requests/s growing %2% a year. Headroom: usable capacity at %3% utilisation minus "
                 "demand, in requests per second (and as a share of the capacity); after zone loss names the worst "
                 "zone. Months of growth until each headroom is gone.")
                  .arg(figureText(Figure::Rate, c.peak_rps), fixedText(c.yearly_growth_percent, 1),
                       fixedText(100 * c.target_utilisation, 0))};
    if (!c.has_load)
        return cap;
    for (const auto& t : c.tiers)
        cap.rows << QStringList{displayName(m, t.id),
                                QStringLiteral("%1 x %2").arg(t.instances).arg(figureText(Figure::Rate, t.per_instance_rps)),
                                figureText(Figure::Rate, t.all_up.demand_rps), figureText(Figure::Share, t.utilisation),
                                headroomText(t.all_up), headroomText(t.n_plus_1),
                                headroomText(t.zone_loss)
                                    + (t.worst_zone.empty() ? QString() : QStringLiteral(", ") + qs(t.worst_zone)),
                                monthsText(t.all_up.months) + QStringLiteral(" / ") + monthsText(t.n_plus_1.months)
                                    + QStringLiteral(" / ") + monthsText(t.zone_loss.months)};
    if (!c.unlimited.empty()) {
        QStringList ids;
        for (const auto& id : c.unlimited)
            ids << displayName(m, id);
        cap.note += tr(" Carry demand without a modelled capacity (unlimited): %1.").arg(ids.join(QStringLiteral(", ")));
    }
    return cap;
}

Table queueingTable(const model::Model& m, const sim::CapacityResult& c)
{
    Table q{QStringLiteral("queueing"), tr("Queueing at peak"),
            {tr("Tier"), tr("P(wait)"), tr("Mean response, ms")},
            {},
            tr("M/M/c with Erlang C: each instance serves its capacity.")};
    if (!c.has_load)
        return q;
    for (const auto& t : c.tiers)
        q.rows << QStringList{displayName(m, t.id),
                              t.queue_meaningful ? fixedText(t.wait_probability, 4) : tr("overloaded"),
                              t.queue_meaningful ? fixedText(t.response_ms, 2) : tr("n/a (utilisation 100% or more)")};
    return q;
}

namespace {

Table capHeader(bool simulated)
{
    return {QStringLiteral("cap"), tr("Data stores: CP or AP"),
            {tr("Store"), tr("Chosen"), tr("Availability as CP"), tr("Availability as AP"), tr("Partitioned h/yr"),
             tr("Divergent h/yr (as AP)"), tr("Writes lost per year")},
            {},
            simulated ? tr("The system's availability with the store as CP and as AP, simulated with the same seeds; "
                           "divergent: replicas on two sides of a partition both serving.")
                      : tr("The system's availability with the store as CP and as AP, exact; divergent: replicas on "
                           "two sides of a partition both serving.")};
}

QString chosenText(model::Consistency c)
{
    return c == model::Consistency::CP ? QStringLiteral("CP") : QStringLiteral("AP");
}

/// Writes lost per year, or "0 (sync)" / "0 (none)" where replication loses nothing.
QString lostText(const sim::DataLoss& loss, double perYear, model::Replication replication)
{
    return loss.asynchronous ? figureText(Figure::Rate, perYear)
                             : tr("0 (%1)").arg(QString::fromUtf8(toString(replication).data()));
}

}  // namespace

Table capTable(const model::Model& m, const std::vector<study::StoreCap>& stores)
{
    Table t = capHeader(true);
    for (const auto& s : stores)
        t.rows << QStringList{displayName(m, s.id), chosenText(s.chosen),
                              availabilityText(s.availability_as_cp.mean, s.unavailability_as_cp),
                              availabilityText(s.availability_as_ap.mean, s.unavailability_as_ap),
                              figureText(Figure::Hours, s.partitioned_hours_per_year.mean),
                              figureText(Figure::Hours, s.divergent_hours_per_year_as_ap.mean),
                              lostText(s.loss, s.lost_per_year_writes.mean, s.replication)};
    return t;
}

Table capTable(const model::Model& m, const std::vector<study::ExactStoreCap>& stores)
{
    Table t = capHeader(false);
    auto availability = [](const std::optional<double>& a) { return a ? availabilityText(*a, 1 - *a) : na(); };
    for (const auto& s : stores)
        t.rows << QStringList{displayName(m, s.id), chosenText(s.chosen), availability(s.availability_as_cp),
                              availability(s.availability_as_ap), figureText(Figure::Hours, s.partitioned_hours_per_year),
                              s.divergent_hours_per_year_as_ap ? figureText(Figure::Hours, *s.divergent_hours_per_year_as_ap)
                                                               : na(),
                              lostText(s.loss, s.loss.per_year_writes, s.replication)};
    return t;
}

Table queuesTable(const std::vector<sim::QueueResult>& queues)
{
    Table t{QStringLiteral("queues"), tr("Queues"),
            {tr("Queue"), tr("Buffer"), tr("Messages/s"), tr("Consumer outages/yr"), tr("Hours full/yr"),
             tr("Messages lost/yr"), tr("Messages delayed/yr"), tr("Peak backlog")},
            {},
            tr("Asynchronous dependencies: the caller stays up while the backlog fits in the buffer.")};
    for (const auto& q : queues)
        t.rows << QStringList{qs(q.from + " -> " + q.to), figureText(Figure::Rate, q.buffer_messages),
                              fixedText(q.messages_per_hour / 3600.0, 1), figureText(Figure::Count, q.consumer_outages_per_year.mean),
                              figureText(Figure::Hours, q.full_hours_per_year.mean),
                              figureText(Figure::Rate, q.messages_lost_per_year.mean),
                              figureText(Figure::Rate, q.messages_delayed_per_year.mean),
                              figureText(Figure::Rate, q.peak_backlog_max)};
    return t;
}

Table queuesTable(const std::vector<study::ExactQueue>& queues)
{
    Table t{QStringLiteral("queues"), tr("Queues"),
            {tr("Queue"), tr("Hours full/yr"), tr("Messages lost/yr"), tr("Messages delayed/yr"), tr("Note")},
            {},
            tr("Exact where the consumer's outages are exponential; simulate the others.")};
    for (const auto& q : queues)
        t.rows << (q.exact() ? QStringList{qs(q.from + " -> " + q.to), figureText(Figure::Hours, q.figures.full_hours_per_year),
                                           figureText(Figure::Rate, q.figures.messages_lost_per_year),
                                           figureText(Figure::Rate, q.figures.messages_delayed_per_year),
                                           tr("exact (exponential outages)")}
                             : QStringList{qs(q.from + " -> " + q.to), {}, {}, {}, qs(q.not_exact) + tr(" (simulate it)")});
    return t;
}

Table exactTable(const sim::AnalyticResult& r)
{
    Table t{QStringLiteral("exact"), tr("Exact steady-state analysis"), {tr("Figure"), tr("Value")}, {},
            tr("%1 states of zones, regions, links and shared-fate groups enumerated.").arg(r.network_states)};
    t.rows << QStringList{tr("Availability"), availabilityText(r.availability, r.unavailability)};
    t.rows << QStringList{tr("Unavailability"), fixedText(r.unavailability * 1e6, 4) + tr(" per million")};
    t.rows << QStringList{tr("Nines"), ninesText(r.unavailability)};
    t.rows << QStringList{tr("Downtime, minutes per year"), figureText(Figure::Minutes, r.unavailability * model::kMinutesPerYear)};
    if (r.frequency_known) {
        t.rows << QStringList{tr("Outages per year"), figureText(Figure::Count, r.outages_per_year)};
        t.rows << QStringList{tr("Mean outage, minutes"), figureText(Figure::Minutes, r.mean_outage_minutes)};
    } else {
        t.rows << QStringList{tr("Outages per year"), tr("n/a (entries see different partitions)")};
    }
    return t;
}

Table importanceTable(const sim::AnalyticResult& r)
{
    Table t{QStringLiteral("importance"), tr("Components by importance"),
            {tr("Component"), tr("Birnbaum importance"), tr("Own availability")},
            {},
            tr("Birnbaum importance: how much the system's availability depends on each component.")};
    std::vector<const sim::AnalyticComponent*> ranked;
    for (const auto& c : r.components)
        ranked.push_back(&c);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* a, auto* b) { return a->birnbaum > b->birnbaum; });
    for (auto* x : ranked)
        t.rows << QStringList{qs(x->id), figureText(Figure::Importance, x->birnbaum),
                              availabilityText(x->own_availability, x->own_unavailability)};
    return t;
}

Table assumptionsTable(const model::Model& m)
{
    Table t{QStringLiteral("assumptions"), tr("Assumptions"),
            {tr("Item"), tr("Parameter"), tr("Value"), tr("Source")},
            {},
            tr("Every failure, repair, redundancy, capacity and cost parameter, with where it comes from: a catalogue "
               "template's public source (or its stated assumption), or the user.")};
    for (const auto& x : io::assumptions(m))
        t.rows << QStringList{qs(x.item_name), fieldInWords(x.parameter), qs(x.value),
                              x.from_catalogue ? tr("catalogue \u201c%1\u201d: %2").arg(qs(x.template_name), qs(x.source))
                                               : qs(x.source)};
    return t;
}

Table runTable(const study::Evaluation& a)
{
    const sim::RunResult& r = a.simulation;
    Table run{QStringLiteral("run"), tr("Run settings (to reproduce these figures)"), {tr("Setting"), tr("Value")}, {},
              tr("The same model, seed and number of replications give the same figures on any machine and number "
                 "of threads.")};
    run.rows << QStringList{tr("Estimate"), estimateText(a.settings)};
    if (a.settings.steady_state)
        run.rows << QStringList{tr("Warm-up before each observed %1").arg(periodOf(a.settings)),
                                tr("%1 hours").arg(fixedText(r.warmup_hours, 0))};
    run.rows << QStringList{tr("Seed"), QString::number(a.settings.seed)};
    run.rows << QStringList{tr("Replications (independent %1s)").arg(periodOf(a.settings)), QString::number(r.replications)};
    run.rows << QStringList{tr("Stopped by"), QString::fromLatin1(sim::toString(r.stop))};
    if (a.settings.target_relative_precision > 0) {
        run.rows << QStringList{tr("Target relative precision"), fixedText(a.settings.target_relative_precision, 4)};
        run.rows << QStringList{tr("Relative precision reached"), fixedText(r.relative_precision, 4)};
        run.rows << QStringList{tr("Outages the target waits for"), fixedText(a.settings.min_outages, 0)};
    }
    run.rows << QStringList{tr("Outages observed"), fixedText(r.observed_outages, 0)};
    run.rows << QStringList{tr("Events simulated"), fixedText(double(r.events), 0)};
    run.rows << QStringList{tr("Threads / wall time"), QStringLiteral("%1 / %2 s").arg(r.threads).arg(fixedText(r.wall_seconds, 2))};
    run.rows << QStringList{tr("Finished"), finishedAt(a).toString(Qt::ISODate)};
    return run;
}

std::vector<Table> reportTables(const study::Evaluation& a)
{
    const model::Model& m = a.model;
    std::vector<Table> out;
    out.push_back(headlineTable(m, a.simulation, a.settings, &a.exact));
    out.push_back(componentsTable(m, a.simulation, &a));
    if (Table cost = costTable(m, a.simulation); !cost.rows.isEmpty())
        out.push_back(std::move(cost));
    if (a.capacity.has_load && !a.capacity.tiers.empty())
        out.push_back(capacityTable(m, a.capacity));
    if (!a.cap.empty())
        out.push_back(capTable(m, a.cap));
    if (!a.simulation.queues.empty())
        out.push_back(queuesTable(a.simulation.queues));
    if (a.comparison)
        for (auto& t : comparisonTables(m, *a.comparison))
            out.push_back(std::move(t));
    out.push_back(assumptionsTable(m));
    out.push_back(runTable(a));
    return out;
}

std::string textOf(const Table& t)
{
    if (t.rows.isEmpty())
        return {};
    std::vector<std::string> headers;
    for (const QString& h : t.headers)
        headers.push_back(h.toStdString());
    std::vector<TextTable::Align> align(headers.size(), TextTable::Right);
    std::vector<std::vector<std::string>> rows;
    for (const QStringList& r : t.rows) {
        std::vector<std::string> cells;
        for (const QString& c : r)
            cells.push_back(c.toStdString());
        cells.resize(headers.size());
        for (size_t c = 0; c < cells.size(); ++c)
            if (!numeric(cells[c]))
                align[c] = TextTable::Left;
        rows.push_back(std::move(cells));
    }
    align[0] = TextTable::Left;
    TextTable text(headers, align);
    for (auto& r : rows)
        text.addRow(std::move(r));
    std::string out = t.title.toStdString() + "\n" + text.render();
    if (!t.note.isEmpty())
        out += wrap(t.note.toStdString(), 100, "  ");
    return out + "\n";
}

}  // namespace nines::present
