#include "compare_view.h"

#include "ui/document/document.h"
#include "ui/present/number_format.h"
#include "ui/results/chart_layout.h"
#include "ui/results/qcustomplot_include.h"
#include "ui/present/result_tables.h"
#include "ui/results/result_charts.h"
#include "ui/results/results_view.h"
#include "ui/scenarios/what_if_charts.h"

#include "model/io/json_writer.h"
#include "model/io/scenario.h"
#include "model/path.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QGridLayout>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace nines::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QLabel* note(const QString& text, QWidget* parent)
{
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #4a5568"));
    return l;
}

QCustomPlot* plotWidget(QWidget* parent, int height)
{
    auto* p = new QCustomPlot(parent);
    p->setMinimumHeight(height);
    styleChart(p);
    return p;
}

/// Every numeric field of the design a sweep can step ("components[app].instances", ...), with
/// its value: the fields as the file writes them, so also those a template gives.
void numericFields(const QJsonValue& v, const std::string& path, std::vector<std::pair<std::string, double>>& out)
{
    if (v.isDouble()) {
        out.emplace_back(path, v.toDouble());
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (path.empty() && (key == "settings" || key == "scenarios" || key == "format"))
                continue;  // run settings are not swept, scenarios not reached
            if (key == "position" || key == "x" || key == "y")
                continue;  // where an item is drawn is not the design
            numericFields(it.value(), model::joinPath(path, key), out);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        std::vector<std::string> ids;
        for (const auto& x : a)
            ids.push_back(x.toObject().value(QLatin1String("id")).toString().toStdString());
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a.at(i).isObject())  // lists of plain numbers (the daily profile) are not one field
                numericFields(a.at(i), model::elementPath(path, ids, size_t(i)), out);
    }
}

}  // namespace

