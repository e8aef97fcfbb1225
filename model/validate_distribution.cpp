// The checks of one distribution's parameters (validate.h), shared by failure modes, repairs,
// outages and failover times, the number format their messages use, and the check that every
// failure and repair cycle is long enough to simulate.
#include "validate.h"

#include "outages.h"
#include "path.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <optional>

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
    // Below a Weibull shape of 0.1 or above a lognormal sigma of 5, the mean rests on draws too
    // rare to simulate: the median is under a millionth of the mean (sigma 5: 3.7e-6; shape
    // 0.1: 3e6 times the scale against 0.026), so runs see almost only near-zero durations and
    // their figures would not converge. Published fits stay far inside (shapes 0.5 to 5, sigmas
    // up to about 2).
    case DistributionType::Weibull:
        pos("shape", d.shape, "number");
        if (std::isfinite(d.shape) && d.shape > 0 && d.shape < 0.1)
            bad("shape", "must be at least 0.1 (below, the mean rests on draws too rare to simulate), got "
                             + formatNumber(d.shape));
        pos("scale_hours", d.scale_hours, "number of hours");
        break;
    case DistributionType::Lognormal:
        pos("mean_hours", d.mean_hours, "number of hours");
        pos("sigma", d.sigma, "number (the standard deviation of the logarithm)");
        if (std::isfinite(d.sigma) && d.sigma > 5)
            bad("sigma", "must be at most 5 (above, the median is under a millionth of the mean, which then "
                         "rests on draws too rare to simulate), got " + formatNumber(d.sigma));
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

namespace nines::model {

namespace {

/// The mean of a distribution whose parameters are valid (NaN otherwise: its own problems
/// are reported by validateDistribution).
double validMean(const Distribution& d)
{
    Problems ignored;
    validateDistribution(d, "", ignored);
    return ignored.empty() ? d.mean() : NAN;
}

}  // namespace

void validateCycles(const Model& m, Problems& out)
{
    const double mission = m.settings.mission_hours;
    if (!std::isfinite(mission) || mission <= 0)
        return;  // reported with the settings
    // The clock of a replication runs through its warm-up and its mission. In steady state the
    // warm-up the engine chooses (warmupFor) is at least five of the longest times down (a
    // crew's whole queue counted, outages included); this counts only those, so the clock runs
    // at least this long and a refusal below is never overstated.
    double horizon = mission;
    if (m.settings.start == EstimateStart::Steady) {
        double down = 0.0;
        std::vector<double> crewWork(m.repair_crews.size(), 0.0);
        for (const Component& c : m.components) {
            double longest = 0.0;
            for (const FailureMode& f : c.failure_modes) {
                const double repair = validMean(f.repair);
                const double detection = std::isfinite(f.detection_seconds) ? f.detection_seconds / 3600.0 : 0.0;
                if (std::isfinite(repair))
                    longest = std::max(longest, repair + detection);
            }
            down = std::max(down, longest);
            for (size_t k = 0; k < m.repair_crews.size(); ++k)
                if (c.repair_crew && *c.repair_crew == m.repair_crews[k].id)
                    crewWork[k] += std::max(c.instances, 1) * longest;
        }
        for (size_t k = 0; k < m.repair_crews.size(); ++k)
            down = std::max(down, crewWork[k] / std::max(m.repair_crews[k].size, 1));
        forEachOutage(m, [&](const Outage& o, OutageOwner, size_t) {
            if (std::isfinite(validMean(o.repair)))
                down = std::max(down, validMean(o.repair));
        });
        horizon += 5.0 * down;
    }
    // A failure and its repair take turns: when a turn takes less than this on average, a
    // replication holds more than a billion of them (beyond any time budget), and once it is
    // below the clock's resolution (2.2e-16 of the clock) time stops advancing altogether.
    constexpr double kMostCyclesPerReplication = 1e9;
    const double shortest = horizon / kMostCyclesPerReplication;
    auto rounded = [](double v) {  // four significant digits: the bound is not that precise
        char text[32];
        std::snprintf(text, sizeof text, "%.4g", v);
        return std::string(text);
    };
    // pathOf() builds the field path only for a finding: building it for every mode of a large
    // model cost more than the check.
    auto check = [&](const auto& pathOf, const Distribution& failure, const Distribution& repair,
                     double extraHours) {
        const double cycle = validMean(failure) + validMean(repair) + extraHours;
        if (!std::isfinite(cycle) || cycle >= shortest)
            return;
        out.push_back({pathOf(), "fails and is repaired every " + formatNumber(cycle) + " h on average: a replication runs at "
                                 "least " + rounded(horizon) + " h (the mission"
                                 + (horizon > mission ? std::string(" and its warm-up") : std::string())
                                 + "), which would take over a billion failures; a failure and its repair must take at "
                                   "least " + rounded(shortest) + " h together"});
    };
    const IdIndex components([&] {
        std::vector<std::string> ids;
        for (const auto& c : m.components)
            ids.push_back(c.id);
        return ids;
    }());
    for (size_t i = 0; i < m.components.size(); ++i) {
        const Component& c = m.components[i];
        for (size_t j = 0; j < c.failure_modes.size(); ++j) {
            const FailureMode& f = c.failure_modes[j];
            auto path = [&] {
                std::vector<std::string> modeIds;
                for (const auto& g : c.failure_modes)
                    modeIds.push_back(g.id);
                return IdIndex(std::move(modeIds)).path(joinPath(components.path("components", i), "failure_modes"), j);
            };
            const double detection = std::isfinite(f.detection_seconds) && f.detection_seconds > 0 ? f.detection_seconds / 3600.0 : 0.0;
            check(path, f.failure, f.repair, detection);
            if (f.dormant_failure)
                check([&] { return joinPath(path(), "dormant_failure"); }, *f.dormant_failure, f.repair, detection);
        }
    }
    std::optional<IdIndex> indexes[4];  // of each owner's list, built at its first finding
    auto ids = [&](OutageOwner owner) {
        std::vector<std::string> out;
        forEachOutageList(m, [&](OutageOwner o, const auto& items) {
            if (o == owner)
                for (const auto& x : items)
                    out.push_back(x.id);
        });
        return out;
    };
    forEachOutage(m, [&](const Outage& o, OutageOwner owner, size_t i) {
        auto path = [&] {
            std::optional<IdIndex>& index = indexes[static_cast<int>(owner)];
            if (!index)
                index.emplace(ids(owner));
            return joinPath(index->path(collectionOf(owner), i), "outage");
        };
        check(path, o.failure, o.repair, 0.0);
    });
}

}  // namespace nines::model
