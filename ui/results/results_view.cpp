#include "results_view.h"
#include "ui/present/field_words.h"

#include "model/io/atomic_file.h"

#include "ui/results/qcustomplot_include.h"
#include "ui/present/result_tables.h"
#include "ui/present/number_format.h"
#include "ui/present/run_warnings.h"

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QMenu>
#include <QTemporaryFile>
#include <QSvgGenerator>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace nines::ui {

namespace {

/// What the cursor points at: the nearest point of the plottable under it, in the axes' units.
QString readout(QCustomPlot* plot, const QPointF& pos)
{
    QCPAbstractPlottable* p = plot->plottableAt(pos, false);
    if (!p)
        return {};
    const double key = p->keyAxis()->pixelToCoord(p->keyAxis()->orientation() == Qt::Horizontal ? pos.x() : pos.y());
    QString keyText, valueText;
    if (auto* bars = qobject_cast<QCPBars*>(p)) {
        auto it = bars->data()->findBegin(key - bars->width() / 2, false);
        if (it == bars->data()->constEnd())
            return {};
        const QString tick = p->keyAxis()->ticker().dynamicCast<QCPAxisTickerText>()
                                 ? p->keyAxis()->ticker().dynamicCast<QCPAxisTickerText>()->ticks().value(it->key)
                                 : QString();
        keyText = tick.isEmpty() ? present::fixedText(it->key, 2) : tick;
        valueText = present::fixedText(it->value + bars->baseValue(), 4);
    } else if (auto* graph = qobject_cast<QCPGraph*>(p)) {
        auto it = graph->data()->findBegin(key, true);
        if (it == graph->data()->constEnd())
            return {};
        keyText = present::fixedText(it->key, 2);
        valueText = present::fixedText(it->value, 6);
    } else {
        return {};
    }
    return QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
        .arg(p->name().toHtmlEscaped(), p->keyAxis()->label().toHtmlEscaped(), keyText.toHtmlEscaped(),
             p->valueAxis()->label().toHtmlEscaped(), valueText);
}

}  // namespace

ResultsView::ResultsView(QWidget* parent)
    : QScrollArea(parent)
    , content_(new QWidget)
    , layout_(new QVBoxLayout(content_))
    , banner_(new QLabel(content_))
    , headline_(new QLabel(content_))
    , charts_(new QWidget(content_))
    , chartGrid_(new QGridLayout(charts_))
    , tables_(new QWidget(content_))
    , tableLayout_(new QVBoxLayout(tables_))
{
    setWidgetResizable(true);
    setWidget(content_);
    content_->setBackgroundRole(QPalette::Base);
    content_->setAutoFillBackground(true);
    banner_->setWordWrap(true);
    banner_->hide();
    headline_->setWordWrap(true);
    headline_->setTextFormat(Qt::RichText);
    headline_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    headline_->setText(tr("<h2>No results yet</h2><p>Press <b>Simulate</b> in the Run panel (F5) to estimate the "
                          "availability of this design, with confidence intervals, charts and tables.</p>"));
    layout_->addWidget(banner_);
    layout_->addWidget(headline_);
    layout_->addWidget(charts_);
    layout_->addWidget(tables_);
    layout_->addStretch();
    chartGrid_->setSpacing(14);
    askChartPath = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export Chart"), suggested,
                                            tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    };
}

void ResultsView::setAnalysis(std::shared_ptr<const study::Evaluation> a)
{
    analysis_ = std::move(a);
    stale_ = false;
    rebuild();
}

void ResultsView::setStale(bool stale)
{
    if (stale == stale_)
        return;
    stale_ = stale;
    rebuild();
}

QCustomPlot* ResultsView::chart(ChartKind kind) const
{
    auto it = plots_.find(kind);
    return it == plots_.end() ? nullptr : it->second;
}

QTableWidget* ResultsView::table(const QString& id) const
{
    auto it = tableWidgets_.find(id);
    return it == tableWidgets_.end() ? nullptr : it->second;
}

