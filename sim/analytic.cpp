#include "analytic.h"

#include "competing_modes.h"
#include "compiled_model.h"
#include "group_chain.h"
#include "zone_chain.h"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace nines::sim {

using namespace nines::model;

namespace {

constexpr std::size_t kMaxDomains = 16;
constexpr std::size_t kMaxPivots = 20;

/// How the analysis sees one component's group.
struct GroupModel {
    enum Kind { AlwaysUp, Independent, Chain, Zoned } kind = AlwaysUp;
    double p = 1.0;   // Independent: availability of one instance
    double q = 0.0;   // ... and its unavailability, solved directly (never 1 - p: keeps its digits)
    double nu = 0.0;  // Independent: failures per hour of one instance, in the long run
    GroupChain chain; // Chain
    ZoneChain zone;   // Zoned: the group together with the domains that can mask it
    std::vector<std::size_t> domains;  // Zoned: those domains (indices into the compiled domains)
    double failuresPerHour = 0.0;   // all instances
    double failoversPerHour = 0.0;  // completed failovers
    std::uint32_t threshold = 1, quorum = 0;
};

/// P(Binomial(n, p) >= t), accurate in both tails.
double atLeast(int n, double p, int t)
{
    if (t <= 0)
        return 1.0;
    if (t > n)
        return 0.0;
    if (p >= 1.0)
        return 1.0;
    if (p <= 0.0)
        return 0.0;
    boost::math::binomial_distribution<double> b(n, p);
    return boost::math::cdf(boost::math::complement(b, t - 1));
}

double exactly(int n, double p, int t)
{
    if (t < 0 || t > n)
        return 0.0;
    if (p >= 1.0)
        return t == n ? 1.0 : 0.0;
    if (p <= 0.0)
        return t == 0 ? 1.0 : 0.0;
    boost::math::binomial_distribution<double> b(n, p);
    return boost::math::pdf(b, t);
}

/// P(at least m of independent events with probabilities u happen).
double poissonBinomialAtLeast(const std::vector<double>& u, std::uint32_t m)
{
    std::vector<double> dist(u.size() + 1, 0.0);
    dist[0] = 1.0;
    for (std::size_t i = 0; i < u.size(); ++i)
        for (std::size_t j = i + 1; j-- > 0;) {
            dist[j + 1] += dist[j] * u[i];
            dist[j] *= 1.0 - u[i];
        }
    double s = 0.0;
    for (std::size_t j = m; j < dist.size(); ++j)
        s += dist[j];
    return s;
}

class Analyzer {
public:
    explicit Analyzer(const Model& m) : m_(m), cm_(compile(m)), nc_(cm_.components.size()), ne_(cm_.entries.size()) {}

    AnalyticResult run()
    {
        AnalyticResult res;
        buildGroups();
        if (m_.settings.overload_counts_as_down && cm_.hasCapacity)
            reasons_.push_back("settings.overload_counts_as_down: the exact solver does not model capacity; with "
                               "overload counted as downtime only the simulation gives the availability");
        for (std::size_t i = 0; i < m_.dependencies.size(); ++i)
            if (m_.dependencies[i].type == DependencyType::Async) {
                const auto& d = m_.dependencies[i];
                reasons_.push_back("dependencies[" + (d.id.empty() ? std::to_string(i) : d.id) + "]: " + d.from + " -> "
                                   + d.to + " goes through a queue, whose buffer makes the caller's need depend on how "
                                            "long the consumer has been down; the simulation handles it");
            }
        if (cm_.domains.size() > kMaxDomains)
            reasons_.push_back("the model has " + std::to_string(cm_.domains.size())
                               + " zones, regions, links and shared-fate groups that can fail; the exact solver "
                                 "enumerates their states and stops at "
                               + std::to_string(kMaxDomains));
        buildPivots();
        if (!reasons_.empty()) {
            res.reasons = reasons_;
            return res;
        }
        enumerate(res);
        res.applicable = true;
        return res;
    }

private:
    const Model& m_;
    CompiledModel cm_;
    const std::size_t nc_, ne_;
    std::vector<GroupModel> groups_;
    std::vector<std::string> reasons_;
    std::vector<std::vector<std::uint32_t>> pivots_;  // per entry, then one for all entries together
    std::vector<std::uint32_t> allCallees_;            // the virtual root: every entry
    bool zoned_ = false;  // a group solved with its domains: outage frequency is not derived

