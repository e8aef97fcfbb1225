// Small models with known exact answers, built in code for the engine's tests.
#pragma once

#include "model/model.h"
#include "model/validate.h"

#include <string>
#include <vector>

namespace nines::test {

using namespace nines::model;

inline FailureMode expMode(double mtbf, double mttr, std::string id = "f")
{
    return FailureMode{std::move(id), "", Distribution::exponential(mtbf), Distribution::exponential(mttr), 0.0, {}};
}

inline Component component(std::string id, std::vector<FailureMode> modes, int n = 1, int k = 1)
{
    Component c;
    c.id = std::move(id);
    c.kind = ComponentKind::Service;
    c.failure_modes = std::move(modes);
    c.instances = n;
    c.required = k;
    return c;
}

/// An entry that never fails, calling `callees` with `mode`.
inline Model withEntry(std::vector<Component> comps, const std::vector<std::string>& callees,
                       DependencyMode mode = DependencyMode::All)
{
    Model m;
    m.name = "test";
    Component e;
    e.id = "users";
    e.kind = ComponentKind::Entry;
    e.traffic_share = 1.0;
    e.dependency_mode = mode;
    m.components.push_back(e);
    for (auto& c : comps)
        m.components.push_back(std::move(c));
    for (const auto& id : callees)
        m.dependencies.push_back({"", "users", id, 1.0, DependencyType::Sync, {}, {}});
    return m;
}

inline void depend(Model& m, const std::string& from, const std::string& to)
{
    m.dependencies.push_back({"", from, to, 1.0, DependencyType::Sync, {}, {}});
}

inline bool valid(const Model& m)
{
    for (const auto& p : validate(m))
        if (p.severity == Severity::Error)
            return false;
    return true;
}

}  // namespace nines::test
