#include "group_chain.h"

#include "gth.h"

#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>

#include <algorithm>
#include <map>
#include <tuple>

namespace nines::sim {

namespace {

struct Key {
    int a, s, j, sw;  // in service, healthy spares (including one being switched in), failed, failovers running
    int r = 0;        // a retry of a failed failover pending
    bool operator<(const Key& o) const { return std::tie(a, s, j, sw, r) < std::tie(o.a, o.s, o.j, o.sw, o.r); }
};

struct Transition {
    int to;
    double rate;
    bool failover = false;  // an instant failover that succeeds
};

}  // namespace

std::optional<GroupChain> solveGroupChain(const GroupChainParams& p, std::string& why)
{
    // One kind of fixed-time clock at most: a fixed failover time (the states with a failover
    // running), or the retry delay (the states with a retry pending). Exponential failover
    // times are transitions of the chain like failures and repairs.
    const bool timedFailover = p.standby && p.failover_hours > 0;  // sw counts running failovers
    const bool fixedFailover = timedFailover && !p.failover_exponential;
    const bool retry = p.standby && p.retry_hours > 0 && p.coverage < 1;
    if (fixedFailover && retry) {
        why = "a fixed failover time together with retries of failed failovers is solved exactly only when the "
              "failover time is exponential or zero";
        return std::nullopt;
    }
    const bool clock = fixedFailover || retry;
    const double clockHours = retry ? p.retry_hours : p.failover_hours;
    std::map<Key, int> index;
    std::vector<Key> keys;
    std::vector<std::vector<Transition>> out;  // exponential transitions
    struct Fire {
        int to;
        double probability;
        bool failover;  // a failover completes when the clock fires this way
    };
    std::vector<std::vector<Fire>> fireTargets;  // for clock states: where the clock's firing leads
    auto id = [&](const Key& k) {
        auto [it, fresh] = index.emplace(k, static_cast<int>(keys.size()));
        if (fresh) {
            keys.push_back(k);
            out.emplace_back();
            fireTargets.emplace_back();
        }
        return it->second;
    };
    auto isClockState = [&](const Key& k) { return retry ? k.r > 0 : fixedFailover && k.sw > 0; };
    // A failover attempt from state k (the group short, a spare idle): the state after it
    // succeeds (switching, or already in service when instant), and after it fails.
    auto attempt = [&](Key k, Key& ok, Key& failed) {
        ok = k;
        if (timedFailover)
            ok.sw += 1;
        else {
            ok.a += 1;
            ok.s -= 1;
        }
        failed = k;
        if (retry)
            failed.r = 1;
    };

    // A pending retry is dropped once the group is covered again (as the simulator does).
    auto settled = [&](Key k) {
        if (k.r > 0 && k.a + k.sw >= p.k)
            k.r = 0;
        return k;
    };

    const Key start = p.standby ? Key{p.k, p.n - p.k, 0, 0} : Key{p.n, 0, 0, 0};
    id(start);
    const int crews = std::min(p.crews, p.n);
    for (std::size_t q = 0; q < keys.size(); ++q) {
        if (keys.size() > 20000) {
            why = "its state space is too large for the exact solver";
            return std::nullopt;
        }
        const Key st = keys[q];
        std::vector<Transition> tr;
        auto add = [&](Key k, double rate, bool failover = false) {
            if (rate > 0)
                tr.push_back({id(settled(k)), rate, failover});
        };
        // A failure of an instance in service, and the failover it may start.
        if (st.a > 0) {
            Key k{st.a - 1, st.s, st.j + 1, st.sw, st.r};
            const double rate = st.a * p.failure_rate;
            const bool shortNow = k.a + k.sw < p.k;
            const bool spare = k.s - k.sw >= 1;
            if (p.standby && shortNow && spare) {
                Key ok, failed;
                attempt(k, ok, failed);
                if (fixedFailover && ok.sw > 1) {
                    why = "two failovers with a fixed failover time can run at once (k > 1), which the exact "
                          "solver does not handle";
                    return std::nullopt;
                }
                add(ok, rate * p.coverage, !timedFailover);
                add(failed, rate * (1 - p.coverage));
            } else {
                add(k, rate);
            }
        }
        // Spares failing: an idle one, or the one being switched in (which aborts the failover).
        if (st.s - st.sw > 0)
            add(Key{st.a, st.s - 1, st.j + 1, st.sw, st.r}, (st.s - st.sw) * p.spare_rate);
        if (st.sw > 0)
            add(Key{st.a, st.s - 1, st.j + 1, st.sw - 1, st.r}, st.sw * p.spare_rate);
        // An exponential failover completing.
        if (timedFailover && !fixedFailover && st.sw > 0)
            add(Key{st.a + 1, st.s - 1, st.j, st.sw - 1, st.r}, st.sw / p.failover_hours, true);
        // A repair: into service when the group is short (cancelling a failover), else a spare.
        // A pending retry keeps its time: it finds out when it comes whether it is still needed.
        if (st.j > 0) {
            const double rate = std::min(st.j, crews) * p.repair_rate;
            if (!p.standby)
                add(Key{st.a + 1, 0, st.j - 1, 0}, rate);
            else if (st.a < p.k)
                add(Key{st.a + 1, st.s, st.j - 1, std::max(0, st.sw - 1), st.r}, rate);
            else
                add(Key{st.a, st.s + 1, st.j - 1, st.sw, st.r}, rate);
        }
        out[q] = std::move(tr);
        if (fixedFailover && st.sw > 0) {
            fireTargets[q] = {{id(settled(Key{st.a + 1, st.s - 1, st.j, st.sw - 1, st.r})), 1.0, true}};
        } else if (retry && st.r > 0) {
            // The retry: another attempt if the group is still short and has an idle spare.
            Key done = st;
            done.r = 0;
            if (done.a + done.sw < p.k && done.s - done.sw >= 1) {
                Key ok, failed;
                attempt(done, ok, failed);
                fireTargets[q] = {{id(settled(ok)), p.coverage, !timedFailover}, {id(failed), 1 - p.coverage, false}};
            } else {
                fireTargets[q] = {{id(done), 1.0, false}};
            }
        }
    }

    const int n = static_cast<int>(keys.size());
    GroupChain chain;
    for (const Key& k : keys)
        chain.states.push_back({k.a, k.a + k.s});

    Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(n, n);
    for (int i = 0; i < n; ++i)
        for (const auto& t : out[static_cast<std::size_t>(i)]) {
            Q(i, t.to) += t.rate;
            Q(i, i) -= t.rate;
        }

    Eigen::VectorXd prob(n);
    if (n == 1) {
        prob(0) = 1.0;
    } else if (!clock) {
        prob = gthStationary(Q);
        if (prob.size() == 0) {
            // Not irreducible: pi Q = 0, sum(pi) = 1 by LU, one equation replaced by the sum.
            Eigen::MatrixXd A = Q.transpose();
            A.row(n - 1).setOnes();
            Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
            b(n - 1) = 1.0;
            prob = A.fullPivLu().solve(b);
        }
    } else {
        // Markov regenerative process. Regeneration at every exponential transition out of a
        // state without a running failover, and at the start and end of each failover period.
        std::vector<int> F;  // states with the clock running
        std::vector<int> pos(static_cast<std::size_t>(n), -1);
        for (int i = 0; i < n; ++i)
            if (isClockState(keys[static_cast<std::size_t>(i)])) {
                pos[static_cast<std::size_t>(i)] = static_cast<int>(F.size());
                F.push_back(i);
            }
        const int m = static_cast<int>(F.size());
        Eigen::MatrixXd P = Eigen::MatrixXd::Zero(n, n);  // embedded chain
        Eigen::MatrixXd C = Eigen::MatrixXd::Zero(n, n);  // expected time in each state per period
        for (int i = 0; i < n; ++i) {
            if (pos[static_cast<std::size_t>(i)] >= 0)
                continue;
            const double qi = -Q(i, i);
            if (qi <= 0) {
                why = "the group has a state it never leaves";
                return std::nullopt;
            }
            C(i, i) = 1.0 / qi;
            for (int j = 0; j < n; ++j)
                if (j != i)
                    P(i, j) = Q(i, j) / qi;
        }
        Eigen::VectorXd firing = Eigen::VectorXd::Zero(m);
        if (m > 0) {
            // Subordinated chain inside the clock states; exp([[A, I], [0, 0]] D) gives
            // exp(A D) and its integral in one go (D the clock's fixed time).
            Eigen::MatrixXd A(m, m);
            for (int x = 0; x < m; ++x)
                for (int y = 0; y < m; ++y)
                    A(x, y) = Q(F[static_cast<std::size_t>(x)], F[static_cast<std::size_t>(y)]);
            Eigen::MatrixXd M = Eigen::MatrixXd::Zero(2 * m, 2 * m);
            M.topLeftCorner(m, m) = A * clockHours;
            M.topRightCorner(m, m) = Eigen::MatrixXd::Identity(m, m) * clockHours;
            const Eigen::MatrixXd E = M.exp();
            const Eigen::MatrixXd omega = E.topLeftCorner(m, m);
            const Eigen::MatrixXd psi = E.topRightCorner(m, m);
            for (int x = 0; x < m; ++x) {
                const int i = F[static_cast<std::size_t>(x)];
                for (int y = 0; y < m; ++y) {
                    const int j = F[static_cast<std::size_t>(y)];
                    C(i, j) = psi(x, y);
                    for (const Fire& f : fireTargets[static_cast<std::size_t>(j)]) {
                        P(i, f.to) += omega(x, y) * f.probability;
                        if (f.failover)
                            firing(x) += omega(x, y) * f.probability;
                    }
                    for (int k = 0; k < n; ++k)
                        if (pos[static_cast<std::size_t>(k)] < 0)
                            P(i, k) += psi(x, y) * Q(j, k);  // leaving the clock states
                }
            }
        }
        Eigen::VectorXd nu = gthStationary(P);
        if (nu.size() == 0) {
            Eigen::MatrixXd B = (P - Eigen::MatrixXd::Identity(n, n)).transpose();
            B.row(n - 1).setOnes();
            Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
            rhs(n - 1) = 1.0;
            nu = B.fullPivLu().solve(rhs);
        }
        Eigen::VectorXd t = C.transpose() * nu;
        // Failovers that complete when the clock fires: per embedded step, the chance from each
        // clock period; per hour, divided by the mean time per step.
        double fires = 0.0;
        for (int x = 0; x < m; ++x)
            fires += nu(F[static_cast<std::size_t>(x)]) * firing(x);
        chain.failovers_per_hour = fires / t.sum();
        prob = t / t.sum();
    }

    chain.probability.assign(prob.data(), prob.data() + n);
    for (int i = 0; i < n; ++i)
        for (const auto& t : out[static_cast<std::size_t>(i)]) {
            chain.flows.push_back({i, t.to, prob(i) * t.rate});
            if (t.failover)
                chain.failovers_per_hour += prob(i) * t.rate;
        }
    return chain;
}

}  // namespace nines::sim