    std::string where(std::size_t c) const { return "components[" + cm_.componentIds[c] + "]"; }

    /// A hot group in one zone with certain, instant failover serves whenever enough of its
    /// instances are healthy and the zone is up (no spare outside the zone to fail over to, so
    /// the detection delay changes nothing): its state given the domains' state does not depend
    /// on their history, and conditioning on it is exact.
    static bool memorylessGivenDomains(const CompiledComponent& cc)
    {
        return cc.standbyKind == StandbyKind::Hot && cc.failover_probability == 1.0 && cc.failover_hours == 0.0
               && cc.cellCount == 1;
    }

    void buildZoned(std::size_t c, const std::vector<std::size_t>& domains, const std::vector<int>& coupledPerDomain)
    {
        const auto& cc = cm_.components[c];
        const Component& mc = m_.components[c];
        GroupModel& g = groups_[c];
        const std::string what = where(c) + ": a standby group that fails over on the loss of its zone is solved "
                                            "exactly (with its zones) only";
        std::string why;
        bool expFailure = true, expRepair = true, sameRepair = true, noDetection = true;
        double lambda = 0.0, dormant = 0.0;
        const double repair0 = mc.failure_modes.empty() ? 1.0 : mc.failure_modes.front().repair.mean();
        for (const auto& fm : mc.failure_modes) {
            expFailure = expFailure && fm.failure.isExponential();
            expRepair = expRepair && fm.repair.isExponential();
            sameRepair = sameRepair && fm.repair.mean() == repair0;
            noDetection = noDetection && fm.detection_seconds == 0;
            lambda += 1.0 / fm.failure.mean();
            if (fm.dormant_failure) {
                expFailure = expFailure && fm.dormant_failure->isExponential();
                dormant += 1.0 / fm.dormant_failure->mean();
            }
        }
        bool linksFail = false;
        for (const auto& d : cm_.domains)
            linksFail = linksFail || (d.kind == CompiledDomain::Link && d.failure.kind != Sampler::Never);
        for (auto d : domains) {
            if (coupledPerDomain[d] > 1)
                why = "another such group shares a zone with it, and both depend on that zone's history";
            else if (cm_.domains[d].failure.kind != Sampler::Exponential || cm_.domains[d].repair.kind != Sampler::Exponential)
                why = "a zone, region or shared-fate group holding it has outages that are not exponential";
        }
        if (!why.empty()) {
        } else if (!expFailure || !expRepair || !sameRepair)
            why = "its failures and repairs are not all exponential with one repair time";
        else if (!noDetection || cc.domainDetection_hours > 0)
            why = "a failure or the loss of its zone is noticed after a fixed delay (detection_seconds)";
        else if (cc.failover_hours > 0 && cc.failover.kind != Sampler::Exponential)
            why = "its failover takes a time that is not exponential";
        else if (cc.failoverRetry_hours > 0)
            why = "its failed failovers are retried";
        else if (cc.quorum > 0)
            why = "it is a standby CP store (a quorum)";
        else if (cc.crew >= 0)
            why = "its repairs go through a crew";
        else if (cc.cellCount > 16)
            why = "it spans too many zones";
        else if (mc.data_store && linksFail)
            why = "it is a data store in a network whose links can fail (its partitions are simulated)";
        if (!why.empty()) {
            reasons_.push_back(what + " with exponential failures, repairs, outages and failover times, instant "
                                      "detection, unlimited repairs and no other such group in its zones; "
                               + why);
            return;
        }
        ZoneChainParams p;
        p.n = static_cast<int>(cc.instances);
        p.k = static_cast<int>(cc.required);
        p.cells = static_cast<int>(cc.cellCount);
        for (std::uint32_t i = cc.firstInstance; i < cc.firstInstance + cc.instances; ++i)
            p.cellOf.push_back(static_cast<int>(cm_.instanceCell[i] - cc.firstCell));
        for (auto d : domains) {
            std::vector<int> local;
            for (auto cell : cm_.domains[d].cells)
                if (cell >= cc.firstCell && cell < cc.firstCell + cc.cellCount)
                    local.push_back(static_cast<int>(cell - cc.firstCell));
            p.domainCells.push_back(local);
            p.domainFailRate.push_back(1.0 / cm_.domains[d].failure.mean);
            p.domainRepairRate.push_back(1.0 / cm_.domains[d].repair.mean);
        }
        p.failure_rate = lambda;
        p.spare_rate = cc.standbyKind == StandbyKind::Hot ? lambda : cc.standbyKind == StandbyKind::Warm ? dormant : 0.0;
        p.repair_rate = 1.0 / repair0;
        p.coverage = cc.failover_probability;
        p.failover_rate = cc.failover_hours > 0 ? 1.0 / cc.failover_hours : 0.0;
        auto chain = solveZoneChain(p, why);
        if (!chain) {
            reasons_.push_back(where(c) + ": " + why);
            return;
        }
        g.kind = GroupModel::Zoned;
        g.zone = std::move(*chain);
        g.domains = domains;
        g.threshold = cc.required;
        g.failuresPerHour = g.zone.failures_per_hour;
        g.failoversPerHour = g.zone.failovers_per_hour;
        zoned_ = true;
    }

