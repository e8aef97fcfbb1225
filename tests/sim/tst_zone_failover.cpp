// Failover on loss of a failure domain (DESIGN.md, Semantics): a hot primary/standby pair spread
// over two zones fails over when the primary's zone goes out, and so is far better than the same
// pair in one zone. Each simulated steady-state unavailability is checked against the exact value
// of a CTMC that this test builds itself from the rules (states: each zone up or down, each
// instance failed, spare, displaced spare or in service), with the tolerance taken from the run's
// own interval (99%). The exact solver, which solves such a group together with its zones, must
// equal the same CTMC to 1e-9, and so must the failovers a year that price an asynchronous
// store's data loss.
#include "model_builder.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/data_loss.h"
#include "sim/run.h"

#include <Eigen/Dense>
#include <QTest>

#include <array>
#include <cmath>
#include <map>
#include <vector>

using namespace nines;
using namespace nines::model;
using nines::test::component;
using nines::test::expMode;

namespace {

struct Rates {
    // An instance fails every 2,000 h and is repaired in 8 h; a zone goes out once a year for
    // 4 h; one failover in a hundred fails.
    double fail = 1.0 / 2000, repair = 1.0 / 8;
    double zoneFail = 1.0 / 8760, zoneRepair = 1.0 / 4;
    double coverage = 0.99;
    double failoverRate = 0;  // 1 / mean of an exponential failover time; 0: instant
};

// FailedDisplaced: lost to the group with its zone, then failed before the zone returned.
// Switching: a spare being switched in (an exponential failover time).
enum Inst : int { Failed, Spare, Displaced, InService, FailedDisplaced, Switching };

/// zones up/down, then each instance's state; instance i lives in zone zoneOf[i].
struct State {
    std::array<int, 2> zoneDown{0, 0};
    std::array<int, 2> inst{InService, Spare};
    auto key() const { return std::make_tuple(zoneDown[0], zoneDown[1], inst[0], inst[1]); }
    bool operator<(const State& o) const { return key() < o.key(); }
};

struct Exact {
    double unavailability = 0;
    double failoversPerHour = 0;  // completed failovers, whatever started them
};

/// The exact steady state of a 1-of-2 hot standby group (instant detection and failover, which
/// succeeds with `coverage`), its instances in zones zoneOf[0] and zoneOf[1], written from the
/// rules alone: nothing of the engine is used.
Exact exactChain(const Rates& r, std::array<int, 2> zoneOf, bool failOverOnZoneLoss)
{
    // probability, next state, whether a failover completes on the way
    using Branches = std::vector<std::tuple<double, State, bool>>;
    auto masked = [&](const State& s, int i) { return s.zoneDown[static_cast<size_t>(zoneOf[static_cast<size_t>(i)])] != 0; };
    auto inService = [&](const State& s) { return s.inst[0] == InService || s.inst[1] == InService; };
    auto covered = [&](const State& s) { return inService(s) || s.inst[0] == Switching || s.inst[1] == Switching; };
    // A repaired or returning primary makes a failover in progress moot.
    auto cancelSwitching = [](State& s) {
        for (auto& x : s.inst)
            if (x == Switching)
                x = Spare;
    };
    // A failover: to a healthy spare whose zone is up (under the earlier rule, to any healthy
    // spare, which then serves when its zone returns), with the coverage probability.
    auto failover = [&](const State& s) -> Branches {
        for (int j = 0; j < 2; ++j)
            if (s.inst[static_cast<size_t>(j)] == Spare && (!failOverOnZoneLoss || !masked(s, j)) && !covered(s)) {
                State ok = s;
                ok.inst[static_cast<size_t>(j)] = r.failoverRate > 0 ? Switching : InService;
                return {{r.coverage, ok, r.failoverRate == 0}, {1 - r.coverage, s, false}};
            }
        return {{1.0, s, false}};
    };
    auto events = [&](const State& s) {
        std::vector<std::pair<double, Branches>> out;  // rate, branches
        for (int i = 0; i < 2; ++i) {
            const auto ui = static_cast<size_t>(i);
            if (s.inst[ui] == Switching) {  // completes, or the spare fails and aborts it
                State done = s, failed = s;
                done.inst[ui] = InService;
                failed.inst[ui] = Failed;
                out.push_back({r.failoverRate, {{1.0, done, true}}});
                out.push_back({r.fail, {{1.0, failed, false}}});
            } else if (s.inst[ui] != Failed && s.inst[ui] != FailedDisplaced) {
                State n = s;
                n.inst[ui] = s.inst[ui] == Displaced ? FailedDisplaced : Failed;
                out.push_back({r.fail, s.inst[ui] == InService ? failover(n) : Branches{{1.0, n, false}}});
            } else {
                State n = s;
                if (inService(s)) {
                    n.inst[ui] = Spare;
                } else if (failOverOnZoneLoss && masked(s, i)) {
                    n.inst[ui] = Displaced;
                } else {
                    n.inst[ui] = InService;
                    cancelSwitching(n);
                }
                out.push_back({r.repair, {{1.0, n, false}}});
            }
        }
        for (size_t z = 0; z < 2; ++z) {
            State n = s;
            n.zoneDown[z] = 1 - s.zoneDown[z];
            if (!s.zoneDown[z]) {  // goes out: its primary is lost to the group
                Branches b{{1.0, n, false}};
                if (failOverOnZoneLoss)
                    for (int i = 0; i < 2; ++i) {
                        auto& x = n.inst[static_cast<size_t>(i)];
                        if (static_cast<size_t>(zoneOf[static_cast<size_t>(i)]) != z)
                            continue;
                        if (x == InService || x == Switching) {  // lost, or cannot finish
                            x = x == InService ? Displaced : Spare;
                            b = failover(n);
                        }
                    }
                out.push_back({r.zoneFail, b});
            } else {  // returns: a displaced instance serves at once if the group is short; for
                      // one that failed meanwhile, the short group fails over to a reachable spare
                int failedMeanwhile = 0;
                for (int i = 0; i < 2; ++i) {
                    auto& x = n.inst[static_cast<size_t>(i)];
                    if (static_cast<size_t>(zoneOf[static_cast<size_t>(i)]) != z)
                        continue;
                    if (x == Displaced) {
                        if (inService(n)) {
                            x = Spare;
                        } else {
                            x = InService;
                            cancelSwitching(n);
                        }
                    } else if (x == FailedDisplaced) {
                        x = Failed;
                        ++failedMeanwhile;
                    }
                }
                out.push_back({r.zoneRepair, failedMeanwhile > 0 && !covered(n) ? failover(n) : Branches{{1.0, n, false}}});
            }
        }
        return out;
    };
    // Reachable states from the start (all up, instance 0 in service), then the generator.
    std::map<State, int> index;
    std::vector<State> states{State{}};
    index[State{}] = 0;
    for (size_t k = 0; k < states.size(); ++k)
        for (const auto& [rate, branches] : events(states[k]))
            for (const auto& [p, n, completes] : branches)
                if (!index.count(n)) {
                    index[n] = int(states.size());
                    states.push_back(n);
                }
    const int n = int(states.size());
    Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n, n);
    Eigen::VectorXd failovers = Eigen::VectorXd::Zero(n);  // per state, the rate of completions
    for (int k = 0; k < n; ++k)
        for (const auto& [rate, branches] : events(states[size_t(k)]))
            for (const auto& [p, next, completes] : branches) {
                if (completes)
                    failovers(k) += rate * p;
                const int j = index[next];
                if (j != k) {
                    q(k, j) += rate * p;
                    q(k, k) -= rate * p;
                }
            }
    // pi Q = 0, sum pi = 1: replace one equation by the normalisation.
    Eigen::MatrixXd a = q.transpose();
    a.row(0).setOnes();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
    b(0) = 1;
    const Eigen::VectorXd pi = a.fullPivLu().solve(b);
    double down = 0;
    for (int k = 0; k < n; ++k) {
        const State& s = states[size_t(k)];
        bool served = false;
        for (int i = 0; i < 2; ++i)
            served = served || (s.inst[size_t(i)] == InService && !masked(s, i));
        if (!served)
            down += pi(k);
    }
    return {down, pi.dot(failovers)};
}

