#include "sampler.h"

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>

namespace nines::sim {

Sampler makeSampler(const model::Distribution& d, std::vector<double>& storage)
{
    using model::DistributionType;
    Sampler s;
    s.mean = d.mean();
    switch (d.type) {
    case DistributionType::Exponential:
        s.kind = Sampler::Exponential;
        s.a = d.mean_hours;
        s.cv2 = 1.0;
        break;
    case DistributionType::Weibull: {
        s.kind = Sampler::Weibull;
        s.a = d.scale_hours;
        s.b = 1.0 / d.shape;
        const double g1 = std::tgamma(1.0 + s.b), g2 = std::tgamma(1.0 + 2.0 * s.b);
        s.cv2 = g2 / (g1 * g1) - 1.0;
        break;
    }
    case DistributionType::Lognormal:
        // mean = exp(mu + sigma^2 / 2)
        s.kind = Sampler::Lognormal;
        s.b = d.sigma;
        s.a = std::log(d.mean_hours) - 0.5 * d.sigma * d.sigma;
        s.cv2 = std::expm1(d.sigma * d.sigma);
        break;
    case DistributionType::Deterministic:
        s.kind = Sampler::Deterministic;
        s.a = d.hours;
        break;
    case DistributionType::Uniform:
        s.kind = Sampler::Uniform;
        s.a = d.min_hours;
        s.b = d.max_hours - d.min_hours;
        s.cv2 = s.mean > 0 ? s.b * s.b / 12.0 / (s.mean * s.mean) : 0.0;
        break;
    case DistributionType::Empirical: {
        s.kind = Sampler::Empirical;
        s.samples = storage.data() + storage.size();
        s.count = static_cast<std::uint32_t>(d.samples_hours.size());
        storage.insert(storage.end(), d.samples_hours.begin(), d.samples_hours.end());
        double sum = 0.0, squares = 0.0;
        for (double x : d.samples_hours) {
            sum += x;
            squares += x * x;
            storage.push_back(sum);
        }
        const double n = static_cast<double>(s.count);
        s.cv2 = sum > 0 ? std::max(0.0, squares / n - (sum / n) * (sum / n)) / ((sum / n) * (sum / n)) : 0.0;
        break;
    }
    }
    return s;
}

double lengthBiased(const Sampler& sm, Stream& s)
{
    switch (sm.kind) {
    case Sampler::Exponential:
        // Length-biased exponential: Gamma(2, mean), the sum of two exponentials.
        return -sm.a * (std::log(s.uniformOpen0()) + std::log(s.uniformOpen0()));
    case Sampler::Weibull: {
        // X = scale * Y^(1/shape) with Y ~ Exp(1); weighting by X gives Y ~ Gamma(1 + 1/shape).
        const double y = boost::math::gamma_p_inv(1.0 + sm.b, s.uniformOpen0());
        return sm.a * std::pow(y, sm.b);
    }
    case Sampler::Lognormal: {
        // Weighting a lognormal by its value shifts log X by sigma^2.
        const double u1 = s.uniformOpen0();
        const double u2 = s.uniform();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
        return std::exp(sm.a + sm.b * sm.b + sm.b * z);
    }
    case Sampler::Deterministic:
        return sm.a;
    case Sampler::Uniform: {
        // Density proportional to x on [a, a + w]: invert its CDF.
        const double lo = sm.a, hi = sm.a + sm.b;
        return std::sqrt(lo * lo + s.uniform() * (hi * hi - lo * lo));
    }
    case Sampler::Empirical: {
        // Each sample with probability proportional to its value: search the running sums.
        const double* sums = sm.samples + sm.count;
        const double target = s.uniform() * sums[sm.count - 1];
        const auto k = static_cast<std::uint32_t>(std::upper_bound(sums, sums + sm.count, target) - sums);
        return sm.samples[std::min(k, sm.count - 1)];
    }
    case Sampler::Never:
        break;
    }
    return INFINITY;
}

double Sampler::survival(double t) const
{
    if (t <= 0)
        return 1.0;
    switch (kind) {
    case Exponential:
        return std::exp(-t / a);
    case Weibull:
        return std::exp(-std::pow(t / a, 1.0 / b));
    case Lognormal:
        return 0.5 * std::erfc((std::log(t) - a) / (b * std::sqrt(2.0)));
    case Deterministic:
        return t < a ? 1.0 : 0.0;
    case Uniform:
        return t < a ? 1.0 : t >= a + b ? 0.0 : (a + b - t) / b;
    case Empirical: {
        std::uint32_t above = 0;
        for (std::uint32_t k = 0; k < count; ++k)
            above += samples[k] > t;
        return double(above) / double(count);
    }
    case Never:
        break;
    }
    return 1.0;
}

double Sampler::residualAfter(double age, Stream& s) const
{
    if (age <= 0)
        return draw(s);
    switch (kind) {
    case Exponential:
        return draw(s);
    case Weibull: {
        // (X / scale)^shape is Exp(1): given it exceeds (age / scale)^shape, add a fresh Exp(1).
        const double shape = 1.0 / b;
        const double e = -std::log(s.uniformOpen0());
        return a * std::pow(std::pow(age / a, shape) + e, b) - age;
    }
    case Lognormal: {
        // Invert the upper tail: P(Z > z) = q0 * U for the standard normal Z of log X.
        const double z0 = (std::log(age) - a) / b;
        const double q0 = 0.5 * std::erfc(z0 / std::sqrt(2.0));
        const double q = q0 * s.uniformOpen0();
        if (q <= 0)  // far beyond the distribution's reach: the clock is about to fire
            return 0.0;
        const double z = std::sqrt(2.0) * boost::math::erfc_inv(2.0 * q);
        return std::max(0.0, std::exp(a + b * z) - age);
    }
    case Deterministic:
        return std::max(0.0, a - age);
    case Uniform: {
        const double lo = std::max(a, age), hi = a + b;
        return std::max(0.0, lo + s.uniform() * (hi - lo) - age);
    }
    case Empirical: {
        // Uniform among the samples above the age.
        std::uint32_t above = 0;
        for (std::uint32_t k = 0; k < count; ++k)
            above += samples[k] > age;
        if (above == 0)
            return 0.0;
        auto pick = static_cast<std::uint32_t>(s.uniform() * above);
        for (std::uint32_t k = 0; k < count; ++k)
            if (samples[k] > age && pick-- == 0)
                return samples[k] - age;
        return 0.0;
    }
    case Never:
        break;
    }
    return INFINITY;
}

void stationaryResiduals(const Sampler* const* clocks, Stream* const* streams, std::size_t n, Stream& ageSeed,
                         double* out)
{
    // Proposal: the clock with the shortest mean (the exponential ones together count as one
    // clock of their total rate), whose own equilibrium age density is P(X > a) / E[X];
    // accepted with the other clocks' survival to that age. Acceptance is E[T] / E[X] of the
    // proposal, at least about 1 / n.
    double expRate = 0.0;
    std::size_t shortest = n;
    for (std::size_t k = 0; k < n; ++k) {
        if (clocks[k]->kind == Sampler::Exponential)
            expRate += 1.0 / clocks[k]->a;
        else if (clocks[k]->kind != Sampler::Never && (shortest == n || clocks[k]->mean < clocks[shortest]->mean))
            shortest = k;
    }
    const bool proposeExp = expRate > 0 && (shortest == n || 1.0 / expRate <= clocks[shortest]->mean);
    Stream local(ageSeed.next());
    double age = 0.0;
    if (shortest != n || expRate > 0) {
        for (int attempt = 0; attempt < 1000000; ++attempt) {
            age = proposeExp ? -std::log(local.uniformOpen0()) / expRate : clocks[shortest]->residual(local);
            double accept = 1.0;
            for (std::size_t k = 0; k < n && accept > 0; ++k)
                if (clocks[k]->kind != Sampler::Exponential && clocks[k]->kind != Sampler::Never
                    && (proposeExp || k != shortest))
                    accept *= clocks[k]->survival(age);
            if (!proposeExp && expRate > 0)
                accept *= std::exp(-expRate * age);
            if (local.uniform() < accept)
                break;
        }
    }
    for (std::size_t k = 0; k < n; ++k)
        out[k] = clocks[k]->residualAfter(age, *streams[k]);
}

}  // namespace nines::sim
