#include "demand_curve.h"

namespace nines::sim {

double DemandCurve::integral(double t) const
{
    const double g = growthPerHour;
    const double whole = std::floor(t);
    const long H = static_cast<long>(whole);
    const double r = std::exp(24.0 * g);
    double sum = 0.0;
    for (long h = 0; h < 24; ++h) {
        if (H - 1 < h)
            break;
        // Hours h, h + 24, h + 48, ... before H: n terms of a geometric series in r.
        const double n = std::floor(static_cast<double>(H - 1 - h) / 24.0) + 1.0;
        const double series = g == 0.0 ? n : (1.0 - std::pow(r, n)) / (1.0 - r);
        sum += (*profile)[static_cast<std::size_t>(h)] * std::exp(g * static_cast<double>(h)) * series;
    }
    return (g == 0.0 ? sum : sum * scale) + (t - whole) * factorAtWhole(whole);
}

}  // namespace nines::sim
