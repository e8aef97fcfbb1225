// CAP figures against exact answers: a 3-replica quorum store across 3 zones whose links
// fail, as CP and as AP; time partitioned and divergent; asynchronous data loss per year.
// The exact solver must match the closed forms to 1e-9; simulated 99% intervals must hold them.
#include "model_builder.h"
#include "sim/analytic.h"
#include "sim/capacity.h"
#include "sim/compiled_model.h"
#include "sim/data_loss.h"
#include "sim/queue_buffer.h"
#include "sim/run.h"
#include "sim/statistics.h"

#include <QTest>

#include <cmath>

using namespace nines;
using namespace nines::model;
using nines::test::component;
using nines::test::expMode;

namespace {

sim::RunResult steady(const Model& m)
{
    sim::RunSettings s;
    s.seed = 424242;
    s.replications = 10000;
    s.steady_state = true;
    s.threads = 2;
    return sim::runSimulation(sim::compile(m), s);
}

bool closeRel(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::abs(b);
}

/// |mean - exact| within the 99% interval (widened from the stored 95% one).
bool inside99(const sim::Interval& iv, double n, double exact)
{
    const double half = (iv.high - iv.mean) * sim::studentT(0.99, n - 1) / sim::studentT(0.95, n - 1);
    qInfo("exact %.8g, simulated %.8g +- %.3g (99%%)", exact, iv.mean, half);
    return std::abs(iv.mean - exact) <= half;
}

/// Entry at an internet hub, three zones each linked to the hub by a link that fails, one
/// replica in each zone.
Model quorumAcrossZones(Consistency consistency, double replicaMtbf, double replicaMttr, double linkMtbf,
                        double linkMttr)
{
    Component db = component("db", {expMode(replicaMtbf, replicaMttr)}, 3, 1);
    db.kind = ComponentKind::Database;
    db.zones = {"a", "b", "c"};
    db.data_store = DataStore{Replication::Sync, 0, consistency, 0};
    Model m = test::withEntry({db}, {"db"});
    m.components[0].entry_node = "internet";
    m.hubs = {{"internet", "", {}}};
    for (const char* z : {"a", "b", "c"}) {
        m.zones.push_back({z, "", {}, {}, {}});
        m.links.push_back({std::string("to-") + z, "", "internet", z,
                           Outage{Distribution::exponential(linkMtbf), Distribution::exponential(linkMttr)}});
    }
    return m;
}

}  // namespace

