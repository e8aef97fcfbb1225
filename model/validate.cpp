#include "validate.h"

#include "path.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <set>

namespace nines::model {

namespace {

/// "12,345,678" for a whole number.
std::string withThousands(double v)
{
    std::string digits = std::to_string(static_cast<long long>(v));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<size_t>(i), ",");
    return digits;
}

/// Bytes as GiB with one decimal.
std::string gib(double bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", bytes / (1024.0 * 1024.0 * 1024.0));
    return text;
}

class Validator {
public:
    explicit Validator(const Model& m) : m_(m) {}

    Problems run()
    {
        checkSettings();
        collectIds();
        checkNetwork();
        checkCrews();
        checkComponents();
        checkEntries();
        checkDependencies();
        checkSharedFate();
        checkLoad();
        checkScenarios();
        checkUsage();
        validateMoney(m_, out_);
        validateCycles(m_, out_);
        return std::move(out_);
    }

private:
    const Model& m_;
    Problems out_;
    IdIndex regionIds_, zoneIds_, hubIds_, linkIds_, crewIds_, componentIds_, dependencyIds_, sharedFateIds_,
        scenarioIds_;
    std::set<std::string> nodeIds_;  // zones, regions and hubs share one namespace

    void error(const std::string& path, const std::string& msg)
    {
        out_.push_back({path, msg, Severity::Error});
    }
    void warning(const std::string& path, const std::string& msg)
    {
        out_.push_back({path, msg, Severity::Warning});
    }

    // Number checks; return true when fine.
    bool finite(const std::string& path, double v, const char* what)
    {
        if (std::isfinite(v))
            return true;
        error(path, std::string("must be ") + what + ", got " + formatNumber(v));
        return false;
    }
    void positive(const std::string& path, double v, const char* what)
    {
        if (finite(path, v, what) && !(v > 0))
            error(path, std::string("must be ") + what + ", got " + formatNumber(v));
    }
    void nonNegative(const std::string& path, double v, const char* what)
    {
        if (finite(path, v, what) && v < 0)
            error(path, std::string("must be ") + what + ", got " + formatNumber(v));
    }
    void probability(const std::string& path, double v)
    {
        if (!std::isfinite(v) || v < 0 || v > 1)
            error(path, "must be a probability between 0 and 1, got " + formatNumber(v));
    }

    void checkIds(const char* collection, const IdIndex& ids)
    {
        std::map<std::string, int> seen;
        for (size_t i = 0; i < ids.size(); ++i) {
            const std::string path = joinPath(ids.path(collection, i), "id");
            if (ids[i].empty())
                continue;  // the reader reported it missing or empty
            if (!isValidId(ids[i])) {
                error(path, "must be an id of letters, digits and _ - . : , got " + quoted(ids[i]));
                continue;
            }
            auto [it, fresh] = seen.emplace(ids[i], static_cast<int>(i));
            if (!fresh)
                error(std::string(collection) + "[" + std::to_string(i) + "].id",
                      "duplicate id \"" + ids[i] + "\" (also used by " + collection + "["
                          + std::to_string(it->second) + "])");
        }
    }

