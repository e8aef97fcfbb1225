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

struct Sampler;
/// A draw from the length-biased distribution of the sampler's (for Sampler::residual).
double lengthBiased(const Sampler& sampler, Stream& s);

struct Sampler {
    enum Kind : std::uint8_t { Exponential, Weibull, Lognormal, Deterministic, Uniform, Empirical, Never };
    Kind kind = Never;
    double a = 0.0;  // exponential mean; weibull scale; lognormal mu; fixed value; uniform min
    double b = 0.0;  // weibull 1/shape; lognormal sigma; uniform width
    const double* samples = nullptr;  // empirical: the samples, then their running sums
    std::uint32_t count = 0;
    double mean = 0.0;
    double cv2 = 0.0;  // squared coefficient of variation (variance / mean^2)

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

    /// Hours until the event for a clock that has been running since long ago (a renewal
    /// process in equilibrium): the residual life, whose density is P(X > x) / E[X]. Drawn
    /// as U x X*, X* from the length-biased distribution (density x f(x) / E[X]); a fixed
    /// number of uniforms per kind. Exponential clocks have no memory: the same as draw().
    double residual(Stream& s) const;

    /// P(X > t).
    double survival(double t) const;

    /// Hours left of a clock that has run `age` hours without firing: X - age given X > age.
    double residualAfter(double age, Stream& s) const;
};

/// Hours until each of an instance's competing clocks fires, for an instance that has been
/// alternating since long ago and is up: its age a since its last renewal has the density
/// P(T > a) / E[T], T the first of the clocks to fire (all restart at a repair); each clock then
/// fires after X - a given X > a. Exponential clocks have no memory and are drawn afresh. The
/// age comes from rejection sampling on a stream seeded from one draw of `ageSeed`, so each
/// clock's own stream gives the same number of draws whatever the rejections. `out[k]` gets
/// the hours for clock k; `streams[k]` is its stream.
void stationaryResiduals(const Sampler* const* clocks, Stream* const* streams, std::size_t n, Stream& ageSeed,
                         double* out);

inline double Sampler::residual(Stream& s) const
{
    if (kind == Exponential || kind == Never)
        return draw(s);
    return lengthBiased(*this, s) * s.uniform();
}

/// Builds a sampler; empirical samples are copied into `storage`, which must outlive it and
/// must not reallocate afterwards (reserve first).
Sampler makeSampler(const model::Distribution& d, std::vector<double>& storage);

}  // namespace nines::sim
