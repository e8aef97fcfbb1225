#include "outage_histogram.h"

#include <cmath>

namespace nines::sim {

void OutageHistogram::merge(const OutageHistogram& o)
{
    for (int i = 0; i < kBins; ++i)
        counts[static_cast<std::size_t>(i)] += o.counts[static_cast<std::size_t>(i)];
}

double OutageHistogram::lowerEdge(int bin)
{
    return kMinHours * std::pow(2.0, bin / 2.0);
}

std::uint64_t OutageHistogram::total() const
{
    std::uint64_t t = 0;
    for (auto c : counts)
        t += c;
    return t;
}

}  // namespace nines::sim
