// The charts of an analysis, drawn into a QCustomPlot: the dashboard shows them as widgets,
// reports paint them (as vectors) into PDF and SVG. Each returns false when the analysis has
// nothing to show for it (no capacity modelled, no data store); the plot then says why in a
// sentence instead of showing an empty frame, and the dashboard and report leave the chart out.
#pragma once

#include "sim/study/evaluation.h"

#include <QString>

class QCustomPlot;

namespace nines::ui {

enum class ChartKind {
    Downtime,     // yearly downtime over the replications, with median, p90 and p99 marked
    OutageLength, // outage lengths, log-spaced bins
    Convergence,  // the estimate and its 95% band as replications accumulate (and the exact value)
    Criticality,  // components ranked by criticality, with the downtime each would save if perfect
    Capacity,     // demand against capacity per tier: all up, after N+1, after a zone loss
    Growth,       // headroom per tier over the months of load growth
    Cap,          // per data store: the system's availability as CP and as AP
    CostAvailability,  // scenarios: cost of ownership against availability, the efficient frontier
    MonthlyDowntime,   // months by their downtime (log bins), with the SLA's and the credits' thresholds
};

inline constexpr ChartKind kAllCharts[] = {ChartKind::Downtime,    ChartKind::OutageLength, ChartKind::Convergence,
                                           ChartKind::Criticality, ChartKind::Capacity,     ChartKind::Growth,
                                           ChartKind::Cap,         ChartKind::CostAvailability, ChartKind::MonthlyDowntime};

/// Title of a chart ("Downtime per year") and a sentence saying how to read it.
QString chartTitle(ChartKind kind);
QString chartCaption(ChartKind kind);
/// Why a chart has nothing to show for an analysis, in a sentence that says what would fill it
/// ("No load is modelled: give an entry its demand..."); drawChart shows it in the plot.
QString chartEmptyText(ChartKind kind, const study::Evaluation& a);
/// Short id for file names and CSV ("downtime", "outage-lengths", ...).
QString chartId(ChartKind kind);

/// Clears the plot and draws the chart; false when the analysis has nothing for it, and the plot
/// then shows chartEmptyText instead of an empty frame.
bool drawChart(QCustomPlot* plot, ChartKind kind, const study::Evaluation& a);

/// Applies the house style (fonts, colours, grid) to a plot; drawChart does it too.
void styleChart(QCustomPlot* plot);

}  // namespace nines::ui
