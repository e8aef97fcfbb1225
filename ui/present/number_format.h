// How every figure Nines shows is written, on the command line, in the window and in reports:
// one rule for the decimals of each kind of figure (decimalsOf), percentages, nines (always from
// the unavailability, never from 1 - A), durations, money and plurals.
#pragma once

#include "sim/statistics.h"

#include <QString>

#include <cmath>
#include <string>

namespace nines::present {

/// The kinds of figure, each with its own rule for decimals.
enum class Figure {
    Availability,   // a share near 1 shown as a percentage: as many decimals as its unavailability needs
    Share,          // any other percentage (criticality, utilisation): one decimal
    Nines,          // -log10(U): two decimals
    Minutes,        // downtime and outage lengths: one decimal
    Hours,          // hours a year (partitioned, overloaded): two decimals
    Count,          // events a year (outages, failovers): two decimals
    Probability,    // a probability in [0, 1] (a year missing the SLA): three decimals
    Rate,           // requests or messages per second, and messages a year: whole numbers
    Money,          // whole units of the model's currency
    Importance,     // Birnbaum importance: six decimals
};

/// The one rule for how many decimals a figure gets. For Availability, `unavailability` is the
/// figure's own U (as the engine accumulated it, not 1 - A): enough decimals that the percentage
/// shows U to about four significant digits, so that the ends of an interval differ (between 3
/// and 9; trailing zeros are trimmed); other kinds ignore it.
int decimalsOf(Figure f, double unavailability = 0.0);

/// A number with thousands separators and at most `decimals` decimals, trailing zeros trimmed;
/// "n/a" for NaN, "inf" for infinity.
std::string formatFixed(double v, int decimals = 2);
/// A figure of a kind, by its rule.
std::string formatFigure(Figure f, double v);
/// A share (0.9995) as a percentage with the given decimals: "99.95%".
std::string formatPercent(double share, int decimals);
/// An availability with the decimals its unavailability needs.
std::string formatAvailability(double availability, double unavailability);
/// -log10(U) with two decimals; "no outage observed" when U is 0.
std::string formatNines(double unavailability);
/// "LOW .. HIGH" of an interval, each end written by `f` (decimals for Availability from `u`);
/// "< HIGH (none seen)" for a one-sided bound from nothing observed ("> LOW" for availability).
std::string formatInterval(const sim::Interval& iv, Figure f, double unavailability = 0.0);
/// An upper bound written by `f`'s rule but rounded up, never down.
std::string formatUpperBound(Figure f, double bound);
/// A sum of money in whole units, with the currency after it when the model names one.
std::string formatMoney(double amount, const std::string& currency = {});
/// A signed difference in percentage points: "+0.0123".
std::string formatPoints(double difference, int decimals);
/// A duration: "45 s", "30 min", "4 h", "8,760 h".
std::string formatHours(double hours);
/// "1 replication", "2 replications".
std::string plural(double n, const std::string& one, const std::string& many);

/// The same, as QString for the window and the report writers.
inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
inline QString fixedText(double v, int decimals = 2)
{
    return qs(formatFixed(v, decimals));
}
inline QString figureText(Figure f, double v)
{
    return qs(formatFigure(f, v));
}
inline QString percentText(double share, int decimals)
{
    return qs(formatPercent(share, decimals));
}
inline QString availabilityText(double availability, double unavailability)
{
    return qs(formatAvailability(availability, unavailability));
}
inline QString ninesText(double unavailability)
{
    return qs(formatNines(unavailability));
}
/// The nines of an upper bound on U, rounded down: "at least" this many nines.
inline QString ninesBoundText(double unavailabilityBound)
{
    return fixedText(std::floor(-std::log10(unavailabilityBound) * 100.0) / 100.0, 2);
}
inline QString intervalText(const sim::Interval& iv, Figure f, double unavailability = 0.0)
{
    return qs(formatInterval(iv, f, unavailability));
}

}  // namespace nines::present
