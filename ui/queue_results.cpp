#include "queue_results.h"

#include "results_json.h"
#include "text_format.h"

#include "sim/capacity.h"
#include "sim/queue_buffer.h"

#include <QJsonObject>

namespace nines::ui {

using namespace nines::model;

namespace {

/// Why the consumer's outages are not exactly exponential, or empty when they are.
std::string notExponential(const Model& m, const Component& c)
{
    if (c.instances != 1 || c.failure_modes.size() != 1)
        return "the consumer is not a single instance with a single failure mode";
    const auto& fm = c.failure_modes.front();
    if (!fm.repair.isExponential() || fm.detection_seconds > 0)
        return "the consumer's repair is not exponential (or has a detection delay)";
    for (const auto& d : m.dependencies)
        if (d.from == c.id)
            return "the consumer has dependencies of its own";
    if (!c.zones.empty())
        for (const auto& z : m.zones)
            if (z.outage && std::find(c.zones.begin(), c.zones.end(), z.id) != c.zones.end())
                return "the consumer's zone can fail";
    for (const auto& s : m.shared_fate)
        if (std::find(s.components.begin(), s.components.end(), c.id) != s.components.end())
            return "the consumer shares fate with others";
    return {};
}

}  // namespace

QJsonArray simulatedQueues(const sim::RunResult& r, std::ostream* text)
{
    QJsonArray out;
    TextTable t({"queue", "buffer", "messages/s", "consumer outages/yr", "hours full/yr", "messages lost/yr",
                 "messages delayed/yr", "peak backlog"},
                {TextTable::Left, TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Right,
                 TextTable::Right, TextTable::Right});
    for (const auto& q : r.queues) {
        out.append(QJsonObject{{QStringLiteral("from"), QString::fromStdString(q.from)},
                               {QStringLiteral("to"), QString::fromStdString(q.to)},
                               {QStringLiteral("buffer_messages"), q.buffer_messages},
                               {QStringLiteral("messages_per_second"), q.messages_per_hour / 3600.0},
                               {QStringLiteral("consumer_outages_per_year"), intervalToJson(q.consumer_outages_per_year)},
                               {QStringLiteral("buffer_full_hours_per_year"), intervalToJson(q.full_hours_per_year)},
                               {QStringLiteral("messages_lost_per_year"), intervalToJson(q.messages_lost_per_year)},
                               {QStringLiteral("messages_delayed_per_year"), intervalToJson(q.messages_delayed_per_year)},
                               {QStringLiteral("peak_backlog_messages"), intervalToJson(q.peak_backlog)},
                               {QStringLiteral("peak_backlog_max_messages"), q.peak_backlog_max}});
        t.addRow({q.from + " -> " + q.to, formatFixed(q.buffer_messages, 0), formatFixed(q.messages_per_hour / 3600.0, 1),
                  formatFixed(q.consumer_outages_per_year.mean, 2), formatFixed(q.full_hours_per_year.mean, 3),
                  formatFixed(q.messages_lost_per_year.mean, 0), formatFixed(q.messages_delayed_per_year.mean, 0),
                  formatFixed(q.peak_backlog_max, 0)});
    }
    if (text && !out.isEmpty())
        *text << "Queues (asynchronous dependencies; the caller stays up while the backlog fits)\n" << t.render() << "\n";
    return out;
}

QJsonArray exactQueues(const Model& m, std::ostream* text)
{
    QJsonArray out;
    TextTable t({"queue", "hours full/yr", "messages lost/yr", "messages delayed/yr", "note"},
                {TextTable::Left, TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Left});
    std::vector<int> allUp;
    for (const auto& c : m.components)
        allUp.push_back(c.redundancy == RedundancyMode::Standby ? c.required : c.instances);
    const std::vector<double> demand = sim::demandPerComponent(m, allUp);
    for (const auto& d : m.dependencies) {
        if (d.type != DependencyType::Async)
            continue;
        const Component& consumer = *m.findComponent(d.to);
        const double rate = d.message_rate_per_second ? *d.message_rate_per_second
                                                      : demand[static_cast<std::size_t>(m.componentIndex(d.from))] * d.calls_per_request;
        QJsonObject o{{QStringLiteral("from"), QString::fromStdString(d.from)},
                      {QStringLiteral("to"), QString::fromStdString(d.to)},
                      {QStringLiteral("buffer_messages"), d.buffer_messages.value_or(0.0)},
                      {QStringLiteral("messages_per_second"), rate}};
        const std::string why = consumer.failure_modes.empty() ? "the consumer never fails" : notExponential(m, consumer);
        if (!why.empty()) {
            o.insert(QStringLiteral("exact"), false);
            o.insert(QStringLiteral("reason"), QString::fromStdString(why));
            t.addRow({d.from + " -> " + d.to, "", "", "", why + " (simulate it)"});
        } else {
            const auto& fm = consumer.failure_modes.front();
            const double mttr = fm.repair.mean();
            const double outages = 8760.0 / (fm.failure.mean() + mttr);
            const sim::QueueFigures f = sim::exponentialOutageQueue(outages, mttr, d.buffer_messages.value_or(0.0), rate * 3600);
            o.insert(QStringLiteral("exact"), true);
            o.insert(QStringLiteral("consumer_outages_per_year"), outages);
            o.insert(QStringLiteral("buffer_full_hours_per_year"), f.full_hours_per_year);
            o.insert(QStringLiteral("messages_lost_per_year"), f.messages_lost_per_year);
            o.insert(QStringLiteral("messages_delayed_per_year"), f.messages_delayed_per_year);
            t.addRow({d.from + " -> " + d.to, formatFixed(f.full_hours_per_year, 4), formatFixed(f.messages_lost_per_year, 0),
                      formatFixed(f.messages_delayed_per_year, 0), "exact (exponential outages)"});
        }
        out.append(o);
    }
    if (text && !out.isEmpty())
        *text << "Queues\n" << t.render() << "\n";
    return out;
}

}  // namespace nines::ui