CompareView::CompareView(Document* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , pages_(new QTabWidget(this))
    , compareNote_(new QLabel(this))
    , compareContent_(nullptr)
    , compareTables_(nullptr)
    , costPlot_(nullptr)
    , differencePlot_(nullptr)
    , path1_(new QComboBox(this))
    , range1_(new QLineEdit(this))
    , second_(new QCheckBox(tr("and a second field:"), this))
    , path2_(new QComboBox(this))
    , range2_(new QLineEdit(this))
    , runSweep_(new QPushButton(tr("Run sweep"), this))
    , sweepFinding_(new QLabel(this))
    , sweepPlot_(nullptr)
    , sweepTable_(new QTableWidget(this))
    , runImprove_(new QPushButton(tr("Find what to improve"), this))
    , improveNote_(new QLabel(this))
    , improveTable_(new QTableWidget(this))
    , cancelButton_(new QPushButton(tr("Cancel"), this))
    , status_(new QLabel(this))
    , sweepWatcher_(new QFutureWatcher<study::Sweep>(this))
    , improveWatcher_(new QFutureWatcher<study::ImprovementPlan>(this))
{
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    pages_->addTab(scenariosPage(), tr("Scenarios"));
    pages_->addTab(sweepPage(), tr("What-if sweep"));
    pages_->addTab(improvePage(), tr("Improve next"));
    box->addWidget(pages_, 1);
    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(8, 2, 8, 4);
    bottom->addWidget(status_, 1);
    bottom->addWidget(cancelButton_);
    cancelButton_->hide();
    box->addLayout(bottom);
    connect(cancelButton_, &QPushButton::clicked, this, &CompareView::cancel);
    connect(sweepWatcher_, &QFutureWatcherBase::finished, this, [this] {
        setBusy({});
        if (started_ != generation_)
            return;  // started for a document since closed
        sweep_ = sweepWatcher_->result();
        showSweep();
        Q_EMIT sweepFinished();
    });
    connect(improveWatcher_, &QFutureWatcherBase::finished, this, [this] {
        setBusy({});
        if (started_ != generation_)
            return;
        plan_ = improveWatcher_->result();
        showPlan();
        Q_EMIT improveFinished();
    });
    connect(doc_, &Document::documentReset, this, [this] {
        ++generation_;
        cancel();
        sweep_.reset();
        plan_.reset();
        showSweep();
        showPlan();
    });
    // The field list is rebuilt when the tab is next shown, not on every keystroke of an edit.
    connect(doc_, &Document::modelChanged, this, [this] {
        if (isVisible())
            fillPathChoices();
        else
            choicesStale_ = true;
    });
    fillPathChoices();
    setAnalysis(nullptr);
}

CompareView::~CompareView()
{
    // A worker still running reads the copy of the model it was given; stop it and wait.
    cancel();
    sweepWatcher_->waitForFinished();
    improveWatcher_->waitForFinished();
}

QWidget* CompareView::scenariosPage()
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    compareContent_ = new QWidget(scroll);
    compareContent_->setBackgroundRole(QPalette::Base);
    compareContent_->setAutoFillBackground(true);
    auto* box = new QVBoxLayout(compareContent_);
    auto* top = new QHBoxLayout;
    compareNote_->setWordWrap(true);
    compareNote_->setTextFormat(Qt::RichText);
    top->addWidget(compareNote_, 1);
    auto* compare = new QPushButton(tr("Compare (F5)"), compareContent_);
    compare->setToolTip(tr("Simulate the base and every scenario with the same random numbers"));
    connect(compare, &QPushButton::clicked, this, &CompareView::compareRequested);
    top->addWidget(compare, 0, Qt::AlignTop);
    box->addLayout(top);
    // Side by side on a wide screen, one above the other on a laptop's (each was 170 pixels
    // wide there, titles cut and names on top of each other).
    compareCharts_ = new QBoxLayout(QBoxLayout::TopToBottom);
    costPlot_ = plotWidget(compareContent_, 340);
    differencePlot_ = plotWidget(compareContent_, 340);
    compareCharts_->addWidget(costPlot_, 1);
    compareCharts_->addWidget(differencePlot_, 1);
    box->addLayout(compareCharts_);
    compareTables_ = new QVBoxLayout;
    box->addLayout(compareTables_);
    box->addStretch();
    scroll->setWidget(compareContent_);
    return scroll;
}

QWidget* CompareView::sweepPage()
{
    // In a scroll area, like the scenarios page: its chart and table must not hold the window
    // taller or wider than a laptop's screen.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto* box = new QVBoxLayout(page);
    box->addWidget(note(tr("Step one numeric field of the design over a range, or two for a heat map. Each point is "
                           "simulated with the model's run settings and the same seed, and solved exactly where the "
                           "solver applies; the sweep names the cheapest point (to own) that meets the SLA."),
                        page));
    // The first field and its range on one row, the optional second on the next.
    auto* form = new QGridLayout;
    for (QComboBox* c : {path1_, path2_}) {
        c->setEditable(true);
        c->setInsertPolicy(QComboBox::NoInsert);
        c->setMinimumContentsLength(16);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setToolTip(tr("A numeric field of the design, by its field path"));
    }
    path1_->setObjectName(QStringLiteral("sweepPath"));
    for (QLineEdit* r : {range1_, range2_}) {
        r->setPlaceholderText(tr("FROM..TO[:STEP]"));
        r->setMinimumWidth(110);
        r->setMaximumWidth(150);
        r->setToolTip(tr("The values: from, to and the step (1 when left out), e.g. 2..6 or 0.5..4:0.5"));
    }
    form->addWidget(new QLabel(tr("Field:"), page), 0, 0);
    form->addWidget(path1_, 0, 1);
    form->addWidget(range1_, 0, 2);
    form->addWidget(runSweep_, 0, 3);
    form->addWidget(second_, 1, 0);
    form->addWidget(path2_, 1, 1);
    form->addWidget(range2_, 1, 2);
    form->setColumnStretch(1, 1);
    box->addLayout(form);
    path2_->setEnabled(false);
    range2_->setEnabled(false);
    connect(second_, &QCheckBox::toggled, this, [this](bool on) {
        path2_->setEnabled(on);
        range2_->setEnabled(on);
    });
    connect(path1_, &QComboBox::activated, this, [this] { suggestRange(path1_, range1_); });
    connect(path2_, &QComboBox::activated, this, [this] { suggestRange(path2_, range2_); });
    connect(runSweep_, &QPushButton::clicked, this, [this] {
        const auto axis = [](QComboBox* p, QLineEdit* r) { return p->currentText().trimmed() + QLatin1Char('=') + r->text().trimmed(); };
        const QString why = startSweep(axis(path1_, range1_), second_->isChecked() ? axis(path2_, range2_) : QString());
        if (!why.isEmpty())
            status_->setText(QStringLiteral("<span style=\"color:#c53030\">%1</span>").arg(why.toHtmlEscaped()));
    });
    sweepFinding_->setWordWrap(true);
    sweepFinding_->setObjectName(QStringLiteral("sweepFinding"));
    QFont f = sweepFinding_->font();
    f.setBold(true);
    sweepFinding_->setFont(f);
    box->addWidget(sweepFinding_);
    sweepPlot_ = plotWidget(page, 380);
    box->addWidget(sweepPlot_, 3);
    sweepTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sweepTable_->verticalHeader()->hide();
    box->addWidget(sweepTable_, 2);
    scroll->setWidget(page);
    return scroll;
}

