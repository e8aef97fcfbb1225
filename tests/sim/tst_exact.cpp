// Statistical validation: for models with exactly known answers, the analytic solver equals
// the closed form to a relative 1e-9, and the simulation's 99% confidence interval contains
// the exact value. Fixed seeds make every run deterministic; tolerances come from intervals.
#include "model_builder.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/run.h"
#include "sim/statistics.h"

#include <QTest>

#include <cmath>

using namespace nines;
using namespace nines::model;
using nines::test::component;
using nines::test::expMode;

namespace {

struct Expected {
    double availability;
    double outagesPerYear = -1;  // < 0: not checked
    double meanOutageMinutes = -1;
};

sim::RunResult steadyState(const Model& m, std::uint32_t replications, std::uint64_t seed)
{
    sim::RunSettings s;
    s.seed = seed;
    s.replications = replications;
    s.steady_state = true;
    s.threads = 2;
    return sim::runSimulation(sim::compile(m), s);
}

/// |a - b| <= rel * b, on unavailabilities (where the figures differ).
bool closeRelative(double a, double b, double rel = 1e-9)
{
    return std::abs(a - b) <= rel * std::abs(b);
}

void checkModel(const Model& m, const Expected& exact, std::uint32_t replications = 10000, bool analytic = true)
{
    QVERIFY(test::valid(m));
    if (analytic) {
        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY2(a.applicable, a.reasons.empty() ? "" : a.reasons.front().c_str());
        QVERIFY2(closeRelative(a.unavailability, 1.0 - exact.availability),
                 qPrintable(QStringLiteral("analytic U %1, exact U %2").arg(a.unavailability, 0, 'g', 15).arg(1.0 - exact.availability, 0, 'g', 15)));
        if (exact.outagesPerYear >= 0) {
            QVERIFY(a.frequency_known);
            QVERIFY2(closeRelative(a.outages_per_year, exact.outagesPerYear),
                     qPrintable(QStringLiteral("analytic %1 outages/year, exact %2").arg(a.outages_per_year, 0, 'g', 15).arg(exact.outagesPerYear, 0, 'g', 15)));
        }
        if (exact.meanOutageMinutes >= 0)
            QVERIFY(closeRelative(a.mean_outage_minutes, exact.meanOutageMinutes));
    }
    const sim::RunResult r = steadyState(m, replications, 20261127);
    const double t99 = sim::studentT(0.99, static_cast<double>(r.replications - 1));
    const double half = t99 * r.availability_stderr;
    qInfo("exact U %.6g, simulated U %.6g +- %.3g (99%%, %llu years)", 1 - exact.availability,
          1 - r.availability.mean, half, static_cast<unsigned long long>(r.replications));
    QVERIFY2(std::abs(r.availability.mean - exact.availability) <= half,
             qPrintable(QStringLiteral("simulated %1 +- %2 (99%), exact %3")
                            .arg(r.availability.mean, 0, 'g', 12)
                            .arg(half, 0, 'g', 4)
                            .arg(exact.availability, 0, 'g', 12)));
    QVERIFY(r.replications >= replications);
    if (exact.outagesPerYear >= 0) {
        const double ohalf = (r.outages_per_year.high - r.outages_per_year.mean) * t99 / sim::studentT(0.95, r.replications - 1.0);
        QVERIFY2(std::abs(r.outages_per_year.mean - exact.outagesPerYear) <= ohalf,
                 qPrintable(QStringLiteral("simulated %1 +- %2 outages/year, exact %3")
                                .arg(r.outages_per_year.mean)
                                .arg(ohalf)
                                .arg(exact.outagesPerYear)));
    }
}

}  // namespace

