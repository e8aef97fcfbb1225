// Confidence intervals and percentiles against textbook values.
#include "sim/statistics.h"

#include <QTest>

#include <cmath>

using namespace nines::sim;

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
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
