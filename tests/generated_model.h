// A generated topology for layout tests and editor benchmarks: an entry and services in three
// zones of one region, a share of them spread over two zones, every component reachable from
// the entry, and extra random dependencies up to the count asked for (always acyclic).
#pragma once

#include "model/model.h"

#include <random>
#include <set>
#include <string>

namespace nines::test {

inline model::Model generatedTopology(int components, int dependencies, double spreadShare = 0.0)
{
    using namespace nines::model;
    Model m;
    m.name = "generated";
    m.regions = {{"metro", "Metro", {}, {}}};
    for (const char* z : {"a", "b", "c"})
        m.zones.push_back({z, std::string("Zone ") + z, std::string("metro"),
                           Outage{Distribution::exponential(17520), Distribution::exponential(3)}, {}});
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.name = "Component " + std::to_string(i);
        c.kind = i == 0 ? ComponentKind::Entry : ComponentKind::Service;
        c.traffic_share = i == 0 ? 1.0 : 0.0;
        const unsigned zone = rng() % 3;
        c.zones = {m.zones[zone].id};
        if (i > 0) {
            c.instances = 2;
            if (unit(rng) < spreadShare)
                c.zones.push_back(m.zones[(zone + 1) % 3].id);
            c.failure_modes.push_back({"crash", "Crash", Distribution::exponential(2000), Distribution::exponential(1), 0, {}});
        }
        m.components.push_back(c);
    }
    std::set<std::pair<int, int>> seen;
    auto depend = [&](int a, int b) {
        if (seen.insert({a, b}).second)
            m.dependencies.push_back({"", m.components[size_t(a)].id, m.components[size_t(b)].id, 1.0,
                                      DependencyType::Sync, {}, {}});
    };
    for (int i = 1; i < components && int(m.dependencies.size()) < dependencies; ++i)
        depend(static_cast<int>(rng() % static_cast<unsigned>(i)), i);
    while (static_cast<int>(m.dependencies.size()) < dependencies) {
        const int b = 1 + static_cast<int>(rng() % static_cast<unsigned>(components - 1));
        depend(static_cast<int>(rng() % static_cast<unsigned>(b)), b);
    }
    return m;
}

}  // namespace nines::test
