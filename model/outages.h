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

/// Calls f(owner, items) with each list whose items can have an outage, in the order zones,
/// regions, links, shared fate.
template <typename F>
void forEachOutageList(const Model& m, F&& f)
{
    f(OutageOwner::Zone, m.zones);
    f(OutageOwner::Region, m.regions);
    f(OutageOwner::Link, m.links);
    f(OutageOwner::SharedFate, m.shared_fate);
}

/// Calls f(outage, owner, index) for each zone, region and link that has an outage and for each
/// shared-fate group (which always has one), list by list as above and in file order within each.
template <typename F>
void forEachOutage(const Model& m, F&& f)
{
    forEachOutageList(m, [&](OutageOwner owner, const auto& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& o = items[i].outage;
            if constexpr (std::is_same_v<std::decay_t<decltype(o)>, Outage>)
                f(o, owner, i);
            else if (o)
                f(*o, owner, i);
        }
    });
}

}  // namespace nines::model
