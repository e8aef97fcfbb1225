// The demand curve: its integral in closed form agrees with a sum hour by hour, over short and
// long spans, with and without growth.
#include "sim/demand_curve.h"

#include <QTest>

#include <cmath>

using namespace nines::sim;

class TestDemandCurve : public QObject
{
    Q_OBJECT

    std::array<double, 24> profile_{};

    // Hour by hour, the plain way.
    static double slowBetween(const DemandCurve& d, double a, double b)
    {
        double sum = 0.0;
        for (double h = std::floor(a); h < b; h += 1.0) {
            const double lo = std::max(a, h), hi = std::min(b, h + 1.0);
            if (hi > lo)
                sum += (hi - lo) * d.factorAt(h);
        }
        return sum;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int h = 0; h < 24; ++h)
            profile_[size_t(h)] = 0.3 + 0.7 * std::sin(3.14159265358979 * h / 24.0);
    }

    void integralMatchesHourByHour_data()
    {
        QTest::addColumn<double>("growth");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        for (double g : {0.0, std::log(1.3) / 8760.0})
            for (auto [a, b] : {std::pair{0.0, 0.5}, {0.25, 1.75}, {3.5, 40.25}, {10.0, 200.5}, {7.3, 8760.0}, {0.0, 17520.9}}) {
                const QByteArray name = QByteArray::number(g > 0) + " " + QByteArray::number(a) + ".." + QByteArray::number(b);
                QTest::newRow(name.constData()) << g << a << b;
            }
    }
    void integralMatchesHourByHour()
    {
        QFETCH(double, growth);
        QFETCH(double, a);
        QFETCH(double, b);
        const DemandCurve d{&profile_, growth};
        const double slow = slowBetween(d, a, b);
        QVERIFY2(std::abs(d.between(a, b) - slow) <= 1e-9 * slow, qPrintable(QString::number(d.between(a, b) - slow)));
        QVERIFY(std::abs((d.integral(b) - d.integral(a)) - slow) <= 1e-9 * slow);
    }

    void flatProfileIsTheSpan()
    {
        std::array<double, 24> flat;
        flat.fill(1.0);
        const DemandCurve d{&flat, 0.0};
        QCOMPARE(d.between(2.5, 1000.25), 997.75);
        QCOMPARE(d.between(5.0, 5.0), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestDemandCurve)
#include "tst_demand_curve.moc"
