// Outage lengths counted in log-spaced bins, so a run keeps their distribution in constant
// memory whatever the number of outages.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
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
        // For a normal double, frexp's exponent and mantissa are read off its bits (what frexp
        // computes, without the call); zero, subnormals and infinity take the call.
        const double x = hours / kMinHours;
        const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
        const int biased = static_cast<int>((bits >> 52) & 0x7ff);
        int exponent = 0;
        double mantissa = 0.0;  // in [0.5, 1)
        if (biased > 0 && biased < 0x7ff) [[likely]] {
            exponent = biased - 1022;
            mantissa = std::bit_cast<double>((bits & ~(std::uint64_t{0x7ff} << 52)) | (std::uint64_t{1022} << 52));
        } else {
            mantissa = std::frexp(x, &exponent);
        }
        const int bin = 2 * (exponent - 1) + (mantissa >= 0.7071067811865476 ? 1 : 0);
        counts[static_cast<std::size_t>(std::clamp(bin, 0, kBins - 1))] += 1;
    }
    void merge(const OutageHistogram& o);
    static double lowerEdge(int bin);  // hours
    std::uint64_t total() const;
};

}  // namespace nines::sim
