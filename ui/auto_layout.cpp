#include "auto_layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>

namespace nines::ui {

using namespace nines::model;

std::vector<Point> autoLayout(const Model& m, const LayoutOptions& options)
{
    const std::size_t n = m.components.size();
    std::vector<std::vector<std::size_t>> callees(n), callers(n);
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(n);
    for (const auto& d : m.dependencies) {
        const int a = m.componentIndex(d.from), b = m.componentIndex(d.to);
        if (a < 0 || b < 0 || a == b)
            continue;
        callees[static_cast<std::size_t>(a)].push_back(static_cast<std::size_t>(b));
        callers[static_cast<std::size_t>(b)].push_back(static_cast<std::size_t>(a));
        boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), g);
    }
    // Layers: the longest path from any root, so every caller sits left of all its callees.
    std::vector<std::size_t> order;
    std::vector<int> layer(n, 0);
    try {
        boost::topological_sort(g, std::back_inserter(order));  // callees first
        for (auto it = order.rbegin(); it != order.rend(); ++it)
            for (auto c : callees[*it])
                layer[c] = std::max(layer[c], layer[*it] + 1);
    } catch (const boost::not_a_dag&) {
        // An invalid document may hold a cycle: fall back to model order, one tier.
    }
    // Components nobody calls and that call nobody (not yet connected) go to the first tier
    // unless they are entries; entries are always leftmost.
    const int layers = n == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<std::vector<std::size_t>> tiers(static_cast<std::size_t>(std::max(layers, 1)));
    for (std::size_t c = 0; c < n; ++c)
        tiers[static_cast<std::size_t>(layer[c])].push_back(c);

    // Order within tiers: zone first (components of one zone stay together), then the mean
    // position of the neighbours in the previous (or next) tier, then model order.
    std::map<std::string, int> zoneRank;
    for (std::size_t z = 0; z < m.zones.size(); ++z)
        zoneRank[m.zones[z].id] = static_cast<int>(z);
    auto zoneOf = [&](std::size_t c) {
        const auto& zs = m.components[c].zones;
        return zs.empty() ? -1 : zoneRank.count(zs.front()) ? zoneRank[zs.front()] : -1;
    };
    std::vector<double> pos(n, 0.0);
    for (auto& t : tiers)
        for (std::size_t i = 0; i < t.size(); ++i)
            pos[t[i]] = static_cast<double>(i);
    auto sortTier = [&](std::vector<std::size_t>& t, const std::vector<std::vector<std::size_t>>& neighbours) {
        std::vector<double> key(n, 0.0);
        for (auto c : t) {
            const auto& nb = neighbours[c];
            key[c] = nb.empty() ? pos[c]
                                : std::accumulate(nb.begin(), nb.end(), 0.0,
                                                  [&](double s, std::size_t x) { return s + pos[x]; })
                                      / static_cast<double>(nb.size());
        }
        std::stable_sort(t.begin(), t.end(), [&](std::size_t a, std::size_t b) {
            const int za = zoneOf(a), zb = zoneOf(b);
            if (za != zb)
                return za < zb;
            if (key[a] != key[b])
                return key[a] < key[b];
            return a < b;
        });
        for (std::size_t i = 0; i < t.size(); ++i)
            pos[t[i]] = static_cast<double>(i);
    };
    for (int s = 0; s < options.sweeps; ++s) {
        if (s % 2 == 0)
            for (std::size_t l = 1; l < tiers.size(); ++l)
                sortTier(tiers[l], callers);
        else
            for (std::size_t l = tiers.size(); l-- > 1;)
                sortTier(tiers[l - 1], callees);
    }

    // Coordinates: tiers left to right, each tier centred vertically on the tallest one.
    std::size_t tallest = 0;
    for (const auto& t : tiers)
        tallest = std::max(tallest, t.size());
    std::vector<Point> out(n);
    for (std::size_t l = 0; l < tiers.size(); ++l) {
        const double offset = (static_cast<double>(tallest) - static_cast<double>(tiers[l].size())) * 0.5;
        for (std::size_t i = 0; i < tiers[l].size(); ++i)
            out[tiers[l][i]] = {static_cast<double>(l) * options.layer_spacing,
                                (static_cast<double>(i) + offset) * options.row_spacing};
    }
    return out;
}

void layoutMissingPositions(Model& m, const LayoutOptions& options)
{
    const bool any = std::any_of(m.components.begin(), m.components.end(), [](const Component& c) { return c.position.has_value(); });
    const std::vector<Point> p = autoLayout(m, options);
    for (std::size_t c = 0; c < m.components.size(); ++c)
        if (!any || !m.components[c].position)
            m.components[c].position = p[c];
}

}  // namespace nines::ui
