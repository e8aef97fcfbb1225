// The intervals of counts and probabilities hold what they promise. Three models with exact
// answers (a single component, a 1-of-2 pair, a component whose zone fails), each run 200 times
// with fixed seeds: the exact outage rate and the exact probabilities that a year and that a month
// miss the SLA must lie inside the run's 95% interval in at least 93% of the runs (the intervals
// are exact Poisson and Clopper-Pearson, so they cover at least 95% in the long run). A run that
// sees nothing gives the one-sided bound; no interval of any bundled example, over several seeds,
// leaves [0, 1] for a probability or goes below 0 for a count or a duration.
#include "model_builder.h"
#include "test_util.h"

#include "model/io/model_file.h"
#include "sim/compiled_model.h"
#include "sim/run.h"
#include "sim/study/evaluation.h"

#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>
#include <QTest>

#include <cmath>
#include <functional>

using namespace nines;
using namespace nines::model;
using nines::test::component;
using nines::test::expMode;

namespace {

constexpr int kRuns = 200;
constexpr std::uint32_t kYears = 200;  // replications of each run

struct Truth {
    double outagesPerYear = 0;
    double yearMiss = -1;  // negative: not checked
    double monthMiss = -1;
};

struct Coverage {
    int outages = 0, year = 0, month = 0;
};

bool inside(const sim::Interval& iv, double x)
{
    return iv.low <= x && x <= iv.high;
}

Coverage coverage(const Model& m, double slaAvailability, const Truth& t, std::uint64_t seedBase)
{
    const sim::CompiledModel cm = sim::compile(m);
    Coverage c;
    for (int run = 0; run < kRuns; ++run) {
        sim::RunSettings s;
        s.seed = seedBase + static_cast<std::uint64_t>(run);
        s.replications = kYears;
        s.threads = 2;
        s.sla_availability = slaAvailability;
        const sim::RunResult r = sim::runSimulation(cm, s);
        c.outages += inside(r.outages_per_year, t.outagesPerYear);
        c.year += inside(r.sla_miss_probability, t.yearMiss);
        c.month += inside(r.sla_miss_probability_month, t.monthMiss);
    }
    return c;
}

void checkCoverage(const char* what, int covered)
{
    qInfo("%s: the exact value inside the 95%% interval in %d of %d runs", what, covered, kRuns);
    QVERIFY2(covered >= static_cast<int>(std::ceil(0.93 * kRuns)),
             qPrintable(QStringLiteral("%1: covered in %2 of %3 runs").arg(QLatin1String(what)).arg(covered).arg(kRuns)));
}

}  // namespace

