// Automatic layout of a topology as a left-to-right tiered diagram: entries on the left, every
// caller left of its callees (layers by longest path, Boost.Graph), zones as horizontal bands
// (so their containers never overlap), and within a band an order that keeps edges short
// (barycentre sweeps). Zones, regions and hubs get positions around what they hold.
#pragma once

#include "model/model.h"

#include <vector>

namespace nines::ui {

struct LayoutOptions {
    double layer_spacing = 260.0;  // horizontal distance between tiers
    double row_spacing = 110.0;    // vertical distance between components of a tier
    int sweeps = 4;                // barycentre passes (down and up)
    double band_gap = 80.0;        // between zone bands, room for a container's header
    double node_height = 76.0;     // of a component on the canvas
    double container_margin = 24.0;  // container border to its contents
    double container_header = 30.0;  // a container's title band
};

/// A position for every component, in model order. Deterministic for a given model.
std::vector<model::Point> autoLayout(const model::Model& m, const LayoutOptions& options = {});

/// Applies autoLayout to the components that have no position yet (all, if none has one), then
/// places zones, regions and hubs that have none around their contents.
void layoutMissingPositions(model::Model& m, const LayoutOptions& options = {});

/// The model with every node (components, zones, regions, hubs) laid out afresh.
model::Model layoutAll(const model::Model& m, const LayoutOptions& options = {});

}  // namespace nines::ui