QString ResultsView::exportChart(ChartKind kind, const QString& path) const
{
    QCustomPlot* plot = chart(kind);
    if (!plot)
        return tr("there is no such chart for these results");
    // Drawn into memory first, then written all or nothing: a full disk must not leave half a
    // chart in place of the one exported before.
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->toPixmap(plot->width(), plot->height(), 2.0).save(&buffer, "PNG");
    } else if (suffix == QLatin1String("pdf")) {
        // QCustomPlot writes PDFs to a file name only: a temporary file, read back.
        QTemporaryFile temp(QDir::tempPath() + QStringLiteral("/nines-chart-XXXXXX.pdf"));
        ok = temp.open() && plot->savePdf(temp.fileName(), plot->width(), plot->height());
        if (ok) {
            QFile back(temp.fileName());
            ok = back.open(QIODevice::ReadOnly);
            bytes = back.readAll();
            ok = ok && !bytes.isEmpty();
        }
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(plot->size());
        svg.setViewBox(QRect(QPoint(0, 0), plot->size()));
        svg.setTitle(chartTitle(kind));
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            plot->toPainter(&painter, plot->width(), plot->height());
            ok = painter.end();
        }
    } else {
        return tr("a chart exports as .png, .svg or .pdf");
    }
    if (!ok)
        return tr("cannot draw the chart for %1").arg(path);
    return io::writeFileAtomically(path, bytes);
}

void ResultsView::layoutHeadline()
{
    if (headCells_.isEmpty())
        return;
    // As many figures to a row as the width takes (about 230 pixels each): in one row of five
    // they ran past the right edge of a laptop's screen.
    // The charts likewise: two side by side only where both get a useful width.
    const int chartColumns = viewport()->width() >= 900 ? 2 : 1;
    if (chartColumns != chartColumns_) {
        chartColumns_ = chartColumns;
        std::vector<QWidget*> boxes;
        while (QLayoutItem* item = chartGrid_->takeAt(0)) {
            boxes.push_back(item->widget());
            delete item;
        }
        placeCharts(boxes);
    }
    const int columns = std::clamp(viewport()->width() / 230, 1, int(headCells_.size()));
    if (columns == headColumns_)
        return;
    headColumns_ = columns;
    QString h = headTitle_ + QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\">");
    for (qsizetype i = 0; i < headCells_.size(); ++i) {
        if (i % columns == 0)
            h += i == 0 ? QStringLiteral("<tr>") : QStringLiteral("</tr><tr>");
        h += headCells_[i];
    }
    h += QStringLiteral("</tr></table>") + headTail_;
    headline_->setText(h);
}

void ResultsView::placeCharts(const std::vector<QWidget*>& boxes)
{
    for (size_t i = 0; i < boxes.size(); ++i) {
        const int n = int(i);
        if (boxes[i]->objectName() == QLatin1String("chartsNotDrawn"))  // the note takes a row of its own
            chartGrid_->addWidget(boxes[i], (n + chartColumns_ - 1) / chartColumns_, 0, 1, chartColumns_);
        else
            chartGrid_->addWidget(boxes[i], n / chartColumns_, n % chartColumns_);
    }
}

void ResultsView::resizeEvent(QResizeEvent* e)
{
    QScrollArea::resizeEvent(e);
    layoutHeadline();
}

QWidget* ResultsView::chartBox(ChartKind kind)
{
    auto* box = new QWidget(charts_);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(chartTitle(kind).toHtmlEscaped()), box);
    auto* plot = new QCustomPlot(box);
    plot->setMinimumSize(240, 290);  // not the width its legend and labels would like: the dashboard's
    plot->setObjectName(chartId(kind));
    plot->setToolTip(tr("Hover for values; right-click to export"));
    auto* caption = new QLabel(chartCaption(kind), box);
    caption->setWordWrap(true);
    caption->setStyleSheet(QStringLiteral("color: #4a5568; font-size: 8pt"));
    v->addWidget(title);
    v->addWidget(plot, 1);
    v->addWidget(caption);
    if (!analysis_ || !drawChart(plot, kind, *analysis_)) {
        delete box;
        return nullptr;
    }
    plots_[kind] = plot;
    plot->setMouseTracking(true);
    connect(plot, &QCustomPlot::mouseMove, plot, [plot](QMouseEvent* e) {
        const QString text = readout(plot, e->position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(e->globalPosition().toPoint(), text, plot);
    });
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this, [this, plot, kind](const QPoint& at) {
        // No parent: a run finishing while the menu or the file dialog is open rebuilds the
        // dashboard, which deletes the plot.
        QMenu menu;
        const QPoint where = plot->mapToGlobal(at);
        for (const char* suffix : {"png", "svg", "pdf"})
            menu.addAction(tr("Export as %1...").arg(QString::fromLatin1(suffix).toUpper()), this, [this, kind, suffix] {
                const QString base = analysis_ ? QString::fromStdString(analysis_->model.name) : QStringLiteral("chart");
                const QString path = askChartPath(QStringLiteral("%1 - %2.%3").arg(base, chartTitle(kind), QString::fromLatin1(suffix)));
                if (path.isEmpty())
                    return;
                const QString why = exportChart(kind, path);
                if (!why.isEmpty())
                    QToolTip::showText(QCursor::pos(), why);
            });
        menu.exec(where);
    });
    return box;
}

