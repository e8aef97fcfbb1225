#include "month_histogram.h"

#include <algorithm>
#include <cmath>

namespace nines::sim {

void MonthHistogram::add(double minutes)
{
    if (!(minutes > 0)) {
        ++zero;
        return;
    }
    const double pos = std::floor(std::log10(minutes / kMinMinutes) * kPerDecade);
    counts[static_cast<std::size_t>(std::clamp(pos, 0.0, static_cast<double>(kBins - 1)))] += 1;
}

void MonthHistogram::merge(const MonthHistogram& o)
{
    zero += o.zero;
    for (int i = 0; i < kBins; ++i)
        counts[static_cast<std::size_t>(i)] += o.counts[static_cast<std::size_t>(i)];
}

std::uint64_t MonthHistogram::total() const
{
    std::uint64_t n = zero;
    for (std::uint64_t c : counts)
        n += c;
    return n;
}

std::vector<MonthHistogram::Group> MonthHistogram::tenthsOfDecades() const
{
    constexpr int kGroup = kPerDecade / 10;
    std::vector<Group> out;
    for (int g = 0; g < kBins; g += kGroup) {
        std::uint64_t n = 0;
        for (int b = g; b < g + kGroup; ++b)
            n += counts[static_cast<std::size_t>(b)];
        out.push_back({lowerEdge(g), lowerEdge(g + kGroup), n});
    }
    return out;
}

double MonthHistogram::lowerEdge(int i)
{
    return kMinMinutes * std::pow(10.0, static_cast<double>(i) / kPerDecade);
}

double MonthHistogram::orderStatistic(std::uint64_t k) const
{
    if (k <= zero)
        return 0.0;
    std::uint64_t below = zero;
    for (int i = 0; i < kBins; ++i) {
        const std::uint64_t c = counts[static_cast<std::size_t>(i)];
        if (k <= below + c) {
            // The bin's values taken as spread evenly over it on the log scale.
            const double within = (static_cast<double>(k - below) - 0.5) / static_cast<double>(c);
            const double lo = lowerEdge(i), hi = upperEdge(i);
            return lo * std::pow(hi / lo, within);
        }
        below += c;
    }
    return upperEdge(kBins - 1);
}

double MonthHistogram::percentile(double p) const
{
    const std::uint64_t n = total();
    if (n == 0)
        return 0.0;
    // Type 7, as sim::percentile takes it over the values: between the order statistics either
    // side of rank 1 + (n - 1) p.
    const double h = static_cast<double>(n - 1) * std::clamp(p, 0.0, 1.0);
    const auto lo = static_cast<std::uint64_t>(std::floor(h));
    const std::uint64_t hi = std::min(lo + 1, n - 1);
    const double a = orderStatistic(lo + 1), b = orderStatistic(hi + 1);
    return a + (h - static_cast<double>(lo)) * (b - a);
}

}  // namespace nines::sim
