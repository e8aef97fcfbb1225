// Pieces the result charts share (internal to ui/): the house colours, bar and marker helpers,
// and the charts of the design (capacity, growth, CP/AP, scenarios) drawn in design_charts.cpp.
#pragma once

#include "sim/study/evaluation.h"
#include "ui/results/qcustomplot_include.h"
#include "ui/present/number_format.h"

#include <algorithm>
#include <vector>

namespace nines::ui::charts {

inline const QColor kBlue(0x2b, 0x6c, 0xb0);
inline const QColor kTeal(0x2c, 0x7a, 0x7b);
inline const QColor kAmber(0xb7, 0x79, 0x1f);
inline const QColor kRed(0xc5, 0x30, 0x30);
inline const QColor kGrey(0x71, 0x80, 0x96);

inline QString num(double v, int decimals = 1)
{
    return QString::fromStdString(present::formatFixed(v, decimals));
}

inline QCPBars* bars(QCustomPlot* plot, QCPAxis* key, QCPAxis* value, const QColor& colour, const QString& name)
{
    auto* b = new QCPBars(key, value);
    b->setName(name);
    b->setPen(QPen(colour.darker(120)));
    QColor fill = colour;
    fill.setAlpha(200);
    b->setBrush(fill);
    Q_UNUSED(plot);
    return b;
}

inline void marker(QCustomPlot* plot, double x, const QString& label, const QColor& colour, double labelRow)
{
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(QPen(colour, 1.5, Qt::DashLine));
    auto* text = new QCPItemText(plot);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(x, 0.04 + 0.08 * labelRow);
    // Near the right edge the label goes to the left of its line, so that it is not cut.
    const QCPRange range = plot->xAxis->range();
    const bool right = x > range.lower + 0.7 * range.size();
    text->setPositionAlignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    text->setPadding(right ? QMargins(0, 0, 4, 0) : QMargins(4, 0, 0, 0));
    text->setText(label);
    text->setColor(colour);
    QFont f = plot->font();
    f.setPointSizeF(9);
    text->setFont(f);
}

inline void limitLine(QCustomPlot* plot, double y, const QString& label)
{
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(0, y);
    line->point2->setCoords(1, y);
    line->setPen(QPen(kRed, 1.5, Qt::DashLine));
    auto* text = new QCPItemText(plot);
    text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.01, y);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    text->setText(label);
    text->setColor(kRed);
    QFont f = plot->font();
    f.setPointSizeF(8.5);
    text->setFont(f);
}

/// A point with the interval around it (distances below and above, along the key or value axis
/// as the error bars are set).
struct PointWithInterval {
    double key = 0;
    double value = 0;
    double below = 0;
    double above = 0;
};

/// Adds the points to the graph and their intervals to the bars, in order of key. A QCPGraph
/// keeps its data sorted by key and QCPErrorBars gives the i-th interval to the i-th point in
/// that order: points added out of key order would each carry another point's interval (the
/// Compare chart did: a scenario's interval drawn on another scenario's row).
inline void addPointsWithIntervals(QCPGraph* graph, QCPErrorBars* intervals, std::vector<PointWithInterval> points)
{
    std::stable_sort(points.begin(), points.end(),
                     [](const PointWithInterval& a, const PointWithInterval& b) { return a.key < b.key; });
    for (const PointWithInterval& p : points) {
        graph->addData(p.key, p.value);
        intervals->addData(p.below, p.above);
    }
}

/// Charts of the design's capacity, data stores and scenarios; false when there is nothing to show.
bool capacity(QCustomPlot* plot, const study::Evaluation& a);
bool growth(QCustomPlot* plot, const study::Evaluation& a);
bool cap(QCustomPlot* plot, const study::Evaluation& a);
bool costAvailability(QCustomPlot* plot, const study::Evaluation& a);

}  // namespace nines::ui::charts
