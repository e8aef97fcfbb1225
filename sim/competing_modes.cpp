#include "competing_modes.h"

#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nines::sim {

using model::Distribution;
using model::DistributionType;

namespace {

double survival(const Distribution& d, double t)
{
    using namespace boost::math;
    if (t <= 0)
        return 1.0;
    switch (d.type) {
    case DistributionType::Exponential:
        return std::exp(-t / d.mean_hours);
    case DistributionType::Weibull:
        return std::exp(-std::pow(t / d.scale_hours, d.shape));
    case DistributionType::Lognormal:
        return cdf(complement(lognormal_distribution<double>(std::log(d.mean_hours) - 0.5 * d.sigma * d.sigma, d.sigma), t));
    case DistributionType::Deterministic:
        return t < d.hours ? 1.0 : 0.0;
    case DistributionType::Uniform:
        return t <= d.min_hours ? 1.0 : t >= d.max_hours ? 0.0 : (d.max_hours - t) / (d.max_hours - d.min_hours);
    case DistributionType::Empirical:
        break;
    }
    return 0.0;
}

double density(const Distribution& d, double t)
{
    using namespace boost::math;
    if (t <= 0)
        return 0.0;
    switch (d.type) {
    case DistributionType::Exponential:
        return std::exp(-t / d.mean_hours) / d.mean_hours;
    case DistributionType::Weibull:
        return pdf(weibull_distribution<double>(d.shape, d.scale_hours), t);
    case DistributionType::Lognormal:
        return pdf(lognormal_distribution<double>(std::log(d.mean_hours) - 0.5 * d.sigma * d.sigma, d.sigma), t);
    case DistributionType::Uniform:
        return t > d.min_hours && t < d.max_hours ? 1.0 / (d.max_hours - d.min_hours) : 0.0;
    default:
        break;
    }
    return 0.0;
}

/// Integral of f over [a, b] (b may be infinite), split where the integrand has kinks; NaN when
/// it would take more than a million evaluations of f. The effort is bounded because the exact
/// solver has no time budget: fuzzing found mixes of distributions (near-singular Weibull
/// densities against point masses) on which the adaptive quadrature ran for minutes.
template <typename F>
double integrate(F f, double a, double b, std::vector<double> breaks)
{
    breaks.push_back(a);
    breaks.push_back(b);
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    double total = 0.0;
    for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {
        const double lo = breaks[i], hi = breaks[i + 1];
        if (lo < a || hi > b || hi <= lo)
            continue;
        struct TooCostly {};
        std::size_t calls = 0;
        auto counted = [&](double t) {
            if (++calls > 1000000)
                throw TooCostly{};
            return f(t);
        };
        try {
            total += boost::math::quadrature::gauss_kronrod<double, 61>::integrate(counted, lo, hi, 15, 1e-13);
        } catch (const TooCostly&) {
            return std::numeric_limits<double>::quiet_NaN();
        }
    }
    return total;
}

}  // namespace

std::optional<CompetingModes> competingModes(const std::vector<Distribution>& failures)
{
    CompetingModes out;
    double horizon = std::numeric_limits<double>::infinity();
    std::vector<double> breaks;
    for (const auto& d : failures) {
        if (d.type == DistributionType::Empirical)
            return std::nullopt;
        if (d.type == DistributionType::Deterministic) {
            horizon = std::min(horizon, d.hours);
            breaks.push_back(d.hours);
        }
        if (d.type == DistributionType::Uniform) {
            horizon = std::min(horizon, d.max_hours);
            breaks.push_back(d.min_hours);
            breaks.push_back(d.max_hours);
        }
        // Spread the quadrature over the scales of the distributions.
        breaks.push_back(d.mean());
        breaks.push_back(0.1 * d.mean());
        breaks.push_back(10 * d.mean());
    }
    auto allSurvive = [&](double t, std::size_t skip) {
        double s = 1.0;
        for (std::size_t j = 0; j < failures.size(); ++j)
            if (j != skip)
                s *= survival(failures[j], t);
        return s;
    };
    out.mean_up = integrate([&](double t) { return allSurvive(t, failures.size()); }, 0.0, horizon, breaks);
    for (std::size_t m = 0; m < failures.size(); ++m) {
        const Distribution& d = failures[m];
        double p;
        if (d.type == DistributionType::Deterministic)
            p = d.hours <= horizon ? allSurvive(d.hours, m) : 0.0;  // a point mass
        else
            p = integrate([&](double t) { return density(d, t) * allSurvive(t, m); }, 0.0, horizon, breaks);
        out.first.push_back(p);
    }
    // A quadrature that did not converge: no exact answer rather than a wrong one.
    if (!std::isfinite(out.mean_up) || std::any_of(out.first.begin(), out.first.end(), [](double p) { return !std::isfinite(p); }))
        return std::nullopt;
    return out;
}

}  // namespace nines::sim
