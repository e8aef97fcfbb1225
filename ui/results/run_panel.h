// The run panel: the settings of a run (replications or target precision, mission time, seed,
// threads), Simulate / Analyze / Cancel, and a live view of a running simulation (progress with
// elapsed and remaining time, the estimate converging with its band). The work runs on a worker
// thread; the window stays responsive and a cancel returns the partial result within moments.
#pragma once

#include "sim/study/evaluation.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;

#include <atomic>
#include <memory>

class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
template <typename T>
class QFutureWatcher;

namespace nines::ui {

class Document;

class RunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunPanel(Document* doc, QWidget* parent = nullptr);
    ~RunPanel() override;

    /// Starts a simulation of the document's model with the panel's settings; false (with the
    /// reason in the status line) when the model has errors or a run is going on.
    bool simulate();
    /// The exact solver alone (fast), on the worker thread too.
    bool analyzeExact();
    /// Asks the running work to stop; the partial result arrives through finished().
    void cancel();
    /// Stops the running work and drops its result (the document it was for is gone).
    void discard();
    bool running() const;

    /// The latest complete or partial result (null before the first run).
    std::shared_ptr<const study::Evaluation> result() const { return result_; }
    /// The run settings the panel would use now.
    sim::RunSettings settings() const;

    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    QSpinBox* replicationsField() const { return replications_; }
    QSpinBox* threadsField() const { return threads_; }

Q_SIGNALS:
    void started();
    void finished(std::shared_ptr<const study::Evaluation> result);
    void exactFinished(const sim::AnalyticResult& result);

private:
    void loadSettings();
    void editSettings(const QString& what, const std::function<void(model::Settings&)>& change);
    void onProgress(const sim::Checkpoint& now, std::uint64_t target);
    void onFinished();
    void setRunning(bool on);
    void showWholeRun(const sim::RunResult& r);

    Document* doc_;
    QSpinBox* replications_;
    QDoubleSpinBox* precision_;
    QDoubleSpinBox* mission_;
    QComboBox* start_;  // what the figures estimate: a steady year or the first from new
    QLineEdit* seed_;
    QSpinBox* threads_;
    QPushButton* simulate_;
    QPushButton* analyze_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* timing_;
    QLabel* status_;
    QCustomPlot* live_;
    std::shared_ptr<std::atomic<bool>> stop_;
    QFutureWatcher<std::shared_ptr<const study::Evaluation>>* watcher_;
    QFutureWatcher<sim::AnalyticResult>* exactWatcher_;
    QElapsedTimer clock_;
    std::shared_ptr<const study::Evaluation> result_;
    bool loading_ = false;
    bool discard_ = false;
    bool blockedByProblems_ = false;  // the status says the model has problems
    void commitFields();
};

}  // namespace nines::ui
