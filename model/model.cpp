#include "model.h"

#include <algorithm>

#include <array>
#include <utility>

namespace nines::model {

namespace {

template <typename E>
struct EnumTable;

#define NINES_ENUM_TABLE(E, ...)                                                   \
    template <>                                                                    \
    struct EnumTable<E> {                                                          \
        static constexpr std::pair<E, std::string_view> entries[] = {__VA_ARGS__}; \
    };

NINES_ENUM_TABLE(ComponentKind, {ComponentKind::Entry, "entry"},
                 {ComponentKind::LoadBalancer, "load_balancer"}, {ComponentKind::Service, "service"},
                 {ComponentKind::Database, "database"}, {ComponentKind::Cache, "cache"},
                 {ComponentKind::Queue, "queue"}, {ComponentKind::Storage, "storage"},
                 {ComponentKind::Dns, "dns"}, {ComponentKind::Custom, "custom"})
NINES_ENUM_TABLE(RedundancyMode, {RedundancyMode::Active, "active"}, {RedundancyMode::Standby, "standby"})
NINES_ENUM_TABLE(StandbyKind, {StandbyKind::Hot, "hot"}, {StandbyKind::Warm, "warm"},
                 {StandbyKind::Cold, "cold"})
NINES_ENUM_TABLE(DependencyMode, {DependencyMode::All, "all"}, {DependencyMode::Any, "any"},
                 {DependencyMode::AtLeast, "at_least"})
NINES_ENUM_TABLE(Replication, {Replication::None, "none"}, {Replication::Sync, "sync"},
                 {Replication::Async, "async"})
NINES_ENUM_TABLE(Consistency, {Consistency::CP, "cp"}, {Consistency::AP, "ap"})
NINES_ENUM_TABLE(DependencyType, {DependencyType::Sync, "sync"}, {DependencyType::Async, "async"})
NINES_ENUM_TABLE(OperationType, {OperationType::Set, "set"}, {OperationType::Add, "add"},
                 {OperationType::Remove, "remove"})
NINES_ENUM_TABLE(EstimateStart, {EstimateStart::Steady, "steady"}, {EstimateStart::New, "new"})
#undef NINES_ENUM_TABLE

template <typename E>
std::string_view name(E e)
{
    for (const auto& [v, n] : EnumTable<E>::entries)
        if (v == e)
            return n;
    return "?";
}

template <typename E>
bool parse(std::string_view s, E& out)
{
    for (const auto& [v, n] : EnumTable<E>::entries)
        if (n == s) {
            out = v;
            return true;
        }
    return false;
}

}  // namespace

template <typename E>
std::vector<std::string_view> enumNames()
{
    std::vector<std::string_view> out;
    for (const auto& [v, n] : EnumTable<E>::entries)
        out.push_back(n);
    return out;
}

#define NINES_ENUM_FUNCS(E)                                                        \
    std::string_view toString(E e) { return name(e); }                             \
    bool parseEnum(std::string_view s, E& out) { return parse(s, out); }           \
    template std::vector<std::string_view> enumNames<E>();

NINES_ENUM_FUNCS(ComponentKind)
NINES_ENUM_FUNCS(RedundancyMode)
NINES_ENUM_FUNCS(StandbyKind)
NINES_ENUM_FUNCS(DependencyMode)
NINES_ENUM_FUNCS(Replication)
NINES_ENUM_FUNCS(Consistency)
NINES_ENUM_FUNCS(DependencyType)
NINES_ENUM_FUNCS(OperationType)
NINES_ENUM_FUNCS(EstimateStart)
#undef NINES_ENUM_FUNCS

Distribution FailoverTime::hours() const
{
    switch (type) {
    case DistributionType::Exponential:
        return Distribution::exponential(mean_seconds / 3600.0);
    case DistributionType::Lognormal:
        return Distribution::lognormal(mean_seconds / 3600.0, sigma);
    case DistributionType::Uniform:
        return Distribution::uniform(min_seconds / 3600.0, max_seconds / 3600.0);
    default:
        return Distribution::deterministic(seconds / 3600.0);
    }
}

double FailoverTime::meanSeconds() const
{
    switch (type) {
    case DistributionType::Exponential:
    case DistributionType::Lognormal:
        return mean_seconds;
    case DistributionType::Uniform:
        return 0.5 * (min_seconds + max_seconds);
    default:
        return seconds;
    }
}

bool FailoverTime::operator==(const FailoverTime& o) const
{
    if (type != o.type)
        return false;
    switch (type) {
    case DistributionType::Exponential:
        return mean_seconds == o.mean_seconds;
    case DistributionType::Lognormal:
        return mean_seconds == o.mean_seconds && sigma == o.sigma;
    case DistributionType::Uniform:
        return min_seconds == o.min_seconds && max_seconds == o.max_seconds;
    default:
        return seconds == o.seconds;
    }
}

FailoverTime StandbySettings::failoverTime() const
{
    if (failover)
        return *failover;
    FailoverTime f;
    f.seconds = failover_seconds;
    return f;
}

double creditShare(const std::vector<CreditStep>& schedule, double monthAvailability)
{
    double share = 0.0;
    for (const CreditStep& c : schedule)
        if (monthAvailability * 100.0 < c.below_percent)
            share = std::max(share, c.credit_percent / 100.0);
    return share;
}

bool hasEnabledSupport(const Model& m)
{
    return std::any_of(m.components.begin(), m.components.end(),
                       [](const Component& c) { return c.support && c.support->enabled; });
}

Model withSupportApplied(const Model& m)
{
    Model out = m;
    for (Component& c : out.components)
        if (c.support && c.support->enabled) {
            for (FailureMode& fm : c.failure_modes)
                fm.repair = fm.repair.scaled(c.support->repair_factor);
            c.support.reset();  // applied: a second application would scale again
        }
    return out;
}

const Model& engineModel(const Model& m, Model& storage)
{
    if (!hasEnabledSupport(m))
        return m;
    storage = withSupportApplied(m);
    return storage;
}

const Component* Model::findComponent(std::string_view id) const
{
    for (const auto& c : components)
        if (c.id == id)
            return &c;
    return nullptr;
}

const Zone* Model::findZone(std::string_view id) const
{
    for (const auto& z : zones)
        if (z.id == id)
            return &z;
    return nullptr;
}

int Model::componentIndex(std::string_view id) const
{
    for (size_t i = 0; i < components.size(); ++i)
        if (components[i].id == id)
            return static_cast<int>(i);
    return -1;
}

}  // namespace nines::model