QWidget* CompareView::improvePage()
{
    auto* page = new QWidget(this);
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto* box = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    improveNote_->setWordWrap(true);
    improveNote_->setText(tr("Concrete changes to the base design (a replica more, repairs twice as fast, another zone, a "
                             "data store switched to AP), ranked by the availability each gains: estimated exactly where "
                             "the solver applies, otherwise from each component's criticality, and the best confirmed by "
                             "simulating them against the base with the same random numbers."));
    improveNote_->setStyleSheet(QStringLiteral("color: #4a5568"));
    top->addWidget(improveNote_, 1);
    top->addWidget(runImprove_, 0, Qt::AlignTop);
    box->addLayout(top);
    connect(runImprove_, &QPushButton::clicked, this, [this] {
        const QString why = startImprove();
        if (!why.isEmpty())
            status_->setText(QStringLiteral("<span style=\"color:#c53030\">%1</span>").arg(why.toHtmlEscaped()));
    });
    improveTable_->setObjectName(QStringLiteral("improvements"));
    improveTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    improveTable_->verticalHeader()->hide();
    box->addWidget(improveTable_, 1);
    return page;
}

void CompareView::setAnalysis(std::shared_ptr<const study::Evaluation> a)
{
    analysis_ = std::move(a);
    while (QLayoutItem* item = compareTables_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    comparisonTable_ = nullptr;
    const bool has = analysis_ && analysis_->comparison && analysis_->comparison->runs.size() > 1;
    costPlot_->setVisible(has);
    differencePlot_->setVisible(has);
    if (!has) {
        compareNote_->setText(doc_->fileModel().scenarios.empty()
                                  ? tr("<h3>No scenarios yet</h3><p>Create one in the Scenarios dock (a variant of the base "
                                       "design: another zone, a standby database, a faster repair contract), edit it on "
                                       "the canvas, then compare.</p>")
                                  : tr("<h3>Not compared yet</h3><p>Compare runs the base and every scenario with the same "
                                       "random numbers, so that their differences are sharper than their separate "
                                       "intervals.</p>"));
        return;
    }
    const study::Comparison& c = *analysis_->comparison;
    QString head = tr("<h3>%1 designs compared</h3><p>%2 replications each, seed %3, common random numbers.")
                       .arg(c.runs.size())
                       .arg(c.settings.replications)
                       .arg(c.settings.seed);
    if (c.cheapest_meeting_sla)
        head += tr(" <b>Cheapest design that meets the SLA (%1): %2.</b>")
                    .arg(present::percentText(c.settings.sla_availability, 3), qs(c.runs[*c.cheapest_meeting_sla].name).toHtmlEscaped());
    else
        head += tr(" <b>No design meets the SLA (%1).</b>").arg(present::percentText(c.settings.sla_availability, 3));
    if (!c.problems.empty())
        head += QStringLiteral("<br><span style=\"color:#c53030\">%1</span>")
                    .arg(qs(c.problems.front()).toHtmlEscaped());
    compareNote_->setText(head + QStringLiteral("</p>"));
    // One title each, however many times the designs are compared (a row was added every time).
    charts::setTitle(costPlot_, chartTitle(ChartKind::CostAvailability), QFont(font().family(), 10, QFont::Bold));
    drawChart(costPlot_, ChartKind::CostAvailability, *analysis_);
    charts::setTitle(differencePlot_, tr("Difference from the base (95% intervals)"),
                     QFont(font().family(), 10, QFont::Bold));
    drawDifferences(differencePlot_, c);
    differencePlot_->replot();
    for (const present::Table& t : present::comparisonTables(analysis_->model, c)) {
        compareTables_->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(t.title.toHtmlEscaped()), compareContent_));
        QTableWidget* w = tableWidget(t, compareContent_);
        compareTables_->addWidget(w);
        if (t.id == QLatin1String("comparison"))
            comparisonTable_ = w;
        if (!t.note.isEmpty())
            compareTables_->addWidget(note(t.note, compareContent_));
    }
}

