// Summary statistics across replications: means with Student-t confidence intervals, counts with
// exact Poisson intervals, probabilities with Clopper-Pearson intervals, ratios by the delta
// method (all from Boost.Math) and percentiles. Pure C++, no Qt.
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
    /// For a figure that comes from a count (outages, years missing the SLA): how many were
    /// seen. 0: nothing was, and [0, high] is a one-sided upper bound. Negative: not a count.
    double observed = -1.0;
    double halfWidth() const { return 0.5 * (high - low); }
    bool nothingObserved() const { return observed == 0.0; }
};

/// Two-sided Student-t interval of the mean at `confidence` (e.g. 0.95). With fewer than two
/// observations the interval is the point itself.
Interval confidenceInterval(const RunningStats& s, double confidence = 0.95);

/// The rate of a Poisson process that showed `count` events over `exposure` (e.g. years): the
/// exact (Garwood) interval from the gamma quantiles; with no event, the one-sided upper bound
/// -ln(1 - confidence) / exposure (about 3 / exposure at 95%, the rule of three).
Interval poissonRateInterval(double count, double exposure, double confidence = 0.95);

/// A probability seen `successes` times in `trials` independent trials: the exact
/// (Clopper-Pearson) interval, inside [0, 1]; with no success, the one-sided upper bound
/// 1 - (1 - confidence)^(1 / trials).
Interval proportionInterval(double successes, double trials, double confidence = 0.95);

/// Sums for a ratio of two means over the same replications (total outage time over total
/// outages): the estimate sum(y) / sum(x) and its delta-method standard error.
class RatioStats {
public:
    void add(double y, double x);
    std::size_t count() const { return n_; }
    double sumX() const { return sx_; }
    double ratio() const { return sx_ > 0 ? sy_ / sx_ : 0.0; }
    double standardError() const;

private:
    std::size_t n_ = 0;
    double sx_ = 0, sy_ = 0, sxx_ = 0, syy_ = 0, sxy_ = 0;
};

/// Student-t interval of the ratio (low clamped at 0 for non-negative y and x); `observed` is
/// sum(x). With no x at all the ratio is unknown: every field is NaN but `observed`, 0.
Interval ratioInterval(const RatioStats& s, double confidence = 0.95);

/// Two-sided Student-t quantile t_{1-(1-confidence)/2, dof}.
double studentT(double confidence, double degreesOfFreedom);

/// Percentile p in [0, 1] by linear interpolation between order statistics (type 7).
double percentile(std::vector<double> values, double p);

}  // namespace nines::sim