    void buildGroups()
    {
        // A crew at least as large as everything it repairs never makes anyone wait.
        std::vector<std::uint32_t> crewLoad(cm_.crewSizes.size(), 0);
        std::vector<std::vector<std::size_t>> crewUsers(cm_.crewSizes.size());
        for (std::size_t c = 0; c < nc_; ++c)
            if (cm_.components[c].crew >= 0 && cm_.components[c].modeCount > 0) {
                crewLoad[static_cast<std::size_t>(cm_.components[c].crew)] += cm_.components[c].instances;
                crewUsers[static_cast<std::size_t>(cm_.components[c].crew)].push_back(c);
            }
        // Cells a zone, region or shared-fate group that can fail may mask.
        std::vector<std::uint8_t> maskable(cm_.cells.size(), 0);
        for (const auto& d : cm_.domains)
            if (d.kind != CompiledDomain::Link && d.failure.kind != Sampler::Never)
                for (auto cell : d.cells)
                    maskable[cell] = 1;
        groups_.resize(nc_);
        // Standby groups whose state depends on the history of the domains that mask them:
        // solved together with those domains (ZoneChain), one group per domain at most.
        std::vector<int> coupledPerDomain(cm_.domains.size(), 0);
        std::vector<std::vector<std::size_t>> coupledOf(nc_);
        for (std::size_t c = 0; c < nc_; ++c) {
            const auto& cc = cm_.components[c];
            if (!cc.standby || !cc.failOverOnDomainLoss || memorylessGivenDomains(cc))
                continue;
            for (std::size_t d = 0; d < cm_.domains.size(); ++d) {
                const auto& dom = cm_.domains[d];
                if (dom.kind == CompiledDomain::Link || dom.failure.kind == Sampler::Never)
                    continue;
                bool masks = false;
                for (auto cell : dom.cells)
                    masks = masks || (cell >= cc.firstCell && cell < cc.firstCell + cc.cellCount);
                if (masks)
                    coupledOf[c].push_back(d);
            }
            for (auto d : coupledOf[c])
                ++coupledPerDomain[d];
        }
        for (std::size_t c = 0; c < nc_; ++c) {
            const auto& cc = cm_.components[c];
            const Component& mc = m_.components[c];
            GroupModel& g = groups_[c];
            g.threshold = cc.threshold;
            g.quorum = cc.quorum;
            if (!coupledOf[c].empty()) {
                buildZoned(c, coupledOf[c], coupledPerDomain);
                continue;
            }
            if (cc.modeCount == 0) {
                if (cc.standby && (cc.cellCount > 1 || cc.quorum > 0)) {
                    // Its spares do not serve, and a zone outage starts no failover: which
                    // instances serve depends on history the solver does not track.
                    reasons_.push_back(where(c) + ": a standby group spread over several zones (or a standby CP "
                                                  "store) is solved exactly only when its instances can fail");
                    continue;
                }
                g.kind = GroupModel::AlwaysUp;
                if (cc.standby)
                    g.threshold = cc.required;  // k serve; with one cell, k of n are in service
                continue;
            }
            if (cc.failOverOnDomainLoss && cc.cellCount == 1 && maskable[cc.firstCell]
                && !(cc.standbyKind == StandbyKind::Hot && cc.failover_probability == 1.0 && cc.failover_hours == 0.0)) {
                // While its zone is out the group fails over only when the zone returns (no spare
                // is reachable before), and its lost primary waits as a spare: the group's state
                // then depends on the zone's history, which the solver's conditioning on the
                // zone's state leaves out. Hot, certain, instant failover makes no difference.
                reasons_.push_back(where(c) + ": a standby group that fails over on the loss of its zone is solved "
                                              "exactly only when hot, with certain and instant failover");
                continue;
            }
            bool limitedCrew = false;
            if (cc.crew >= 0) {
                const auto k = static_cast<std::size_t>(cc.crew);
                limitedCrew = crewLoad[k] > cm_.crewSizes[k];
                if (limitedCrew && crewUsers[k].size() > 1) {
                    reasons_.push_back(where(c) + ": its repair crew \"" + m_.repair_crews[k].id
                                       + "\" is shared with other components and can be busy, which couples them");
                    continue;
                }
            }
            bool allExpFailure = true, allExpRepair = true, sameRepair = true, noDetection = true;
            double lambda = 0.0, dormant = 0.0;
            const double repair0 = mc.failure_modes.front().repair.mean();
            for (const auto& fm : mc.failure_modes) {
                allExpFailure = allExpFailure && fm.failure.isExponential();
                allExpRepair = allExpRepair && fm.repair.isExponential();
                sameRepair = sameRepair && fm.repair.mean() == repair0;
                noDetection = noDetection && fm.detection_seconds == 0;
                lambda += 1.0 / fm.failure.mean();
                if (fm.dormant_failure) {
                    allExpFailure = allExpFailure && fm.dormant_failure->isExponential();
                    dormant += 1.0 / fm.dormant_failure->mean();
                }
            }
            if (!cc.standby && !limitedCrew) {
                // Independent instances: each alternates up and down; in the long run only the
                // means matter (renewal theory), whatever the distributions.
                double up = 0.0, down = 0.0;
                if (mc.failure_modes.size() == 1) {
                    up = mc.failure_modes[0].failure.mean();
                    down = mc.failure_modes[0].detection_seconds / 3600.0 + mc.failure_modes[0].repair.mean();
                } else if (allExpFailure) {
                    up = 1.0 / lambda;
                    for (const auto& fm : mc.failure_modes)
                        down += (1.0 / fm.failure.mean()) / lambda
                                * (fm.detection_seconds / 3600.0 + fm.repair.mean());
                } else {
                    // Modes with memory compete: which fires first, and when, by quadrature.
                    std::vector<Distribution> fails;
                    for (const auto& fm : mc.failure_modes)
                        fails.push_back(fm.failure);
                    const auto cm = competingModes(fails);
                    if (!cm) {
                        reasons_.push_back(where(c) + ": several failure modes compete and one has an empirical "
                                                      "distribution, or their race could not be integrated accurately");
                        continue;
                    }
                    up = cm->mean_up;
                    for (std::size_t k = 0; k < mc.failure_modes.size(); ++k)
                        down += cm->first[k]
                                * (mc.failure_modes[k].detection_seconds / 3600.0 + mc.failure_modes[k].repair.mean());
                }
                g.kind = GroupModel::Independent;
                g.p = up / (up + down);
                g.q = down / (up + down);
                g.nu = 1.0 / (up + down);
                g.failuresPerHour = cc.instances * g.nu;
                continue;
            }
            const std::string what = cc.standby ? "a standby group" : "a group with a limited repair crew";
            std::string why;
            if (!allExpFailure)
                why = "its failure times are not all exponential";
            else if (!allExpRepair)
                why = "its repair times are not all exponential";
            else if (!sameRepair)
                why = "its failure modes have different repair times";
            else if (!noDetection)
                why = "it has a fixed detection delay";
            else if (cc.cellCount > 1)
                why = "its instances are spread over several zones";
            else if (cc.standby && cc.failover.kind != Sampler::Deterministic && cc.failover.kind != Sampler::Exponential)
                why = "its failover time is neither fixed nor exponential";
            if (!why.empty()) {
                reasons_.push_back(where(c) + ": " + what + " is solved exactly only with exponential failures and "
                                   + "repairs, no detection delay, all instances in one zone and a fixed or "
                                     "exponential failover time; "
                                   + why);
                continue;
            }
            GroupChainParams p;
            p.n = static_cast<int>(cc.instances);
            p.k = static_cast<int>(cc.required);
            p.standby = cc.standby;
            p.failure_rate = lambda;
            p.spare_rate = !cc.standby ? 0.0
                           : cc.standbyKind == StandbyKind::Hot ? lambda
                           : cc.standbyKind == StandbyKind::Warm ? dormant
                                                                 : 0.0;
            p.repair_rate = 1.0 / repair0;
            p.crews = cc.crew >= 0 ? static_cast<int>(cm_.crewSizes[static_cast<std::size_t>(cc.crew)]) : p.n;
            p.failover_hours = cc.failover_hours;
            p.failover_exponential = cc.failover.kind == Sampler::Exponential;
            p.coverage = cc.failover_probability;
            p.retry_hours = cc.failoverRetry_hours;
            auto chain = solveGroupChain(p, why);
            if (!chain) {
                reasons_.push_back(where(c) + ": " + why);
                continue;
            }
            g.kind = GroupModel::Chain;
            g.chain = std::move(*chain);
            // Failures: in service at the active rate, spares at theirs.
            for (std::size_t st = 0; st < g.chain.states.size(); ++st) {
                const auto& state = g.chain.states[st];
                const int spares = state.healthy - state.serving;
                g.failuresPerHour += g.chain.probability[st] * (state.serving * p.failure_rate + spares * p.spare_rate);
            }
            g.failoversPerHour = g.chain.failovers_per_hour;
        }
    }

