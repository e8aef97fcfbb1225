// Charts of what-if questions. The scenarios' differences from the base: each one's paired 95%
// interval (common random numbers) beside the interval two separate runs would give. A sweep:
// with one swept field, the availability at each value (its 95%
// interval, the exact value where there is one) and the cost of ownership against the field, the
// SLA line and the smallest value that meets it; with two, a heat map of the nines over both.
#pragma once

#include "sim/study/comparison.h"
#include "sim/study/sweep.h"

#include <QString>

class QCustomPlot;

namespace nines::ui {

/// Clears the plot and draws the sweep; false when no point is valid.
bool drawSweep(QCustomPlot* plot, const study::Sweep& sweep, const QString& currency = {});

/// Clears the plot and draws each scenario's difference from the base; false without scenarios.
bool drawDifferences(QCustomPlot* plot, const study::Comparison& c);

/// A swept value as the charts and tables write it: whole numbers without decimals.
QString sweepValueText(double v);

/// One sentence on what the sweep found: "The SLA (99.9%) is first met at components[app].instances = 4."
QString sweepFinding(const study::Sweep& sweep);

}  // namespace nines::ui
