// Zones and regions as containers on the canvas: which container a component belongs to, what
// a drop into (or out of) one does to its placement, and the rectangles and texts drawn. Pure
// functions of the model and of where components are drawn, so the scene only applies them.
#pragma once

#include "model/model.h"
#include "ui/document/item_access.h"

#include <QRectF>
#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nines::ui {

/// The container that holds a component: the zone it is placed in alone, the region whose zones
/// it is spread over, or none (not placed, or spread over zones of several regions).
std::optional<ItemRef> containerOf(const model::Model& m, const model::Component& c);

/// The placement after dropping a component into `target` (none: out of every container).
/// Inside its own container a component keeps its placement; dropped into a zone it moves
/// there; dropped into a region it spreads over the region's zones; dropped outside, it is no
/// longer placed, unless it never had a container (a spread over several regions stays).
std::vector<std::string> zonesForDrop(const model::Model& m, std::optional<ItemRef> target, const model::Component& c);

/// Components and zones that move with a dragged container.
std::vector<ItemRef> membersOf(const model::Model& m, ItemRef container);

/// How many of a component's instances sit in each of its zones (round-robin placement).
std::vector<std::pair<std::string, int>> instancesPerZone(const model::Component& c);

/// "A×3 B×2" for a component spread over zones; empty for one zone or none.
QString zoneBadges(const model::Model& m, const model::Component& c);

/// "down 3 h every 2 y", or "never fails".
QString outageText(const std::optional<model::Outage>& o);

/// Where containers are drawn, given the top-left corner of each component's card.
struct ContainerGeometry {
    std::vector<QRectF> zones, regions;
    std::vector<QString> zoneSummaries;  // the instances of spread components each zone holds
};
ContainerGeometry layoutContainers(const model::Model& m, const std::vector<QPointF>& componentCorners);

}  // namespace nines::ui
