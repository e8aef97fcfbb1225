// The load's demand over time, as a factor of the peak: the daily profile's fraction for the
// hour of the day times compound growth by whole hours. Its integrals weigh served and unserved
// requests between two events (performability).
#pragma once

#include <array>
#include <cmath>

namespace nines::sim {

struct DemandCurve {
    const std::array<double, 24>* profile = nullptr;
    double growthPerHour = 0.0;  // 0: no growth
    double scale = 1.0;          // exp(-growth x origin): growth counts from the observed window's start

    /// The factor during the whole hour that contains `hour`.
    double factorAt(double hour) const { return factorAtWhole(std::floor(hour)); }

    /// The same for an hour already rounded down (the walk below: no floor per step).
    double factorAtWhole(double h) const
    {
        const double p = (*profile)[static_cast<std::size_t>(static_cast<long>(h) % 24)];
        return growthPerHour == 0.0 ? p : p * scale * std::exp(growthPerHour * h);
    }

    /// Integral of the factor from 0 to t (hours): a geometric series per hour of the day, so
    /// O(24) whatever t is.
    double integral(double t) const;

    /// Integral from a to b. Most events are minutes or hours apart, so this walks the hours
    /// (inline: it runs between events of capacity models); long gaps use the closed form.
    double between(double a, double b) const
    {
        if (b <= a)
            return 0.0;
        const double ha = std::floor(a), hb = std::floor(b);
        if (ha == hb)
            return (b - a) * factorAtWhole(ha);
        if (hb - ha > 48)
            return integral(b) - integral(a);
        double sum = (ha + 1.0 - a) * factorAtWhole(ha);
        for (double h = ha + 1.0; h < hb; h += 1.0)
            sum += factorAtWhole(h);
        return sum + (b - hb) * factorAtWhole(hb);
    }
};

}  // namespace nines::sim
