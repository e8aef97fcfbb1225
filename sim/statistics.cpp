#include "statistics.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>

namespace nines::sim {

void RunningStats::add(double x)
{
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
}

void RunningStats::merge(const RunningStats& o)
{
    if (o.n_ == 0)
        return;
    if (n_ == 0) {
        *this = o;
        return;
    }
    const double n = static_cast<double>(n_ + o.n_);
    const double d = o.mean_ - mean_;
    mean_ += d * static_cast<double>(o.n_) / n;
    m2_ += o.m2_ + d * d * static_cast<double>(n_) * static_cast<double>(o.n_) / n;
    n_ += o.n_;
}

double RunningStats::variance() const
{
    return n_ < 2 ? 0.0 : m2_ / static_cast<double>(n_ - 1);
}

double RunningStats::standardError() const
{
    return n_ < 2 ? 0.0 : std::sqrt(variance() / static_cast<double>(n_));
}

double studentT(double confidence, double dof)
{
    boost::math::students_t dist(dof);
    return boost::math::quantile(boost::math::complement(dist, (1.0 - confidence) / 2.0));
}

Interval confidenceInterval(const RunningStats& s, double confidence)
{
    Interval iv{s.mean(), s.mean(), s.mean()};
    if (s.count() < 2)
        return iv;
    const double h = studentT(confidence, static_cast<double>(s.count() - 1)) * s.standardError();
    iv.low = s.mean() - h;
    iv.high = s.mean() + h;
    return iv;
}

Interval poissonRateInterval(double count, double exposure, double confidence)
{
    Interval iv;
    iv.observed = count;
    if (exposure <= 0)
        return iv;
    const double alpha = 1.0 - confidence;
    iv.mean = count / exposure;
    if (count <= 0) {
        iv.high = -std::log(alpha) / exposure;
        return iv;
    }
    // Garwood: the rate's bounds are the gamma quantiles of the count (chi-square / 2).
    iv.low = boost::math::gamma_p_inv(count, alpha / 2.0) / exposure;
    iv.high = boost::math::gamma_p_inv(count + 1.0, 1.0 - alpha / 2.0) / exposure;
    return iv;
}

Interval proportionInterval(double successes, double trials, double confidence)
{
    using boost::math::binomial_distribution;
    Interval iv;
    iv.observed = successes;
    if (trials <= 0) {
        iv.high = 1.0;
        return iv;
    }
    const double alpha = 1.0 - confidence;
    iv.mean = successes / trials;
    if (successes <= 0) {
        iv.high = 1.0 - std::pow(alpha, 1.0 / trials);
        return iv;
    }
    iv.low = binomial_distribution<>::find_lower_bound_on_p(trials, successes, alpha / 2.0);
    iv.high = binomial_distribution<>::find_upper_bound_on_p(trials, successes, alpha / 2.0);
    return iv;
}

void RatioStats::add(double y, double x)
{
    ++n_;
    sx_ += x;
    sy_ += y;
    sxx_ += x * x;
    syy_ += y * y;
    sxy_ += x * y;
}

double RatioStats::standardError() const
{
    if (n_ < 2 || sx_ <= 0)
        return 0.0;
    const double n = static_cast<double>(n_);
    const double r = ratio();
    // Residuals y - r x sum to zero; their sample variance over n - 1, then divided by n and
    // by the mean of x squared (the delta method for a ratio of means).
    const double ss = std::max(0.0, syy_ - 2.0 * r * sxy_ + r * r * sxx_);
    const double meanX = sx_ / n;
    return std::sqrt(ss / (n - 1.0) / n) / meanX;
}

Interval ratioInterval(const RatioStats& s, double confidence)
{
    Interval iv;
    iv.observed = s.sumX();
    if (s.sumX() <= 0) {
        iv.mean = iv.low = iv.high = std::nan("");
        return iv;
    }
    iv.mean = iv.low = iv.high = s.ratio();
    if (s.count() < 2)
        return iv;
    const double h = studentT(confidence, static_cast<double>(s.count() - 1)) * s.standardError();
    iv.low = std::max(0.0, iv.mean - h);
    iv.high = iv.mean + h;
    return iv;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
    const std::size_t lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace nines::sim
