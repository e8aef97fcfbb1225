#include "sampler.h"

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
        break;
    case DistributionType::Weibull:
        s.kind = Sampler::Weibull;
        s.a = d.scale_hours;
        s.b = 1.0 / d.shape;
        break;
    case DistributionType::Lognormal:
        // mean = exp(mu + sigma^2 / 2)
        s.kind = Sampler::Lognormal;
        s.b = d.sigma;
        s.a = std::log(d.mean_hours) - 0.5 * d.sigma * d.sigma;
        break;
    case DistributionType::Deterministic:
        s.kind = Sampler::Deterministic;
        s.a = d.hours;
        break;
    case DistributionType::Uniform:
        s.kind = Sampler::Uniform;
        s.a = d.min_hours;
        s.b = d.max_hours - d.min_hours;
        break;
    case DistributionType::Empirical:
        s.kind = Sampler::Empirical;
        s.samples = storage.data() + storage.size();
        s.count = static_cast<std::uint32_t>(d.samples_hours.size());
        storage.insert(storage.end(), d.samples_hours.begin(), d.samples_hours.end());
        break;
    }
    return s;
}

}  // namespace nines::sim
