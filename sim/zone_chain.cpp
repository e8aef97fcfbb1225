#include "zone_chain.h"

#include "gth.h"

#include <Eigen/Dense>
#include <Eigen/Sparse>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace nines::sim {

namespace {

constexpr int kGthStates = 400;

// An instance's role, as the engine has it: a displaced one is an in-service instance its
// domain took out (a spare that serves again when the domain returns, if the group is short).
enum Role : std::uint8_t { Failed, Spare, Displaced, InService, FailedDisplaced, Switching };

struct Key {
    std::uint32_t down = 0;
    std::vector<std::uint8_t> role;
    bool operator<(const Key& o) const { return std::tie(down, role) < std::tie(o.down, o.role); }
};

struct Branch {
    double probability;
    Key next;
    int failovers;  // completed failovers on the way
};

}  // namespace

std::optional<ZoneChain> solveZoneChain(const ZoneChainParams& p, std::string& why)
{
    const std::size_t D = p.domainCells.size();
    auto maskCount = [&](std::uint32_t down, int cell) {
        int m = 0;
        for (std::size_t d = 0; d < D; ++d)
            if ((down >> d) & 1)
                for (int c : p.domainCells[d])
                    m += c == cell;
        return m;
    };
    auto masked = [&](const Key& s, int i) { return maskCount(s.down, p.cellOf[static_cast<std::size_t>(i)]) > 0; };
    auto inService = [&](const Key& s) {
        int a = 0;
        for (auto r : s.role)
            a += r == InService;
        return a;
    };
    // In service or being switched in: what the engine counts before starting a failover.
    auto covered = [&](const Key& s) {
        int a = 0;
        for (auto r : s.role)
            a += r == InService || r == Switching;
        return a;
    };
    const bool timed = p.failover_rate > 0;
    // A repaired or returning instance serving at once makes one failover in progress moot:
    // the first being switched in goes back to being a spare.
    auto cancelOneSwitching = [&](Key& k) {
        for (auto& r : k.role)
            if (r == Switching) {
                r = Spare;
                return;
            }
    };
    // A failover attempt (the engine's startFailover): to the first spare that is not masked,
    // when the group is short, succeeding with the coverage probability.
    auto attempt = [&](const std::vector<Branch>& in) {
        std::vector<Branch> out;
        for (const Branch& b : in) {
            int spare = -1;
            if (covered(b.next) < p.k)
                for (int j = 0; j < p.n && spare < 0; ++j)
                    if (b.next.role[static_cast<std::size_t>(j)] == Spare && !masked(b.next, j))
                        spare = j;
            if (spare < 0 || p.coverage <= 0) {
                out.push_back(b);
                continue;
            }
            Branch ok = b;
            ok.probability *= p.coverage;
            ok.next.role[static_cast<std::size_t>(spare)] = timed ? Switching : InService;
            ok.failovers += timed ? 0 : 1;
            out.push_back(ok);
            if (p.coverage < 1) {
                Branch failed = b;
                failed.probability *= 1 - p.coverage;
                out.push_back(failed);
            }
        }
        return out;
    };
    auto attempts = [&](std::vector<Branch> bs, int count) {
        for (int t = 0; t < count; ++t)
            bs = attempt(bs);
        return bs;
    };
    // Every event of a state: its rate and where it leads.
    auto events = [&](const Key& s) {
        std::vector<std::pair<double, std::vector<Branch>>> out;
        for (int i = 0; i < p.n; ++i) {
            const auto ui = static_cast<std::size_t>(i);
            const Role r = Role(s.role[ui]);
            if (r == Failed || r == FailedDisplaced) {
                // Repaired (unlimited crews): it serves if the group is short and it can, waits
                // displaced if its domain is out and the group is short, else becomes a spare.
                Key n = s;
                const bool shortNow = inService(s) < p.k;
                if (shortNow && masked(s, i)) {
                    n.role[ui] = Displaced;
                } else if (shortNow) {
                    n.role[ui] = InService;
                    cancelOneSwitching(n);
                } else {
                    n.role[ui] = Spare;
                }
                out.push_back({p.repair_rate, {{1.0, n, 0}}});
                continue;
            }
            if (r == Switching) {
                // The failover completes; or the spare fails meanwhile, which aborts it.
                Key done = s;
                done.role[ui] = InService;
                out.push_back({p.failover_rate, {{1.0, done, 1}}});
                if (p.spare_rate > 0) {
                    Key failed = s;
                    failed.role[ui] = Failed;
                    out.push_back({p.spare_rate, {{1.0, failed, 0}}});
                }
                continue;
            }
            const double rate = r == InService ? p.failure_rate : p.spare_rate;
            if (rate <= 0)
                continue;
            Key n = s;
            n.role[ui] = r == Displaced ? FailedDisplaced : Failed;
            std::vector<Branch> b{{1.0, n, 0}};
            if (r == InService)
                b = attempt(b);
            out.push_back({rate, b});
        }
        for (std::size_t d = 0; d < D; ++d) {
            const bool wasDown = (s.down >> d) & 1;
            Key n = s;
            n.down ^= std::uint32_t(1) << d;
            if (!wasDown) {
                // Cell by cell (the domain's order, as the engine goes): its in-service
                // instances are lost to the group and a spare being switched in there cannot
                // finish; one failover starts at once for each (detection is instant).
                std::vector<Branch> bs{{1.0, n, 0}};
                for (int cell : p.domainCells[d]) {
                    if (!(maskCount(s.down, cell) == 0 && maskCount(n.down, cell) > 0))
                        continue;
                    std::vector<Branch> next;
                    for (Branch b : bs) {
                        int lost = 0;
                        for (int i = 0; i < p.n; ++i) {
                            auto& x = b.next.role[static_cast<std::size_t>(i)];
                            if (p.cellOf[static_cast<std::size_t>(i)] != cell)
                                continue;
                            if (x == Switching) {
                                x = Spare;
                                ++lost;
                            } else if (x == InService) {
                                x = Displaced;
                                ++lost;
                            }
                        }
                        for (auto& nb : attempts({b}, lost))
                            next.push_back(nb);
                    }
                    bs = std::move(next);
                }
                out.push_back({p.domainFailRate[d], bs});
            } else {
                // Cells it unmasks, one after the other: displaced instances serve again while
                // the group is short (making a failover in progress moot), else wait as spares;
                // for those that failed meanwhile, the group fails over to a spare for each
                // place they leave empty.
                std::vector<Branch> bs{{1.0, n, 0}};
                for (int cell : p.domainCells[d]) {
                    if (!(maskCount(s.down, cell) > 0 && maskCount(n.down, cell) == 0))
                        continue;
                    std::vector<Branch> next;
                    for (Branch b : bs) {
                        int failedMeanwhile = 0;
                        for (int i = 0; i < p.n; ++i) {
                            auto& x = b.next.role[static_cast<std::size_t>(i)];
                            if (p.cellOf[static_cast<std::size_t>(i)] != cell)
                                continue;
                            if (x == FailedDisplaced) {
                                x = Failed;
                                ++failedMeanwhile;
                            } else if (x == Displaced) {
                                if (inService(b.next) >= p.k) {
                                    x = Spare;
                                } else {
                                    x = InService;
                                    cancelOneSwitching(b.next);
                                }
                            }
                        }
                        const int empty = std::max(0, p.k - covered(b.next));
                        for (auto& nb : attempts({b}, std::min(failedMeanwhile, empty)))
                            next.push_back(nb);
                    }
                    bs = std::move(next);
                }
                out.push_back({p.domainRepairRate[d], bs});
            }
        }
        return out;
    };

    Key start;
    start.role.assign(static_cast<std::size_t>(p.n), Spare);
    for (int i = 0; i < p.k; ++i)
        start.role[static_cast<std::size_t>(i)] = InService;
    std::map<Key, int> index;
    std::vector<Key> keys{start};
    index[start] = 0;
    for (std::size_t q = 0; q < keys.size(); ++q) {
        if (keys.size() > 4000) {
            why = "its states together with those of its zones are too many for the exact solver";
            return std::nullopt;
        }
        for (const auto& [rate, branches] : events(keys[q]))
            for (const auto& b : branches)
                if (!index.count(b.next)) {
                    index[b.next] = static_cast<int>(keys.size());
                    keys.push_back(b.next);
                }
    }
    const int n = static_cast<int>(keys.size());
    std::vector<Eigen::Triplet<double>> rates;  // (from, to, rate), repeats add up
    std::vector<double> failoverRate(static_cast<std::size_t>(n), 0.0), failureRate(static_cast<std::size_t>(n), 0.0);
    for (int q = 0; q < n; ++q) {
        const Key& s = keys[static_cast<std::size_t>(q)];
        for (int i = 0; i < p.n; ++i) {
            const Role r = Role(s.role[static_cast<std::size_t>(i)]);
            if (r != Failed && r != FailedDisplaced)
                failureRate[static_cast<std::size_t>(q)] += r == InService ? p.failure_rate : p.spare_rate;
        }
        for (const auto& [rate, branches] : events(s))
            for (const auto& b : branches) {
                failoverRate[static_cast<std::size_t>(q)] += rate * b.probability * b.failovers;
                const int to = index[b.next];
                if (to != q)
                    rates.emplace_back(q, to, rate * b.probability);
            }
    }
    // GTH keeps tiny probabilities exact but costs n^3; past a few hundred states the sparse LU
    // of the balance equations (one replaced by the sum) is the practical choice.
    Eigen::VectorXd pi;
    if (n <= kGthStates) {
        Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(n, n);
        for (const auto& r : rates)
            Q(r.row(), r.col()) += r.value();
        pi = gthStationary(Q);
    } else {
        // Q^T pi = 0 (the diagonal: minus each state's total rate out), the last row the sum.
        std::vector<Eigen::Triplet<double>> t;
        std::vector<double> out(static_cast<std::size_t>(n), 0.0);
        for (const auto& r : rates) {
            out[static_cast<std::size_t>(r.row())] += r.value();
            if (r.col() != n - 1)
                t.emplace_back(r.col(), r.row(), r.value());
        }
        for (int i = 0; i < n - 1; ++i)
            t.emplace_back(i, i, -out[static_cast<std::size_t>(i)]);
        for (int j = 0; j < n; ++j)
            t.emplace_back(n - 1, j, 1.0);
        Eigen::SparseMatrix<double> A(n, n);
        A.setFromTriplets(t.begin(), t.end());
        Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
        lu.compute(A);
        Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
        b(n - 1) = 1.0;
        if (lu.info() == Eigen::Success)
            pi = lu.solve(b);
        if (lu.info() != Eigen::Success || pi.size() != n)
            pi.resize(0);
        else
            for (int i = 0; i < n; ++i)
                pi(i) = std::max(0.0, pi(i));  // (rounding below zero on states next to none)
    }
    if (pi.size() == 0) {
        why = "the chain of the group and its zones is not irreducible";
        return std::nullopt;
    }
    ZoneChain chain;
    for (int q = 0; q < n; ++q) {
        const Key& s = keys[static_cast<std::size_t>(q)];
        ZoneChain::State st;
        st.domainsDown = s.down;
        st.servingPerCell.assign(static_cast<std::size_t>(p.cells), 0);
        for (int i = 0; i < p.n; ++i)
            if (s.role[static_cast<std::size_t>(i)] == InService)
                ++st.servingPerCell[static_cast<std::size_t>(p.cellOf[static_cast<std::size_t>(i)])];
        st.probability = pi(q);
        chain.states.push_back(std::move(st));
        chain.failures_per_hour += pi(q) * failureRate[static_cast<std::size_t>(q)];
        chain.failovers_per_hour += pi(q) * failoverRate[static_cast<std::size_t>(q)];
    }
    return chain;
}

}  // namespace nines::sim
