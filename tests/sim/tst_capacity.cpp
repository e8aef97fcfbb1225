// Capacity against exact answers: Erlang C and M/M/c response times against direct formulas,
// the binomial chance that n servers carry a load, demand along dependencies with call
// multipliers and re-spreading, and headroom after N+1 and after a zone loss.
#include "model_builder.h"
#include "sim/capacity.h"

#include <QTest>

#include <cmath>

using namespace nines;
using namespace nines::model;
using nines::test::component;
using nines::test::expMode;

namespace {

/// Erlang C by its textbook formula (an independent implementation from the one in sim/).
double erlangCDirect(int c, double a)
{
    double sum = 0.0, term = 1.0;  // a^k / k!
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term * c / (c - a);  // a^c / c! * c / (c - a)
    return top / (sum + top);
}

bool close(double a, double b, double rel = 1e-12)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

Model loaded(std::vector<Component> comps, const std::vector<std::string>& callees, double peak)
{
    Model m = test::withEntry(std::move(comps), callees);
    m.load = Load{peak, {}, 0.0};
    return m;
}

}  // namespace

class TestCapacity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void erlangC_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<int>("servers");
        QTest::newRow("M/M/1") << 0.5 << 1.0 << 1;
        QTest::newRow("2 servers") << 3.0 << 2.0 << 2;
        QTest::newRow("10 servers, busy") << 9.5 << 1.0 << 10;
        QTest::newRow("50 servers") << 40.0 << 1.0 << 50;
        QTest::newRow("light load") << 1.0 << 100.0 << 4;
    }
    void erlangC()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(int, servers);
        const double a = lambda / mu;
        QVERIFY(close(sim::erlangC(servers, a), erlangCDirect(servers, a), 1e-10));
        const double w = 1.0 / mu + erlangCDirect(servers, a) / (servers * mu - lambda);
        QVERIFY(close(sim::mmcResponseTime(servers, lambda, mu), w, 1e-10));
        if (servers == 1) {
            QVERIFY(close(sim::erlangC(1, a), a));                              // P(wait) = rho
            QVERIFY(close(sim::mmcResponseTime(1, lambda, mu), 1.0 / (mu - lambda)));  // 1 / (mu - lambda)
        }
    }

    void serversCarryingALoad()
    {
        // 4 servers of 100 rps, each up 90% of the time, facing 250 rps: 3 are needed.
        QVERIFY(close(sim::probabilityCarried(4, 0.9, 100, 250), std::pow(0.9, 4) + 4 * std::pow(0.9, 3) * 0.1));
        const double p[] = {std::pow(0.1, 4), 4 * 0.9 * std::pow(0.1, 3), 6 * 0.81 * 0.01, 4 * 0.729 * 0.1, 0.6561};
        double share = 0;
        for (int x = 0; x <= 4; ++x)
            share += p[x] * std::min(1.0, x * 100.0 / 250.0);
        QVERIFY(close(sim::expectedShareServed(4, 0.9, 100, 250), share));
        QCOMPARE(sim::probabilityCarried(4, 0.9, 100, 500), 0.0);
        QCOMPARE(sim::probabilityCarried(4, 0.9, 100, 0), 1.0);
    }

    void demandFollowsCallsAndRespreads()
    {
        Component api = component("api", {expMode(100, 1)}, 2, 1);
        Component cache = component("cache", {});
        Component r1 = component("r1", {}), r2 = component("r2", {});
        api.dependency_mode = DependencyMode::Any;
        Model m = loaded({api, cache, r1, r2}, {"api"}, 1000);
        m.dependencies.push_back({"", "api", "r1", 2.0, DependencyType::Sync, {}, {}});
        m.dependencies.push_back({"", "api", "r2", 2.0, DependencyType::Sync, {}, {}});
        Component& users = m.components[0];
        users.dependency_mode = DependencyMode::All;
        // users -> api (x1); api -> r1 / r2 (x2, any: split evenly)
        std::vector<int> all{1, 2, 1, 1, 1};
        auto d = sim::demandPerComponent(m, all);
        QCOMPARE(d[1], 1000.0);
        QCOMPARE(d[3], 1000.0);
        QCOMPARE(d[4], 1000.0);
        all[4] = 0;  // r2 down: everything goes to r1
        d = sim::demandPerComponent(m, all);
        QCOMPARE(d[3], 2000.0);
        QCOMPARE(d[4], 0.0);
        d = sim::demandPerComponent(m, {1, 2, 1, 1, 1}, 1.5);  // growth
        QCOMPARE(d[3], 1500.0);
    }

    void headroomAfterFailures()
    {
        // app: 4 x 300 rps over zones a, b (a, b, a, b); demand 600 rps; target 100%.
        Component app = component("app", {expMode(100, 1)}, 4, 2);
        app.capacity_rps = 300;
        app.zones = {"a", "b"};
        Model m = loaded({app}, {"app"}, 600);
        m.zones = {{"a", "", {}, {}, {}}, {"b", "", {}, {}, {}}};
        m.load->yearly_growth_percent = 100;
        QVERIFY(test::valid(m));
        const sim::CapacityResult r = sim::analyzeCapacity(m);
        QVERIFY(r.has_load);
        QCOMPARE(r.tiers.size(), std::size_t(1));
        const sim::TierCapacity& t = r.tiers[0];
        QCOMPARE(t.all_up.capacity_rps, 1200.0);
        QCOMPARE(t.all_up.headroom_rps, 600.0);
        QVERIFY(close(t.all_up.months, 12.0));  // doubling demand at 100% a year takes 12 months
        QCOMPARE(t.n_plus_1.capacity_rps, 900.0);
        QVERIFY(close(t.n_plus_1.months, 12.0 * std::log(1.5) / std::log(2.0)));
        QCOMPARE(t.zone_loss.capacity_rps, 600.0);
        QCOMPARE(t.zone_loss.months, 0.0);
        QCOMPARE(t.utilisation, 0.5);
        QVERIFY(t.queue_meaningful);
        QVERIFY(close(t.wait_probability, erlangCDirect(4, 2.0)));
        // Below the target utilisation, headroom shrinks accordingly.
        m.settings.target_utilisation_percent = 75;
        QCOMPARE(sim::analyzeCapacity(m).tiers[0].all_up.headroom_rps, 300.0);
    }

    void standbyKeepsCapacityAfterFailover()
    {
        Component db = component("db", {expMode(100, 1)}, 2, 1);
        db.redundancy = RedundancyMode::Standby;
        db.capacity_rps = 1000;
        Model m = loaded({db}, {"db"}, 400);
        const sim::TierCapacity t = sim::analyzeCapacity(m).tiers[0];
        QCOMPARE(t.all_up.capacity_rps, 1000.0);  // the spare does not serve
        QCOMPARE(t.n_plus_1.capacity_rps, 1000.0);  // ... but takes over
    }

    void standbyTakesOverAfterAZoneLoss()
    {
        Component db = component("db", {expMode(100, 1)}, 2, 1);
        db.redundancy = RedundancyMode::Standby;
        db.capacity_rps = 1000;
        db.zones = {"a", "b"};
        Model m = loaded({db}, {"db"}, 400);
        m.zones = {{"a", "", std::nullopt, std::nullopt, {}}, {"b", "", std::nullopt, std::nullopt, {}}};
        // The primary (in a) is the worst zone's loss: the spare in b takes over.
        QCOMPARE(sim::analyzeCapacity(m).tiers[0].zone_loss.capacity_rps, 1000.0);
        // Without failover on zone loss the primary waits for zone a: nothing serves.
        m.components[1].standby.fail_over_on_zone_loss = false;
        const sim::TierCapacity t = sim::analyzeCapacity(m).tiers[0];
        QCOMPARE(t.zone_loss.capacity_rps, 0.0);
        QCOMPARE(t.worst_zone, std::string("a"));
    }

    void overloadIsFlagged()
    {
        Component app = component("app", {expMode(100, 1)}, 2, 1);
        app.capacity_rps = 100;
        const sim::TierCapacity t = sim::analyzeCapacity(loaded({app}, {"app"}, 250)).tiers[0];
        QVERIFY(!t.queue_meaningful);
        QVERIFY(t.all_up.headroom_rps < 0);
        QCOMPARE(t.all_up.months, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCapacity)
#include "tst_capacity.moc"