class TestExact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleComponent()
    {
        const double mtbf = 100, mttr = 10;
        Model m = test::withEntry({component("a", {expMode(mtbf, mttr)})}, {"a"});
        checkModel(m, {mtbf / (mtbf + mttr), 8760.0 / (mtbf + mttr), mttr * 60});
    }

    // Steady-state availability depends only on the means (renewal theory).
    void singleComponentGeneralDistributions()
    {
        Model m = test::withEntry({component("a", {expMode(100, 10)})}, {"a"});
        m.components[1].failure_modes[0].failure = Distribution::weibull(2.0, 100.0);
        m.components[1].failure_modes[0].repair = Distribution::lognormal(8.0, 1.0);
        m.components[1].failure_modes[0].detection_seconds = 3600;  // one hour
        const double up = 100.0 * std::tgamma(1.5), down = 8.0 + 1.0;
        checkModel(m, {up / (up + down), 8760.0 / (up + down), down * 60});
    }

    // Two failure modes with memory compete: a process leak that always kills the process after
    // 300 h (fixed), and random crashes (exponential, mean 500 h). The cycle is exact:
    // E[up] = m (1 - e^{-d/m}), P(crash first) = 1 - e^{-d/m}.
    void competingFailureModes()
    {
        const double m = 500, d = 300, crashRepair = 2, leakRepair = 0.5;
        Component svc = component("svc", {expMode(m, crashRepair, "crash")});
        svc.failure_modes.push_back({"leak", "", Distribution::deterministic(d), Distribution::uniform(0.25, 0.75), 0.0, {}});
        Model model = test::withEntry({svc}, {"svc"});
        const double pCrash = 1 - std::exp(-d / m);
        const double up = m * pCrash, down = pCrash * crashRepair + (1 - pCrash) * leakRepair;
        checkModel(model, {up / (up + down), 8760.0 / (up + down), down * 60});
    }

    void series()
    {
        const double a1 = 200.0 / 205, a2 = 150.0 / 160, a3 = 300.0 / 302;
        Model m = test::withEntry({component("a", {expMode(200, 5)}), component("b", {expMode(150, 10)}),
                                   component("c", {expMode(300, 2)})},
                                  {"a", "b", "c"});
        // Outages: one starts whenever a component fails while all are up.
        const double all = a1 * a2 * a3;
        const double freq = all * (1.0 / 200 + 1.0 / 150 + 1.0 / 300) * 8760.0;
        checkModel(m, {all, freq});
    }

    void oneOfTwoAndTwoOfThree()
    {
        const double p = 50.0 / 60;
        Model m = test::withEntry({component("pair", {expMode(50, 10)}, 2, 1), component("trio", {expMode(50, 10)}, 3, 2)},
                                  {"pair", "trio"});
        const double pair = 1 - (1 - p) * (1 - p);
        const double trio = p * p * p + 3 * p * p * (1 - p);
        checkModel(m, {pair * trio});
    }

    void kOfNWithOneRepairCrew()
    {
        // Birth-death chain: j failed, failures (n - j) lambda, repairs by one crew at mu.
        const int n = 4, k = 2;
        const double lambda = 1.0 / 40, mu = 1.0 / 8;
        Model m = test::withEntry({component("g", {expMode(40, 8)}, n, k)}, {"g"});
        m.repair_crews.push_back({"crew", "", 1});
        m.components[1].repair_crew = "crew";
        std::vector<double> pi(n + 1);
        pi[0] = 1;
        for (int j = 1; j <= n; ++j)
            pi[static_cast<std::size_t>(j)] = pi[static_cast<std::size_t>(j - 1)] * (n - j + 1) * lambda / mu;
        double total = 0, up = 0;
        for (int j = 0; j <= n; ++j) {
            total += pi[static_cast<std::size_t>(j)];
            if (n - j >= k)
                up += pi[static_cast<std::size_t>(j)];
        }
        // Outages begin when the (n - k + 1)-th instance fails.
        const double freq = pi[static_cast<std::size_t>(n - k)] / total * k * lambda * 8760.0;
        checkModel(m, {up / total, freq});
    }

    void coldStandbyWithFailoverTimeAndImperfectSwitch()
    {
        // 1-of-2 cold standby, fixed failover time F, switch succeeds with probability c,
        // repairs unlimited. Semi-Markov closed form (see docs/validation.md).
        const double lambda = 1.0 / 50, mu = 1.0 / 5, F = 2.0, c = 0.9;
        Component db = component("db", {expMode(50, 5)}, 2, 1);
        db.redundancy = RedundancyMode::Standby;
        db.standby = {StandbyKind::Cold, F * 3600, c};
        Model m = test::withEntry({db}, {"db"});
        const double e = std::exp(-mu * F);
        const double T0 = 1 / lambda, T1 = c * (1 - e) / mu, T2 = (1 - c) / mu, T3 = c * e / mu,
                     T4 = c * e * lambda / mu / (2 * mu);
        const double total = T0 + T1 + T2 + T3 + T4;
        // Outages begin on each failure of the unit in service: from S0 (rate lambda) and S3.
        const double freq = (T0 * lambda + T3 * lambda) / total * 8760.0;
        checkModel(m, {(T0 + T3) / total, freq});
    }

    void hotStandbyInstantSwitch()
    {
        // 1-of-2 hot standby, instant failover with coverage c: a CTMC on (in service, spare).
        const double lambda = 1.0 / 30, mu = 1.0 / 3, c = 0.8;
        Component db = component("db", {expMode(30, 3)}, 2, 1);
        db.redundancy = RedundancyMode::Standby;
        db.standby = {StandbyKind::Hot, 0.0, c};
        Model m = test::withEntry({db}, {"db"});
        // States: A (1 in service, 1 spare), S (1 in service, 1 failed), D1 (0 in service,
        // 1 spare, 1 failed: switch failed), D2 (both failed).
        // A -> S at 2 lambda c... spare failing (lambda) also leads to S; active failing with
        // coverage c to S, else to D1.
        const double aToS = lambda + lambda * c, aToD1 = lambda * (1 - c);
        // S: active fails -> D2 (lambda); repair -> A (mu).
        // D1: repair -> A (mu); the spare fails -> D2 (lambda).
        // D2: repair (2 crews, 2 mu) -> S (a repaired one goes into service).
        // Balance equations solved by hand (pA = 1):
        //   pD1 (mu + lambda) = pA aToD1
        //   pS (lambda + mu) = pA aToS + pD2 2 mu
        //   pD2 2 mu = pS lambda + pD1 lambda
        const double pA = 1, pD1 = aToD1 / (mu + lambda);
        // From the second and third: pS (lambda + mu) = aToS + pS lambda + pD1 lambda
        const double pS = (aToS + pD1 * lambda) / mu;
        const double pD2 = (pS * lambda + pD1 * lambda) / (2 * mu);
        const double total = pA + pS + pD1 + pD2;
        checkModel(m, {(pA + pS) / total});
    }

    void bridgeNetwork()
    {
        // Five links of a bridge between a source and a sink; four paths, every path a
        // component that needs its links. Not series-parallel: the solver must condition.
        const double p = 80.0 / 100;
        std::vector<Component> comps;
        for (const char* id : {"a", "b", "c", "d", "e"})
            comps.push_back(component(id, {expMode(80, 20)}));
        for (const char* id : {"p1", "p2", "p3", "p4"}) {
            Component path = component(id, {});
            comps.push_back(path);
        }
        Model m = test::withEntry(comps, {"p1", "p2", "p3", "p4"}, DependencyMode::Any);
        for (auto [path, links] : std::vector<std::pair<std::string, std::string>>{
                 {"p1", "ad"}, {"p2", "be"}, {"p3", "ace"}, {"p4", "bcd"}})
            for (char l : links)
                test::depend(m, path, std::string(1, l));
        const double bridge = 2 * std::pow(p, 2) + 2 * std::pow(p, 3) - 5 * std::pow(p, 4) + 2 * std::pow(p, 5);
        checkModel(m, {bridge});
    }

    void twoZonesWithCommonCause()
    {
        // app: 1-of-2, one instance in each zone; zones fail independently, and the region
        // holding both fails too (common cause).
        const double p = 100.0 / 110, az = 1000.0 / 1010, ar = 2000.0 / 2004;
        Model m = test::withEntry({component("app", {expMode(100, 10)}, 2, 1)}, {"app"});
        m.regions = {{"r", "", Outage{Distribution::exponential(2000), Distribution::exponential(4)}, {}}};
        m.zones = {{"z1", "", std::string("r"), Outage{Distribution::exponential(1000), Distribution::exponential(10)}, {}},
                   {"z2", "", std::string("r"), Outage{Distribution::exponential(1000), Distribution::exponential(10)}, {}}};
        m.components[1].zones = {"z1", "z2"};
        checkModel(m, {ar * (1 - (1 - p * az) * (1 - p * az))});
    }

    // The first mission from all-new: the time average of A(t) = mu/(l+mu) + l/(l+mu) e^{-(l+mu)t}.
    // High nines keep their digits: unavailability is solved and accumulated directly, never as
    // 1 - availability (which leaves about 1e-16 / U of relative precision: 1e-4 at U = 1e-12).
    void highNinesKeepTheirDigits()
    {
        // 1 of 3 with MTTR / MTBF = 1e-4: U = q^3, q = MTTR / (MTBF + MTTR), about 1e-12. Active
        // (independent instances) and hot standby with certain, instant failover (the same
        // process, solved as a chain).
        const double mtbf = 1e4, mttr = 1;
        const double q = mttr / (mtbf + mttr), exact = q * q * q;
        Model active = test::withEntry({component("db", {expMode(mtbf, mttr)}, 3, 1)}, {"db"});
        Model standby = active;
        standby.components[1].redundancy = RedundancyMode::Standby;
        standby.components[1].standby.failover_seconds = 0;
        standby.components[1].standby.detection_seconds = 0;
        for (const Model* m : {&active, &standby}) {
            QVERIFY(test::valid(*m));
            const sim::AnalyticResult a = sim::analyze(*m);
            QVERIFY2(a.applicable, a.reasons.empty() ? "" : a.reasons.front().c_str());
            QVERIFY2(std::abs(a.unavailability - exact) <= 1e-9 * exact,
                     qPrintable(QStringLiteral("U %1, exact %2").arg(a.unavailability, 0, 'g', 17).arg(exact, 0, 'g', 17)));
            QVERIFY(std::abs(a.nines - 12.0) < 0.01);
        }
        // The simulation: one fixed outage of 1e-13 h at 0.75 h in a 1.2-hour mission from new.
        // The engine's clock resolves 1.1e-16 h there, so the outage lasts (0.75 + 1e-13) - 0.75
        // as a double, and the window's U is that / 1.2; the run must report exactly that (to
        // 1e-12), where 1 - availability would keep only three digits of it.
        Model tiny = test::withEntry(
            {component("svc", {FailureMode{"f", "", Distribution::deterministic(0.75), Distribution::deterministic(1e-13), 0.0, {}}})},
            {"svc"});
        QVERIFY(test::valid(tiny));
        sim::RunSettings s;
        s.replications = 2;
        s.steady_state = false;
        s.mission_hours = 1.2;
        s.threads = 1;
        const sim::RunResult r = sim::runSimulation(sim::compile(tiny), s);
        volatile double end = 0.75 + 1e-13;
        const double window = (end - 0.75) / 1.2;
        QVERIFY(std::abs((1.0 - (1.0 - window)) - window) > 1e-4 * window);  // what 1 - A would lose
        QVERIFY2(std::abs(r.unavailability.mean - window) <= 1e-12 * window,
                 qPrintable(QStringLiteral("U %1, window %2").arg(r.unavailability.mean, 0, 'g', 17).arg(window, 0, 'g', 17)));
    }

    void missionTimeFromAllNew()
    {
        const double lambda = 1.0 / 500, mu = 1.0 / 50, T = 400;
        Model m = test::withEntry({component("a", {expMode(500, 50)})}, {"a"});
        sim::RunSettings s;
        s.seed = 7;
        s.replications = 20000;
        s.steady_state = false;
        s.mission_hours = T;
        s.threads = 2;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        const double q = lambda + mu;
        const double exact = mu / q + lambda / (q * q * T) * (1 - std::exp(-q * T));
        const double half = sim::studentT(0.99, r.replications - 1.0) * r.availability_stderr;
        QVERIFY2(std::abs(r.availability.mean - exact) <= half,
                 qPrintable(QStringLiteral("simulated %1 +- %2, exact %3").arg(r.availability.mean).arg(half).arg(exact)));
        // ... and it differs from the steady state, which is why both estimates exist.
        QVERIFY(exact - mu / q > 3 * half);
    }
};

QTEST_GUILESS_MAIN(TestExact)
#include "tst_exact.moc"
