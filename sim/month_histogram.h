// The downtime of calendar months (730 h) in a run, kept as a histogram of fixed size: a run of
// a million windows has twelve million months, too many to keep one number each. Months with no
// downtime are counted apart; the others fall into bins of equal width on a log scale.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace nines::sim {

struct MonthHistogram {
    /// 100 bins a decade from 0.001 to 100,000 minutes (a month is 43,800): a percentile read
    /// off it is within 2.3% of the exact order statistic, whose own sampling error is larger.
    static constexpr int kPerDecade = 100;
    static constexpr double kMinMinutes = 1e-3;
    static constexpr int kBins = 8 * kPerDecade;
    std::uint64_t zero = 0;  // months without downtime
    std::array<std::uint64_t, kBins> counts{};

    void add(double downtimeMinutes);
    void merge(const MonthHistogram& o);
    std::uint64_t total() const;
    /// The downtime minutes below which a share p in [0, 1] of the months lie: type 7 between
    /// order statistics, each read off its bin (0 for the months without downtime).
    double percentile(double p) const;
    /// The k-th smallest month (from 1), as the histogram knows it.
    double orderStatistic(std::uint64_t k) const;
    /// The months by tenths of a decade (ten of the fine bins each), for charts and JSON: every
    /// group in order, empty ones included.
    struct Group {
        double from_minutes, to_minutes;
        std::uint64_t count;
    };
    std::vector<Group> tenthsOfDecades() const;
    /// Bin i's lower and upper edges in minutes.
    static double lowerEdge(int i);
    static double upperEdge(int i) { return lowerEdge(i + 1); }
};

}  // namespace nines::sim
