// Each sampler draws from its distribution: over 400,000 draws of a fixed stream the sample mean
// lies within the 99.9% Student-t interval of the distribution's exact mean.
#include "sim/random.h"
#include "sim/sampler.h"
#include "sim/statistics.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace nines;
using namespace nines::model;

class TestSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplerMeans_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 6; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void samplerMeans()
    {
        QFETCH(int, which);
        const Distribution ds[] = {Distribution::exponential(10), Distribution::weibull(1.7, 10),
                                   Distribution::lognormal(10, 1.2), Distribution::deterministic(10),
                                   Distribution::uniform(2, 18),      Distribution::empirical({1, 5, 24})};
        std::vector<double> storage;
        storage.reserve(8);
        const sim::Sampler smp = sim::makeSampler(ds[which], storage);
        sim::Stream stream(12345);
        sim::RunningStats st;
        for (int i = 0; i < 400000; ++i)
            st.add(smp.draw(stream));
        const double half = sim::studentT(0.999, st.count() - 1.0) * st.standardError();
        QVERIFY2(std::abs(st.mean() - ds[which].mean()) <= half + 1e-12,
                 qPrintable(QStringLiteral("%1 vs %2 +- %3").arg(st.mean()).arg(ds[which].mean()).arg(half)));
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
