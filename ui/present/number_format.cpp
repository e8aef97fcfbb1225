#include "number_format.h"

#include "sim/run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nines::present {

int decimalsOf(Figure f, double unavailability)
{
    switch (f) {
    case Figure::Availability:
        if (!(unavailability > 0))
            return 4;
        return std::clamp(static_cast<int>(std::ceil(-std::log10(unavailability))) + 1, 3, 9);
    case Figure::Share: return 1;
    case Figure::Nines: return 2;
    case Figure::Minutes: return 1;
    case Figure::Hours: return 2;
    case Figure::Count: return 2;
    case Figure::Probability: return 3;
    case Figure::Rate: return 0;
    case Figure::Money: return 0;
    case Figure::Importance: return 6;
    }
    return 2;
}

std::string formatFixed(double v, int decimals)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    // Thousands separators, built forwards (GCC 12 warns falsely about std::string::insert here).
    const size_t dot = std::min(s.find('.'), s.size());
    std::string out = v < 0 && s != "0" ? "-" : "";
    for (size_t i = 0; i < dot; ++i) {
        if (i > 0 && (dot - i) % 3 == 0)
            out += ',';
        out += s[i];
    }
    return out + s.substr(dot);
}

std::string formatFigure(Figure f, double v)
{
    switch (f) {
    case Figure::Share: return formatPercent(v, decimalsOf(f));
    case Figure::Nines: return formatNines(v);
    default: return formatFixed(v, decimalsOf(f));
    }
}

std::string formatPercent(double share, int decimals)
{
    return formatFixed(100.0 * share, decimals) + "%";
}

std::string formatAvailability(double availability, double unavailability)
{
    return formatPercent(availability, decimalsOf(Figure::Availability, unavailability));
}

std::string formatNines(double unavailability)
{
    const double n = sim::ninesOf(unavailability);
    return std::isfinite(n) ? formatFixed(n, decimalsOf(Figure::Nines)) : "no outage observed";
}

std::string formatInterval(const sim::Interval& iv, Figure f, double unavailability)
{
    if (std::isnan(iv.low) || std::isnan(iv.high))
        return "n/a";
    if (f == Figure::Availability) {
        const int d = decimalsOf(f, unavailability > 0 ? unavailability : 1.0 - iv.low);
        if (iv.nothingObserved()) {  // a one-sided bound, rounded down: availability at least this
            const double scale = std::pow(10.0, d + 2);
            return "> " + formatPercent(std::floor(iv.low * scale) / scale, d) + " (none seen)";
        }
        return formatPercent(iv.low, d) + " .. " + formatPercent(iv.high, d);
    }
    if (iv.nothingObserved())
        return "< " + formatUpperBound(f, iv.high) + " (none seen)";
    return formatFigure(f, iv.low) + " .. " + formatFigure(f, iv.high);
}

std::string formatUpperBound(Figure f, double bound)
{
    // Rounded up, so the text never claims less than the bound.
    const double scale = std::pow(10.0, decimalsOf(f));
    return formatFigure(f, std::ceil(bound * scale) / scale);
}

std::string formatMoney(double amount, const std::string& currency)
{
    const std::string n = formatFixed(amount, decimalsOf(Figure::Money));
    return currency.empty() ? n : n + " " + currency;
}

std::string formatPoints(double difference, int decimals)
{
    return (difference >= 0 ? "+" : "") + formatFixed(100.0 * difference, decimals);
}

std::string formatHours(double hours)
{
    if (hours < 1.0 / 60.0)
        return formatFixed(hours * 3600.0, 1) + " s";
    if (hours < 1.0)
        return formatFixed(hours * 60.0, 1) + " min";
    return formatFixed(hours, 2) + " h";
}

std::string plural(double n, const std::string& one, const std::string& many)
{
    return formatFixed(n, 0) + " " + (n == 1 ? one : many);
}

}  // namespace nines::present
