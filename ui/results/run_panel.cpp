#include "run_panel.h"
#include "ui/present/field_words.h"

#include "ui/document/document.h"
#include "ui/document/edit_commands.h"
#include "ui/results/chart_layout.h"
#include "ui/results/qcustomplot_include.h"
#include "ui/results/result_charts.h"
#include "ui/present/number_format.h"
#include "ui/present/result_tables.h"
#include "model/io/scenario.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QRegularExpressionValidator>
#include <QPushButton>
#include <QAbstractSpinBox>
#include <QSpinBox>
#include <QThread>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace nines::ui {

namespace {

/// A number field that shows as many decimals as the value has (8,760 h, 0.05), while still
/// taking the model's precision.
class ShortestSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double v) const override
    {
        QString s = locale().toString(v, 'f', QLocale::FloatingPointShortest);
        if (!isGroupSeparatorShown())
            s.remove(locale().groupSeparator());
        return s;
    }
};

QString duration(double seconds)
{
    if (seconds < 60)
        return QObject::tr("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    if (seconds < 3600)
        return QObject::tr("%1 min %2 s").arg(int(seconds / 60)).arg(int(seconds) % 60);
    return QObject::tr("%1 h %2 min").arg(int(seconds / 3600)).arg((int(seconds) % 3600) / 60);
}

}  // namespace