double exactUnavailability(const Rates& r, std::array<int, 2> zoneOf, bool failOverOnZoneLoss)
{
    return exactChain(r, zoneOf, failOverOnZoneLoss).unavailability;
}

Model pair(const Rates& r, bool twoZones, bool failOverOnZoneLoss)
{
    Component db = component("db", {expMode(1 / r.fail, 1 / r.repair)}, 2, 1);
    db.redundancy = RedundancyMode::Standby;
    db.standby.failover_success_probability = r.coverage;
    db.standby.fail_over_on_zone_loss = failOverOnZoneLoss;
    db.standby.detection_seconds = 0;
    db.zones = twoZones ? std::vector<std::string>{"a", "b"} : std::vector<std::string>{"a"};
    Model m = test::withEntry({db}, {"db"});
    const Outage zone{Distribution::exponential(1 / r.zoneFail), Distribution::exponential(1 / r.zoneRepair)};
    m.zones = {{"a", "", std::nullopt, zone, {}}, {"b", "", std::nullopt, zone, {}}};
    return m;
}

sim::RunResult steady(const Model& m, std::uint64_t seed)
{
    sim::RunSettings s;
    s.seed = seed;
    s.replications = 10000;
    s.steady_state = true;
    s.threads = 2;
    return sim::runSimulation(sim::compile(m), s);
}

