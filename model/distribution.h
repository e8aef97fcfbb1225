// Probability distributions of durations (time to failure, time to repair, outage length).
// Plain data: the engine builds its samplers from these; validation checks the parameters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nines::model {

enum class DistributionType {
    Exponential,    // mean_hours (MTBF or MTTR)
    Weibull,        // shape, scale_hours
    Lognormal,      // mean_hours, sigma (standard deviation of the log)
    Deterministic,  // hours
    Uniform,        // min_hours, max_hours
    Empirical,      // samples_hours, each drawn with equal probability
};

/// A distribution of a duration in hours. Only the fields of its type are meaningful.
struct Distribution {
    DistributionType type = DistributionType::Exponential;
    double mean_hours = 1.0;   // Exponential, Lognormal
    double shape = 1.0;        // Weibull
    double scale_hours = 1.0;  // Weibull
    double sigma = 1.0;        // Lognormal
    double hours = 1.0;        // Deterministic
    double min_hours = 0.0;    // Uniform
    double max_hours = 1.0;    // Uniform
    std::vector<double> samples_hours;  // Empirical

    static Distribution exponential(double mean);
    static Distribution weibull(double shape, double scale);
    static Distribution lognormal(double mean, double sigma);
    static Distribution deterministic(double hours);
    static Distribution uniform(double lo, double hi);
    static Distribution empirical(std::vector<double> samples);

    /// The same distribution with every duration multiplied by `factor` (> 0): its shape kept,
    /// its mean times `factor`.
    Distribution scaled(double factor) const;

    /// Mean duration in hours (valid parameters assumed).
    double mean() const;
    bool isExponential() const { return type == DistributionType::Exponential; }

    /// Equality on the fields that matter for the type, so round-trips compare the meaning.
    bool operator==(const Distribution& o) const;
};

std::string_view toString(DistributionType t);
bool parseDistributionType(std::string_view s, DistributionType& out);

}  // namespace nines::model