    void collectIds()
    {
        auto idsOf = [](const auto& items) {
            std::vector<std::string> ids;
            ids.reserve(items.size());
            for (const auto& x : items)
                ids.push_back(x.id);
            return IdIndex(std::move(ids));
        };
        regionIds_ = idsOf(m_.regions);
        zoneIds_ = idsOf(m_.zones);
        hubIds_ = idsOf(m_.hubs);
        linkIds_ = idsOf(m_.links);
        crewIds_ = idsOf(m_.repair_crews);
        componentIds_ = idsOf(m_.components);
        dependencyIds_ = idsOf(m_.dependencies);
        sharedFateIds_ = idsOf(m_.shared_fate);
        scenarioIds_ = idsOf(m_.scenarios);

        checkIds("regions", regionIds_);
        checkIds("zones", zoneIds_);
        checkIds("hubs", hubIds_);
        checkIds("links", linkIds_);
        checkIds("repair_crews", crewIds_);
        checkIds("components", componentIds_);
        checkIds("shared_fate", sharedFateIds_);
        checkIds("scenarios", scenarioIds_);
        // Dependency ids are optional; only given ones must be valid and unique.
        std::map<std::string, size_t> depSeen;
        for (size_t i = 0; i < dependencyIds_.size(); ++i) {
            const auto& id = dependencyIds_[i];
            if (id.empty())
                continue;
            const std::string path = joinPath(dependencyIds_.path("dependencies", i), "id");
            if (!isValidId(id))
                error(path, "must be an id of letters, digits and _ - . : , got " + quoted(id));
            else if (!depSeen.emplace(id, i).second)
                error("dependencies[" + std::to_string(i) + "].id",
                      "duplicate id \"" + id + "\" (also used by dependencies["
                          + std::to_string(depSeen[id]) + "])");
        }

        // Zones, regions and hubs are all nodes of the network and share one namespace.
        std::map<std::string, std::string> owner;
        auto claim = [&](const char* coll, const IdIndex& ids) {
            for (size_t i = 0; i < ids.size(); ++i) {
                if (!isValidId(ids[i]))
                    continue;
                auto [it, fresh] = owner.emplace(ids[i], coll);
                if (!fresh && it->second != coll)
                    error(joinPath(ids.path(coll, i), "id"),
                          "id \"" + ids[i] + "\" is already used by one of the " + it->second
                              + "; zones, regions and hubs share one set of ids");
                nodeIds_.insert(ids[i]);
            }
        };
        claim("regions", regionIds_);
        claim("zones", zoneIds_);
        claim("hubs", hubIds_);
    }

    void checkSettings()
    {
        const Settings& s = m_.settings;
        positive("settings.mission_hours", s.mission_hours, "a positive number of hours");
        if (s.replications < 1)
            error("settings.replications",
                  "must be a whole number of replications of at least 1, got " + std::to_string(s.replications));
        if (!std::isfinite(s.target_relative_precision) || s.target_relative_precision < 0
            || s.target_relative_precision >= 1)
            error("settings.target_relative_precision",
                  "must be a relative precision in [0, 1) (0 turns it off), got "
                      + formatNumber(s.target_relative_precision));
        if (s.min_outages < 0 || s.min_outages > 1000000)
            error("settings.min_outages",
                  "must be a whole number of outages in [0, 1,000,000], got " + std::to_string(s.min_outages));
        nonNegative("settings.max_wall_seconds", s.max_wall_seconds,
                    "a non-negative number of seconds (0 turns it off)");
        if (!std::isfinite(s.sla_target_percent) || s.sla_target_percent <= 0 || s.sla_target_percent >= 100)
            error("settings.sla_target_percent",
                  "must be a percentage strictly between 0 and 100, got " + formatNumber(s.sla_target_percent));
        if (!std::isfinite(s.target_utilisation_percent) || s.target_utilisation_percent <= 0
            || s.target_utilisation_percent > 100)
            error("settings.target_utilisation_percent",
                  "must be a percentage in (0, 100], got " + formatNumber(s.target_utilisation_percent));
    }

    void checkOutage(const Outage& o, const std::string& path)
    {
        validateDistribution(o.failure, joinPath(path, "failure"), out_);
        validateDistribution(o.repair, joinPath(path, "repair"), out_);
    }

