#include "network.h"

#include "model/model.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <set>

namespace nines::sim {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_index_t, int>>;

/// Keeps the edges whose link is up (or that never fail).
struct UpEdges {
    const Graph* g = nullptr;
    const std::vector<int>* edgeLink = nullptr;
    const std::vector<std::uint8_t>* linkUp = nullptr;
    template <typename E>
    bool operator()(const E& e) const
    {
        const int link = (*edgeLink)[static_cast<std::size_t>(boost::get(boost::edge_index, *g, e))];
        return link < 0 || (*linkUp)[static_cast<std::size_t>(link)] != 0;
    }
};

}  // namespace

void Network::build(const model::Model& m, std::vector<std::int32_t> entryNodes)
{
    nodeNames_.clear();
    edges_.clear();
    links_.clear();
    failingLinks_.clear();
    entryNodes_ = std::move(entryNodes);
    for (const auto& z : m.zones)
        nodeNames_.push_back(z.id);
    zoneCount_ = m.zones.size();
    for (const auto& r : m.regions)
        nodeNames_.push_back(r.id);
    for (const auto& h : m.hubs)
        nodeNames_.push_back(h.id);

    if (m.links.empty()) {
        // No network declared: every node reaches every other, always.
        for (std::size_t i = 1; i < nodeNames_.size(); ++i)
            edges_.push_back({0, static_cast<int>(i), -1});
        return;
    }
    // A region named by a link or an entry stands for its own backbone, joined to each of its
    // zones by a connection that never fails.
    std::set<std::string> usedRegions;
    for (const auto& l : m.links)
        usedRegions.insert({l.from, l.to});
    for (const auto& c : m.components)
        if (c.entry_node)
            usedRegions.insert(*c.entry_node);
    for (std::size_t zi = 0; zi < m.zones.size(); ++zi) {
        const auto& z = m.zones[zi];
        if (z.region && usedRegions.count(*z.region))
            edges_.push_back({static_cast<int>(zi), nodeIndex(*z.region), -1});
    }
    for (std::size_t li = 0; li < m.links.size(); ++li) {
        const auto& l = m.links[li];
        links_.push_back(static_cast<int>(edges_.size()));
        edges_.push_back({nodeIndex(l.from), nodeIndex(l.to), static_cast<int>(li)});
        if (l.outage)
            failingLinks_.push_back(static_cast<int>(li));
    }
}

int Network::nodeIndex(const std::string& id) const
{
    auto it = std::find(nodeNames_.begin(), nodeNames_.end(), id);
    return it == nodeNames_.end() ? -1 : static_cast<int>(it - nodeNames_.begin());
}

void Network::components(const std::vector<std::uint8_t>& linkUp, std::vector<int>& label) const
{
    Graph g(nodeNames_.size());
    std::vector<int> edgeLink;
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        boost::add_edge(static_cast<std::size_t>(edges_[i].a), static_cast<std::size_t>(edges_[i].b),
                        static_cast<int>(i), g);
        edgeLink.push_back(edges_[i].link);
    }
    UpEdges pred{&g, &edgeLink, &linkUp};
    boost::filtered_graph<Graph, UpEdges> fg(g, pred);
    label.assign(nodeNames_.size(), 0);
    if (!label.empty())
        boost::connected_components(fg, label.data());
}

void Network::reachability(const std::vector<std::uint8_t>& linkUp, std::vector<std::uint8_t>& reach) const
{
    const std::size_t z = zoneCount_;
    reach.assign(entryNodes_.size() * z, 1);
    if (z == 0)
        return;
    std::vector<int> label;
    components(linkUp, label);
    for (std::size_t e = 0; e < entryNodes_.size(); ++e) {
        const int node = entryNodes_[e];
        if (node < 0)
            continue;  // an entry with no node reaches everything
        for (std::size_t zi = 0; zi < z; ++zi)
            reach[e * z + zi] = label[zi] == label[static_cast<std::size_t>(node)] ? 1 : 0;
    }
}

}  // namespace nines::sim