    // Components reached from a root by more than one path cannot be combined as independent
    // branches; the analysis conditions on each of their states (pivotal decomposition).
    std::vector<std::uint32_t> pivotsFor(const std::vector<std::uint32_t>& roots)
    {
        std::vector<int> paths(nc_, 0);
        for (auto r : roots)
            paths[r] = std::min(2, paths[r] + 1);
        // topoOrder lists callees first, so walk it backwards: callers before callees.
        for (auto it = cm_.topoOrder.rbegin(); it != cm_.topoOrder.rend(); ++it) {
            const auto& cc = cm_.components[*it];
            if (paths[*it] == 0)
                continue;
            for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k) {
                const auto callee = cm_.callees[k];
                paths[callee] = std::min(2, paths[callee] + paths[*it]);
            }
        }
        std::vector<std::uint32_t> out;
        for (std::uint32_t c = 0; c < nc_; ++c)
            if (paths[c] > 1 && groups_[c].kind != GroupModel::AlwaysUp)
                out.push_back(c);
        return out;
    }

    void buildPivots()
    {
        for (const auto& e : cm_.entries) {
            allCallees_.push_back(e.component);
            pivots_.push_back(pivotsFor({e.component}));
        }
        pivots_.push_back(pivotsFor(allCallees_));
        for (const auto& p : pivots_)
            if (p.size() > kMaxPivots) {
                reasons_.push_back("the dependency graph shares " + std::to_string(p.size())
                                   + " components between paths; the exact solver conditions on each and stops at "
                                   + std::to_string(kMaxPivots));
                break;
            }
    }

