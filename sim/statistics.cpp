#include "statistics.h"

#include <boost/math/distributions/students_t.hpp>

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