    void checkNetwork()
    {
        for (size_t i = 0; i < m_.regions.size(); ++i)
            if (m_.regions[i].outage)
                checkOutage(*m_.regions[i].outage, joinPath(regionIds_.path("regions", i), "outage"));
        for (size_t i = 0; i < m_.zones.size(); ++i) {
            const Zone& z = m_.zones[i];
            const std::string path = zoneIds_.path("zones", i);
            if (z.region && !regionIds_.contains(*z.region))
                error(joinPath(path, "region"), "refers to region \"" + *z.region + "\", which does not exist"
                                                    + known("regions", regionIds_));
            if (z.outage)
                checkOutage(*z.outage, joinPath(path, "outage"));
        }
        for (size_t i = 0; i < m_.links.size(); ++i) {
            const Link& l = m_.links[i];
            const std::string path = linkIds_.path("links", i);
            for (const auto& [field, end] : {std::pair{"from", &l.from}, std::pair{"to", &l.to}})
                if (!end->empty() && !nodeIds_.count(*end))
                    error(joinPath(path, field), "refers to \"" + *end
                                                     + "\", which is no zone, region or hub");
            if (!l.from.empty() && l.from == l.to)
                error(joinPath(path, "to"), "a link must join two different nodes, got " + quoted(l.to) + " twice");
            if (l.outage)
                checkOutage(*l.outage, joinPath(path, "outage"));
        }
    }

    void checkCrews()
    {
        for (size_t i = 0; i < m_.repair_crews.size(); ++i)
            if (m_.repair_crews[i].size < 1)
                error(joinPath(crewIds_.path("repair_crews", i), "size"),
                      "must be a whole number of at least 1, got " + std::to_string(m_.repair_crews[i].size));
    }

    static std::string known(const char* what, const IdIndex& ids)
    {
        if (ids.empty())
            return std::string(" (the model declares no ") + what + ")";
        std::string s = std::string(" (known ") + what + ": ";
        for (size_t i = 0; i < ids.size() && i < 8; ++i)
            s += (i ? ", " : "") + ids[i];
        if (ids.size() > 8)
            s += ", ...";
        return s + ")";
    }