    /// Probability that `root` (a component, or -1 for "every entry") is NOT served, given the
    /// probability that each component's own group does not serve. Carried as unavailabilities
    /// throughout (never 1 - availability), so that 1e-12 keeps its digits.
    double unreliability(int root, const std::vector<double>& ownDown, const std::vector<std::uint32_t>& pivots) const
    {
        std::vector<double> value(nc_, -1.0);
        std::vector<double> fixed(nc_, -1.0);
        double total = 0.0;
        const std::size_t combos = std::size_t(1) << pivots.size();
        std::function<double(std::uint32_t)> down = [&](std::uint32_t c) -> double {
            if (value[c] >= 0)
                return value[c];
            const auto& cc = cm_.components[c];
            const double o = fixed[c] >= 0 ? fixed[c] : ownDown[c];
            double v = o;
            if (o < 1 && cc.calleeCount > 0) {
                std::vector<double> q;
                for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k)
                    q.push_back(down(cm_.callees[k]));
                const double d = combineDown(cc.depMode, cc.depMin, q);
                v = o + d - o * d;  // 1 - (1 - o)(1 - d)
            }
            return value[c] = v;
        };
        for (std::size_t x = 0; x < combos; ++x) {
            double weight = 1.0;
            for (std::size_t i = 0; i < pivots.size(); ++i) {
                const bool isUp = (x >> i) & 1;
                const double q = ownDown[pivots[i]];
                weight *= isUp ? 1.0 - q : q;
                fixed[pivots[i]] = isUp ? 0.0 : 1.0;
            }
            if (weight == 0.0)
                continue;
            std::fill(value.begin(), value.end(), -1.0);
            double v;
            if (root >= 0) {
                v = down(static_cast<std::uint32_t>(root));
            } else {
                std::vector<double> q;
                for (auto e : allCallees_)
                    q.push_back(down(e));
                v = combineDown(DependencyMode::All, 0, q);
            }
            total += weight * v;
        }
        return total;
    }

    /// Probability that a component's dependencies are not satisfied, from the probability that
    /// each callee is not served: all (any one down), any (all down), at least m up (more than
    /// n - m down).
    static double combineDown(DependencyMode mode, std::uint32_t min, const std::vector<double>& q)
    {
        switch (mode) {
        case DependencyMode::All: {
            double logUp = 0.0;
            for (double x : q) {
                if (x >= 1.0)
                    return 1.0;
                logUp += std::log1p(-x);
            }
            return -std::expm1(logUp);
        }
        case DependencyMode::Any: {
            double all = 1.0;
            for (double x : q)
                all *= x;
            return all;
        }
        case DependencyMode::AtLeast: {
            const auto n = static_cast<std::int64_t>(q.size());
            const std::int64_t failures = n - static_cast<std::int64_t>(min) + 1;
            return failures <= 0 ? 1.0 : poissonBinomialAtLeast(q, static_cast<std::uint32_t>(failures));
        }
        }
        return 1.0;
    }

    /// Whether a group state serves, given that its cell is eligible.
    static bool serves(const GroupModel& g, const GroupChain::State& s)
    {
        return s.serving >= static_cast<int>(g.threshold) && s.healthy >= static_cast<int>(g.quorum);
    }

    /// Given a network state: the probability that the store's healthy replicas sit on two or
    /// more sides of a partition, and (AP) that two or more sides each serve some entry.
    /// Replicas of an independent group are independent; a dependent group sits in one zone,
    /// so it cannot be split.
    std::pair<double, double> storeSplit(std::size_t st, const std::vector<std::uint32_t>& mask,
                                         const std::vector<int>& label) const
    {
        const CompiledStore& store = cm_.stores[st];
        const auto& cc = cm_.components[store.component];
        const GroupModel& g = groups_[store.component];
        if (g.kind == GroupModel::Chain || g.kind == GroupModel::Zoned || cc.cellCount < 2)
            return {0.0, 0.0};  // (Zoned only where links never fail: no partitions)
        const double p = g.kind == GroupModel::AlwaysUp ? 1.0 : g.p;
        std::map<int, int> perSide;  // instances per network component
        for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
            if (mask[k])
                continue;
            const std::int32_t z = cm_.cells[k].zone;
            int count = 0;
            for (std::uint32_t i = cc.firstInstance; i < cc.firstInstance + cc.instances; ++i)
                count += cm_.instanceCell[i] == k;
            if (z < 0) {
                // A replica reachable from everywhere joins every side while it is healthy.
                return {0.0, 0.0};
            }
            perSide[label[static_cast<std::size_t>(z)]] += count;
        }
        std::vector<double> occupied, serving;
        for (const auto& [side, n] : perSide) {
            occupied.push_back(1.0 - std::pow(1.0 - p, n));
            bool reachesEntry = false;
            for (const auto& en : cm_.entries)
                reachesEntry = reachesEntry || en.node < 0 || label[static_cast<std::size_t>(en.node)] == side;
            serving.push_back(reachesEntry ? atLeast(n, p, static_cast<int>(cc.required)) : 0.0);
        }
        const double split = poissonBinomialAtLeast(occupied, 2);
        return {split, store.cp ? 0.0 : poissonBinomialAtLeast(serving, 2)};
    }

    void enumerate(AnalyticResult& res)
    {
        const std::size_t D = cm_.domains.size();
        const std::size_t states = std::size_t(1) << D;
        res.network_states = states;
        std::vector<double> avail(D), unavail(D), freq(D);
        for (std::size_t d = 0; d < D; ++d) {
            const double f = cm_.domains[d].failure.mean, r = cm_.domains[d].repair.mean;
            avail[d] = f / (f + r);
            unavail[d] = r / (f + r);
            freq[d] = 1.0 / (f + r);
        }
        const std::size_t Z = cm_.network.zoneCount();
        std::vector<double> notFully(states, 0.0);  // per network state: some entry not served
        std::vector<double> birnbaum(nc_, 0.0), ownDownMean(nc_, 0.0);
        std::vector<std::uint8_t> linkUp(cm_.network.linkCount(), 1), reach;
        std::vector<std::uint32_t> mask(cm_.cells.size());
        std::vector<double> ownQ(nc_ * ne_), downRate(nc_);
        double unavailability = 0.0, freqComponents = 0.0;
        bool uniformEverywhere = true;
        std::vector<double> partitioned(cm_.stores.size(), 0.0), divergent(cm_.stores.size(), 0.0);
        std::vector<int> label;

        for (std::size_t x = 0; x < states; ++x) {
            double w = 1.0;
            std::fill(mask.begin(), mask.end(), 0u);
            std::fill(linkUp.begin(), linkUp.end(), 1);
            for (std::size_t d = 0; d < D; ++d) {
                const bool down = (x >> d) & 1;
                w *= down ? unavail[d] : avail[d];
                if (!down)
                    continue;
                const auto& dom = cm_.domains[d];
                if (dom.kind == CompiledDomain::Link)
                    linkUp[static_cast<std::size_t>(dom.link)] = 0;
                for (auto cell : dom.cells)
                    ++mask[cell];
            }
            if (w == 0.0)
                continue;
            cm_.network.reachability(linkUp, reach);
            if (!cm_.stores.empty()) {
                cm_.network.components(linkUp, label);
                for (std::size_t st = 0; st < cm_.stores.size(); ++st) {
                    const auto [pp, pd] = storeSplit(st, mask, label);
                    partitioned[st] += w * pp;
                    divergent[st] += w * pd;
                }
            }
            bool uniform = true;
            for (std::size_t e = 1; e < ne_ && uniform; ++e)
                uniform = std::equal(reach.begin(), reach.begin() + static_cast<long>(Z),
                                     reach.begin() + static_cast<long>(e * Z));
            uniformEverywhere = uniformEverywhere && uniform;

            for (std::size_t c = 0; c < nc_; ++c) {
                const auto& cc = cm_.components[c];
                const GroupModel& g = groups_[c];
                downRate[c] = 0.0;
                for (std::size_t e = 0; e < ne_; ++e) {
                    int eligible = 0;
                    bool cellOk = false;
                    for (std::uint32_t k = cc.firstCell; k < cc.firstCell + cc.cellCount; ++k) {
                        const std::int32_t z = cm_.cells[k].zone;
                        if (mask[k] || (z >= 0 && !reach[e * Z + static_cast<std::size_t>(z)]))
                            continue;
                        cellOk = true;
                        for (std::uint32_t i = cc.firstInstance; i < cc.firstInstance + cc.instances; ++i)
                            eligible += cm_.instanceCell[i] == k;
                    }
                    // q: the probability that the group does not serve this entry, summed over
                    // the states where it does not (never 1 - the serving ones).
                    double q = 1.0, rate = 0.0;
                    const int t = static_cast<int>(g.threshold);
                    switch (g.kind) {
                    case GroupModel::AlwaysUp:
                        q = eligible >= t ? 0.0 : 1.0;
                        break;
                    case GroupModel::Independent:
                        // Down when more than eligible - t of the eligible instances are down.
                        q = atLeast(eligible, g.q, eligible - t + 1);
                        if (eligible >= t)
                            rate = eligible * g.nu * exactly(eligible - 1, g.q, eligible - t);
                        break;
                    case GroupModel::Zoned: {
                        std::uint32_t local = 0;
                        for (std::size_t t = 0; t < g.domains.size(); ++t)
                            if ((x >> g.domains[t]) & 1)
                                local |= std::uint32_t(1) << t;
                        double total = 0.0, down = 0.0;
                        for (const auto& zs : g.zone.states) {
                            if (zs.domainsDown != local)
                                continue;
                            total += zs.probability;
                            int serving = 0;
                            for (std::uint32_t l = 0; l < cc.cellCount; ++l) {
                                const std::uint32_t k = cc.firstCell + l;
                                const std::int32_t z = cm_.cells[k].zone;
                                if (!mask[k] && (z < 0 || reach[e * Z + static_cast<std::size_t>(z)]))
                                    serving += zs.servingPerCell[l];
                            }
                            if (serving < t)
                                down += zs.probability;
                        }
                        q = total > 0 ? down / total : 1.0;
                        break;
                    }
                    case GroupModel::Chain:
                        if (cellOk) {
                            q = 0.0;
                            for (std::size_t s = 0; s < g.chain.states.size(); ++s)
                                if (!serves(g, g.chain.states[s]))
                                    q += g.chain.probability[s];
                            for (const auto& f : g.chain.flows)
                                if (serves(g, g.chain.states[static_cast<std::size_t>(f.from)])
                                    && !serves(g, g.chain.states[static_cast<std::size_t>(f.to)]))
                                    rate += f.rate;
                        }
                        break;
                    }
                    ownQ[c * ne_ + e] = q;
                    if (e == 0)
                        downRate[c] = rate;
                }
            }

            std::vector<double> own(nc_);
            for (std::size_t e = 0; e < ne_; ++e) {
                for (std::size_t c = 0; c < nc_; ++c)
                    own[c] = ownQ[c * ne_ + e];
                unavailability += w * cm_.entries[e].share
                                  * unreliability(static_cast<int>(cm_.entries[e].component), own, pivots_[e]);
            }
            for (std::size_t c = 0; c < nc_; ++c) {
                double mean = 0.0;
                for (std::size_t e = 0; e < ne_; ++e)
                    mean += ownQ[c * ne_ + e];
                ownDownMean[c] += w * mean / static_cast<double>(ne_);
            }
            if (!uniform)
                continue;
            for (std::size_t c = 0; c < nc_; ++c)
                own[c] = ownQ[c * ne_];
            notFully[x] = unreliability(-1, own, pivots_.back());
            for (std::size_t c = 0; c < nc_; ++c) {
                if (groups_[c].kind == GroupModel::AlwaysUp && own[c] <= 0.0)
                    continue;
                const double keep = own[c];
                own[c] = 0.0;
                const double q1 = unreliability(-1, own, pivots_.back());  // c up
                own[c] = 1.0;
                const double q0 = unreliability(-1, own, pivots_.back());  // c down
                own[c] = keep;
                birnbaum[c] += w * (q0 - q1);
                freqComponents += w * downRate[c] * (q0 - q1);
            }
        }

        for (std::size_t st = 0; st < cm_.stores.size(); ++st) {
            const GroupModel& g = groups_[cm_.stores[st].component];
            res.stores.push_back({cm_.componentIds[cm_.stores[st].component], partitioned[st] * 8760.0,
                                  divergent[st] * 8760.0, g.failoversPerHour * 8760.0, g.failuresPerHour * 8760.0});
        }
        // A sum of state probabilities can round past 1 (fuzzing found 1 + 2.2e-16, so an
        // availability of -2.2e-16): a probability is reported as one.
        res.unavailability = std::clamp(unavailability, 0.0, 1.0);
        res.availability = 1.0 - res.unavailability;
        res.nines = res.unavailability > 0 ? -std::log10(res.unavailability) : INFINITY;
        for (std::size_t c = 0; c < nc_; ++c)
            res.components.push_back({cm_.componentIds[c], 1.0 - ownDownMean[c], ownDownMean[c], birnbaum[c]});
        if (!uniformEverywhere || zoned_)
            return;
        // Failure domains failing while everything they hold was needed.
        double freqDomains = 0.0, notFullyServed = 0.0;
        for (std::size_t x = 0; x < states; ++x) {
            double w = 1.0;
            for (std::size_t d = 0; d < D; ++d)
                w *= (x >> d) & 1 ? unavail[d] : avail[d];
            notFullyServed += w * notFully[x];
            for (std::size_t d = 0; d < D; ++d)
                if (!((x >> d) & 1))
                    freqDomains += freq[d] * (w / avail[d]) * (notFully[x | (std::size_t(1) << d)] - notFully[x]);
        }
        const double perHour = freqComponents + freqDomains;
        res.frequency_known = true;
        res.fully_served = 1.0 - notFullyServed;
        res.outages_per_year = perHour * 8760.0;
        res.mean_outage_minutes = perHour > 0 ? notFullyServed / perHour * 60.0 : 0.0;
    }
};

}  // namespace

AnalyticResult analyze(const Model& m)
{
    Model applied;
    return Analyzer(engineModel(m, applied)).run();  // the repairs the support contracts buy
}

}  // namespace nines::sim