void fillTableWidget(QTableWidget* w, const present::Table& t)
{
    w->clear();
    w->setRowCount(int(t.rows.size()));
    w->setColumnCount(int(t.headers.size()));
    for (int col = 0; col < int(t.headers.size()); ++col) {
        auto* head = new QTableWidgetItem(t.headers[col]);
        head->setToolTip(t.headers[col]);  // a header cut by its column's width reads whole on hover
        w->setHorizontalHeaderItem(col, head);
    }
    w->verticalHeader()->hide();
    w->setEditTriggers(QAbstractItemView::NoEditTriggers);
    w->setWordWrap(false);
    for (int row = 0; row < int(t.rows.size()); ++row)
        for (int col = 0; col < int(t.rows[row].size()); ++col) {
            auto* item = new QTableWidgetItem(t.rows[row][col]);
            item->setToolTip(t.rows[row][col]);
            w->setItem(row, col, item);
        }
    w->resizeColumnsToContents();
    for (int col = 0; col < w->columnCount(); ++col)
        w->setColumnWidth(col, std::min(w->columnWidth(col), 420));
    w->horizontalHeader()->setStretchLastSection(true);
}

QTableWidget* tableWidget(const present::Table& t, QWidget* parent, int maxRows)
{
    auto* w = new QTableWidget(parent);
    w->setObjectName(t.id);
    fillTableWidget(w, t);
    // Every row on show, the page scrolling rather than the table (tables sat in boxes of a few
    // rows with scroll bars of their own); only a very long one scrolls inside.
    const int rows = std::min<int>(int(t.rows.size()), maxRows);
    const int scrollBar = w->horizontalScrollBar()->sizeHint().height();
    w->setFixedHeight(w->horizontalHeader()->sizeHint().height() + rows * w->verticalHeader()->defaultSectionSize() + scrollBar + 4);
    return w;
}