    void checkComponents()
    {
        // The engine keeps state for every instance in every worker thread (docs/performance.md).
        double total = 0;
        for (const Component& c : m_.components)
            total += std::max(c.instances, 0);
        if (total > kMaxInstances)
            error("components", "hold " + withThousands(total) + " instances in all; Nines simulates at most "
                                    + withThousands(kMaxInstances) + " (about " + std::to_string(kBytesPerInstance)
                                    + " bytes each per worker thread: this model would need "
                                    + gib(total * kBytesPerInstance) + " GiB for each)");
        for (size_t i = 0; i < m_.components.size(); ++i) {
            const Component& c = m_.components[i];
            const std::string path = componentIds_.path("components", i);
            if (c.instances < 1)
                error(joinPath(path, "instances"),
                      "must be a whole number of instances of at least 1, got " + std::to_string(c.instances));
            if (c.required < 1)
                error(joinPath(path, "required"),
                      "must be a whole number of at least 1, got " + std::to_string(c.required));
            else if (c.instances >= 1 && c.required > c.instances)
                error(joinPath(path, "required"), "k = " + std::to_string(c.required)
                                                      + " required instances is greater than n = "
                                                      + std::to_string(c.instances) + " instances");
            if (c.redundancy == RedundancyMode::Standby) {
                const std::string sp = joinPath(path, "standby");
                nonNegative(joinPath(sp, "failover_seconds"), c.standby.failover_seconds,
                            "a non-negative number of seconds");
                if (const auto& f = c.standby.failover) {
                    const std::string fp = joinPath(sp, "failover");
                    switch (f->type) {
                    case DistributionType::Exponential:
                        positive(joinPath(fp, "mean_seconds"), f->mean_seconds, "a positive number of seconds");
                        break;
                    case DistributionType::Lognormal:
                        positive(joinPath(fp, "mean_seconds"), f->mean_seconds, "a positive number of seconds");
                        positive(joinPath(fp, "sigma"), f->sigma, "a positive number");
                        break;
                    case DistributionType::Uniform:
                        nonNegative(joinPath(fp, "min_seconds"), f->min_seconds, "a non-negative number of seconds");
                        if (!(f->max_seconds > f->min_seconds) || !std::isfinite(f->max_seconds))
                            error(joinPath(fp, "max_seconds"), "must be a number of seconds greater than min_seconds ("
                                                                   + formatNumber(f->min_seconds) + "), got "
                                                                   + formatNumber(f->max_seconds));
                        break;
                    default:
                        nonNegative(joinPath(fp, "seconds"), f->seconds, "a non-negative number of seconds");
                        break;
                    }
                }
                if (c.standby.failover_retry_seconds)
                    positive(joinPath(sp, "failover_retry_seconds"), *c.standby.failover_retry_seconds,
                             "a positive number of seconds (leave it out for no retry)");
                probability(joinPath(sp, "failover_success_probability"), c.standby.failover_success_probability);
                nonNegative(joinPath(sp, "detection_seconds"), c.standby.detection_seconds,
                            "a non-negative number of seconds");
                if (c.instances >= 1 && c.required >= c.instances)
                    warning(joinPath(path, "instances"),
                            "a standby group with n = k has no spare to fail over to");
            }
            std::vector<std::string> modeIds;
            for (const auto& fm : c.failure_modes)
                modeIds.push_back(fm.id);
            const IdIndex modeIndex(modeIds);
            checkIds((path + ".failure_modes").c_str(), modeIndex);
            for (size_t j = 0; j < c.failure_modes.size(); ++j) {
                const FailureMode& fm = c.failure_modes[j];
                const std::string fp = modeIndex.path(path + ".failure_modes", j);
                validateDistribution(fm.failure, joinPath(fp, "failure"), out_);
                validateDistribution(fm.repair, joinPath(fp, "repair"), out_);
                nonNegative(joinPath(fp, "detection_seconds"), fm.detection_seconds,
                            "a non-negative number of seconds");
                if (fm.dormant_failure)
                    validateDistribution(*fm.dormant_failure, joinPath(fp, "dormant_failure"), out_);
                const bool warm = c.redundancy == RedundancyMode::Standby && c.standby.kind == StandbyKind::Warm;
                if (warm && !fm.dormant_failure)
                    error(joinPath(fp, "dormant_failure"),
                          "is required for a warm standby component: the failure distribution of an idle spare");
                if (!warm && fm.dormant_failure)
                    error(joinPath(fp, "dormant_failure"),
                          "only applies to warm standby components (this one is "
                              + std::string(c.redundancy == RedundancyMode::Active ? "active"
                                                                                     : toString(c.standby.kind))
                              + ")");
            }
            if (c.repair_crew && !crewIds_.contains(*c.repair_crew))
                error(joinPath(path, "repair_crew"), "refers to repair crew \"" + *c.repair_crew
                                                         + "\", which does not exist" + known("repair crews", crewIds_));
            std::set<std::string> placed;
            for (size_t j = 0; j < c.zones.size(); ++j) {
                const std::string zp = joinPath(path, "zones") + "[" + std::to_string(j) + "]";
                if (!zoneIds_.contains(c.zones[j]))
                    error(zp, "refers to zone \"" + c.zones[j] + "\", which does not exist" + known("zones", zoneIds_));
                else if (!placed.insert(c.zones[j]).second)
                    error(zp, "zone \"" + c.zones[j] + "\" is listed twice");
            }
            if (c.capacity_rps)
                positive(joinPath(path, "capacity_rps"), *c.capacity_rps,
                         "a positive number of requests per second (leave it out for unlimited)");
            if (c.data_store) {
                const std::string dp = joinPath(path, "data_store");
                nonNegative(joinPath(dp, "replication_lag_seconds"), c.data_store->replication_lag_seconds,
                            "a non-negative number of seconds");
                nonNegative(joinPath(dp, "write_rate_per_second"), c.data_store->write_rate_per_second,
                            "a non-negative number of writes per second");
                if (c.data_store->replication != Replication::Async && c.data_store->replication_lag_seconds > 0)
                    error(joinPath(dp, "replication_lag_seconds"),
                          "only applies to asynchronous replication (replication is \""
                              + std::string(toString(c.data_store->replication)) + "\")");
            }
        }
    }

