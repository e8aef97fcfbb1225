// Automatic layout of a topology as a left-to-right tiered diagram: entries on the left, every
// caller left of its callees (layers by longest path, Boost.Graph), and within a layer an order
// that keeps components of one zone together and edges short (barycentre sweeps).
#pragma once

#include "model/model.h"

#include <vector>

namespace nines::ui {

struct LayoutOptions {
    double layer_spacing = 220.0;  // horizontal distance between tiers
    double row_spacing = 140.0;    // vertical distance between components of a tier
    int sweeps = 4;                // barycentre passes (down and up)
};

/// A position for every component, in model order. Deterministic for a given model.
std::vector<model::Point> autoLayout(const model::Model& m, const LayoutOptions& options = {});

/// Applies autoLayout to the components that have no position yet (all, if none has one).
void layoutMissingPositions(model::Model& m, const LayoutOptions& options = {});

}  // namespace nines::ui
