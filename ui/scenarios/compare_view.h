// The Compare tab: choosing between designs. Its pages show the scenarios side by side (the
// comparison of the last run: table, cost against availability with the efficient frontier, each
// scenario's paired difference from the base), run a what-if sweep over one or two numeric fields
// (availability and cost against the field, or a heat map), and rank what to improve next.
// Sweeps and rankings run on a worker thread and can be cancelled; what they show is computed in
// ui/comparison and ui/improvements, like the command line's compare, sweep and improve.
#pragma once

#include "sim/study/evaluation.h"
#include "sim/study/comparison.h"
#include "sim/study/sweep.h"
#include "sim/study/improvements.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QVBoxLayout;

namespace nines::ui {

class Document;

class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(Document* doc, QWidget* parent = nullptr);
    ~CompareView() override;

    /// Shows the comparison of the scenarios of a run (none: asks for one).
    void setAnalysis(std::shared_ptr<const study::Evaluation> a);
    QTabWidget* pages() const { return pages_; }
    QTableWidget* comparisonTable() const { return comparisonTable_; }
    QCustomPlot* costPlot() const { return costPlot_; }
    QCustomPlot* differencePlot() const { return differencePlot_; }

    /// Starts a sweep of the file's model over "PATH=FROM..TO[:STEP]" (and a second axis, if
    /// given); returns why it cannot start. sweepFinished() follows.
    QString startSweep(const QString& axis, const QString& secondAxis = {});
    const std::optional<study::Sweep>& sweep() const { return sweep_; }
    QCustomPlot* sweepPlot() const { return sweepPlot_; }
    QLabel* sweepFinding() const { return sweepFinding_; }
    QComboBox* sweepPath() const { return path1_; }

    /// Ranks the candidate changes of the file's model; improveFinished() follows.
    QString startImprove();
    const std::optional<study::ImprovementPlan>& plan() const { return plan_; }
    QTableWidget* improveTable() const { return improveTable_; }

    void cancel();
    bool busy() const;

Q_SIGNALS:
    void sweepFinished();
    void improveFinished();
    /// The user asked to compare the scenarios: the window runs Simulate, which compares them.
    void compareRequested();

protected:
    void showEvent(QShowEvent* e) override;

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    bool choicesStale_ = false;
    QWidget* scenariosPage();
    QWidget* sweepPage();
    QWidget* improvePage();
    void fillPathChoices();
    void suggestRange(QComboBox* path, QLineEdit* range);
    void showSweep();
    void showPlan();
    void setBusy(const QString& what);

    Document* doc_;
    QTabWidget* pages_;
    std::shared_ptr<const study::Evaluation> analysis_;
    // Scenarios page.
    QLabel* compareNote_;
    QWidget* compareContent_;
    QVBoxLayout* compareTables_;
    QBoxLayout* compareCharts_ = nullptr;  // the two charts: side by side where wide
    QTableWidget* comparisonTable_ = nullptr;
    QCustomPlot* costPlot_;
    QCustomPlot* differencePlot_;
    // study::Sweep page.
    QComboBox* path1_;
    QLineEdit* range1_;
    QCheckBox* second_;
    QComboBox* path2_;
    QLineEdit* range2_;
    QPushButton* runSweep_;
    QLabel* sweepFinding_;
    QCustomPlot* sweepPlot_;
    QTableWidget* sweepTable_;
    std::optional<study::Sweep> sweep_;
    // Improve page.
    QPushButton* runImprove_;
    QLabel* improveNote_;
    QTableWidget* improveTable_;
    std::optional<study::ImprovementPlan> plan_;
    // Work in progress.
    QPushButton* cancelButton_;
    QLabel* status_;
    std::shared_ptr<std::atomic<bool>> stop_;
    int generation_ = 0;  // documents opened so far: a result of an earlier one is dropped
    int started_ = 0;     // the generation the running work belongs to
    QFutureWatcher<study::Sweep>* sweepWatcher_;
    QFutureWatcher<study::ImprovementPlan>* improveWatcher_;
};

}  // namespace nines::ui