    void checkEntries()
    {
        double sum = 0.0;
        int entries = 0;
        std::string shares;
        for (size_t i = 0; i < m_.components.size(); ++i) {
            const Component& c = m_.components[i];
            const std::string path = componentIds_.path("components", i);
            if (c.kind == ComponentKind::Entry) {
                ++entries;
                if (!std::isfinite(c.traffic_share) || c.traffic_share <= 0 || c.traffic_share > 1)
                    error(joinPath(path, "traffic_share"),
                          "must be a share of the traffic in (0, 1], got " + formatNumber(c.traffic_share));
                else {
                    sum += c.traffic_share;
                    shares += (shares.empty() ? "" : ", ") + c.id + " " + formatNumber(c.traffic_share);
                }
                if (c.entry_node && !nodeIds_.count(*c.entry_node))
                    error(joinPath(path, "entry_node"),
                          "refers to \"" + *c.entry_node + "\", which is no zone, region or hub");
            } else {
                if (c.traffic_share != 0)
                    error(joinPath(path, "traffic_share"), "only entries carry user traffic (this component is a "
                                                               + std::string(toString(c.kind)) + ")");
                if (c.entry_node)
                    error(joinPath(path, "entry_node"), "only entries have an entry node (this component is a "
                                                            + std::string(toString(c.kind)) + ")");
            }
        }
        if (entries == 0)
            error("components", "a model needs at least one component of kind \"entry\", where user traffic arrives");
        else if (std::abs(sum - 1.0) > 1e-9 && !shares.empty())
            error("components", "the traffic shares of the entries must sum to 1, got " + formatNumber(sum) + " ("
                                    + shares + ")");
    }

    void checkDependencies()
    {
        std::map<std::pair<std::string, std::string>, size_t> pairs;
        std::vector<int> outDegree(m_.components.size(), 0);
        for (size_t i = 0; i < m_.dependencies.size(); ++i) {
            const Dependency& d = m_.dependencies[i];
            const std::string path = dependencyIds_.path("dependencies", i);
            const int from = componentIds_.find(d.from);
            const int to = componentIds_.find(d.to);
            if (from < 0 && !d.from.empty())
                error(joinPath(path, "from"), "refers to component \"" + d.from + "\", which does not exist");
            if (to < 0 && !d.to.empty())
                error(joinPath(path, "to"), "refers to component \"" + d.to + "\", which does not exist");
            if (from >= 0 && from == to)
                error(joinPath(path, "to"), "a component cannot depend on itself (\"" + d.to + "\")");
            if (from >= 0)
                ++outDegree[static_cast<size_t>(from)];
            if (from >= 0 && to >= 0) {
                auto [it, fresh] = pairs.emplace(std::pair{d.from, d.to}, i);
                if (!fresh)
                    error(path, "duplicate dependency " + d.from + " -> " + d.to + " (also dependencies["
                                    + std::to_string(it->second) + "])");
                if (m_.components[static_cast<size_t>(to)].kind == ComponentKind::Entry)
                    error(joinPath(path, "to"), "\"" + d.to + "\" is an entry; entries receive user traffic and "
                                                "cannot be called by other components");
            }
            positive(joinPath(path, "calls_per_request"), d.calls_per_request, "a positive number of calls");
            if (d.type == DependencyType::Async) {
                if (!d.buffer_messages)
                    error(joinPath(path, "buffer_messages"),
                          "is required for an asynchronous dependency: how many messages the queue holds");
                else
                    nonNegative(joinPath(path, "buffer_messages"), *d.buffer_messages,
                                "a non-negative number of messages");
                if (d.message_rate_per_second)
                    nonNegative(joinPath(path, "message_rate_per_second"), *d.message_rate_per_second,
                                "a non-negative number of messages per second");
                else if (!m_.load)
                    error(joinPath(path, "message_rate_per_second"),
                          "is required for an asynchronous dependency when the model has no \"load\" to derive "
                          "the message rate from");
            } else {
                if (d.buffer_messages)
                    error(joinPath(path, "buffer_messages"), "only applies to asynchronous dependencies");
                if (d.message_rate_per_second)
                    error(joinPath(path, "message_rate_per_second"), "only applies to asynchronous dependencies");
            }
        }
        for (size_t i = 0; i < m_.components.size(); ++i) {
            const Component& c = m_.components[i];
            if (c.dependency_mode != DependencyMode::All && outDegree[i] == 0)
                error(joinPath(componentIds_.path("components", i), "dependency_mode"),
                      "\"" + std::string(toString(c.dependency_mode))
                          + "\" needs at least one dependency to choose from, and this component has none");
            else if (c.dependency_mode == DependencyMode::AtLeast
                && (c.dependency_min < 1 || c.dependency_min > outDegree[i]))
                error(joinPath(componentIds_.path("components", i), "dependency_min"),
                      "must be between 1 and the component's " + std::to_string(outDegree[i])
                          + " dependencies, got " + std::to_string(c.dependency_min));
        }
        findCycle();
    }

