// How the window's dashboard and the reports write figures: percentages with as many decimals as
// the unavailability needs, nines, plain numbers with thousands separators.
#pragma once

#include "text_format.h"

#include "sim/run.h"

#include <QObject>
#include <QString>

#include <algorithm>
#include <cmath>

namespace nines::ui {

inline QString fixedText(double v, int decimals = 2)
{
    return QString::fromStdString(formatFixed(v, decimals));
}

/// Enough decimals to show the first two significant digits of the unavailability.
inline int availabilityDecimals(double unavailability)
{
    if (!(unavailability > 0))
        return 4;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(unavailability))) + 1, 3, 9);
}

inline QString percentText(double share, int decimals)
{
    return fixedText(100.0 * share, decimals) + QLatin1Char('%');
}

/// "99.95% – 99.97%" (or plain numbers): a 95% interval.
inline QString intervalText(const sim::Interval& iv, int decimals, bool asPercent)
{
    auto f = [&](double v) { return asPercent ? percentText(v, decimals) : fixedText(v, decimals); };
    return f(iv.low) + QStringLiteral(" \u2013 ") + f(iv.high);
}

inline QString ninesText(double unavailability)
{
    const double n = sim::ninesOf(unavailability);
    return std::isfinite(n) ? fixedText(n, 2) : QObject::tr("no outage observed");
}

}  // namespace nines::ui
