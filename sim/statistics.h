// Summary statistics across replications: means with Student-t confidence intervals
// (Boost.Math) and percentiles. Pure C++, no Qt.
#pragma once

#include <cstddef>
#include <vector>

namespace nines::sim {

/// Running mean and variance (Welford), numerically stable for long runs.
class RunningStats {
public:
    void add(double x);
    void merge(const RunningStats& other);
    std::size_t count() const { return n_; }
    double mean() const { return mean_; }
    double variance() const;  // sample variance (n - 1)
    double standardError() const;

private:
    std::size_t n_ = 0;
    double mean_ = 0.0;
    double m2_ = 0.0;
};

struct Interval {
    double mean = 0.0;
    double low = 0.0;
    double high = 0.0;
    double halfWidth() const { return 0.5 * (high - low); }
};

/// Two-sided Student-t interval of the mean at `confidence` (e.g. 0.95). With fewer than two
/// observations the interval is the point itself.
Interval confidenceInterval(const RunningStats& s, double confidence = 0.95);

/// Two-sided Student-t quantile t_{1-(1-confidence)/2, dof}.
double studentT(double confidence, double degreesOfFreedom);

/// Percentile p in [0, 1] by linear interpolation between order statistics (type 7).
double percentile(std::vector<double> values, double p);

}  // namespace nines::sim
