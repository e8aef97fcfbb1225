#include "compiled_model.h"

#include "capacity.h"
#include "model/outages.h"
#include "random.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <stdexcept>

namespace nines::sim {

using namespace nines::model;

namespace {

std::size_t countSamples(const Distribution& d)
{
    return d.type == DistributionType::Empirical ? 2 * d.samples_hours.size() : 0;  // samples, then their running sums
}

}  // namespace

CompiledModel compile(const Model& file)
{
    // Support contracts shorten repairs; the engine sees the repairs they buy.
    Model applied;
    const Model& m = engineModel(file, applied);
    CompiledModel cm;
    cm.sla_availability = m.settings.sla_target_percent / 100.0;
    cm.sla_credits = m.settings.sla_credits;
    cm.monthly_fee = m.settings.monthly_fee;

    // Empirical samples are referenced by pointer: reserve all of them before the first one.
    std::size_t samples = 0;
    for (const auto& c : m.components)
        for (const auto& fm : c.failure_modes)
            samples += countSamples(fm.failure) + countSamples(fm.repair)
                       + (fm.dormant_failure ? countSamples(*fm.dormant_failure) : 0);
    forEachOutage(m, [&](const Outage& o, OutageOwner, std::size_t) {
        samples += countSamples(o.failure) + countSamples(o.repair);
    });
    cm.empiricalSamples.reserve(samples);

    std::map<std::string, std::int32_t> crewIndex;
    for (const auto& c : m.repair_crews) {
        crewIndex[c.id] = static_cast<std::int32_t>(cm.crewSizes.size());
        cm.crewSizes.push_back(static_cast<std::uint32_t>(c.size));
    }
    std::map<std::string, std::int32_t> zoneIndex;
    for (std::size_t i = 0; i < m.zones.size(); ++i)
        zoneIndex[m.zones[i].id] = static_cast<std::int32_t>(i);

    const std::size_t n = m.components.size();
    std::vector<std::int32_t> entryNodes;
    for (std::size_t ci = 0; ci < n; ++ci) {
        const Component& c = m.components[ci];
        CompiledComponent cc;
        cc.key = hashId(c.id);
        cm.componentIds.push_back(c.id);
        cc.instances = static_cast<std::uint32_t>(c.instances);
        cc.required = static_cast<std::uint32_t>(c.required);
        cc.threshold = cc.required;
        if (c.data_store && c.data_store->consistency == Consistency::CP && c.redundancy == RedundancyMode::Active)
            cc.threshold = std::max(cc.required, cc.instances / 2 + 1);
        if (c.data_store && c.data_store->consistency == Consistency::CP && c.redundancy == RedundancyMode::Standby)
            cc.quorum = cc.instances / 2 + 1;
        cc.standby = c.redundancy == RedundancyMode::Standby;
        cc.standbyKind = c.standby.kind;
        {
            std::vector<double> none;  // (a failover time is never empirical)
            cc.failover = makeSampler(c.standby.failoverTime().hours(), none);
        }
        cc.failover_hours = c.standby.failoverTime().meanSeconds() / 3600.0;
        cc.failoverRetry_hours = c.standby.failover_retry_seconds.value_or(0.0) / 3600.0;
        cc.failover_probability = c.standby.failover_success_probability;
        cc.failOverOnDomainLoss = cc.standby && c.standby.fail_over_on_zone_loss;
        cc.domainDetection_hours = c.standby.detection_seconds / 3600.0;
        cc.crew = c.repair_crew ? crewIndex.at(*c.repair_crew) : -1;
        cc.depMode = c.dependency_mode;
        cc.depMin = static_cast<std::uint32_t>(c.dependency_min);

        cc.firstMode = static_cast<std::uint32_t>(cm.modes.size());
        cc.modeCount = static_cast<std::uint32_t>(c.failure_modes.size());
        const bool warm = cc.standby && cc.standbyKind == StandbyKind::Warm;
        for (const auto& fm : c.failure_modes) {
            CompiledMode mode;
            mode.failure = makeSampler(fm.failure, cm.empiricalSamples);
            mode.repair = makeSampler(fm.repair, cm.empiricalSamples);
            if (warm && fm.dormant_failure)
                mode.dormant = makeSampler(*fm.dormant_failure, cm.empiricalSamples);
            mode.detection_hours = fm.detection_seconds / 3600.0;
            mode.key = hashId(fm.id);
            for (const Sampler* smp : {&mode.failure, &mode.dormant})
                cc.memoryModes = cc.memoryModes || (smp->kind != Sampler::Exponential && smp->kind != Sampler::Never);
            cm.modes.push_back(mode);
        }

        // Cells: one per zone the component names (or one zoneless cell).
        cc.firstCell = static_cast<std::uint32_t>(cm.cells.size());
        if (c.zones.empty())
            cm.cells.push_back({static_cast<std::uint32_t>(ci), -1});
        for (const auto& z : c.zones)
            cm.cells.push_back({static_cast<std::uint32_t>(ci), zoneIndex.at(z)});
        cc.cellCount = static_cast<std::uint32_t>(cm.cells.size()) - cc.firstCell;

        cc.firstInstance = static_cast<std::uint32_t>(cm.instanceComponent.size());
        for (std::uint32_t i = 0; i < cc.instances; ++i) {
            cm.instanceComponent.push_back(static_cast<std::uint32_t>(ci));
            cm.instanceCell.push_back(cc.firstCell + (c.zones.empty() ? 0 : i % cc.cellCount));
        }
        if (c.kind == ComponentKind::Entry) {
            cc.entry = static_cast<std::int32_t>(cm.entries.size());
            CompiledEntry e;
            e.component = static_cast<std::uint32_t>(ci);
            e.share = c.traffic_share;
            entryNodes.push_back(-2);  // resolved once the network exists
            cm.entries.push_back(e);
        }
        cm.components.push_back(cc);
    }

    cm.storeOf.assign(n, -1);
    for (std::size_t ci = 0; ci < n; ++ci) {
        const Component& c = m.components[ci];
        if (!c.data_store)
            continue;
        cm.storeOf[ci] = static_cast<std::int32_t>(cm.stores.size());
        cm.stores.push_back({static_cast<std::uint32_t>(ci), c.data_store->consistency == Consistency::CP,
                             c.data_store->replication == Replication::Async, c.data_store->replication_lag_seconds,
                             c.data_store->write_rate_per_second});
    }

    // Validation allows the shares to miss 1 by rounding; normalise so that "fully served" is
    // reachable exactly.
    double shareSum = 0.0;
    for (const auto& e : cm.entries)
        shareSum += e.share;
    if (shareSum > 0)
        for (auto& e : cm.entries)
            e.share /= shareSum;

    // Dependencies: flattened callee and caller lists.
    std::vector<std::vector<std::uint32_t>> callees(n), callers(n);
    std::vector<std::vector<std::int32_t>> calleeQ(n), callerQ(n);
    std::vector<std::vector<double>> calls(n);
    // Message rates of queues without one of their own: the caller's demand at peak.
    std::vector<int> allUp(n);
    for (std::size_t ci = 0; ci < n; ++ci)
        allUp[ci] = m.components[ci].redundancy == RedundancyMode::Standby ? m.components[ci].required
                                                                             : m.components[ci].instances;
    const std::vector<double> peakDemand = demandPerComponent(m, allUp);
    for (const auto& d : m.dependencies) {
        const auto a = static_cast<std::uint32_t>(m.componentIndex(d.from));
        const auto b = static_cast<std::uint32_t>(m.componentIndex(d.to));
        std::int32_t q = -1;
        if (d.type == DependencyType::Async) {
            q = static_cast<std::int32_t>(cm.queues.size());
            CompiledQueue cq;
            cq.from = a;
            cq.to = b;
            cq.buffer_messages = d.buffer_messages.value_or(0.0);
            const double perSecond = d.message_rate_per_second ? *d.message_rate_per_second
                                                                : peakDemand[a] * d.calls_per_request;
            cq.messages_per_hour = perSecond * 3600.0;
            cq.fill_hours = cq.messages_per_hour > 0 ? cq.buffer_messages / cq.messages_per_hour : INFINITY;
            cm.queues.push_back(cq);
        }
        callees[a].push_back(b);
        callers[b].push_back(a);
        calls[a].push_back(d.calls_per_request);
        calleeQ[a].push_back(q);
        callerQ[b].push_back(q);
    }
    for (std::size_t ci = 0; ci < n; ++ci) {
        auto& cc = cm.components[ci];
        cc.firstCallee = static_cast<std::uint32_t>(cm.callees.size());
        cc.calleeCount = static_cast<std::uint32_t>(callees[ci].size());
        cm.callees.insert(cm.callees.end(), callees[ci].begin(), callees[ci].end());
        cc.firstCaller = static_cast<std::uint32_t>(cm.callers.size());
        cc.callerCount = static_cast<std::uint32_t>(callers[ci].size());
        cm.callers.insert(cm.callers.end(), callers[ci].begin(), callers[ci].end());
        cm.calleeQueue.insert(cm.calleeQueue.end(), calleeQ[ci].begin(), calleeQ[ci].end());
        cm.calleeCalls.insert(cm.calleeCalls.end(), calls[ci].begin(), calls[ci].end());
        cm.callerQueue.insert(cm.callerQueue.end(), callerQ[ci].begin(), callerQ[ci].end());
    }

    // Dependency order with Boost.Graph: edges caller -> callee, so the reverse topological
    // order Boost produces lists callees first.
    {
        boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(n);
        for (std::size_t a = 0; a < n; ++a)
            for (auto b : callees[a])
                boost::add_edge(a, b, g);
        std::vector<std::size_t> order;
        try {
            boost::topological_sort(g, std::back_inserter(order));
        } catch (const boost::not_a_dag&) {
            throw std::invalid_argument("compile: the dependency graph has a cycle (the model was not validated)");
        }
        for (auto v : order)
            cm.topoOrder.push_back(static_cast<std::uint32_t>(v));
    }

    // Capacity: demand from the load model against serving instances x capacity.
    cm.capacityPerInstance.assign(n, 0.0);
    bool anyCapacity = false;
    for (std::size_t ci = 0; ci < n; ++ci)
        if (m.components[ci].capacity_rps) {
            cm.capacityPerInstance[ci] = *m.components[ci].capacity_rps;
            anyCapacity = true;
        }
    cm.hasCapacity = m.load && anyCapacity && m.load->peak_rps > 0;
    cm.overloadCountsAsDown = m.settings.overload_counts_as_down;
    if (m.load) {
        for (const auto& e : cm.entries)
            cm.entryPeakDemand.push_back(m.load->peak_rps * e.share);
        for (int h = 0; h < 24; ++h)
            cm.dailyProfile[static_cast<std::size_t>(h)] =
                m.load->daily_profile.empty() ? 1.0 : m.load->daily_profile[static_cast<std::size_t>(h)];
        cm.growthPerHour = std::log(1.0 + m.load->yearly_growth_percent / 100.0) / 8760.0;
    }

    // Network and entry nodes: the entry's own node, else the zone of its first instance,
    // else everywhere.
    for (auto& e : cm.entries) {
        const Component& c = m.components[e.component];
        std::int32_t node = -1;
        if (c.entry_node) {
            // resolved below
        } else if (!c.zones.empty()) {
            node = zoneIndex.at(c.zones.front());
        }
        e.node = node;
    }
    {
        std::vector<std::int32_t> nodes;
        Network probe;
        probe.build(m, {});
        for (auto& e : cm.entries) {
            const Component& c = m.components[e.component];
            if (c.entry_node)
                e.node = probe.nodeIndex(*c.entry_node);
            nodes.push_back(e.node);
        }
        cm.network.build(m, nodes);
    }

    // Failure domains.
    auto cellsInZones = [&](const std::vector<std::int32_t>& zones) {
        std::vector<std::uint32_t> out;
        for (std::uint32_t i = 0; i < cm.cells.size(); ++i)
            if (std::find(zones.begin(), zones.end(), cm.cells[i].zone) != zones.end())
                out.push_back(i);
        return out;
    };
    auto addDomain = [&](CompiledDomain::Kind kind, std::uint32_t index, const std::string& id,
                         const std::optional<Outage>& o, std::vector<std::uint32_t> cells, std::int32_t link) {
        if (!o)
            return;  // never fails: nothing to simulate
        CompiledDomain d;
        d.kind = kind;
        d.index = index;
        d.failure = makeSampler(o->failure, cm.empiricalSamples);
        d.repair = makeSampler(o->repair, cm.empiricalSamples);
        d.key = combine(hashId(id), static_cast<std::uint64_t>(kind) + 17);
        d.cells = std::move(cells);
        d.link = link;
        cm.domains.push_back(std::move(d));
    };
    for (std::uint32_t i = 0; i < m.zones.size(); ++i)
        addDomain(CompiledDomain::Zone, i, m.zones[i].id, m.zones[i].outage, cellsInZones({static_cast<std::int32_t>(i)}),
                  -1);
    for (std::uint32_t i = 0; i < m.regions.size(); ++i) {
        std::vector<std::int32_t> zones;
        for (std::size_t z = 0; z < m.zones.size(); ++z)
            if (m.zones[z].region == m.regions[i].id)
                zones.push_back(static_cast<std::int32_t>(z));
        addDomain(CompiledDomain::Region, i, m.regions[i].id, m.regions[i].outage, cellsInZones(zones), -1);
    }
    for (std::uint32_t i = 0; i < m.links.size(); ++i)
        addDomain(CompiledDomain::Link, i, m.links[i].id, m.links[i].outage, {}, static_cast<std::int32_t>(i));
    for (std::uint32_t i = 0; i < m.shared_fate.size(); ++i) {
        std::vector<std::uint32_t> cells;
        for (const auto& id : m.shared_fate[i].components) {
            const auto& cc = cm.components[static_cast<std::size_t>(m.componentIndex(id))];
            for (std::uint32_t k = 0; k < cc.cellCount; ++k)
                cells.push_back(cc.firstCell + k);
        }
        std::sort(cells.begin(), cells.end());
        cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
        addDomain(CompiledDomain::SharedFate, i, m.shared_fate[i].id, m.shared_fate[i].outage, std::move(cells), -1);
    }
    return cm;
}

}  // namespace nines::sim