void CompareView::showEvent(QShowEvent* e)
{
    if (choicesStale_)
        fillPathChoices();
    QWidget::showEvent(e);
}

void CompareView::fillPathChoices()
{
    choicesStale_ = false;
    std::vector<std::pair<std::string, double>> fields;
    model::Model m = doc_->fileModel();
    m.scenarios.clear();
    numericFields(io::writeModel(m, {.keep_templates = false}), {}, fields);
    // How many zones a tier spans is a list in the file, but a number to sweep.
    if (!m.zones.empty())
        for (const auto& c : m.components)
            if (c.kind != model::ComponentKind::Entry)
                fields.emplace_back("components[" + c.id + "].zone_count", double(std::max<size_t>(1, c.zones.size())));
    for (QComboBox* c : {path1_, path2_}) {
        const QString keep = c->currentText();
        c->clear();
        for (const auto& [path, v] : fields)
            c->addItem(qs(path), v);
        c->setEditText(keep);
    }
}

void CompareView::suggestRange(QComboBox* path, QLineEdit* range)
{
    const QVariant v = path->currentData();
    if (!v.isValid())
        return;
    const double x = v.toDouble();
    if (path->currentText().endsWith(QLatin1String(".zone_count"))) {
        range->setText(QStringLiteral("1..%1").arg(doc_->fileModel().zones.size()));  // every zone there is
    } else if (x == std::round(x) && x >= 1 && x < 1000) {
        // A count (replicas, crews): from one below to a few above.
        range->setText(QStringLiteral("%1..%2").arg(std::max(1.0, x - 1)).arg(x + 3));
    } else if (x > 0) {
        // A time or rate: from a quarter to twice, in seven steps.
        const double lo = x / 4, hi = 2 * x, step = (hi - lo) / 7;
        range->setText(QStringLiteral("%1..%2:%3").arg(lo, 0, 'g', 4).arg(hi, 0, 'g', 4).arg(step, 0, 'g', 3));
    }
}