void ResultsView::rebuild()
{
    headCells_.clear();  // until figures are drawn, the headline is a message of its own
    plots_.clear();
    tableWidgets_.clear();
    while (QLayoutItem* item = chartGrid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    while (QLayoutItem* item = tableLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!analysis_) {
        banner_->hide();
        return;
    }
    const study::Evaluation& a = *analysis_;
    const sim::RunResult& r = a.simulation;

    if (r.replications == 0) {
        // Figures from no replication would read as a dead design (0%, 525,600 min a year).
        banner_->hide();
        charts_->hide();
        tables_->hide();
        headline_->setText(tr("<h2>%1</h2><p><b>No replication finished</b>, so there are no figures.</p><p>%2</p>")
                               .arg(QString::fromStdString(a.model.name).toHtmlEscaped(),
                                    r.stop == sim::StopReason::WallClock
                                        ? tr("The run reached its time budget of %1 s before one simulated %2 was "
                                             "complete. Raise the Time budget in the model's run settings or "
                                             "shorten the mission, and simulate again.")
                                              .arg(present::fixedText(a.settings.max_wall_seconds, 0), present::periodOf(a.settings))
                                        : tr("The run was cancelled before one simulated %1 was complete. Simulate "
                                             "again and let it run longer.")
                                              .arg(present::periodOf(a.settings))));
        return;
    }
    charts_->show();
    tables_->show();

    QStringList warnings;
    if (a.partial())
        warnings << tr("PARTIAL RESULT: the run was cancelled after %1 replications.").arg(r.replications);
    if (stale_)
        warnings << tr("The model has changed since this run: these results are for the earlier version. Simulate "
                       "again to update them.");
    banner_->setText(warnings.join(QStringLiteral("<br>")));
    banner_->setStyleSheet(QStringLiteral("background: #fffaf0; color: #9c4221; border: 1px solid #f6ad55; "
                                          "padding: 6px; font-weight: bold"));
    banner_->setVisible(!warnings.isEmpty());

    const int d = present::decimalsOf(present::Figure::Availability, r.unavailability.mean);
    const bool meets = r.availability.mean >= a.settings.sla_availability;
    headTitle_ = QStringLiteral("<h2>%1</h2>").arg(QString::fromStdString(a.model.name).toHtmlEscaped());
    headCells_.clear();
    auto cell = [&](const QString& big, const QString& label, const QString& small) {
        headCells_ << QStringLiteral("<td valign=\"top\"><span style=\"font-size:18pt; font-weight:bold\">%1</span><br>%2<br>"
                                     "<span style=\"color:#4a5568\">%3</span></td>")
                          .arg(big, label, small);
    };
    cell(present::percentText(r.availability.mean, d), tr("availability"),
         tr("95%: %1").arg(present::intervalText(r.availability, present::Figure::Availability, r.unavailability.mean).toHtmlEscaped()));
    cell(present::ninesText(r.unavailability.mean), tr("nines"),
         r.unavailability.nothingObserved()
             ? tr("95%: &gt; %1 (none seen)").arg(present::ninesBoundText(r.unavailability.high))
             : tr("95%: %1 \u2013 %2").arg(present::ninesText(r.unavailability.high), present::ninesText(std::max(0.0, r.unavailability.low))));
    cell(present::figureText(present::Figure::Minutes, r.downtime_minutes_per_year.mean), tr("minutes of downtime a year"),
         tr("median %1, p90 %2, p99 %3").arg(present::fixedText(r.downtime_p50, 0), present::fixedText(r.downtime_p90, 0), present::fixedText(r.downtime_p99, 0)));
    cell(present::fixedText(r.sla_miss_probability.mean, 3),
         tr("probability a %1 misses %2").arg(present::periodOf(a.settings), present::percentText(a.settings.sla_availability, 3)),
         tr("95%: %1; %2").arg(present::intervalText(r.sla_miss_probability, present::Figure::Probability).toHtmlEscaped(),
                               meets ? tr("meets the SLA on average")
                                     : tr("<span style=\"color:#c53030\">misses the SLA on average</span>")));
    if (a.exact.applicable)
        cell(present::percentText(a.exact.availability, d), tr("exact (steady state)"),
             tr("%1 nines, %2 min/yr").arg(present::ninesText(a.exact.unavailability),
                                           present::fixedText(a.exact.unavailability * model::kMinutesPerYear, 1)));
    QString h = QStringLiteral("<p style=\"color:#4a5568\">%1</p>")
             .arg(tr("Estimates %1; seed %2, %3; %4.")
                      .arg(present::estimateDetailText(a.settings, r).toHtmlEscaped())
                      .arg(a.settings.seed)
                      .arg(r.observed_outages > 0
                               ? tr("%1 outages a year lasting %2 min on average (95%: %3)")
                                     .arg(present::fixedText(r.outages_per_year.mean, 2),
                                          present::fixedText(r.mean_outage_minutes.mean, 1),
                                          present::intervalText(r.mean_outage_minutes, present::Figure::Minutes))
                               : tr("no outage seen (at most %1 a year, 95% upper bound)")
                                     .arg(present::qs(present::formatUpperBound(present::Figure::Count, r.outages_per_year.high))),
                           a.exact.applicable ? tr("the exact solver applies")
                                              : tr("no exact solution: %1")
                                                    .arg(a.exact.reasons.empty()
                                                             ? QString()
                                                             : present::withItemNames(a.model, QString::fromStdString(a.exact.reasons.front())).toHtmlEscaped())));
    for (const QString& w : present::runWarnings(r, a.settings))
        h += QStringLiteral("<p style=\"color:#b7791f\">\u26a0 %1</p>").arg(w.toHtmlEscaped());
    headTail_ = h;
    headColumns_ = 0;
    layoutHeadline();

    std::vector<QWidget*> boxes;
    QStringList notDrawn;
    for (ChartKind k : kAllCharts)
        if (QWidget* box = chartBox(k))
            boxes.push_back(box);
        else
            notDrawn << QStringLiteral("<li><b>%1</b>: %2</li>").arg(chartTitle(k).toHtmlEscaped(), chartEmptyText(k, a).toHtmlEscaped());
    // A chart with nothing to show is not drawn as an empty frame: it is named, with what would fill it.
    if (!notDrawn.isEmpty()) {
        auto* note = new QLabel(tr("<p>Not drawn for this model:</p><ul>%1</ul>").arg(notDrawn.join(QString())), charts_);
        note->setObjectName(QStringLiteral("chartsNotDrawn"));
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("color: #4a5568"));
        boxes.push_back(note);
    }
    chartColumns_ = viewport()->width() >= 900 ? 2 : 1;
    placeCharts(boxes);

    const std::vector<present::Table> tables = present::reportTables(a);
    for (size_t i = 1; i < tables.size(); ++i) {
        const present::Table& t = tables[i];
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(t.title.toHtmlEscaped()), tables_);
        tableLayout_->addWidget(title);
        auto* w = tableWidget(t, tables_);
        tableLayout_->addWidget(w);
        tableWidgets_[t.id] = w;
        if (!t.note.isEmpty()) {
            auto* note = new QLabel(t.note, tables_);
            note->setWordWrap(true);
            note->setStyleSheet(QStringLiteral("color: #4a5568; font-size: 8pt"));
            tableLayout_->addWidget(note);
        }
    }
}

}  // namespace nines::ui
