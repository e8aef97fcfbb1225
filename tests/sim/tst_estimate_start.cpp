// What a simulated figure estimates (DESIGN.md, Estimates): by default a year in steady service,
// with --from-new (settings.start "new") the first year from all new. Components that wear out
// (Weibull shape 3) are the case where the two differ most: the first failure rarely comes
// early, so the first year is far better than a typical one. The steady figure is checked
// against the renewal-reward value MTBF / (MTBF + MTTR); the first year against the expected
// downtime of the renewal process from new, which this test computes itself by solving the
// renewal equation numerically. Tolerances are the runs' own 99% intervals.
#include "model_builder.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/run.h"
#include "sim/statistics.h"
#include "sim/study/evaluation.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace nines;
using namespace nines::model;
using nines::test::component;

namespace {

constexpr double kShape = 3.0;
constexpr double kYear = 8760.0;

struct WearOut {
    double mtbf, repair;  // Weibull(shape 3) life with this mean; a fixed repair time
    double scale() const { return mtbf / std::tgamma(1.0 + 1.0 / kShape); }
};

Component wearing(const std::string& id, const WearOut& w)
{
    FailureMode fm{"wear", "", Distribution::weibull(kShape, w.scale()), Distribution::deterministic(w.repair), 0.0, {}};
    return component(id, {fm});
}

/// P(down at t) on a grid of step h over [0, T], for a component new at 0. Failures come at
/// S1 = X1, S(n+1) = Sn + D + X(n+1); their density solves m(t) = f(t) + int_0^(t-D) m(s)
/// f(t-D-s) ds (trapezoid rule). A fixed repair D allows at most one failure in any window
/// of length D, so P(down at t) = M(t) - M(t-D), M the expected number of failures by t.
std::vector<double> downFromNew(const WearOut& w, double T, double h)
{
    const double lambda = w.scale();
    auto f = [&](double t) {
        if (t <= 0)
            return 0.0;
        const double x = t / lambda;
        return kShape / lambda * std::pow(x, kShape - 1) * std::exp(-std::pow(x, kShape));
    };
    const auto n = static_cast<std::size_t>(std::llround(T / h));
    const auto d = static_cast<std::size_t>(std::llround(w.repair / h));
    std::vector<double> fv(n + 1), m(n + 1, 0.0), M(n + 1, 0.0), down(n + 1, 0.0);
    for (std::size_t i = 0; i <= n; ++i)
        fv[i] = f(double(i) * h);
    for (std::size_t i = 0; i <= n; ++i) {
        double conv = 0.0;
        if (i > d) {
            const std::size_t top = i - d;  // s from 0 to t - D
            for (std::size_t j = 0; j <= top; ++j) {
                const double wgt = (j == 0 || j == top) ? 0.5 : 1.0;
                conv += wgt * m[j] * fv[top - j];
            }
            conv *= h;
        }
        m[i] = fv[i] + conv;
        if (i > 0)
            M[i] = M[i - 1] + 0.5 * h * (m[i - 1] + m[i]);
    }
    for (std::size_t i = 0; i <= n; ++i)
        down[i] = M[i] - (i >= d ? M[i - d] : 0.0);
    return down;
}

/// Time average of g over the grid (trapezoid).
template <typename G>
double average(std::size_t n, G g)
{
    double s = 0.0;
    for (std::size_t i = 0; i <= n; ++i)
        s += (i == 0 || i == n ? 0.5 : 1.0) * g(i);
    return s / double(n);
}

sim::RunResult run(const Model& m, bool fromNew, std::uint32_t replications)
{
    Model copy = m;
    copy.settings.start = fromNew ? EstimateStart::New : EstimateStart::Steady;
    sim::RunSettings s = study::runSettingsOf(copy);  // the model's default, as every command uses
    s.seed = 20261207;
    s.replications = replications;
    s.threads = 2;
    return sim::runSimulation(sim::compile(copy), s);
}

double half99(const sim::RunResult& r)
{
    return sim::studentT(0.99, double(r.replications - 1)) * r.availability_stderr;
}

void checkCovers(const sim::RunResult& r, double exactU, const char* what)
{
    const double h = half99(r);
    qInfo("%s: exact U %.6g, simulated %.6g +- %.3g (99%%, %llu years)", what, exactU, r.unavailability.mean, h,
          static_cast<unsigned long long>(r.replications));
    QVERIFY2(std::abs(r.unavailability.mean - exactU) <= h,
             qPrintable(QStringLiteral("%1: exact U %2, simulated %3 +- %4")
                            .arg(QLatin1String(what))
                            .arg(exactU)
                            .arg(r.unavailability.mean)
                            .arg(h)));
}

}  // namespace

class TestEstimateStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsASteadyYear()
    {
        const Model m = test::withEntry({wearing("svc", {4000, 100})}, {"svc"});
        QVERIFY(test::valid(m));
        QVERIFY(study::runSettingsOf(m).steady_state);
        Model fromNew = m;
        fromNew.settings.start = EstimateStart::New;
        QVERIFY(!study::runSettingsOf(fromNew).steady_state);
    }

    void wearOutComponent()
    {
        const WearOut w{4000, 100};
        const Model m = test::withEntry({wearing("svc", w)}, {"svc"});
        const double steadyU = w.repair / (w.mtbf + w.repair);
        const double h = 0.25;
        const std::vector<double> down = downFromNew(w, kYear, h);
        const double firstYearU = average(down.size() - 1, [&](std::size_t i) { return down[i]; });
        qInfo("steady U %.6g, first year from new %.6g", steadyU, firstYearU);
        // The numerical solution settles at the renewal-reward value: a check on it.
        const std::vector<double> longRun = downFromNew(w, 5 * kYear, 1.0);
        QVERIFY(std::abs(longRun.back() - steadyU) < 2e-3 * steadyU);

        const sim::AnalyticResult a = sim::analyze(m);
        QVERIFY(a.applicable);
        QVERIFY(std::abs(a.unavailability - steadyU) <= 1e-12);

        const sim::RunResult steady = run(m, false, 4000);
        QVERIFY(steady.steady_state);
        QVERIFY(steady.warmup_hours > 0);
        QCOMPARE(steady.replications, std::uint64_t(4000));
        checkCovers(steady, steadyU, "steady year");
        const sim::RunResult first = run(m, true, 4000);
        QVERIFY(!first.steady_state);
        checkCovers(first, firstYearU, "first year from new");
        // The two differ by far more than either interval: the test tells them apart.
        QVERIFY(std::abs(steadyU - firstYearU) > 5 * std::max(half99(steady), half99(first)));
    }

    void seriesOfWearOutComponents()
    {
        const WearOut a{4000, 100}, b{6000, 50};
        Model m = test::withEntry({wearing("app", a)}, {"app"});
        m.components.push_back(wearing("db", b));
        test::depend(m, "app", "db");
        QVERIFY(test::valid(m));
        const double steadyU = 1 - (a.mtbf / (a.mtbf + a.repair)) * (b.mtbf / (b.mtbf + b.repair));
        const double h = 0.25;
        const std::vector<double> da = downFromNew(a, kYear, h), db = downFromNew(b, kYear, h);
        const double firstYearU
            = average(da.size() - 1, [&](std::size_t i) { return 1 - (1 - da[i]) * (1 - db[i]); });
        const sim::RunResult steady = run(m, false, 4000);
        checkCovers(steady, steadyU, "series, steady year");
        const sim::RunResult first = run(m, true, 4000);
        checkCovers(first, firstYearU, "series, first year from new");
        QVERIFY(std::abs(steadyU - firstYearU) > 5 * std::max(half99(steady), half99(first)));
    }

    // Competing clocks with memory share the instance's age. Two wear-out modes and a random
    // one, every failure repaired in a fixed 150 h: in steady service U = D / (E[T] + D), T
    // the first of the three clocks, E[T] = int P(T > a) da (Simpson's rule here). A short
    // window right after the warm-up shows whether the start and warm-up reach the stationary
    // state (this instance is down 6% of the time, so starting it up matters for cycles).
    void competingWearOutModes()
    {
        const double D = 150;
        const double k1 = 4, m1 = 3000, k2 = 2, m2 = 5000, m3 = 20000;
        const double s1 = m1 / std::tgamma(1 + 1 / k1), s2 = m2 / std::tgamma(1 + 1 / k2);
        Component c = component("svc", {});
        c.failure_modes = {
            FailureMode{"a", "", Distribution::weibull(k1, s1), Distribution::deterministic(D), 0.0, {}},
            FailureMode{"b", "", Distribution::weibull(k2, s2), Distribution::deterministic(D), 0.0, {}},
            FailureMode{"c", "", Distribution::exponential(m3), Distribution::deterministic(D), 0.0, {}}};
        Model m = test::withEntry({c}, {"svc"});
        m.settings.mission_hours = 1000;
        QVERIFY(test::valid(m));
        auto survive = [&](double a) {
            return std::exp(-std::pow(a / s1, k1) - std::pow(a / s2, k2) - a / m3);
        };
        const int n = 200000;
        const double top = 20000, h = top / n;
        double meanUp = survive(0) + survive(top);
        for (int i = 1; i < n; ++i)
            meanUp += (i % 2 ? 4 : 2) * survive(i * h);
        meanUp *= h / 3;
        const double steadyU = D / (meanUp + D);
        const sim::RunResult r = run(m, false, 20000);
        checkCovers(r, steadyU, "competing wear-out modes, 1,000 h after the warm-up");
    }

    // The warm-up: a few repair times where the start is nearly the stationary state (clocks
    // without memory, or instances up nearly all the time), renewal cycles where it is not.
    void warmupFollowsTheModel()
    {
        auto warmup = [](const Model& m) { return sim::warmupFor(sim::compile(m)); };
        const Model quick = test::withEntry({test::component("svc", {test::expMode(4000, 100)})}, {"svc"});
        QCOMPARE(warmup(quick), 504.0);  // 5 x 100 h, in whole days
        const Model wearsHighlyAvailable = test::withEntry({wearing("svc", {40000, 4})}, {"svc"});
        QCOMPARE(warmup(wearsHighlyAvailable), 24.0);
        const Model wearsOften = test::withEntry({wearing("svc", {4000, 100})}, {"svc"});
        QVERIFY(warmup(wearsOften) >= 4100.0);  // at least a cycle: down 2.4% of the time
    }
};

QTEST_GUILESS_MAIN(TestEstimateStart)
#include "tst_estimate_start.moc"