void checkAnalytic(const Model& m, double exact, const char* what)
{
    const sim::AnalyticResult a = sim::analyze(m);
    QVERIFY2(a.applicable, a.reasons.empty() ? "" : a.reasons.front().c_str());
    QVERIFY2(std::abs(a.unavailability - exact) <= 1e-9 * exact,
             qPrintable(QStringLiteral("%1: analytic %2, CTMC %3").arg(QLatin1String(what)).arg(a.unavailability, 0, 'g', 15).arg(exact, 0, 'g', 15)));
}

void checkCovers(const sim::RunResult& r, double exact, const char* what)
{
    const double half99 = (r.unavailability.high - r.unavailability.mean) * 2.576 / 1.960;
    qInfo("%s: exact U %.4g, simulated %.4g +- %.2g (99%%)", what, exact, r.unavailability.mean, half99);
    // The interval must be tight enough to tell a wrong rule apart (each rule changes U by more).
    QVERIFY2(half99 < 0.25 * exact, qPrintable(QStringLiteral("%1: interval too wide to test").arg(QLatin1String(what))));
    QVERIFY2(std::abs(r.unavailability.mean - exact) <= half99,
             qPrintable(QStringLiteral("%1: exact U %2, simulated %3 +- %4")
                            .arg(QLatin1String(what))
                            .arg(exact, 0, 'g', 8)
                            .arg(r.unavailability.mean, 0, 'g', 8)
                            .arg(half99, 0, 'g', 3)));
}

}  // namespace

class TestZoneFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairOverTwoZonesFailsOverOnZoneLoss()
    {
        const Rates r;
        const Model m = pair(r, true, true);
        QVERIFY(test::valid(m));
        const double exact = exactUnavailability(r, {0, 1}, true);
        checkCovers(steady(m, 20261207), exact, "two zones, failover on zone loss");
        // The exact solver solves the group together with its zones: the same CTMC.
        checkAnalytic(m, exact, "two zones");
    }

    void pairInOneZoneIsWorseByTheZone()
    {
        const Rates r;
        const double one = exactUnavailability(r, {0, 0}, true);
        const double two = exactUnavailability(r, {0, 1}, true);
        checkCovers(steady(pair(r, false, true), 7), one, "one zone");
        // In one zone a failover on zone loss finds no spare outside it. With certain and instant
        // failover of a hot pair that changes nothing the exact solver (which conditions on the
        // zone's state) leaves out: it equals the CTMC of the rules. With uncertain failover the
        // zone's history matters, and the solver says it does not apply.
        Rates full = r;
        full.coverage = 1.0;
        const double oneFull = exactUnavailability(full, {0, 0}, true);
        const sim::AnalyticResult af = sim::analyze(pair(full, false, true));
        QVERIFY2(af.applicable, af.reasons.empty() ? "" : af.reasons.front().c_str());
        QVERIFY2(std::abs(af.unavailability - oneFull) <= 1e-9 * oneFull,
                 qPrintable(QStringLiteral("analytic %1, CTMC %2").arg(af.unavailability, 0, 'g', 12).arg(oneFull, 0, 'g', 12)));
        checkAnalytic(pair(r, false, true), one, "one zone");
        // The zone's own unavailability is what spreading the pair buys back (nearly all of it).
        const double zone = r.zoneFail / (r.zoneFail + r.zoneRepair);
        QVERIFY2(one - two > 0.9 * zone, qPrintable(QStringLiteral("one %1, two %2, zone %3").arg(one).arg(two).arg(zone)));
        QVERIFY2(one > 5 * two, qPrintable(QStringLiteral("one %1, two %2").arg(one).arg(two)));
    }

    // Everything fixed in time: zone a (the primary's) goes out at 100 h for 5 h, the instances
    // never fail. The group is down from the outage until the loss is noticed (30 s) and the
    // spare has taken over (60 s), and stays up when zone a returns (no failback) and goes out
    // again (the primary is in zone b by then).
    void detectionAndFailoverTimesAreTheOnlyDowntime()
    {
        Component db = component("db", {FailureMode{"f", "", Distribution::deterministic(1e9), Distribution::deterministic(1), 0.0, {}}}, 2, 1);
        db.redundancy = RedundancyMode::Standby;
        db.standby.failover_seconds = 60;
        db.standby.detection_seconds = 30;
        db.zones = {"a", "b"};
        Model m = test::withEntry({db}, {"db"});
        m.zones = {{"a", "", std::nullopt, Outage{Distribution::deterministic(100), Distribution::deterministic(5)}, {}},
                   {"b", "", std::nullopt, std::nullopt, {}}};
        QVERIFY(test::valid(m));
        sim::RunSettings s;
        s.replications = 4;
        s.steady_state = false;  // fixed times from new
        s.mission_hours = 1000;
        s.threads = 1;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        const double expected = (90.0 / 3600.0) / 1000.0;
        QVERIFY2(std::abs(r.unavailability.mean - expected) < 1e-12,
                 qPrintable(QStringLiteral("U %1, expected %2").arg(r.unavailability.mean, 0, 'g', 12).arg(expected)));
        QCOMPARE(r.outages_per_year.mean, 8760.0 / 1000.0);
        // Without failover on zone loss the group waits for zone a every time it goes out.
        m.components[1].standby.fail_over_on_zone_loss = false;
        const sim::RunResult w = sim::runSimulation(sim::compile(m), s);
        const double outages = std::floor((1000.0 - 100.0) / 105.0) + 1;  // at 100, 205, 310, ... 940
        QVERIFY2(std::abs(w.unavailability.mean - outages * 5.0 / 1000.0) < 1e-12,
                 qPrintable(QStringLiteral("U %1").arg(w.unavailability.mean, 0, 'g', 12)));
    }

    void withoutZoneFailoverThePrimaryWaits()
    {
        const Rates r;
        const double waits = exactUnavailability(r, {0, 1}, false);
        checkCovers(steady(pair(r, true, false), 99), waits, "two zones, the primary waits");
        const double two = exactUnavailability(r, {0, 1}, true);
        QVERIFY2(waits > 5 * two, qPrintable(QStringLiteral("waits %1, fails over %2").arg(waits).arg(two)));
    }

    // A zone-triggered failover of an asynchronous store loses its lag worth of writes like any
    // other: the failovers a year that price the data loss count those the zones start, in the
    // exact solver (equal to the test's CTMC) and in the simulation (inside its 99% interval).
    void zoneFailoversLoseTheReplicationLag()
    {
        const Rates r;
        const double lag = 2.0, writes = 50.0;
        Model m = pair(r, true, true);
        m.components[1].kind = ComponentKind::Database;
        m.components[1].data_store = DataStore{Replication::Async, lag, Consistency::AP, writes};
        QVERIFY(test::valid(m));
        const Exact exact = exactChain(r, {0, 1}, true);
        const double perYear = exact.failoversPerHour * 8760;
        // The zones add about one failover a year to the instances' four and a bit.
        const double instancesOnly = exactChain(r, {0, 1}, false).failoversPerHour * 8760;
        QVERIFY2(perYear > instancesOnly + 0.8, qPrintable(QStringLiteral("%1 vs %2").arg(perYear).arg(instancesOnly)));
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY2(a.applicable, a.reasons.empty() ? "" : a.reasons.front().c_str());
        QCOMPARE(a.stores.size(), std::size_t(1));
        QVERIFY2(std::abs(a.stores[0].failovers_per_year - perYear) <= 1e-9 * perYear,
                 qPrintable(QStringLiteral("analytic %1, CTMC %2").arg(a.stores[0].failovers_per_year, 0, 'g', 12).arg(perYear, 0, 'g', 12)));
        const sim::DataLoss loss = sim::dataLoss(m.components[1], a.stores[0].failovers_per_year);
        QVERIFY(std::abs(loss.per_year_writes - perYear * lag * writes) <= 1e-9 * loss.per_year_writes);
        const sim::RunResult s = steady(m, 2612);
        QCOMPARE(s.stores.size(), std::size_t(1));
        const sim::Interval& f = s.stores[0].failovers_per_year;
        const double half99 = (f.high - f.mean) * 2.576 / 1.960;
        qInfo("failovers a year: exact %.4f, simulated %.4f +- %.3f (99%%), instances alone %.4f", perYear, f.mean, half99, instancesOnly);
        QVERIFY2(std::abs(f.mean - perYear) <= half99, qPrintable(QStringLiteral("simulated %1 +- %2, exact %3").arg(f.mean).arg(half99).arg(perYear)));
        QVERIFY(half99 < 0.25 * (perYear - instancesOnly));  // tight enough to see the zones' share
    }

    // A larger case than the test's own CTMC: 2 of 4 (warm spares, which age slower) over three
    // zones of a region that can fail too, uncertain failover. The exact solver's chain of the
    // group and its four domains must agree with the simulation's 99% interval.
    void twoOfFourOverThreeZonesAndARegion()
    {
        const Rates r;
        FailureMode fm = expMode(1 / r.fail, 1 / r.repair);
        fm.dormant_failure = Distribution::exponential(4 / r.fail);
        Component db = component("db", {fm}, 4, 2);
        db.redundancy = RedundancyMode::Standby;
        db.standby.kind = StandbyKind::Warm;
        db.standby.failover_success_probability = 0.9;
        db.standby.detection_seconds = 0;
        db.zones = {"a", "b", "c"};
        Model m = test::withEntry({db}, {"db"});
        const Outage zone{Distribution::exponential(1 / r.zoneFail), Distribution::exponential(1 / r.zoneRepair)};
        m.regions = {{"eu", "", Outage{Distribution::exponential(5 * 8760.0), Distribution::exponential(6.0)}, {}}};
        m.zones = {{"a", "", std::string("eu"), zone, {}}, {"b", "", std::string("eu"), zone, {}},
                   {"c", "", std::string("eu"), zone, {}}};
        QVERIFY(test::valid(m));
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY2(a.applicable, a.reasons.empty() ? "" : a.reasons.front().c_str());
        checkCovers(steady(m, 4242), a.unavailability, "2 of 4 over three zones and a region");
    }

    // The failover takes an exponential time (mean 30 min): states with a failover running.
    void pairOverTwoZonesWithAFailoverTime()
    {
        Rates r;
        r.failoverRate = 2.0;
        Model m = pair(r, true, true);
        FailoverTime f;
        f.type = DistributionType::Exponential;
        f.mean_seconds = 1800;
        m.components[1].standby.failover = f;
        QVERIFY(test::valid(m));
        const double exact = exactUnavailability(r, {0, 1}, true);
        Rates instant = r;
        instant.failoverRate = 0;
        QVERIFY(exact > 1.5 * exactUnavailability(instant, {0, 1}, true));  // the time matters
        checkAnalytic(m, exact, "two zones, 30 min failover");
        checkCovers(steady(m, 31), exact, "two zones, 30 min failover");
    }
};

QTEST_GUILESS_MAIN(TestZoneFailover)
#include "tst_zone_failover.moc"
