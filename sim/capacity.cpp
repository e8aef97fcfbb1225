#include "capacity.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace nines::sim {

using namespace nines::model;

namespace {

/// Callers before callees (Boost.Graph topological sort of caller -> callee edges, reversed).
std::vector<std::size_t> callersFirst(const Model& m)
{
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(m.components.size());
    for (const auto& d : m.dependencies)
        boost::add_edge(static_cast<std::size_t>(m.componentIndex(d.from)), static_cast<std::size_t>(m.componentIndex(d.to)), g);
    std::vector<std::size_t> order;
    boost::topological_sort(g, std::back_inserter(order));  // callees first
    std::reverse(order.begin(), order.end());
    return order;
}

/// Instances that serve when everything is up: all of an active group, k of a standby group.
int servingAllUp(const Component& c)
{
    return c.redundancy == RedundancyMode::Standby ? c.required : c.instances;
}

/// Whether a component serves at all with `n` serving instances (its k-of-n rule).
bool groupServes(const Component& c, int n)
{
    return n >= c.required;
}

double monthsUntilFull(double capacityAtTarget, double demand, double growthPercent)
{
    if (demand <= 0)
        return std::numeric_limits<double>::infinity();
    if (capacityAtTarget <= demand)
        return 0.0;
    if (growthPercent <= 0)
        return std::numeric_limits<double>::infinity();
    return 12.0 * std::log(capacityAtTarget / demand) / std::log(1.0 + growthPercent / 100.0);
}

}  // namespace

std::vector<double> demandPerComponent(const Model& m, const std::vector<int>& serving, double growthFactor)
{
    const std::size_t n = m.components.size();
    std::vector<double> demand(n, 0.0);
    if (!m.load)
        return demand;
    for (std::size_t c = 0; c < n; ++c)
        if (m.components[c].kind == ComponentKind::Entry)
            demand[c] = m.load->peak_rps * m.components[c].traffic_share * growthFactor;
    for (std::size_t c : callersFirst(m)) {
        const Component& comp = m.components[c];
        if (demand[c] <= 0 || !groupServes(comp, serving[c]))
            continue;  // a component that is down passes nothing on
        std::vector<const Dependency*> out;
        for (const auto& d : m.dependencies)
            if (d.from == comp.id)
                out.push_back(&d);
        if (out.empty())
            continue;
        if (comp.dependency_mode == DependencyMode::All) {
            for (const auto* d : out)
                demand[static_cast<std::size_t>(m.componentIndex(d->to))] += demand[c] * d->calls_per_request;
            continue;
        }
        // any / at least m: the calls spread evenly over the callees that currently serve.
        std::vector<const Dependency*> up;
        for (const auto* d : out) {
            const auto callee = static_cast<std::size_t>(m.componentIndex(d->to));
            if (groupServes(m.components[callee], serving[callee]))
                up.push_back(d);
        }
        for (const auto* d : up)
            demand[static_cast<std::size_t>(m.componentIndex(d->to))] +=
                demand[c] * d->calls_per_request / static_cast<double>(up.size());
    }
    return demand;
}

double erlangC(int c, double a)
{
    // Through Erlang B's stable recursion: B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1));
    // C = c B / (c - a (1 - B)).
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return c * b / (c - a * (1.0 - b));
}

double mmcResponseTime(int c, double lambda, double mu)
{
    return 1.0 / mu + erlangC(c, lambda / mu) / (c * mu - lambda);
}

double probabilityCarried(int n, double a, double perServer, double load)
{
    const int needed = static_cast<int>(std::ceil(load / perServer - 1e-12));
    if (needed <= 0)
        return 1.0;
    if (needed > n)
        return 0.0;
    boost::math::binomial_distribution<double> b(n, a);
    return boost::math::cdf(boost::math::complement(b, needed - 1));
}

double expectedShareServed(int n, double a, double perServer, double load)
{
    boost::math::binomial_distribution<double> b(n, a);
    double share = 0.0;
    for (int x = 0; x <= n; ++x)
        share += boost::math::pdf(b, x) * std::min(1.0, x * perServer / load);
    return share;
}