    // Depth-first search for a cycle in the dependency graph; names the first one found.
    void findCycle()
    {
        const size_t n = m_.components.size();
        std::vector<std::vector<size_t>> adj(n);
        for (const auto& d : m_.dependencies) {
            const int a = componentIds_.find(d.from), b = componentIds_.find(d.to);
            if (a >= 0 && b >= 0 && a != b)
                adj[static_cast<size_t>(a)].push_back(static_cast<size_t>(b));
        }
        // Iterative: a chain of 100,000 components must not overflow the call stack.
        std::vector<int> state(n, 0);  // 0 new, 1 on the path, 2 done
        std::vector<std::pair<size_t, size_t>> path;  // vertex, next edge to follow
        for (size_t v = 0; v < n; ++v) {
            if (state[v] != 0)
                continue;
            state[v] = 1;
            path.push_back({v, 0});
            while (!path.empty()) {
                const size_t u = path.back().first;
                size_t& edge = path.back().second;
                if (edge == adj[u].size()) {
                    state[u] = 2;
                    path.pop_back();
                    continue;
                }
                const size_t w = adj[u][edge++];
                if (state[w] == 1) {
                    std::string cycle;
                    auto it = std::find_if(path.begin(), path.end(), [&](const auto& p) { return p.first == w; });
                    for (; it != path.end(); ++it)
                        cycle += m_.components[it->first].id + " -> ";
                    cycle += m_.components[w].id;
                    error("dependencies", "dependency cycle " + cycle
                                              + "; a request must not come back to a component it passed");
                    return;
                }
                if (state[w] == 0) {
                    state[w] = 1;
                    path.push_back({w, 0});
                }
            }
        }
    }

    void checkSharedFate()
    {
        for (size_t i = 0; i < m_.shared_fate.size(); ++i) {
            const SharedFate& s = m_.shared_fate[i];
            const std::string path = sharedFateIds_.path("shared_fate", i);
            if (s.components.empty())
                error(joinPath(path, "components"), "must name at least one component");
            std::set<std::string> named;
            for (size_t j = 0; j < s.components.size(); ++j) {
                const std::string cp = joinPath(path, "components") + "[" + std::to_string(j) + "]";
                if (componentIds_.find(s.components[j]) < 0)
                    error(cp, "refers to component \"" + s.components[j] + "\", which does not exist");
                else if (!named.insert(s.components[j]).second)
                    error(cp, "component \"" + s.components[j] + "\" is listed twice");
            }
            checkOutage(s.outage, joinPath(path, "outage"));
        }
    }

    void checkLoad()
    {
        if (!m_.load)
            return;
        const Load& l = *m_.load;
        nonNegative("load.peak_rps", l.peak_rps, "a non-negative number of requests per second");
        if (!l.daily_profile.empty() && l.daily_profile.size() != 24)
            error("load.daily_profile", "must hold 24 values, one per hour of the day, got "
                                            + std::to_string(l.daily_profile.size()));
        for (size_t h = 0; h < l.daily_profile.size(); ++h) {
            const double v = l.daily_profile[h];
            if (!std::isfinite(v) || v < 0 || v > 1)
                error("load.daily_profile[" + std::to_string(h) + "]",
                      "must be a fraction of the peak rate in [0, 1], got " + formatNumber(v));
        }
        if (!std::isfinite(l.yearly_growth_percent) || l.yearly_growth_percent <= -100)
            error("load.yearly_growth_percent",
                  "must be a growth rate above -100 percent, got " + formatNumber(l.yearly_growth_percent));
    }

