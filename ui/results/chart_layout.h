// Where a chart's words go (internal to ui/): the legend above the plot, where it can never cover
// data; point labels that keep off each other and inside the plot; money on an axis as "1.2 M";
// names wrapped onto two lines under a bar; and the sentence an empty chart shows instead of an
// empty frame.
#pragma once

#include "ui/results/qcustomplot_include.h"

#include <QPointF>
#include <QString>

#include <vector>

namespace nines::ui::charts {

/// Shows the legend in a row of its own above the plot, its entries side by side (wrapping), or
/// hides it and gives the row back. Inside the plot a legend covered bars and bands.
void placeLegend(QCustomPlot* plot, bool visible);

/// Gives the plot one title row above everything else (replacing the one it had).
void setTitle(QCustomPlot* plot, const QString& title, const QFont& font);

/// Keeps the labels of points (one per anchor, in plot coordinates) off each other and inside
/// the plot, every time the plot is laid out: each sits beside its point, on the left where the
/// right would run past the edge, and one that would cover another moves below it.
void declutterLabels(QCustomPlot* plot, const std::vector<QCPItemText*>& labels, const std::vector<QPointF>& anchors);

/// Tick labels of money in thousands and millions ("250 k", "1.2 M"): "1.1·10⁶" read as a formula.
class MoneyTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
};

/// A name for a tick under a bar: at most two lines of about `perLine` characters, broken at
/// spaces, the second elided ("Application\nservers" rather than "Application serve…").
QString wrappedName(const QString& name, int perLine = 16);

/// Clears the plot and shows `sentence` in its middle, axes hidden: what the chart would show and
/// why there is nothing yet. drawChart shows the axes again when it draws.
void showEmpty(QCustomPlot* plot, const QString& sentence);
/// The sentence shown by showEmpty, or empty when the plot shows data.
QString emptySentence(const QCustomPlot* plot);
/// Shows the axes again after showEmpty, before a chart is drawn.
void clearEmpty(QCustomPlot* plot);

}  // namespace nines::ui::charts
