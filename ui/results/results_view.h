// The results dashboard: the headline (availability with its interval, nines, downtime, SLA
// miss probability, the exact value beside the simulated one), every chart of the analysis with
// hover read-outs and export to PNG/SVG/PDF, and the report's tables. It shows what sim/
// computed; a banner says when the model has changed since, or when the run was cancelled.
#pragma once

#include "sim/study/evaluation.h"
#include "ui/results/result_charts.h"
#include "ui/present/result_tables.h"

#include <QScrollArea>

#include <map>
#include <memory>

class QCustomPlot;
class QGridLayout;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace nines::ui {

/// Shows a table's cells, read-only, in an existing table widget.
void fillTableWidget(QTableWidget* w, const present::Table& t);
/// A report table as a read-only table widget, as tall as its rows (up to maxRows).
QTableWidget* tableWidget(const present::Table& t, QWidget* parent, int maxRows = 300);

class ResultsView : public QScrollArea
{
    Q_OBJECT

public:
    explicit ResultsView(QWidget* parent = nullptr);

    void setAnalysis(std::shared_ptr<const study::Evaluation> a);
    std::shared_ptr<const study::Evaluation> analysis() const { return analysis_; }
    /// Marks the results as computed for an earlier version of the model.
    void setStale(bool stale);
    bool stale() const { return stale_; }

    /// The chart widget of a kind (null when the analysis has nothing for it).
    QCustomPlot* chart(ChartKind kind) const;
    /// Writes a chart as .png, .svg or .pdf; returns an empty string or why it failed.
    QString exportChart(ChartKind kind, const QString& path) const;
    QLabel* headline() const { return headline_; }
    /// The table of the report with this id ("components", ...), if shown.
    QTableWidget* table(const QString& id) const;

    /// Where to save an exported chart (replaced by tests).
    std::function<QString(const QString& suggested)> askChartPath;

private:
    void rebuild();
    QWidget* chartBox(ChartKind kind);
    void resizeEvent(QResizeEvent* e) override;

    std::shared_ptr<const study::Evaluation> analysis_;
    bool stale_ = false;
    QWidget* content_;
    QVBoxLayout* layout_;
    QLabel* banner_;
    QLabel* headline_;
    QString headTitle_, headTail_;  // the headline around its figures
    QStringList headCells_;         // one per figure, laid out in rows that fit the width
    int headColumns_ = 0;
    int chartColumns_ = 2;          // charts side by side where the width allows
    void layoutHeadline();
    void placeCharts(const std::vector<QWidget*>& boxes);
    QWidget* charts_;
    QGridLayout* chartGrid_;
    QWidget* tables_;
    QVBoxLayout* tableLayout_;
    std::map<ChartKind, QCustomPlot*> plots_;
    std::map<QString, QTableWidget*> tableWidgets_;
};

}  // namespace nines::ui
