// The checks of one distribution's parameters (validate.h), shared by failure modes, repairs,
// outages and failover times, and the number format their messages use.
#include "validate.h"

#include "path.h"

#include <charconv>
#include <cmath>

namespace nines::model {

std::string formatNumber(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "infinity" : "-infinity";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::string quoted(std::string_view text, size_t maxChars)
{
    size_t chars = 0, cut = text.size();
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;  // a continuation byte: part of the character before
        if (chars == maxChars)
            cut = i;
        ++chars;
    }
    if (cut == text.size())
        return "\"" + std::string(text) + "\"";
    std::string count = std::to_string(chars);
    for (int i = static_cast<int>(count.size()) - 3; i > 0; i -= 3)
        count.insert(static_cast<size_t>(i), ",");
    return "\"" + std::string(text.substr(0, cut)) + "\u2026\" (" + count + " characters)";
}

void validateDistribution(const Distribution& d, const std::string& path, Problems& out)
{
    auto bad = [&](const char* field, const std::string& msg) { out.push_back({joinPath(path, field), msg}); };
    auto pos = [&](const char* field, double v, const char* what) {
        if (!std::isfinite(v) || v <= 0)
            bad(field, std::string("must be a positive ") + what + ", got " + formatNumber(v));
    };
    switch (d.type) {
    case DistributionType::Exponential:
        pos("mean_hours", d.mean_hours, "number of hours");
        break;
    case DistributionType::Weibull:
        pos("shape", d.shape, "number");
        pos("scale_hours", d.scale_hours, "number of hours");
        break;
    case DistributionType::Lognormal:
        pos("mean_hours", d.mean_hours, "number of hours");
        pos("sigma", d.sigma, "number (the standard deviation of the logarithm)");
        break;
    case DistributionType::Deterministic:
        pos("hours", d.hours, "number of hours");
        break;
    case DistributionType::Uniform:
        if (!std::isfinite(d.min_hours) || d.min_hours < 0)
            bad("min_hours", "must be a non-negative number of hours, got " + formatNumber(d.min_hours));
        if (!std::isfinite(d.max_hours) || d.max_hours <= 0)
            bad("max_hours", "must be a positive number of hours, got " + formatNumber(d.max_hours));
        else if (std::isfinite(d.min_hours) && d.max_hours <= d.min_hours)
            bad("max_hours", "must be greater than min_hours (" + formatNumber(d.min_hours) + "), got "
                                 + formatNumber(d.max_hours));
        break;
    case DistributionType::Empirical: {
        if (d.samples_hours.empty()) {
            bad("samples_hours", "must hold at least one observed duration in hours");
            break;
        }
        bool anyPositive = false;
        for (size_t i = 0; i < d.samples_hours.size(); ++i) {
            const double v = d.samples_hours[i];
            if (!std::isfinite(v) || v < 0)
                bad(("samples_hours[" + std::to_string(i) + "]").c_str(),
                    "must be a non-negative number of hours, got " + formatNumber(v));
            else if (v > 0)
                anyPositive = true;
        }
        if (!anyPositive)
            bad("samples_hours", "must hold at least one positive duration (all samples are zero)");
        break;
    }
    }
}

}  // namespace nines::model
