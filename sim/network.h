// Reachability on the zone graph: nodes are zones, regions and hubs, joined by links that can
// fail. For each set of failed links it tells which zones each entry can reach. Connected
// components come from Boost.Graph and are memoised per link state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nines::model {
struct Model;
}

namespace nines::sim {

class Network {
public:
    Network() = default;
    /// Builds the graph of the model. `entryNodes` holds each entry's node (-1: everywhere).
    void build(const model::Model& m, std::vector<std::int32_t> entryNodes);

    std::size_t nodeCount() const { return nodeNames_.size(); }
    std::size_t linkCount() const { return links_.size(); }
    std::size_t zoneCount() const { return zoneCount_; }
    int nodeIndex(const std::string& id) const;  // -1 when absent
    /// True when no link can fail, so reachability never changes.
    bool fixed() const { return failingLinks_.empty(); }

    /// reach[e * zoneCount + z] != 0 when entry e reaches zone z with the links in `linkUp`.
    void reachability(const std::vector<std::uint8_t>& linkUp, std::vector<std::uint8_t>& reach) const;

    /// Component label of each node with the links in `linkUp` (Boost.Graph connected_components).
    void components(const std::vector<std::uint8_t>& linkUp, std::vector<int>& label) const;

private:
    std::vector<std::string> nodeNames_;  // zones first (index = zone index), then regions, hubs
    std::size_t zoneCount_ = 0;
    struct Edge {
        int a, b;
        int link;  // -1: a connection that never fails (region to its zones, or no links declared)
    };
    std::vector<Edge> edges_;
    std::vector<int> links_;          // link index of each model link (its edge)
    std::vector<int> failingLinks_;   // links with an outage model
    std::vector<std::int32_t> entryNodes_;
};

}  // namespace nines::sim
