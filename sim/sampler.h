// Samplers of the model's duration distributions, flattened for the hot loop. Each draw
// uses a fixed number of uniforms (inversion where possible), which keeps streams aligned
// between scenarios that change a distribution's parameters.
#pragma once

#include "model/distribution.h"
#include "random.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace nines::sim {

struct Sampler {
    enum Kind : std::uint8_t { Exponential, Weibull, Lognormal, Deterministic, Uniform, Empirical, Never };
    Kind kind = Never;
    double a = 0.0;  // exponential mean; weibull scale; lognormal mu; fixed value; uniform min
    double b = 0.0;  // weibull 1/shape; lognormal sigma; uniform width
    const double* samples = nullptr;
    std::uint32_t count = 0;
    double mean = 0.0;

    /// Hours until the event; +infinity for Never.
    double draw(Stream& s) const
    {
        // The common case first: a predicted branch instead of the switch's indirect jump.
        if (kind == Exponential) [[likely]]
            return -a * std::log(s.uniformOpen0());
        switch (kind) {
        case Exponential:
            return -a * std::log(s.uniformOpen0());
        case Weibull:
            return a * std::pow(-std::log(s.uniformOpen0()), b);
        case Lognormal: {
            // Box-Muller: always two uniforms per draw.
            const double u1 = s.uniformOpen0();
            const double u2 = s.uniform();
            const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
            return std::exp(a + b * z);
        }
        case Deterministic:
            return a;
        case Uniform:
            return a + b * s.uniform();
        case Empirical:
            return samples[static_cast<std::uint32_t>(s.uniform() * count)];
        case Never:
            break;
        }
        return INFINITY;
    }
};

/// Builds a sampler; empirical samples are copied into `storage`, which must outlive it and
/// must not reallocate afterwards (reserve first).
Sampler makeSampler(const model::Distribution& d, std::vector<double>& storage);

}  // namespace nines::sim