class TestIntervals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Exponential failures every 20,000 h, a fixed 10 h repair; the SLA allows 5 h a year (5/12 h
    // a month). In steady service the window starts up (probability p) or down with a residual
    // repair uniform on (0, 10). Started up, a window of T hours misses if a failure comes before
    // T - theta (that failure alone then costs at least theta); started down with residual r, it
    // misses if r > theta, or else if a failure comes before T - theta.
    void singleComponent()
    {
        const double mtbf = 20000, d = 10, lambda = 1 / mtbf;
        Component c = component("app", {FailureMode{"f", "", Distribution::exponential(mtbf), Distribution::deterministic(d), 0.0, {}}});
        const Model m = test::withEntry({c}, {"app"});
        QVERIFY(test::valid(m));
        const double sla = 1 - 5.0 / 8760;
        const double pDown = d / (mtbf + d);
        auto miss = [&](double T) {
            const double theta = (1 - sla) * T;
            const double early = 1 - std::exp(-lambda * (T - theta));
            return (1 - pDown) * early + pDown * ((d - theta) / d + theta / d * early);
        };
        const Truth t{8760 / (mtbf + d), miss(8760), miss(730)};
        const Coverage cov = coverage(m, sla, t, 1000);
        checkCoverage("single component, outages a year", cov.outages);
        checkCoverage("single component, a year misses", cov.year);
        checkCoverage("single component, a month misses", cov.month);
    }

    // 1 of 2, exponential failures (1,000 h) and repairs (50 h), one crew each. Down means both
    // failed: outage rate pi_1 lambda. With an SLA that allows almost nothing, a window misses
    // when it sees any downtime: one minus the chance of starting in {0, 1} failed and not
    // reaching 2 within T, from the sub-generator's matrix exponential.
    void oneOfTwo()
    {
        const double lambda = 1.0 / 1000, mu = 1.0 / 50;
        Component c = component("app", {expMode(1 / lambda, 1 / mu)}, 2, 1);
        const Model m = test::withEntry({c}, {"app"});
        QVERIFY(test::valid(m));
        Eigen::Vector3d pi(1, 2 * lambda / mu, 2 * lambda / mu * lambda / (2 * mu));
        pi /= pi.sum();
        Eigen::Matrix2d sub;
        sub << -2 * lambda, 2 * lambda, mu, -(mu + lambda);
        auto miss = [&](double T) {
            const Eigen::Matrix2d e = (sub * T).exp();
            const Eigen::Vector2d start(pi(0), pi(1));
            return 1 - start.transpose() * e * Eigen::Vector2d::Ones();
        };
        const Truth t{pi(1) * lambda * 8760, miss(8760), miss(730)};
        const Coverage cov = coverage(m, 1 - 1e-12, t, 5000);
        checkCoverage("1 of 2, outages a year", cov.outages);
        checkCoverage("1 of 2, a year misses", cov.year);
        checkCoverage("1 of 2, a month misses", cov.month);
    }

    // A component that never fails in a zone that goes out every 4,380 h for 8 h (exponential):
    // a window misses unless it starts with the zone up and sees no outage begin.
    void zoneOutages()
    {
        const double up = 4380, down = 8;
        Component c = component("app", {expMode(1e15, 1)});
        c.zones = {"a"};
        Model m = test::withEntry({c}, {"app"});
        m.zones = {{"a", "", std::nullopt, Outage{Distribution::exponential(up), Distribution::exponential(down)}, {}}};
        QVERIFY(test::valid(m));
        const double pUp = up / (up + down);
        auto miss = [&](double T) { return 1 - pUp * std::exp(-T / up); };
        const Truth t{8760 / (up + down), miss(8760), miss(730)};
        const Coverage cov = coverage(m, 1 - 1e-12, t, 9000);
        checkCoverage("zone outages, outages a year", cov.outages);
        checkCoverage("zone outages, a year misses", cov.year);
        checkCoverage("zone outages, a month misses", cov.month);
    }

    // Nothing seen in N years: one-sided 95% bounds, the rule of three, and a warning-worthy
    // count of 0 in `observed`.
    void nothingObservedGivesTheRuleOfThree()
    {
        const Model m = test::withEntry({component("app", {expMode(1e15, 1)})}, {"app"});
        sim::RunSettings s;
        s.replications = 1000;
        s.threads = 2;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QCOMPARE(r.observed_outages, 0.0);
        QVERIFY(r.outages_per_year.nothingObserved());
        QCOMPARE(r.outages_per_year.low, 0.0);
        QVERIFY(std::abs(r.outages_per_year.high - -std::log(0.05) / 1000) < 1e-12);  // about 3 / N
        QVERIFY(r.sla_miss_probability.nothingObserved());
        QVERIFY(std::abs(r.sla_miss_probability.high - (1 - std::pow(0.05, 1.0 / 1000))) < 1e-12);
        QVERIFY(r.sla_miss_probability_month.nothingObserved());
        QVERIFY(r.unavailability.nothingObserved());
        QCOMPARE(r.unavailability.mean, 0.0);
        QVERIFY(r.unavailability.high > 2.9 / 1000 && r.unavailability.high < 3.1 / 1000);
        QVERIFY(r.availability.high == 1.0 && r.availability.low < 1.0);
        QVERIFY(std::isnan(r.mean_outage_minutes.mean));
        QCOMPARE(r.mean_outage_minutes.observed, 0.0);
    }

    // Every bundled example, several seeds and few replications (where intervals are widest):
    // probabilities inside [0, 1], counts and durations never below 0, low <= mean <= high.
    void noIntervalLeavesItsRange()
    {
        const QStringList files = test::exampleFiles();
        QVERIFY(files.size() >= 5);
        for (const QString& f : files) {
            const io::LoadResult lr = io::loadModelFile(f);
            QVERIFY2(lr.model, qPrintable(f));
            const sim::CompiledModel cm = sim::compile(*lr.model);
            for (std::uint64_t seed : {1ull, 2ull, 3ull})
                for (std::uint32_t reps : {2u, 40u}) {
                    sim::RunSettings s = study::runSettingsOf(*lr.model);
                    s.seed = seed;
                    s.replications = reps;
                    s.threads = 2;
                    s.max_wall_seconds = 0;
                    s.target_relative_precision = 0;
                    const sim::RunResult r = sim::runSimulation(cm, s);
                    const QString at = QStringLiteral("%1, seed %2, %3 years").arg(f).arg(seed).arg(reps);
                    auto check = [&](const sim::Interval& iv, double top, const char* what) {
                        if (std::isnan(iv.mean))
                            return;  // a ratio with nothing to divide by (mean outage, no outage)
                        QVERIFY2(iv.low >= 0 && iv.high <= top && iv.low <= iv.mean + 1e-12 && iv.mean <= iv.high + 1e-12,
                                 qPrintable(QStringLiteral("%1: %2 = %3 [%4, %5]")
                                                .arg(at, QLatin1String(what))
                                                .arg(iv.mean, 0, 'g', 10)
                                                .arg(iv.low, 0, 'g', 10)
                                                .arg(iv.high, 0, 'g', 10)));
                    };
                    const double inf = std::numeric_limits<double>::infinity();
                    check(r.availability, 1, "availability");
                    check(r.unavailability, 1, "unavailability");
                    check(r.sla_miss_probability, 1, "P(year misses)");
                    check(r.sla_miss_probability_month, 1, "P(month misses)");
                    check(r.performability, 1, "performability");
                    check(r.downtime_minutes_per_year, 525600, "downtime");
                    check(r.outages_per_year, inf, "outages a year");
                    check(r.mean_outage_minutes, inf, "mean outage");
                    check(r.worst_month_downtime_minutes, 730 * 60, "worst month");
                    check(r.overload_hours_per_year, 8760, "overload hours");
                    if (r.credits_modelled)
                        check(r.sla_credits_per_year, inf, "SLA credits a year");
                    for (const auto& st : r.stores) {
                        check(st.failovers_per_year, inf, "failovers a year");
                        check(st.failures_per_year, inf, "failures a year");
                        check(st.partitioned_hours_per_year, 8760, "partitioned hours");
                        check(st.divergent_hours_per_year, 8760, "divergent hours");
                    }
                    for (const auto& q : r.queues) {
                        check(q.consumer_outages_per_year, inf, "consumer outages");
                        check(q.messages_lost_per_year, inf, "messages lost");
                        check(q.buffering_hours_per_year, 8760, "buffering hours");
                    }
                }
        }
    }
};

QTEST_GUILESS_MAIN(TestIntervals)
#include "tst_intervals.moc"
