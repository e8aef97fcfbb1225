// Each sampler draws from its distribution: over 400,000 draws of a fixed stream the sample mean
// lies within the 99.9% Student-t interval of the distribution's exact mean. The same for the
// residual life of a clock running since long ago, whose mean is E[X^2] / (2 E[X]), from the
// distribution's moments computed here independently of the sampler.
#include "sim/random.h"
#include "sim/sampler.h"
#include "sim/statistics.h"

#include <QTest>

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
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

    void residualMeans_data() { samplerMeans_data(); }
    void residualMeans()
    {
        QFETCH(int, which);
        // E[X^2] of each, in closed form.
        const double g1 = std::tgamma(1 + 1 / 1.7), g2 = std::tgamma(1 + 2 / 1.7), scale = 10 / g1;
        const double ln_mu = std::log(10.0) - 0.72;
        const double second[] = {2 * 100.0,
                                 scale * scale * g2,
                                 std::exp(2 * ln_mu + 2 * 1.44),
                                 100.0,
                                 (18.0 * 18 * 18 - 2.0 * 2 * 2) / (3 * 16.0),
                                 (1 + 25 + 576) / 3.0};
        const Distribution ds[] = {Distribution::exponential(10), Distribution::weibull(1.7, scale),
                                   Distribution::lognormal(10, 1.2), Distribution::deterministic(10),
                                   Distribution::uniform(2, 18),      Distribution::empirical({1, 5, 24})};
        std::vector<double> storage;
        storage.reserve(8);
        const sim::Sampler smp = sim::makeSampler(ds[which], storage);
        const double exact = second[which] / (2 * ds[which].mean());
        QVERIFY2(std::abs(smp.mean * (1 + smp.cv2) / 2 - exact) < 1e-9 * exact, "cv2");
        sim::Stream stream(777);
        sim::RunningStats st;
        for (int i = 0; i < 400000; ++i)
            st.add(smp.residual(stream));
        const double half = sim::studentT(0.999, st.count() - 1.0) * st.standardError();
        QVERIFY2(std::abs(st.mean() - exact) <= half,
                 qPrintable(QStringLiteral("%1 vs %2 +- %3").arg(st.mean()).arg(exact).arg(half)));
    }

    // What is left of a clock that has run without firing: E[X - a | X > a] =
    // int_a^inf P(X > x) dx / P(X > a), in closed form per distribution.
    void residualAfterAnAge_data() { samplerMeans_data(); }
    void residualAfterAnAge()
    {
        QFETCH(int, which);
        const double shape = 1.7, g1 = std::tgamma(1 + 1 / shape), scale = 10 / g1, sigma = 1.2;
        const double mu = std::log(10.0) - sigma * sigma / 2;
        const double age = 7.0;
        auto phiC = [](double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); };
        const double z0 = (std::log(age) - mu) / sigma;
        const double zw = std::pow(age / scale, shape);
        // (survival at the age, integral of the survival beyond it)
        const double survival[] = {std::exp(-age / 10), std::exp(-zw), phiC(z0), 1.0, (18 - age) / 16, 1.0 / 3};
        const double beyond[] = {10 * std::exp(-age / 10),
                                 scale / shape * boost::math::tgamma(1 / shape, zw),
                                 10 * phiC(z0 - sigma) - age * phiC(z0),
                                 10 - age,
                                 (18 - age) * (18 - age) / 32,
                                 (24 - age) / 3};
        const Distribution ds[] = {Distribution::exponential(10), Distribution::weibull(shape, scale),
                                   Distribution::lognormal(10, sigma), Distribution::deterministic(10),
                                   Distribution::uniform(2, 18),      Distribution::empirical({1, 5, 24})};
        std::vector<double> storage;
        storage.reserve(8);
        const sim::Sampler smp = sim::makeSampler(ds[which], storage);
        QVERIFY2(std::abs(smp.survival(age) - survival[which]) < 1e-12,
                 qPrintable(QStringLiteral("survival %1 vs %2").arg(smp.survival(age)).arg(survival[which])));
        const double exact = beyond[which] / survival[which];
        sim::Stream stream(4242);
        sim::RunningStats st;
        for (int i = 0; i < 400000; ++i) {
            const double x = smp.residualAfter(age, stream);
            QVERIFY(x >= 0);
            st.add(x);
        }
        const double half = sim::studentT(0.999, st.count() - 1.0) * st.standardError();
        QVERIFY2(std::abs(st.mean() - exact) <= half + 1e-12,
                 qPrintable(QStringLiteral("%1 vs %2 +- %3").arg(st.mean()).arg(exact).arg(half)));
    }

    // An instance up since long ago with competing clocks: the first of them fires after the
    // equilibrium residual of T = min(clocks), whose mean is int a P(T > a) da / E[T]
    // (Simpson's rule here). Two wear-out clocks and an exponential one.
    void stationaryCompetingClocks()
    {
        const double k1 = 4, s1 = 3000, k2 = 2, s2 = 5000, m3 = 20000;
        const Distribution ds[] = {Distribution::weibull(k1, s1), Distribution::weibull(k2, s2),
                                   Distribution::exponential(m3)};
        std::vector<double> storage;
        sim::Sampler smp[3];
        for (int k = 0; k < 3; ++k)
            smp[k] = sim::makeSampler(ds[k], storage);
        auto survive = [&](double a) { return std::exp(-std::pow(a / s1, k1) - std::pow(a / s2, k2) - a / m3); };
        const int n = 200000;
        const double top = 40000, h = top / n;
        double mean = 0, second = 0;
        for (int i = 0; i <= n; ++i) {
            const double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2), a = i * h;
            mean += w * survive(a);
            second += w * a * survive(a);
        }
        const double exact = second / mean;  // (h / 3 cancels)
        // Keys mixed as the engine mixes them (raw neighbouring keys give neighbouring states).
        sim::Stream streams[3] = {sim::Stream(sim::mix64(1)), sim::Stream(sim::mix64(2)), sim::Stream(sim::mix64(3))};
        const sim::Sampler* clocks[3] = {&smp[0], &smp[1], &smp[2]};
        sim::Stream* st[3] = {&streams[0], &streams[1], &streams[2]};
        sim::RunningStats first;
        for (int i = 0; i < 200000; ++i) {
            double out[3];
            sim::stationaryResiduals(clocks, st, 3, streams[0], out);
            first.add(std::min({out[0], out[1], out[2]}));
        }
        const double half = sim::studentT(0.999, first.count() - 1.0) * first.standardError();
        QVERIFY2(std::abs(first.mean() - exact) <= half,
                 qPrintable(QStringLiteral("%1 vs %2 +- %3").arg(first.mean()).arg(exact).arg(half)));
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
