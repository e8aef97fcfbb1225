// The engine's machinery: reproducibility across thread counts, prompt cancellation, the event
// heap against a naive twin, network partitions, and common random numbers.
#include "model_builder.h"
#include "sim/compiled_model.h"
#include "sim/event_heap.h"
#include "sim/run.h"
#include "sim/sampler.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <cstring>
#include <map>
#include <random>
#include <thread>

using namespace nines;
using namespace nines::model;
using nines::test::component;
using nines::test::expMode;

namespace {

Model threeTier()
{
    Component lb = component("lb", {expMode(2000, 1)}, 2, 1);
    lb.redundancy = RedundancyMode::Standby;
    lb.standby = {StandbyKind::Hot, 30, 0.99};
    Component app = component("app", {expMode(500, 4), expMode(5000, 24, "hw")}, 5, 3);
    app.failure_modes[0].detection_seconds = 60;
    Component db = component("db", {expMode(3000, 8)}, 2, 1);
    db.redundancy = RedundancyMode::Standby;
    db.standby = {StandbyKind::Warm, 120, 0.95};
    db.failure_modes[0].dormant_failure = Distribution::exponential(9000);
    db.repair_crew = "ops";
    Model m = test::withEntry({lb, app, db}, {"lb"});
    test::depend(m, "lb", "app");
    test::depend(m, "app", "db");
    m.repair_crews = {{"ops", "", 1}};
    m.zones = {{"a", "", {}, Outage{Distribution::exponential(8760), Distribution::lognormal(3, 1)}, {}},
               {"b", "", {}, Outage{Distribution::exponential(8760), Distribution::lognormal(3, 1)}, {}}};
    m.components[1].zones = {"a", "b"};
    m.components[2].zones = {"a", "b"};
    return m;
}

bool sameNumbers(const sim::RunResult& a, const sim::RunResult& b)
{
    auto eq = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
    bool ok = a.replications == b.replications && a.events == b.events && eq(a.availability.mean, b.availability.mean)
              && eq(a.availability.low, b.availability.low) && eq(a.downtime_p99, b.downtime_p99)
              && eq(a.outages_per_year.mean, b.outages_per_year.mean) && eq(a.mean_outage_minutes.mean, b.mean_outage_minutes.mean)
              && a.downtime_minutes == b.downtime_minutes && a.outage_lengths.counts == b.outage_lengths.counts;
    for (std::size_t c = 0; ok && c < a.components.size(); ++c)
        ok = eq(a.components[c].criticality, b.components[c].criticality)
             && eq(a.components[c].own_availability, b.components[c].own_availability);
    return ok;
}

/// Zones a and b joined to the hub "internet"; b's link is down during [100, 150) and
/// [250, 300).
void behindFailingLink(Model& m)
{
    m.hubs = {{"internet", "", {}}};
    m.zones = {{"a", "", {}, {}, {}}, {"b", "", {}, {}, {}}};
    m.links = {{"to-a", "", "internet", "a", {}},
               {"to-b", "", "internet", "b", Outage{Distribution::deterministic(100), Distribution::deterministic(50)}}};
}

sim::RunSettings oneReplicationOf300Hours()
{
    sim::RunSettings s;
    s.replications = 1;
    s.mission_hours = 300;
    s.threads = 1;
    return s;
}

}  // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameNumbersOnAnyThreadCount()
    {
        const Model m = threeTier();
        QVERIFY(test::valid(m));
        const sim::CompiledModel cm = sim::compile(m);
        sim::RunSettings s;
        s.seed = 99;
        s.replications = 300;
        s.threads = 1;
        const sim::RunResult one = sim::runSimulation(cm, s);
        s.threads = 2;
        const sim::RunResult two = sim::runSimulation(cm, s);
        s.threads = 5;
        const sim::RunResult five = sim::runSimulation(cm, s);
        QVERIFY(sameNumbers(one, two));
        QVERIFY(sameNumbers(one, five));
        s.seed = 100;
        QVERIFY(!sameNumbers(one, sim::runSimulation(cm, s)));
    }

    void precisionStopIsReproducible()
    {
        const sim::CompiledModel cm = sim::compile(threeTier());
        sim::RunSettings s;
        s.seed = 5;
        s.replications = 100000;
        s.target_relative_precision = 0.05;
        s.threads = 1;
        const sim::RunResult one = sim::runSimulation(cm, s);
        s.threads = 2;
        const sim::RunResult two = sim::runSimulation(cm, s);
        QCOMPARE(one.stop, sim::StopReason::Precision);
        QVERIFY(sameNumbers(one, two));
        QCOMPARE(one.replications % s.block, std::uint64_t(0));  // checked at fixed counts
        QVERIFY((1 - one.availability.mean) * 0.05 >= one.availability.halfWidth());
    }

    void cancelReturnsPromptlyWithAPartialResult()
    {
        const sim::CompiledModel cm = sim::compile(threeTier());
        sim::RunSettings s;
        s.replications = 100000000;
        s.steady_state = true;
        std::atomic<bool> cancel{false};
        sim::RunResult r;
        QElapsedTimer sinceCancel;
        std::thread t([&] { r = sim::runSimulation(cm, s, &cancel); });
        QThread::msleep(300);
        sinceCancel.start();
        cancel = true;
        t.join();
        const qint64 ms = sinceCancel.elapsed();
        QVERIFY(r.partial());
        QCOMPARE(r.stop, sim::StopReason::Cancelled);
        QVERIFY(r.replications > 0);  // what was merged before the cancel is kept
        // The promise is 100 ms (measured in the benchmark); a generous bound here.
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    }

    // The memory a worker holds is counted from the instances, their failure modes and timers,
    // not a flat figure per instance: a run caps its workers by it, and a model whose instances
    // have four failure modes holds about twice what one of a single mode does (bench_engine
    // measures both against the resident memory: 198 bytes an instance for one mode).
    void workerMemoryCountsFailureModes()
    {
        Model m = threeTier();
        for (auto& c : m.components)
            if (c.id == "app") {
                c.instances = 100000;
                c.failure_modes.resize(1);
            }
        const double one = sim::Simulator::bytesFor(sim::compile(m)) / 1e5;
        QVERIFY2(one > 150 && one < 260, qPrintable(QString::number(one)));
        for (auto& c : m.components)
            if (c.id == "app") {
                const FailureMode f = c.failure_modes.front();
                for (int k = 1; k < 4; ++k) {
                    c.failure_modes.push_back(f);
                    c.failure_modes.back().id = "mode" + std::to_string(k);
                }
            }
        const double four = sim::Simulator::bytesFor(sim::compile(m)) / 1e5;
        QVERIFY2(four > 1.8 * one, qPrintable(QStringLiteral("%1 against %2").arg(four).arg(one)));
    }

    // Setting up a model of millions of instances takes long (every instance's state, streams
    // and clocks): a cancel then must not wait for it. Measured against the set-up itself, so
    // that a slow machine slows both: a cancel 20 ms in returns in under a quarter of the time
    // one set-up and reset take (before set-up polled the cancel flag, it waited for all of it).
    void cancelDuringSetUpDoesNotWaitForIt()
    {
        Model m = threeTier();
        for (auto& c : m.components)
            if (c.id == "app") {
                c.instances = 2000000;
                c.required = 1000000;
            }
        const sim::CompiledModel cm = sim::compile(m);
        QElapsedTimer setUp;
        setUp.start();
        {
            sim::Simulator once(cm);
            once.reset(1, 0, true);
        }
        const qint64 setUpMs = setUp.elapsed();
        if (setUpMs < 200)
            QSKIP("set-up too fast on this machine to tell a prompt cancel from a late one");
        sim::RunSettings s;
        s.threads = 1;
        s.replications = 10;
        std::atomic<bool> cancel{false};
        sim::RunResult r;
        std::thread t([&] { r = sim::runSimulation(cm, s, &cancel); });
        QThread::msleep(20);
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        cancel = true;
        t.join();
        const qint64 ms = sinceCancel.elapsed();
        QCOMPARE(r.stop, sim::StopReason::Cancelled);
        QCOMPARE(r.replications, std::uint64_t(0));
        QVERIFY(r.partial());
        QVERIFY2(ms * 4 < setUpMs, qPrintable(QStringLiteral("cancel took %1 ms; a set-up takes %2 ms").arg(ms).arg(setUpMs)));
    }

    void wallClockBudget()
    {
        const sim::CompiledModel cm = sim::compile(threeTier());
        sim::RunSettings s;
        s.replications = 100000000;
        s.max_wall_seconds = 0.3;
        QElapsedTimer t;
        t.start();
        const sim::RunResult r = sim::runSimulation(cm, s);
        QCOMPARE(r.stop, sim::StopReason::WallClock);
        QVERIFY(!r.partial());
        QVERIFY(t.elapsed() < 5000);
    }

    void heapAgreesWithNaiveTwin()
    {
        sim::EventHeap heap;
        const std::uint32_t count = 200;
        heap.resize(count);
        std::map<std::uint32_t, double> naive;
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> u(0, 1000);
        for (int step = 0; step < 200000; ++step) {
            const std::uint32_t slot = static_cast<std::uint32_t>(rng() % count);
            switch (rng() % 4) {
            case 0:
            case 1: {
                const double t = u(rng);
                heap.schedule(slot, t);
                naive[slot] = t;
                break;
            }
            case 2:
                heap.cancel(slot);
                naive.erase(slot);
                break;
            case 3:
                if (!naive.empty()) {
                    auto best = std::min_element(naive.begin(), naive.end(),
                                                 [](auto& a, auto& b) { return a.second < b.second; });
                    QCOMPARE(heap.topTime(), best->second);
                    QCOMPARE(heap.top(), best->first);
                    naive.erase(heap.top());
                    heap.pop();
                }
                break;
            }
            QCOMPARE(heap.size(), naive.size());
        }
    }

    void plainLoopMatchesTheGeneralOne()
    {
        // Without an event log, a plain model (one entry, no capacity, queues or stores) runs
        // a copy of the event loop with the other models' hooks left out, and instances with one
        // failure mode outside standby groups and crews take a short path (stepSimple). With a
        // log, the general loop and handlers run: both must simulate exactly the same thing.
        Model m = threeTier();
        Component cache = component("cache", {expMode(800, 2)}, 3, 2);
        cache.failure_modes[0].detection_seconds = 300;  // detected, then repaired
        cache.zones = {"a", "b"};                        // two cells: the general "own up" test
        Component dns = component("dns", {expMode(4000, 0.5)});
        dns.failure_modes[0].repair = Distribution::deterministic(0.5);
        Component auth = component("auth", {expMode(1500, 3)}, 2, 1);  // active 1-of-2, one cell
        auth.failure_modes[0].failure = Distribution::weibull(1.5, 1500);
        auth.failure_modes[0].repair = Distribution::lognormal(3, 1);
        Component cdn = component("cdn", {expMode(3000, 1)});
        cdn.failure_modes[0].repair = Distribution::uniform(0.5, 2);
        cdn.zones = {"b"};
        m.components.push_back(cache);
        m.components.push_back(dns);
        m.components.push_back(auth);
        m.components.push_back(cdn);
        test::depend(m, "app", "cache");
        test::depend(m, "lb", "auth");
        m.dependencies.push_back({"", "users", "dns", 1.0, DependencyType::Sync, {}, {}});
        m.dependencies.push_back({"", "users", "cdn", 1.0, DependencyType::Sync, {}, {}});
        m.regions = {{"r", "", Outage{Distribution::exponential(20000), Distribution::exponential(6)}, {}}};
        for (auto& z : m.zones)
            z.region = "r";
        QVERIFY(test::valid(m));
        const sim::CompiledModel cm = sim::compile(m);
        sim::Simulator plain(cm), general(cm);
        std::uint64_t logged = 0;
        general.setTrace([&](const sim::TraceEvent&) { ++logged; });
        auto same = [](const std::vector<double>& a, const std::vector<double>& b) {
            return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
        };
        auto eq = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
        sim::Segment a, b;
        std::uint64_t events = 0;
        std::vector<double> unserved;
        for (std::uint64_t r = 0; r < 200; ++r) {
            plain.reset(7, r);
            general.reset(7, r);
            plain.runUntil(8760.0);
            general.runUntil(8760.0);
            plain.takeSegment(a);
            general.takeSegment(b);
            QVERIFY(eq(a.hours, b.hours));
            QVERIFY2(eq(a.unservedHours, b.unservedHours), qPrintable(QString("replication %1").arg(r)));
            QVERIFY(eq(a.outages, b.outages) && eq(a.outageHours, b.outageHours));
            QCOMPARE(a.events, b.events);
            QVERIFY(same(a.criticalHours, b.criticalHours) && same(a.ownDownHours, b.ownDownHours));
            QVERIFY(same(a.failures, b.failures) && same(a.failovers, b.failovers));
            QVERIFY(a.outageLengths.counts == b.outageLengths.counts);
            events += a.events;
            unserved.push_back(a.unservedHours);
        }
        QVERIFY(events > 20000);  // (a real workout: about 170 events a year)
        QCOMPARE(logged, events);
        // One simulator switched between the two loops from one replication to the next (the
        // log takes effect at a reset) gives the same replications.
        sim::Simulator reused(cm);
        for (std::uint64_t r = 0; r < 20; ++r) {
            reused.setTrace(r % 3 == 1 ? sim::TraceFn([](const sim::TraceEvent&) {}) : sim::TraceFn());
            reused.reset(7, r);
            reused.runUntil(8760.0);
            reused.takeSegment(a);
            QVERIFY2(eq(a.unservedHours, unserved[r]), qPrintable(QString("replication %1").arg(r)));
        }
    }

    void partitionCutsOffAZone()
    {
        // Entry at a hub joined to zones a and b by links; only b's link fails. An instance in
        // b serves only while b's link is up; with a CP store of 3 replicas (a, a, b), losing
        // b's link leaves a majority in a, so the store stays up.
        Model m = test::withEntry({component("app", {}, 1, 1)}, {"app"});
        m.components[0].entry_node = "internet";
        behindFailingLink(m);
        m.components[1].zones = {"b"};
        QVERIFY(test::valid(m));
        const sim::RunSettings s = oneReplicationOf300Hours();
        // Link to b down during [100, 150) and [250, 300): 100 h of 300.
        sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QVERIFY(std::abs(r.availability.mean - 200.0 / 300) < 1e-12);
        QCOMPARE(r.outages_per_year.mean, 2 * 8760.0 / 300);

        Component db = component("db", {}, 3, 1);
        db.kind = ComponentKind::Database;
        db.data_store = DataStore{Replication::Sync, 0, Consistency::CP, 0};
        db.zones = {"a", "b"};  // round-robin: a, b, a
        m.components[1].zones = {"a"};
        m.components.push_back(db);
        test::depend(m, "app", "db");
        QVERIFY(test::valid(m));
        r = sim::runSimulation(sim::compile(m), s);
        QCOMPARE(r.availability.mean, 1.0);
        // As AP it would serve as well; with the majority in b instead, CP would not.
        m.components[2].zones = {"b", "a"};  // b, a, b: the majority sits behind the failing link
        r = sim::runSimulation(sim::compile(m), s);
        QVERIFY(std::abs(r.availability.mean - 200.0 / 300) < 1e-12);
        m.components[2].data_store->consistency = Consistency::AP;
        r = sim::runSimulation(sim::compile(m), s);
        QCOMPARE(r.availability.mean, 1.0);
    }

    void capacityCountsOnlyReachableInstances()
    {
        // A tier of two instances of 100 rps, one in zone a and one in b, under a flat 150 rps.
        // The entry sits at a hub; b's link is down during [100, 150) and [250, 300). Then only
        // the instance in a serves the entry: 100 of 150 rps for 100 h of 300.
        Component app = component("app", {}, 2, 1);
        app.capacity_rps = 100;
        app.zones = {"a", "b"};
        Model m = test::withEntry({app}, {"app"});
        m.components[0].entry_node = "internet";
        behindFailingLink(m);
        m.load = Load{150, {}, 0};
        QVERIFY(test::valid(m));
        const sim::RunSettings s = oneReplicationOf300Hours();
        sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QVERIFY2(std::abs(r.performability.mean - (200.0 + 100.0 * 2 / 3) / 300) < 1e-12,
                 qPrintable(QString::number(r.performability.mean, 'g', 17)));
        QVERIFY(std::abs(r.overload_hours_per_year.mean - 100.0 * 8760 / 300) < 1e-9);
        QCOMPARE(r.availability.mean, 1.0);
        m.settings.overload_counts_as_down = true;
        r = sim::runSimulation(sim::compile(m), s);
        QVERIFY(std::abs(r.availability.mean - 200.0 / 300) < 1e-12);

        // Two entries that the partition separates: 30 rps enter at the hub, 120 rps in zone b,
        // and the tier has two instances in a, one in b. With b's link down the hub's users
        // reach only a (30 rps on 200: served), b's users only b (120 rps on 100: 5/6 served),
        // although the tier as a whole has 300 rps for 150.
        m.settings.overload_counts_as_down = false;
        m.components[0].traffic_share = 0.2;
        Component local = m.components[0];
        local.id = "local-users";
        local.entry_node = "b";
        local.traffic_share = 0.8;
        m.components.push_back(local);
        test::depend(m, "local-users", "app");
        m.components[1].instances = 3;  // round-robin over its zones: a, b, a
        QVERIFY(test::valid(m));
        r = sim::runSimulation(sim::compile(m), s);
        QVERIFY2(std::abs(r.performability.mean - (200.0 + 100.0 * 130 / 150) / 300) < 1e-12,
                 qPrintable(QString::number(r.performability.mean, 'g', 17)));
        m.settings.overload_counts_as_down = true;
        r = sim::runSimulation(sim::compile(m), s);
        QVERIFY(std::abs(r.availability.mean - (1.0 - 0.8 * 100 / 300)) < 1e-12);
    }

    void demandFollowsTheDailyProfileAndGrowth()
    {
        // One server, never overloaded but down from hour 100 to 300 (fixed times); demand has a
        // daily profile and grows 40% a year. Performability = 1 - demand while down / demand,
        // summed hour by hour here (the engine uses a closed form over long gaps).
        Component app = component("app", {{"f", "", Distribution::deterministic(100), Distribution::deterministic(200), 0.0, {}}});
        app.capacity_rps = 1e6;
        Model m = test::withEntry({app}, {"app"});
        std::vector<double> profile(24);
        for (int h = 0; h < 24; ++h)
            profile[static_cast<std::size_t>(h)] = 0.2 + 0.8 * h / 23.0;
        m.load = Load{100, profile, 40};
        QVERIFY(test::valid(m));
        const double T = 1000, g = std::log(1.4) / 8760;
        double total = 0, lost = 0;
        for (int h = 0; h < static_cast<int>(T); ++h) {
            const double f = profile[static_cast<std::size_t>(h % 24)] * std::exp(g * h);
            total += f;
            // down during [100, 300), [400, 600), [700, 900): failure 100 h after each repair
            const int t = h % 300;
            if (h >= 100 && t >= 100 && t < 300)
                lost += f;
        }
        sim::RunSettings s;
        s.replications = 1;
        s.steady_state = false;  // fixed times from new
        s.mission_hours = T;
        s.threads = 1;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QVERIFY2(std::abs(r.performability.mean - (1 - lost / total)) < 1e-12,
                 qPrintable(QStringLiteral("%1 vs %2").arg(r.performability.mean, 0, 'g', 15).arg(1 - lost / total, 0, 'g', 15)));
        QCOMPARE(r.overload_hours_per_year.mean, 0.0);
    }

    void overloadHoursFollowTheProfile()
    {
        // Never fails; 100 rps of capacity; peak 150 rps for 12 hours a day, 75 rps otherwise.
        Component app = component("app", {});
        app.capacity_rps = 100;
        Model m = test::withEntry({app}, {"app"});
        std::vector<double> profile(24, 0.5);
        for (int h = 6; h < 18; ++h)
            profile[static_cast<std::size_t>(h)] = 1.0;
        m.load = Load{150, profile, 0};
        sim::RunSettings s;
        s.replications = 1;
        s.threads = 1;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QVERIFY(std::abs(r.performability.mean - 2100.0 / 2700.0) < 1e-12);
        QVERIFY(std::abs(r.overload_hours_per_year.mean - 4380.0) < 1e-9);
        QCOMPARE(r.availability.mean, 1.0);
        m.settings.overload_counts_as_down = true;
        const sim::RunResult down = sim::runSimulation(sim::compile(m), s);
        QVERIFY(std::abs(down.availability.mean - 0.5) < 1e-12);
        QVERIFY(std::abs(down.outages_per_year.mean - 365.0) < 1e-9);
    }

    void outageFromTheStartIsCounted()
    {
        // Overloaded from t = 0 and counted as down: one outage lasting the whole mission.
        Component app = component("app", {});
        app.capacity_rps = 100;
        Model m = test::withEntry({app}, {"app"});
        m.load = Load{150, {}, 0};
        m.settings.overload_counts_as_down = true;
        sim::RunSettings s;
        s.replications = 1;
        s.threads = 1;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QCOMPARE(r.availability.mean, 0.0);
        QCOMPARE(r.outages_per_year.mean, 1.0);
        QVERIFY(std::abs(r.mean_outage_minutes.mean - 8760.0 * 60) < 1e-6);
    }

    void sharesThatMissOneByRoundingStillServeFully()
    {
        Model m = test::withEntry({component("a", {expMode(100, 10)})}, {"a"});
        m.components[0].traffic_share = 0.3333333333;
        for (const char* id : {"users-2", "users-3"}) {
            Component e = m.components[0];
            e.id = id;
            m.components.push_back(e);
            test::depend(m, id, "a");
        }
        QVERIFY(test::valid(m));  // 0.9999999999 is accepted
        sim::RunSettings s;
        s.replications = 200;
        s.threads = 2;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        // Outages are a's failures, about 8760 / 110 a year, not one long outage.
        QVERIFY(r.outages_per_year.mean > 60 && r.outages_per_year.mean < 100);
        QVERIFY(std::abs(r.mean_outage_minutes.mean - 600) < 60);
    }

    void commonRandomNumbersAcrossScenarios()
    {
        // Adding a component must not change the draws of the others.
        Model base = test::withEntry({component("a", {expMode(100, 10)}), component("b", {expMode(300, 5)})}, {"a", "b"});
        Model more = base;
        more.components.insert(more.components.begin() + 1, component("extra", {expMode(50, 1)}));
        test::depend(more, "users", "extra");
        sim::RunSettings s;
        s.replications = 64;
        s.threads = 2;
        const sim::RunResult r1 = sim::runSimulation(sim::compile(base), s);
        const sim::RunResult r2 = sim::runSimulation(sim::compile(more), s);
        QCOMPARE(r1.components[1].id, std::string("a"));
        QCOMPARE(r2.components[2].id, std::string("a"));
        QCOMPARE(r1.components[1].own_availability, r2.components[2].own_availability);
        QCOMPARE(r1.components[2].own_availability, r2.components[3].own_availability);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
