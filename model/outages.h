// One walk over every outage a model declares: its zones', regions', links' and shared-fate
// groups' (the failure domains), for the checks and the compiler that each need them all.
#pragma once

#include "model/model.h"

#include <cstddef>
#include <type_traits>

namespace nines::model {

/// Which list an outage belongs to.
enum class OutageOwner { Zone, Region, Link, SharedFate };

/// The list's name in the file ("zones", "regions", "links", "shared_fate").
constexpr const char* collectionOf(OutageOwner o)
{
    switch (o) {
    case OutageOwner::Zone:
        return "zones";
    case OutageOwner::Region:
        return "regions";
    case OutageOwner::Link:
        return "links";
    case OutageOwner::SharedFate:
        return "shared_fate";
    }
    return "";
}

/// Calls f(outage, owner, index) for each zone, region and link that has an outage and for each
/// shared-fate group (which always has one), in that order and in file order within each list.
template <typename F>
void forEachOutage(const Model& m, F&& f)
{
    auto each = [&](OutageOwner owner, const auto& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& o = items[i].outage;
            if constexpr (std::is_same_v<std::decay_t<decltype(o)>, Outage>)
                f(o, owner, i);
            else if (o)
                f(*o, owner, i);
        }
    };
    each(OutageOwner::Zone, m.zones);
    each(OutageOwner::Region, m.regions);
    each(OutageOwner::Link, m.links);
    each(OutageOwner::SharedFate, m.shared_fate);
}

}  // namespace nines::model