QString CompareView::startSweep(const QString& axis, const QString& secondAxis)
{
    if (busy())
        return tr("Wait for the running sweep or ranking to finish, or cancel it.");
    if (doc_->hasErrors())
        return tr("The model has errors (see the Problems panel): fix them before sweeping.");
    std::vector<study::SweepAxis> axes;
    for (const QString& spec : {axis, secondAxis}) {
        if (spec.isEmpty())
            continue;
        std::string why;
        auto a = study::parseSweep(spec.toStdString(), why);
        if (!a)
            return QString::fromStdString(why);
        axes.push_back(std::move(*a));
    }
    if (axes.empty())
        return tr("Choose a field and a range.");
    // The form shows what runs, also when the sweep was started from elsewhere.
    const auto show = [](const QString& spec, QComboBox* path, QLineEdit* range) {
        path->setEditText(spec.section(QLatin1Char('='), 0, 0));
        if (path->lineEdit())
            path->lineEdit()->setCursorPosition(0);  // a long path shows its beginning
        range->setText(spec.section(QLatin1Char('='), 1));
    };
    show(axis, path1_, range1_);
    second_->setChecked(!secondAxis.isEmpty());
    if (!secondAxis.isEmpty())
        show(secondAxis, path2_, range2_);
    const model::Model m = doc_->fileModel();
    sim::RunSettings s = study::runSettingsOf(m);
    stop_ = std::make_shared<std::atomic<bool>>(false);
    setBusy(tr("Sweeping %1 points\u2026").arg([&] {
        size_t n = 1;
        for (const auto& a : axes)
            n *= a.values.size();
        return n;
    }()));
    started_ = generation_;
    sweepWatcher_->setFuture(QtConcurrent::run([m, axes, s, stop = stop_] { return study::runSweep(m, axes, s, io::withSweepValue, stop.get()); }));
    return {};
}

QString CompareView::startImprove()
{
    if (busy())
        return tr("Wait for the running sweep or ranking to finish, or cancel it.");
    if (doc_->hasErrors())
        return tr("The model has errors (see the Problems panel): fix them first.");
    const model::Model m = doc_->fileModel();
    const sim::RunSettings s = study::runSettingsOf(m);
    stop_ = std::make_shared<std::atomic<bool>>(false);
    setBusy(tr("Ranking the candidate changes and confirming the best by simulation\u2026"));
    started_ = generation_;
    improveWatcher_->setFuture(QtConcurrent::run([m, s, stop = stop_] { return study::planImprovements(m, s, 5, stop.get()); }));
    return {};
}

void CompareView::cancel()
{
    if (stop_)
        stop_->store(true);
}

bool CompareView::busy() const { return sweepWatcher_->isRunning() || improveWatcher_->isRunning(); }

void CompareView::setBusy(const QString& what)
{
    status_->setText(what);
    cancelButton_->setVisible(!what.isEmpty());
    runSweep_->setEnabled(what.isEmpty());
    runImprove_->setEnabled(what.isEmpty());
}

void CompareView::showSweep()
{
    sweepTable_->clear();
    sweepTable_->setRowCount(0);
    if (!sweep_) {
        sweepFinding_->clear();
        charts::showEmpty(sweepPlot_, tr("Choose a field and its range above, then Sweep: each value's availability "
                                         "and cost of ownership are drawn here."));
        return;
    }
    const study::Sweep& s = *sweep_;
    sweepFinding_->setText(ui::sweepFinding(s));
    const QString currency = qs(doc_->fileModel().settings.currency);
    drawSweep(sweepPlot_, s, currency);
    sweepPlot_->replot();
    fillTableWidget(sweepTable_, present::sweepTable(s, doc_->fileModel().settings.currency));
}

void CompareView::showPlan()
{
    improveTable_->clear();
    improveTable_->setRowCount(0);
    if (!plan_)
        return;
    const study::ImprovementPlan& p = *plan_;
    fillTableWidget(improveTable_, present::improvementsTable(p, doc_->fileModel().settings.currency));
    status_->setText(p.cancelled ? tr("Cancelled: the ranking is incomplete.")
                                 : tr("Base availability %1 (%2); %3 candidates.")
                                       .arg(present::availabilityText(p.base_availability, p.base_unavailability),
                                            p.base_exact ? tr("exact") : tr("simulated"))
                                       .arg(p.ranked.size()));
}

void CompareView::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    if (compareCharts_)
        compareCharts_->setDirection(width() >= 1100 ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

}  // namespace nines::ui
