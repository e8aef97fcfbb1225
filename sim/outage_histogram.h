// Outage lengths counted in log-spaced bins, so a run keeps their distribution in constant
// memory whatever the number of outages.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace nines::sim {

/// Log-spaced bins of outage lengths (two per doubling), from 1 second to about 30 years.
struct OutageHistogram {
    static constexpr int kBins = 56;
    static constexpr double kMinHours = 1.0 / 3600.0;
    std::array<std::uint64_t, kBins> counts{};

    /// Inline: it runs at the end of every outage, inside the event loop.
    void add(double hours)
    {
        // Half-octave bins: the exponent and one mantissa comparison, no logarithm per outage.
        int exponent = 0;
        const double mantissa = std::frexp(hours / kMinHours, &exponent);  // in [0.5, 1)
        const int bin = 2 * (exponent - 1) + (mantissa >= 0.7071067811865476 ? 1 : 0);
        counts[static_cast<std::size_t>(std::clamp(bin, 0, kBins - 1))] += 1;
    }
    void merge(const OutageHistogram& o);
    static double lowerEdge(int bin);  // hours
    std::uint64_t total() const;
};

}  // namespace nines::sim