CapacityResult analyzeCapacity(const Model& m)
{
    CapacityResult res;
    res.target_utilisation = m.settings.target_utilisation_percent / 100.0;
    if (!m.load)
        return res;
    res.has_load = true;
    res.peak_rps = m.load->peak_rps;
    res.yearly_growth_percent = m.load->yearly_growth_percent;
    const std::size_t n = m.components.size();
    std::vector<int> allUp(n);
    for (std::size_t c = 0; c < n; ++c)
        allUp[c] = servingAllUp(m.components[c]);
    const std::vector<double> demand = demandPerComponent(m, allUp);

    auto state = [&](double capacity, double dem) {
        TierState s;
        s.capacity_rps = capacity;
        s.demand_rps = dem;
        s.headroom_rps = capacity * res.target_utilisation - dem;
        s.months = monthsUntilFull(capacity * res.target_utilisation, dem, res.yearly_growth_percent);
        return s;
    };
    // Serving instances of each component with one zone lost (round-robin placement).
    auto servingWithout = [&](const std::string& zone) {
        std::vector<int> s = allUp;
        for (std::size_t c = 0; c < n; ++c) {
            const Component& comp = m.components[c];
            if (comp.zones.empty())
                continue;
            int lost = 0;
            for (int i = 0; i < comp.instances; ++i)
                lost += comp.zones[static_cast<std::size_t>(i) % comp.zones.size()] == zone;
            const int healthy = comp.instances - lost;
            if (comp.redundancy != RedundancyMode::Standby) {
                s[c] = healthy;
            } else if (comp.standby.fail_over_on_zone_loss) {
                // It fails over to spares outside the zone: it keeps k in service if it can.
                s[c] = std::min(comp.required, healthy);
            } else {
                // Its primaries (the first k) in the zone wait for it; no spare takes over.
                int primaries = 0;
                for (int i = 0; i < comp.required; ++i)
                    primaries += comp.zones[static_cast<std::size_t>(i) % comp.zones.size()] != zone;
                s[c] = primaries;
            }
        }
        return s;
    };

    for (std::size_t c = 0; c < n; ++c) {
        const Component& comp = m.components[c];
        if (!comp.capacity_rps) {
            if (demand[c] > 0 && comp.kind != ComponentKind::Entry)
                res.unlimited.push_back(comp.id);
            continue;
        }
        TierCapacity t;
        t.id = comp.id;
        t.instances = allUp[c];
        t.per_instance_rps = *comp.capacity_rps;
        t.all_up = state(allUp[c] * t.per_instance_rps, demand[c]);
        t.utilisation = t.all_up.capacity_rps > 0 ? demand[c] / t.all_up.capacity_rps : 0.0;

        // N+1: one instance of this tier fails. A standby group with a spare fails over and
        // keeps its capacity; otherwise one instance's capacity is gone. Demand re-spreads
        // when the tier stops serving altogether.
        std::vector<int> n1 = allUp;
        const int spares = comp.redundancy == RedundancyMode::Standby ? comp.instances - comp.required : 0;
        n1[c] = spares > 0 ? allUp[c] : allUp[c] - 1;
        const std::vector<double> d1 = demandPerComponent(m, n1);
        t.n_plus_1 = state(groupServes(comp, n1[c]) ? n1[c] * t.per_instance_rps : 0.0, d1[c]);

        // Worst zone: the zone whose loss leaves this tier the least headroom.
        bool first = true;
        for (const auto& z : m.zones) {
            const std::vector<int> sz = servingWithout(z.id);
            const std::vector<double> dz = demandPerComponent(m, sz);
            const TierState s = state(groupServes(comp, sz[c]) ? sz[c] * t.per_instance_rps : 0.0, dz[c]);
            if (first || s.headroom_rps < t.zone_loss.headroom_rps) {
                t.zone_loss = s;
                t.worst_zone = z.id;
                first = false;
            }
        }
        if (first)
            t.zone_loss = t.all_up;

        // M/M/c at peak with everything up: c serving instances, each serving at its capacity.
        const double mu = t.per_instance_rps;
        const double lambda = demand[c];
        t.queue_meaningful = t.instances > 0 && lambda < t.instances * mu;
        if (t.queue_meaningful && lambda > 0) {
            t.wait_probability = erlangC(t.instances, lambda / mu);
            t.response_ms = mmcResponseTime(t.instances, lambda, mu) * 1000.0;
        } else if (t.queue_meaningful) {
            t.response_ms = 1000.0 / mu;
        }
        res.tiers.push_back(t);
    }
    return res;
}

}  // namespace nines::sim
