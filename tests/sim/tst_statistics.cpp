// Confidence intervals and percentiles against textbook values.
#include "sim/statistics.h"

#include <QTest>

#include <cmath>

using namespace nines::sim;
namespace sim = nines::sim;

class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void studentQuantiles()
    {
        // Tables of the t distribution (two-sided 95% and 99%).
        QVERIFY(std::abs(studentT(0.95, 10) - 2.2281388519649385) < 1e-9);
        QVERIFY(std::abs(studentT(0.99, 4) - 4.604094871415897) < 1e-9);
        QVERIFY(std::abs(studentT(0.95, 1e9) - 1.959963984540054) < 1e-6);
    }

    void welfordMatchesTwoPass()
    {
        const std::vector<double> xs{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
        RunningStats s;
        for (double x : xs)
            s.add(x);
        QCOMPARE(s.count(), std::size_t(4));
        QCOMPARE(s.mean(), 1e9 + 10);
        QCOMPARE(s.variance(), 30.0);
    }

    void mergeEqualsSequential()
    {
        RunningStats all, a, b;
        for (int i = 0; i < 100; ++i) {
            const double x = std::sin(i) * 10 + i * 0.1;
            all.add(x);
            (i < 37 ? a : b).add(x);
        }
        a.merge(b);
        QCOMPARE(a.count(), all.count());
        QVERIFY(std::abs(a.mean() - all.mean()) < 1e-12);
        QVERIFY(std::abs(a.variance() - all.variance()) < 1e-10);
    }

    void intervalOfKnownSample()
    {
        RunningStats s;
        for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0})
            s.add(x);
        const Interval iv = confidenceInterval(s, 0.95);
        const double half = studentT(0.95, 7) * std::sqrt(s.variance() / 8);
        QCOMPARE(iv.mean, 5.0);
        QVERIFY(std::abs(iv.halfWidth() - half) < 1e-12);
        RunningStats one;
        one.add(3);
        QCOMPARE(confidenceInterval(one).low, 3.0);
    }

    void percentiles()
    {
        const std::vector<double> v{5, 1, 4, 2, 3};
        QCOMPARE(percentile(v, 0.5), 3.0);
        QCOMPARE(percentile(v, 0.0), 1.0);
        QCOMPARE(percentile(v, 1.0), 5.0);
        QCOMPARE(percentile(v, 0.9), 4.6);
        QCOMPARE(percentile({}, 0.5), 0.0);
    }

    // Reference values from the chi-square and beta quantiles (any table, or R's poisson.test and
    // binom.test).
    void poissonIntervalIsGarwood()
    {
        const sim::Interval a = sim::poissonRateInterval(10, 1);
        QVERIFY(std::abs(a.low - 4.795389) < 1e-5 && std::abs(a.high - 18.390356) < 1e-5);
        QCOMPARE(a.mean, 10.0);
        QCOMPARE(a.observed, 10.0);
        const sim::Interval b = sim::poissonRateInterval(10, 4);  // the same count over 4 years
        QVERIFY(std::abs(b.low - 4.795389 / 4) < 1e-6 && std::abs(b.high - 18.390356 / 4) < 1e-6);
        const sim::Interval none = sim::poissonRateInterval(0, 1000);
        QVERIFY(none.nothingObserved());
        QCOMPARE(none.low, 0.0);
        QVERIFY(std::abs(none.high - 2.995732 / 1000) < 1e-8);  // the rule of three
    }

    void proportionIntervalIsClopperPearson()
    {
        const sim::Interval a = sim::proportionInterval(5, 20);
        QVERIFY(std::abs(a.low - 0.0865715) < 1e-6 && std::abs(a.high - 0.4910459) < 1e-6);
        const sim::Interval all = sim::proportionInterval(20, 20);
        QCOMPARE(all.high, 1.0);
        QVERIFY(all.low > 0.8 && all.low < 0.9);
        const sim::Interval none = sim::proportionInterval(0, 10);
        QVERIFY(none.nothingObserved());
        QVERIFY(std::abs(none.high - 0.2588656) < 1e-6);  // one-sided: 1 - 0.05^(1/10)
    }

    void ratioIntervalByTheDeltaMethod()
    {
        sim::RatioStats exact;
        for (double x : {1.0, 2.0, 5.0})
            exact.add(3 * x, x);  // every window's outages last 3 h each: no spread at all
        const sim::Interval e = sim::ratioInterval(exact);
        QCOMPARE(e.mean, 3.0);
        QVERIFY(std::abs(e.high - e.low) < 1e-9);
        QCOMPARE(e.observed, 8.0);
        // y = (2, 6), x = (1, 1): R = 4, residuals (-2, 2), s^2 = 8, SE = sqrt(8 / 2) / 1 = 2,
        // t(0.975, 1) = 12.706.
        sim::RatioStats two;
        two.add(2, 1);
        two.add(6, 1);
        const sim::Interval t = sim::ratioInterval(two);
        QVERIFY(std::abs(t.high - (4 + 12.7062047 * 2)) < 1e-5);
        QCOMPARE(t.low, 0.0);  // cut at 0: an outage has no negative length
        const sim::Interval none = sim::ratioInterval(sim::RatioStats{});
        QVERIFY(std::isnan(none.mean) && none.nothingObserved());
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
