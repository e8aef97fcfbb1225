#include "queue_study.h"

#include "sim/capacity.h"
#include "sim/queue_buffer.h"

#include <algorithm>

namespace nines::study {

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

std::vector<ExactQueue> solveQueues(const Model& file)
{
    Model applied;
    const Model& m = engineModel(file, applied);  // the repairs the support contracts buy
    std::vector<ExactQueue> out;
    std::vector<int> allUp;
    for (const auto& c : m.components)
        allUp.push_back(c.redundancy == RedundancyMode::Standby ? c.required : c.instances);
    const std::vector<double> demand = sim::demandPerComponent(m, allUp);
    for (const auto& d : m.dependencies) {
        if (d.type != DependencyType::Async)
            continue;
        const Component& consumer = *m.findComponent(d.to);
        ExactQueue q;
        q.from = d.from;
        q.to = d.to;
        q.buffer_messages = d.buffer_messages.value_or(0.0);
        q.messages_per_second = d.message_rate_per_second
                                    ? *d.message_rate_per_second
                                    : demand[static_cast<std::size_t>(m.componentIndex(d.from))] * d.calls_per_request;
        q.not_exact = consumer.failure_modes.empty() ? "the consumer never fails" : notExponential(m, consumer);
        if (q.exact()) {
            const auto& fm = consumer.failure_modes.front();
            const double mttr = fm.repair.mean();
            q.consumer_outages_per_year = 8760.0 / (fm.failure.mean() + mttr);
            q.figures = sim::exponentialOutageQueue(q.consumer_outages_per_year, mttr, q.buffer_messages,
                                                    q.messages_per_second * 3600);
        }
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace nines::study
