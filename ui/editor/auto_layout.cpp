#include "auto_layout.h"

#include "ui/editor/zone_containers.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>
#include <set>

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

    // Bands: components of one zone share a band, a component spread over zones of one region
    // sits in that region's band, the rest in a free band on top.
    std::map<std::string, int> bandOf;
    std::vector<bool> bandIsContainer;
    auto addBand = [&](const std::string& key, bool container) {
        if (!bandOf.count(key)) {
            bandOf[key] = static_cast<int>(bandIsContainer.size());
            bandIsContainer.push_back(container);
        }
    };
    addBand("free", false);
    for (const auto& r : m.regions) {
        addBand("r:" + r.id, true);
        for (const auto& z : m.zones)
            if (z.region == r.id)
                addBand("z:" + z.id, true);
    }
    for (const auto& z : m.zones)
        addBand("z:" + z.id, true);
    std::vector<int> band(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        if (const auto home = containerOf(m, m.components[c]))
            band[c] = bandOf[home->kind == ItemKind::Zone ? "z:" + m.zones[size_t(home->index)].id
                                                          : "r:" + m.regions[size_t(home->index)].id];

    // Order within a tier: band first, then the mean position of the neighbours in the
    // previous (or next) tier, then model order.
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
            if (band[a] != band[b])
                return band[a] < band[b];
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
    for (auto& t : tiers)  // the first tier too: its band order was never applied
        std::stable_sort(t.begin(), t.end(), [&](std::size_t a, std::size_t b) { return band[a] < band[b]; });

    // Band heights: the most components any tier puts in the band.
    const std::size_t bands = bandIsContainer.size();
    std::vector<int> height(bands, 0);
    for (const auto& t : tiers) {
        std::vector<int> count(bands, 0);
        for (auto c : t)
            height[static_cast<std::size_t>(band[c])] =
                std::max(height[static_cast<std::size_t>(band[c])], ++count[static_cast<std::size_t>(band[c])]);
    }
    std::vector<double> top(bands, 0.0);
    double y = 0.0;
    for (std::size_t b = 0; b < bands; ++b) {
        if (height[b] == 0)
            continue;
        if (y > 0.0 || bandIsContainer[b])
            y += bandIsContainer[b] ? options.band_gap : 0.0;
        top[b] = y;
        y += static_cast<double>(height[b]) * options.row_spacing;
    }
    std::vector<Point> out(n);
    for (std::size_t l = 0; l < tiers.size(); ++l) {
        std::vector<int> row(bands, 0);
        for (auto c : tiers[l]) {
            const auto b = static_cast<std::size_t>(band[c]);
            out[c] = {static_cast<double>(l) * options.layer_spacing,
                      top[b] + static_cast<double>(row[b]++) * options.row_spacing};
        }
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

    // Containers without a position: around their members, or (empty) in a row below.
    const double width = options.layer_spacing - 84.0;  // a component's width on the canvas
    const double margin = options.container_margin, header = options.container_header;
    double bottom = 0.0, left = 0.0;
    for (const auto& c : m.components) {
        bottom = std::max(bottom, c.position->y + options.node_height);
        left = std::min(left, c.position->x);
    }
    // Empty zones of a region go in a row under the region's own members, so the region's
    // container does not swallow components that are not in it.
    std::map<std::string, std::pair<double, double>> rowOf;  // region -> next free (x, y)
    auto homeIs = [&](const Component& c, ItemKind kind, const std::string& id) {
        const auto home = containerOf(m, c);
        return home && home->kind == kind && idAt(m, *home) == id;
    };
    for (const auto& c : m.components)
        if (const auto home = containerOf(m, c); home && home->kind == ItemKind::Region) {
            auto [it, fresh] = rowOf.try_emplace(idAt(m, *home), c.position->x, 0.0);
            it->second.first = std::min(it->second.first, c.position->x);
            it->second.second = std::max(it->second.second, c.position->y + options.node_height + options.band_gap);
        }
    double emptyX = left;
    const double emptyY = bottom + options.band_gap;
    for (auto& z : m.zones) {
        if (z.position)
            continue;
        if (auto it = rowOf.find(z.region.value_or("")); it != rowOf.end()
            && std::none_of(m.components.begin(), m.components.end(),
                            [&](const Component& c) { return homeIs(c, ItemKind::Zone, z.id); })) {
            z.position = Point{it->second.first, it->second.second - options.container_header};
            it->second.first += 260.0;
            continue;
        }
        double x0 = 1e300, y0 = 1e300;
        for (const auto& c : m.components)
            if (homeIs(c, ItemKind::Zone, z.id)) {
                x0 = std::min(x0, c.position->x);
                y0 = std::min(y0, c.position->y);
            }
        if (x0 < 1e300)
            z.position = Point{x0 - margin, y0 - margin - header};
        else {
            z.position = Point{emptyX, emptyY};
            emptyX += 260.0;
        }
    }
    for (auto& r : m.regions) {
        if (r.position)
            continue;
        double x0 = 1e300, y0 = 1e300;
        for (const auto& z : m.zones)
            if (z.region == r.id) {
                x0 = std::min(x0, z.position->x);
                y0 = std::min(y0, z.position->y);
            }
        r.position = x0 < 1e300 ? Point{x0 - margin, y0 - margin - header} : Point{emptyX, emptyY};
        if (x0 >= 1e300)
            emptyX += 300.0;
    }
    double hubY = 0.0;
    for (auto& h : m.hubs)
        if (!h.position) {
            h.position = Point{left - width, hubY};
            hubY += 120.0;
        }
}

Model layoutAll(const Model& m, const LayoutOptions& options)
{
    Model out = m;
    for (auto& c : out.components)
        c.position.reset();
    for (auto& z : out.zones)
        z.position.reset();
    for (auto& r : out.regions)
        r.position.reset();
    for (auto& h : out.hubs)
        h.position.reset();
    layoutMissingPositions(out, options);
    return out;
}

}  // namespace nines::ui