RunPanel::RunPanel(Document* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , replications_(new QSpinBox(this))
    , precision_(new ShortestSpinBox(this))
    , mission_(new ShortestSpinBox(this))
    , start_(new QComboBox(this))
    , seed_(new QLineEdit(this))
    , threads_(new QSpinBox(this))
    , simulate_(new QPushButton(tr("Simulate"), this))
    , analyze_(new QPushButton(tr("Analyze exactly"), this))
    , cancel_(new QPushButton(tr("Cancel"), this))
    , progress_(new QProgressBar(this))
    , timing_(new QLabel(this))
    , status_(new QLabel(this))
    , live_(new QCustomPlot(this))
    , watcher_(new QFutureWatcher<std::shared_ptr<const study::Evaluation>>(this))
    , exactWatcher_(new QFutureWatcher<sim::AnalyticResult>(this))
{
    replications_->setRange(1, 100000000);
    replications_->setGroupSeparatorShown(true);
    replications_->setToolTip(tr("Replications to run, or the most to run with a target precision"));
    // The model's own ranges and precision, so that showing a value never rounds it.
    precision_->setRange(0, 0.999);
    precision_->setDecimals(4);
    precision_->setSingleStep(0.01);
    precision_->setSpecialValueText(tr("off (run them all)"));
    precision_->setToolTip(tr("Stop once the 95% half-width of the unavailability is below this share of it"));
    mission_->setRange(0.001, 1e7);
    mission_->setDecimals(3);
    mission_->setSuffix(tr(" h"));
    mission_->setGroupSeparatorShown(true);
    start_->addItem(tr("A year in steady service"), int(model::EstimateStart::Steady));
    start_->addItem(tr("The first year from new"), int(model::EstimateStart::New));
    start_->setToolTip(tr("What the figures estimate: a year (mission) of a system long in service, after a "
                          "warm-up, or the first one from all new (wear-out makes that one better)"));
    seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,15}")), seed_));
    threads_->setRange(0, 1024);
    threads_->setSpecialValueText(tr("all cores (%1)").arg(QThread::idealThreadCount()));
    threads_->setToolTip(tr("Worker threads; the result is the same for any number"));

    auto* form = new QFormLayout;
    form->addRow(tr("Replications"), replications_);
    form->addRow(tr("Target precision"), precision_);
    form->addRow(tr("Mission time"), mission_);
    form->addRow(tr("Estimate"), start_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Threads"), threads_);

    auto* buttons = new QHBoxLayout;
    simulate_->setDefault(true);
    simulate_->setToolTip(tr("Simulate the model (F5)"));
    analyze_->setToolTip(tr("The exact steady-state solution, where the model allows it (F6)"));
    cancel_->setToolTip(tr("Stop the run and keep what it has so far"));
    buttons->addWidget(simulate_);
    buttons->addWidget(analyze_);
    buttons->addWidget(cancel_);
    auto* middle = new QVBoxLayout;
    middle->addLayout(buttons);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    progress_->setFormat(QString());
    middle->addWidget(progress_);
    timing_->setWordWrap(true);  // "1,000 replications in 0.4 s (4.9 million events/s)" widened the panel
    middle->addWidget(timing_);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // "The model has problems" holds while they last: once fixed, the panel says it can run.
    connect(doc_, &Document::problemsChanged, this, [this] {
        if (blockedByProblems_ && !doc_->hasErrors()) {
            blockedByProblems_ = false;
            status_->setText(tr("The problems are fixed: the model is ready to simulate."));
        }
    });
    middle->addWidget(status_);
    middle->addStretch();

    // The chart gives way first: at 280 pixels it made the panel 861 wide, two thirds of a
    // laptop's screen, and the Problems beside it a sliver.
    live_->setMinimumSize(160, 140);
    live_->setToolTip(tr("The estimate and its 95% band while the run goes on"));
    styleChart(live_);
    live_->xAxis->setLabel(tr("Replications"));
    live_->xAxis->ticker()->setTickCount(2);  // the chart may be 160 pixels wide: labels must not run together
    live_->xAxis->ticker()->setTickStepStrategy(QCPAxisTicker::tssMeetTickCount);
    live_->yAxis->setLabel(tr("Availability (%)"));
    charts::showEmpty(live_, tr("Simulate (F5): the estimate and its 95% band are drawn here as the replications "
                                "accumulate."));

    auto* row = new QHBoxLayout(this);
    row->addLayout(form);
    row->addLayout(middle, 1);
    row->addWidget(live_, 2);

    connect(simulate_, &QPushButton::clicked, this, &RunPanel::simulate);
    connect(analyze_, &QPushButton::clicked, this, &RunPanel::analyzeExact);
    connect(cancel_, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(watcher_, &QFutureWatcherBase::finished, this, &RunPanel::onFinished);
    connect(exactWatcher_, &QFutureWatcherBase::finished, this, [this] {
        setRunning(false);
        const sim::AnalyticResult r = exactWatcher_->result();
        if (r.applicable)
            status_->setText(tr("Exact steady state: availability %1, %2 nines, %3 minutes of downtime a year.")
                                 .arg(present::percentText(r.availability, present::decimalsOf(present::Figure::Availability,
                                                                                                r.unavailability)),
                                      present::ninesText(r.unavailability),
                                      present::figureText(present::Figure::Minutes, r.unavailability * model::kMinutesPerYear)));
        else
            status_->setText(tr("The exact solver does not apply: %1")
                                 .arg(r.reasons.empty() ? QString() : present::withItemNames(doc_->fileModel(), QString::fromStdString(r.reasons.front()))));
        Q_EMIT exactFinished(r);
    });

    // The fields show the model's run settings and change them (undoably); threads are the
    // machine's business, not the model's.
    // Leaving a field commits it only when its value differs from the model's.
    for (QAbstractSpinBox* field : {static_cast<QAbstractSpinBox*>(replications_), static_cast<QAbstractSpinBox*>(precision_),
                                    static_cast<QAbstractSpinBox*>(mission_)})
        connect(field, &QAbstractSpinBox::editingFinished, this, &RunPanel::commitFields);
    connect(seed_, &QLineEdit::editingFinished, this, &RunPanel::commitFields);
    connect(start_, &QComboBox::activated, this, [this](int index) {
        const auto v = static_cast<model::EstimateStart>(start_->itemData(index).toInt());
        editSettings(tr("estimate"), [v](model::Settings& s) { s.start = v; });
    });
    connect(doc_, &Document::modelChanged, this, &RunPanel::loadSettings);
    connect(doc_, &Document::documentReset, this, &RunPanel::loadSettings);
    loadSettings();
    setRunning(false);
}

RunPanel::~RunPanel()
{
    // A run still going must not outlive the panel it reports to.
    if (stop_)
        stop_->store(true);
    watcher_->waitForFinished();
    exactWatcher_->waitForFinished();
}

void RunPanel::loadSettings()
{
    const model::Settings& s = doc_->fileModel().settings;
    loading_ = true;
    replications_->setValue(s.replications);
    precision_->setValue(s.target_relative_precision);
    mission_->setValue(s.mission_hours);
    start_->setCurrentIndex(start_->findData(int(s.start)));
    if (!seed_->hasFocus())
        seed_->setText(QString::number(s.seed));
    loading_ = false;
}

void RunPanel::editSettings(const QString& what, const std::function<void(model::Settings&)>& change)
{
    if (loading_)
        return;
    ModelHeader h = headerOf(doc_->fileModel());
    change(h.settings);
    if (h == headerOf(doc_->fileModel()))
        return;
    doc_->undoStack()->push(new HeaderCommand(doc_, h, tr("Change %1").arg(what)));
}

sim::RunSettings RunPanel::settings() const
{
    sim::RunSettings s = study::runSettingsOf(doc_->fileModel());
    s.threads = static_cast<unsigned>(threads_->value());
    return s;
}

bool RunPanel::running() const { return watcher_->isRunning() || exactWatcher_->isRunning(); }

void RunPanel::setRunning(bool on)
{
    simulate_->setEnabled(!on);
    analyze_->setEnabled(!on);
    cancel_->setEnabled(on);
}

void RunPanel::commitFields()
{
    // A shortcut (F5) does not take the focus: a value still being typed counts.
    if (replications_->value() != doc_->fileModel().settings.replications)
        editSettings(tr("replications"), [v = replications_->value()](model::Settings& s) { s.replications = v; });
    if (precision_->value() != doc_->fileModel().settings.target_relative_precision)
        editSettings(tr("target precision"),
                     [v = precision_->value()](model::Settings& s) { s.target_relative_precision = v; });
    if (std::abs(mission_->value() - doc_->fileModel().settings.mission_hours) > 5e-4)
        editSettings(tr("mission time"), [v = mission_->value()](model::Settings& s) { s.mission_hours = v; });
    if (!seed_->text().isEmpty() && seed_->text().toULongLong() != doc_->fileModel().settings.seed)
        editSettings(tr("seed"), [v = seed_->text().toULongLong()](model::Settings& s) { s.seed = v; });
}

void RunPanel::discard()
{
    if (!watcher_->isRunning())
        return;
    discard_ = true;
    if (stop_)
        stop_->store(true);
}

bool RunPanel::simulate()
{
    if (running()) {
        status_->setText(tr("A run is going on: cancel it first."));
        return false;
    }
    commitFields();
    if (doc_->hasErrors()) {
        status_->setText(tr("The model has problems (see the Problems list); fix them to run it."));
        blockedByProblems_ = true;
        return false;
    }
    const model::Model m = doc_->fileModel();
    const sim::RunSettings s = settings();
    stop_ = std::make_shared<std::atomic<bool>>(false);
    charts::clearEmpty(live_);
    live_->clearItems();
    live_->xAxis->grid()->setVisible(true);
    live_->yAxis->grid()->setVisible(true);
    live_->clearGraphs();
    for (int i = 0; i < 3; ++i)
        live_->addGraph();
    live_->graph(0)->setPen(QPen(QColor(0x2b, 0x6c, 0xb0), 2));
    live_->graph(1)->setPen(QPen(QColor(0x90, 0xcd, 0xf4)));
    live_->graph(2)->setPen(QPen(QColor(0x90, 0xcd, 0xf4)));
    live_->graph(2)->setBrush(QColor(0x2b, 0x6c, 0xb0, 45));
    live_->graph(2)->setChannelFillGraph(live_->graph(1));
    live_->replot();
    progress_->setValue(0);
    progress_->setFormat(tr("starting"));
    timing_->clear();
    status_->setText(tr("Simulating %1 replications of %2, seed %3...")
                         .arg(QString::fromStdString(present::formatFixed(s.replications, 0)), present::estimateText(s))
                         .arg(s.seed));
    clock_.start();
    QPointer<RunPanel> self(this);
    auto stop = stop_;
    // Progress comes from the merging thread: queued to the panel, never touching widgets there.
    const sim::ProgressFn progress = [self](const sim::Checkpoint& now, std::uint64_t target) {
        QMetaObject::invokeMethod(
            self.data(), [self, now, target] {
                if (self)
                    self->onProgress(now, target);
            },
            Qt::QueuedConnection);
    };
    watcher_->setFuture(QtConcurrent::run([m, s, stop, progress]() -> std::shared_ptr<const study::Evaluation> {
        return std::make_shared<const study::Evaluation>(study::evaluate(m, io::designsOf(m), s, stop.get(), progress));
    }));
    setRunning(true);
    Q_EMIT started();
    return true;
}

bool RunPanel::analyzeExact()
{
    if (running())
        return false;
    if (doc_->hasErrors()) {
        status_->setText(tr("The model has problems (see the Problems list); fix them to analyze it."));
        blockedByProblems_ = true;
        return false;
    }
    status_->setText(tr("Solving exactly..."));
    exactWatcher_->setFuture(QtConcurrent::run([m = doc_->fileModel()] { return sim::analyze(m); }));
    setRunning(true);
    return true;
}

void RunPanel::cancel()
{
    if (!watcher_->isRunning())
        return;  // the exact solver is not interruptible, and takes moments
    if (stop_)
        stop_->store(true);
    status_->setText(tr("Cancelling..."));
}

void RunPanel::onProgress(const sim::Checkpoint& now, std::uint64_t target)
{
    if (!watcher_->isRunning() || discard_)
        return;
    if (now.replications >= target)
        status_->setText(tr("Simulated; now the exact solution and, per data store, CP against AP..."));
    const double share = target > 0 ? std::min(1.0, double(now.replications) / double(target)) : 0.0;
    progress_->setValue(int(1000 * share));
    progress_->setFormat(tr("%1 of %2 replications")
                             .arg(QString::fromStdString(present::formatFixed(double(now.replications), 0)),
                                  QString::fromStdString(present::formatFixed(double(target), 0))));
    const double elapsed = clock_.elapsed() / 1000.0;
    const double remaining = share > 0 ? elapsed * (1 - share) / share : 0;
    timing_->setText(tr("elapsed %1, about %2 left (or less, once the precision is reached)")
                         .arg(duration(elapsed), duration(remaining)));
    live_->graph(0)->addData(double(now.replications), 100 * now.availability);
    live_->graph(1)->addData(double(now.replications), 100 * now.ci_low);
    live_->graph(2)->addData(double(now.replications), 100 * now.ci_high);
    live_->xAxis->setRange(0, double(now.replications) * 1.05 + 1);
    const double half = std::max(1e-7, 100 * (now.ci_high - now.ci_low));
    live_->yAxis->setRange(100 * now.availability - 1.5 * half, std::min(100.0, 100 * now.availability + 1.5 * half));
    live_->replot(QCustomPlot::rpQueuedReplot);
}

void RunPanel::showWholeRun(const sim::RunResult& r)
{
    // The last progress reports arrive after the run has finished and are dropped: the chart
    // stopped at 400 of 1,000 replications. The run's own record draws it to the end.
    if (r.convergence.empty() || live_->graphCount() < 3)
        return;
    QVector<double> x, mean, low, high;
    for (const auto& p : r.convergence) {
        x << double(p.replications);
        mean << 100 * p.availability;
        low << 100 * p.ci_low;
        high << 100 * p.ci_high;
    }
    live_->graph(0)->setData(x, mean, true);
    live_->graph(1)->setData(x, low, true);
    live_->graph(2)->setData(x, high, true);
    live_->xAxis->setRange(0, x.back() * 1.05 + 1);
    const auto& last = r.convergence.back();
    const double half = std::max(1e-7, 100 * (last.ci_high - last.ci_low));
    live_->yAxis->setRange(100 * last.availability - 1.5 * half, std::min(100.0, 100 * last.availability + 1.5 * half));
    live_->replot();
}

void RunPanel::onFinished()
{
    setRunning(false);
    if (discard_) {
        discard_ = false;
        progress_->setValue(0);
        progress_->setFormat(QString());
        timing_->clear();
        status_->setText(tr("The run of the previous model was stopped."));
        return;
    }
    result_ = watcher_->result();
    const sim::RunResult& r = result_->simulation;
    progress_->setValue(r.partial() ? progress_->value() : 1000);
    showWholeRun(r);
    const bool none = r.replications == 0;
    progress_->setFormat(none ? tr("no result") : result_->partial() ? tr("cancelled") : tr("done"));
    timing_->setText(tr("%1 replications in %2 (%3 million events/s)")
                         .arg(QString::fromStdString(present::formatFixed(double(r.replications), 0)), duration(r.wall_seconds),
                              QString::fromStdString(present::formatFixed(r.events_per_second() / 1e6, 1))));
    status_->setText(none ? (r.stop == sim::StopReason::WallClock
                                 ? tr("No replication finished within the time budget: there are no figures.")
                                 : tr("Cancelled before one replication finished: there are no figures."))
                     : result_->partial() ? tr("Cancelled: the results so far are shown, marked as partial.")
                                          : tr("Done: availability %1 (see Results).")
                                                .arg(present::availabilityText(r.availability.mean, r.unavailability.mean)));
    Q_EMIT finished(result_);
}

}  // namespace nines::ui
