#include "distribution.h"

#include <cmath>
#include <numeric>

namespace nines::model {

Distribution Distribution::exponential(double mean)
{
    Distribution d;
    d.type = DistributionType::Exponential;
    d.mean_hours = mean;
    return d;
}

Distribution Distribution::weibull(double shape, double scale)
{
    Distribution d;
    d.type = DistributionType::Weibull;
    d.shape = shape;
    d.scale_hours = scale;
    return d;
}

Distribution Distribution::lognormal(double mean, double sigma)
{
    Distribution d;
    d.type = DistributionType::Lognormal;
    d.mean_hours = mean;
    d.sigma = sigma;
    return d;
}

Distribution Distribution::deterministic(double hours)
{
    Distribution d;
    d.type = DistributionType::Deterministic;
    d.hours = hours;
    return d;
}

Distribution Distribution::uniform(double lo, double hi)
{
    Distribution d;
    d.type = DistributionType::Uniform;
    d.min_hours = lo;
    d.max_hours = hi;
    return d;
}

Distribution Distribution::empirical(std::vector<double> samples)
{
    Distribution d;
    d.type = DistributionType::Empirical;
    d.samples_hours = std::move(samples);
    return d;
}

Distribution Distribution::scaled(double factor) const
{
    Distribution d = *this;
    d.mean_hours *= factor;
    d.scale_hours *= factor;
    d.hours *= factor;
    d.min_hours *= factor;
    d.max_hours *= factor;
    for (double& x : d.samples_hours)
        x *= factor;
    return d;  // lognormal: the mean scales and sigma (of the logarithm) stays, as the shape does
}

double Distribution::mean() const
{
    switch (type) {
    case DistributionType::Exponential:
    case DistributionType::Lognormal:
        return mean_hours;
    case DistributionType::Weibull:
        return scale_hours * std::tgamma(1.0 + 1.0 / shape);
    case DistributionType::Deterministic:
        return hours;
    case DistributionType::Uniform:
        return 0.5 * (min_hours + max_hours);
    case DistributionType::Empirical:
        if (samples_hours.empty())
            return 0.0;
        return std::accumulate(samples_hours.begin(), samples_hours.end(), 0.0)
               / static_cast<double>(samples_hours.size());
    }
    return 0.0;
}

bool Distribution::operator==(const Distribution& o) const
{
    if (type != o.type)
        return false;
    switch (type) {
    case DistributionType::Exponential:
        return mean_hours == o.mean_hours;
    case DistributionType::Weibull:
        return shape == o.shape && scale_hours == o.scale_hours;
    case DistributionType::Lognormal:
        return mean_hours == o.mean_hours && sigma == o.sigma;
    case DistributionType::Deterministic:
        return hours == o.hours;
    case DistributionType::Uniform:
        return min_hours == o.min_hours && max_hours == o.max_hours;
    case DistributionType::Empirical:
        return samples_hours == o.samples_hours;
    }
    return false;
}

namespace {
struct TypeName {
    DistributionType type;
    std::string_view name;
};
constexpr TypeName kTypeNames[] = {
    {DistributionType::Exponential, "exponential"}, {DistributionType::Weibull, "weibull"},
    {DistributionType::Lognormal, "lognormal"},     {DistributionType::Deterministic, "deterministic"},
    {DistributionType::Uniform, "uniform"},         {DistributionType::Empirical, "empirical"},
};
}  // namespace

std::string_view toString(DistributionType t)
{
    for (const auto& n : kTypeNames)
        if (n.type == t)
            return n.name;
    return "?";
}

bool parseDistributionType(std::string_view s, DistributionType& out)
{
    for (const auto& n : kTypeNames)
        if (n.name == s) {
            out = n.type;
            return true;
        }
    return false;
}

}  // namespace nines::model