    void checkScenarios()
    {
        // Each scenario is based on at most one other: walk each chain once, marking the
        // scenarios that lie on a circle (linear in the number of scenarios, however long the
        // chains).
        const size_t n = m_.scenarios.size();
        std::vector<int> next(n, -1);
        for (size_t i = 0; i < n; ++i)
            if (m_.scenarios[i].based_on)
                next[i] = scenarioIds_.find(*m_.scenarios[i].based_on);
        std::vector<int> state(n, 0);  // 0 new, 1 on the walk, 2 done
        std::vector<bool> onCircle(n, false);
        std::vector<size_t> walk;
        for (size_t i = 0; i < n; ++i) {
            if (state[i] != 0)
                continue;
            size_t j = i;
            while (state[j] == 0) {
                state[j] = 1;
                walk.push_back(j);
                if (next[j] < 0)
                    break;
                j = static_cast<size_t>(next[j]);
            }
            if (state[j] == 1 && next[walk.back()] >= 0) {  // the walk came back to itself at j
                for (size_t k = walk.size(); k-- > 0;) {
                    onCircle[walk[k]] = true;
                    if (walk[k] == j)
                        break;
                }
            }
            for (size_t k : walk)
                state[k] = 2;
            walk.clear();
        }
        for (size_t i = 0; i < n; ++i) {
            const Scenario& s = m_.scenarios[i];
            const std::string path = scenarioIds_.path("scenarios", i);
            if (s.based_on && !scenarioIds_.contains(*s.based_on))
                error(joinPath(path, "based_on"), "refers to scenario \"" + *s.based_on + "\", which does not exist");
            else if (onCircle[i]) {
                std::string circle = s.id;
                for (int j = next[i]; j != static_cast<int>(i); j = next[static_cast<size_t>(j)])
                    circle += " -> " + m_.scenarios[static_cast<size_t>(j)].id;
                error(joinPath(path, "based_on"), "scenarios are based on each other in a circle: " + circle + " -> " + s.id);
            }
            for (size_t j = 0; j < s.operations.size(); ++j) {
                std::string why;
                if (!parsePath(s.operations[j].path, &why))
                    error(joinPath(path, "operations") + "[" + std::to_string(j) + "].path",
                          "is not a field path (" + why + "), got " + quoted(s.operations[j].path));
            }
        }
    }

    // Components that no entry reaches cannot affect availability: most likely a forgotten arrow.
    void checkUsage()
    {
        const size_t n = m_.components.size();
        std::vector<std::vector<size_t>> adj(n);
        for (const auto& d : m_.dependencies) {
            const int a = componentIds_.find(d.from), b = componentIds_.find(d.to);
            if (a >= 0 && b >= 0)
                adj[static_cast<size_t>(a)].push_back(static_cast<size_t>(b));
        }
        std::vector<bool> reached(n, false);
        std::vector<size_t> todo;
        for (size_t i = 0; i < n; ++i)
            if (m_.components[i].kind == ComponentKind::Entry) {
                reached[i] = true;
                todo.push_back(i);
            }
        if (todo.empty())
            return;
        while (!todo.empty()) {
            size_t v = todo.back();
            todo.pop_back();
            for (size_t w : adj[v])
                if (!reached[w]) {
                    reached[w] = true;
                    todo.push_back(w);
                }
        }
        for (size_t i = 0; i < n; ++i)
            if (!reached[i])
                warning(componentIds_.path("components", i),
                        "no entry depends on this component, so it does not affect availability");
    }
};

}  // namespace

Problems validate(const Model& model)
{
    return Validator(model).run();
}

}  // namespace nines::model