class TestCap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quorumAsCpAndAp()
    {
        const double p = 200.0 / 210, q = 100.0 / 110;  // replica up, link up
        const double r = p * q;                        // a replica that serves the entry
        const double asCp = 3 * r * r * (1 - r) + r * r * r;  // a majority: 2 of 3
        const double asAp = 1 - std::pow(1 - r, 3);           // any one
        for (auto [c, exact] : {std::pair{Consistency::CP, asCp}, std::pair{Consistency::AP, asAp}}) {
            const Model m = quorumAcrossZones(c, 200, 10, 100, 10);
            QVERIFY(test::valid(m));
            const sim::AnalyticResult a = sim::analyze(m);
            QVERIFY(a.applicable);
            QVERIFY2(closeRel(1 - a.availability, 1 - exact), qPrintable(QString::number(a.availability, 'g', 15)));
            const sim::RunResult s = steady(m);
            QVERIFY(inside99(s.availability, s.replications, exact));
        }
    }

    void partitionedHours()
    {
        // Healthy replicas on two or more sides: by brute force over links and replicas.
        const double p = 200.0 / 210, q = 100.0 / 110;
        double split = 0;
        for (int links = 0; links < 8; ++links)
            for (int reps = 0; reps < 8; ++reps) {
                double w = 1;
                int sides = 0;
                bool hubSide = false;
                for (int z = 0; z < 3; ++z) {
                    const bool linkUp = links >> z & 1, healthy = reps >> z & 1;
                    w *= (linkUp ? q : 1 - q) * (healthy ? p : 1 - p);
                    if (!healthy)
                        continue;
                    if (linkUp)
                        hubSide = true;
                    else
                        ++sides;  // an isolated zone is a side of its own
                }
                if (sides + (hubSide ? 1 : 0) >= 2)
                    split += w;
            }
        const Model m = quorumAcrossZones(Consistency::AP, 200, 10, 100, 10);
        const sim::AnalyticResult a = sim::analyze(m);
        QCOMPARE(a.stores.size(), std::size_t(1));
        QVERIFY(closeRel(a.stores[0].partitioned_hours_per_year, split * 8760));
        QCOMPARE(a.stores[0].divergent_hours_per_year, 0.0);  // only the hub's side reaches the entry
        const sim::RunResult s = steady(m);
        QVERIFY(inside99(s.stores[0].partitioned_hours_per_year, s.replications, split * 8760));
    }

    void divergentHours()
    {
        // Two entries, one in each of zones a and b, joined by a link that fails; an AP store
        // with a replica in each zone serves both sides while the link is down.
        const double p = 300.0 / 310, q = 50.0 / 55;
        Component db = component("db", {expMode(300, 10)}, 2, 1);
        db.kind = ComponentKind::Database;
        db.zones = {"a", "b"};
        db.data_store = DataStore{Replication::Async, 1, Consistency::AP, 100};
        Model m = test::withEntry({db}, {"db"});
        m.components[0].traffic_share = 0.5;
        m.components[0].entry_node = "a";
        Component second = m.components[0];
        second.id = "users-b";
        second.entry_node = "b";
        m.components.push_back(second);
        test::depend(m, "users-b", "db");
        m.zones = {{"a", "", {}, {}, {}}, {"b", "", {}, {}, {}}};
        m.links = {{"a-b", "", "a", "b", Outage{Distribution::exponential(50), Distribution::exponential(5)}}};
        QVERIFY(test::valid(m));
        const double divergent = (1 - q) * p * p * 8760;
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY(a.applicable);
        QVERIFY(closeRel(a.stores[0].divergent_hours_per_year, divergent));
        QVERIFY(closeRel(a.stores[0].partitioned_hours_per_year, divergent));
        const sim::RunResult s = steady(m);
        QVERIFY(inside99(s.stores[0].divergent_hours_per_year, s.replications, divergent));
    }

    void asynchronousDataLoss()
    {
        // 1-of-2 hot standby, instant failover that always succeeds, unlimited repairs.
        // States A (one in service, spare ready), S (one failed), D (both failed):
        // A -> S at 2 lambda, S -> D at lambda, S -> A at mu, D -> S at 2 mu. Failovers happen
        // when the one in service fails in A: rate pi_A lambda.
        const double lambda = 1.0 / 100, mu = 1.0 / 5, lag = 2.0, writes = 50.0;
        Component db = component("db", {expMode(100, 5)}, 2, 1);
        db.kind = ComponentKind::Database;
        db.redundancy = RedundancyMode::Standby;
        db.standby = {StandbyKind::Hot, 0.0, 1.0};
        db.data_store = DataStore{Replication::Async, lag, Consistency::CP, writes};
        Model m = test::withEntry({db}, {"db"});
        QVERIFY(test::valid(m));
        const double piA = 1, piS = 2 * lambda / mu, piD = piS * lambda / (2 * mu);
        const double failoversPerYear = piA / (piA + piS + piD) * lambda * 8760;
        const double lostPerYear = failoversPerYear * lag * writes;
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY(closeRel(a.stores[0].failovers_per_year, failoversPerYear));
        QVERIFY(closeRel(sim::dataLoss(m.components[1], a.stores[0].failovers_per_year).per_year_writes, lostPerYear));
        QCOMPARE(sim::dataLoss(m.components[1], 0).rpo_writes, lag * writes);
        const sim::RunResult s = steady(m);
        QVERIFY(inside99(s.stores[0].failovers_per_year, s.replications, failoversPerYear));
        // Synchronous replication loses nothing acknowledged.
        m.components[1].data_store->replication = Replication::Sync;
        m.components[1].data_store->replication_lag_seconds = 0;
        QCOMPARE(sim::dataLoss(m.components[1], 10).per_year_writes, 0.0);
    }

    void queueBuffersAConsumerOutage()
    {
        // entry -> producer -> (queue of B messages at r per second) -> consumer. The consumer
        // fails every 100 h on average and is repaired in 4 h (exponential): the buffer lasts
        // T = B / r = 2 h, so an outage longer than that loses messages and takes the producer down.
        const double mtbf = 100, mttr = 4, rate = 10, buffer = 72000;
        Component producer = component("producer", {});
        Component consumer = component("consumer", {expMode(mtbf, mttr)});
        Model m = test::withEntry({producer, consumer}, {"producer"});
        m.dependencies.push_back({"", "producer", "consumer", 1.0, DependencyType::Async, buffer, rate});
        QVERIFY(test::valid(m));
        const double outages = 8760.0 / (mtbf + mttr);
        const sim::QueueFigures exact = sim::exponentialOutageQueue(outages, mttr, buffer, rate * 3600);
        QVERIFY(closeRel(exact.full_hours_per_year, outages * mttr * std::exp(-2.0 / mttr)));
        QVERIFY(closeRel(exact.messages_lost_per_year, rate * 3600 * outages * mttr * std::exp(-0.5)));
        const sim::RunResult s = steady(m);
        QCOMPARE(s.queues.size(), std::size_t(1));
        const sim::QueueResult& q = s.queues[0];
        QVERIFY(inside99(q.consumer_outages_per_year, s.replications, outages));
        QVERIFY(inside99(q.full_hours_per_year, s.replications, exact.full_hours_per_year));
        QVERIFY(inside99(q.messages_lost_per_year, s.replications, exact.messages_lost_per_year));
        QVERIFY(inside99(q.messages_delayed_per_year, s.replications, exact.messages_delayed_per_year));
        // The producer is down exactly while the buffer is full.
        QVERIFY(inside99(s.availability, s.replications, 1.0 - exact.full_probability));
        QCOMPARE(q.peak_backlog_max, buffer);
        // The exact solver says why it leaves queues to the simulation.
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY(!a.applicable);
        QVERIFY(a.reasons.front().find("queue") != std::string::npos);
    }

    void performabilityOfServersCarryingALoad()
    {
        // 5 servers of 100 rps, each up 100/110 of the time, facing a flat 330 rps: 4 carry it.
        // Served share E[min(1, 100 X / 330)]; overloaded while fewer than 4 are up.
        const int n = 5;
        const double a = 100.0 / 110, perServer = 100, load = 330;
        Component app = component("app", {expMode(100, 10)}, n, 1);
        app.capacity_rps = perServer;
        Model m = test::withEntry({app}, {"app"});
        m.load = Load{load, {}, 0.0};
        QVERIFY(test::valid(m));
        const double served = sim::expectedShareServed(n, a, perServer, load);
        const double carried = sim::probabilityCarried(n, a, perServer, load);
        sim::RunResult s = steady(m);
        QVERIFY(s.capacity_modelled);
        QVERIFY(inside99(s.performability, s.replications, served));
        QVERIFY(inside99(s.overload_hours_per_year, s.replications, (1 - carried) * 8760));
        QVERIFY(inside99(s.availability, s.replications, 1 - std::pow(1 - a, n)));  // capacity does not count
        // Counting overload as downtime: up only while the load is carried.
        m.settings.overload_counts_as_down = true;
        s = steady(m);
        QVERIFY(inside99(s.availability, s.replications, carried));
        QVERIFY(inside99(s.performability, s.replications, served));
    }

    void failoversWithAFixedFailoverTime()
    {
        // Cold standby with a fixed failover time: failovers complete unless a repair finishes
        // first. From the semi-Markov form (docs/validation.md): per cycle through S0 the
        // failover completes with probability c e^{-mu F}.
        const double lambda = 1.0 / 50, mu = 1.0 / 5, F = 2.0, c = 0.9;
        Component db = component("db", {expMode(50, 5)}, 2, 1);
        db.redundancy = RedundancyMode::Standby;
        db.standby = {StandbyKind::Cold, F * 3600, c};
        db.data_store = DataStore{Replication::Async, 1, Consistency::CP, 10};
        Model m = test::withEntry({db}, {"db"});
        const double e = std::exp(-mu * F);
        const double T0 = 1 / lambda, T1 = c * (1 - e) / mu, T2 = (1 - c) / mu, T3 = c * e / mu,
                     T4 = c * e * lambda / mu / (2 * mu);
        const double failoversPerYear = c * e / (T0 + T1 + T2 + T3 + T4) * 8760;  // one visit of S0 per cycle
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY2(closeRel(a.stores[0].failovers_per_year, failoversPerYear),
                 qPrintable(QStringLiteral("%1 vs %2").arg(a.stores[0].failovers_per_year).arg(failoversPerYear)));
        const sim::RunResult s = steady(m);
        QVERIFY(inside99(s.stores[0].failovers_per_year, s.replications, failoversPerYear));
    }
};

QTEST_GUILESS_MAIN(TestCap)
#include "tst_cap.moc"
