#include "report.h"

#include "model/io/atomic_file.h"

#include "ui/editor/auto_layout.h"
#include "ui/editor/diagram_scene.h"
#include "ui/document/document.h"
#include "ui/results/qcustomplot_include.h"
#include "ui/results/result_charts.h"
#include "ui/present/results_json.h"
#include "ui/present/number_format.h"
#include "ui/present/result_tables.h"
#include "ui/present/run_warnings.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QBuffer>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>
#include <QTextTable>

#include <cmath>
#include <functional>
#include <memory>

namespace nines::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// ---- Figures: charts and the topology, recorded as vector pictures ------------------------------

struct Figure {
    QString title;
    QString caption;
    QByteArray svg;  // vector drawing: inline in HTML, rendered into the PDF
    QSizeF size;     // its logical size (its aspect decides the figure's)
};

constexpr QSize kChartSize(760, 370);

/// Records what `paint` draws on a canvas of `size` as SVG.
template <typename Paint>
QByteArray recordSvg(QSizeF size, const QString& title, Paint paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(title);
    paint(svg);
    return buffer.data();
}

std::optional<Figure> chartFigure(ChartKind kind, const study::Evaluation& a)
{
    QCustomPlot plot;
    plot.resize(kChartSize);
    if (!drawChart(&plot, kind, a))
        return std::nullopt;
    Figure f;
    f.title = chartTitle(kind);
    f.caption = chartCaption(kind);
    f.size = QSizeF(kChartSize);
    f.svg = recordSvg(f.size, f.title, [&](QSvgGenerator& device) {
        QCPPainter painter(&device);
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot.toPainter(&painter, kChartSize.width(), kChartSize.height());
    });
    return f;
}

Figure topologyFigure(const model::Model& m)
{
    model::Model laid = m;
    layoutMissingPositions(laid);
    Document doc;
    doc.reset(laid);
    DiagramScene scene(&doc);
    QRectF source = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (source.isEmpty())
        source = QRectF(0, 0, 400, 200);
    Figure f;
    f.title = QObject::tr("Topology");
    f.caption = QObject::tr("The design as drawn: entries on the left, dependencies as arrows (caller to callee), "
                            "zones and regions as containers, k/n redundancy on each component.");
    f.size = source.size();
    f.svg = recordSvg(f.size, f.title, [&](QSvgGenerator& device) {
        QPainter painter(&device);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    });
    return f;
}

std::vector<Figure> figuresOf(const study::Evaluation& a)
{
    std::vector<Figure> out;
    out.push_back(topologyFigure(a.model));
    for (ChartKind k : kAllCharts)
        if (auto f = chartFigure(k, a))
            out.push_back(std::move(*f));
    return out;
}

// ---- Text content shared by PDF and HTML ------------------------------------------------------

QString tableHtml(const present::Table& t, bool forPdf)
{
    QString h;
    h += QStringLiteral("<h2>%1</h2>\n").arg(t.title.toHtmlEscaped());
    h += forPdf ? QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n")
                : QStringLiteral("<table>\n");
    h += QStringLiteral("<thead><tr>");
    for (const auto& head : t.headers)
        h += QStringLiteral("<th>%1</th>").arg(head.toHtmlEscaped());
    h += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const auto& row : t.rows) {
        h += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < row.size(); ++i) {
            // Figures align right, words left.
            const bool number = i > 0 && !row[i].isEmpty() && (row[i][0].isDigit() || row[i][0] == QLatin1Char('-'));
            h += number ? QStringLiteral("<td align=\"right\">%1</td>").arg(row[i].toHtmlEscaped())
                        : QStringLiteral("<td>%1</td>").arg(row[i].toHtmlEscaped());
        }
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</tbody></table>\n");
    if (!t.note.isEmpty())
        h += QStringLiteral("<p class=\"note\">%1</p>\n").arg(t.note.toHtmlEscaped());
    return h;
}

QString titleHtml(const study::Evaluation& a)
{
    const model::Model& m = a.model;
    QString h = QStringLiteral("<h1>%1</h1>\n").arg(qs(m.name).toHtmlEscaped());
    h += QStringLiteral("<p class=\"subtitle\">%1</p>\n")
             .arg(QObject::tr("Availability report \u00b7 %1 \u00b7 Nines")
                      .arg(present::finishedAt(a).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    if (a.simulation.partial())
        h += QStringLiteral("<p class=\"warning\">%1</p>\n")
                 .arg(QObject::tr("PARTIAL RESULT: the run was cancelled after %1 replications; the figures are "
                                  "estimates from those only.")
                          .arg(a.simulation.replications));
    else if (a.partial())
        h += QStringLiteral("<p class=\"warning\">%1</p>\n")
                 .arg(QObject::tr("PARTIAL RESULT: the run was cancelled after the simulation; the comparison of "
                                  "CP and AP data stores, or of the scenarios, is incomplete or missing."));
    if (!m.description.empty())
        h += QStringLiteral("<p>%1</p>\n").arg(qs(m.description).toHtmlEscaped());
    return h;
}

QString summarySentence(const study::Evaluation& a)
{
    const auto& r = a.simulation;
    const double target = a.settings.sla_availability;
    const bool meets = r.availability.mean >= target;
    const int d = present::decimalsOf(present::Figure::Availability, r.unavailability.mean);
    QString s = QObject::tr("The design is available %1 of the time (95% confidence interval %2), that is %3 nines and "
                            "%4 minutes of downtime in an average year; one year in ten sees more than %5 minutes. ")
                    .arg(present::percentText(r.availability.mean, d), present::intervalText(r.availability, present::Figure::Availability, r.unavailability.mean),
                         present::ninesText(r.unavailability.mean), present::fixedText(r.downtime_minutes_per_year.mean, 0),
                         present::fixedText(r.downtime_p90, 0));
    const QString miss = r.sla_miss_probability.nothingObserved()
                             ? QObject::tr("below %1 (no %2 missed it)")
                                   .arg(present::fixedText(r.sla_miss_probability.high, 4), present::periodOf(a.settings))
                             : QObject::tr("%1 (95% confidence interval %2)")
                                   .arg(present::fixedText(r.sla_miss_probability.mean, 3),
                                        present::intervalText(r.sla_miss_probability, present::Figure::Probability));
    s += meets ? QObject::tr("It meets the SLA target of %1 on average; a year misses it with probability %2.")
                     .arg(present::percentText(target, 3), miss)
               : QObject::tr("It misses the SLA target of %1 on average; a year misses it with probability %2.")
                     .arg(present::percentText(target, 3), miss);
    for (const QString& w : present::runWarnings(r, a.settings))
        s += QStringLiteral(" ") + QObject::tr("Warning: %1").arg(w);
    return s;
}

QString css()
{
    return QStringLiteral(
        "body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #1a202c; margin: 2em auto; max-width: 60em; "
        "font-size: 10pt; line-height: 1.4; }\n"
        "h1 { font-size: 20pt; margin-bottom: 0.1em; }\n"
        "h2 { font-size: 13pt; margin-top: 1.4em; border-bottom: 1px solid #cbd5e0; }\n"
        ".subtitle { color: #4a5568; margin-top: 0; }\n"
        ".warning { color: #c53030; font-weight: bold; }\n"
        ".note, figcaption { color: #4a5568; font-size: 9pt; }\n"
        "table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }\n"
        "th, td { border: 1px solid #cbd5e0; padding: 3px 6px; vertical-align: top; }\n"
        "th { background: #edf2f7; text-align: left; }\n"
        "figure { margin: 1em 0; }\n"
        "figure img { width: 100%; height: auto; border: 1px solid #e2e8f0; }\n");
}

// ---- PDF: one QTextDocument, figures as vector objects laid out with the text ------------------

constexpr int kFigureObject = QTextFormat::UserObject + 1;
constexpr int kFigureIndex = QTextFormat::UserProperty + 1;

class FigureObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    explicit FigureObject(const std::vector<Figure>& figures)
        : figures_(figures)
    {
        for (const auto& f : figures)
            renderers_.push_back(std::make_unique<QSvgRenderer>(f.svg));
    }

    QSizeF intrinsicSize(QTextDocument* doc, int, const QTextFormat& format) override
    {
        const Figure& f = figures_[size_t(format.property(kFigureIndex).toInt())];
        const QSizeF page = doc->pageSize();
        const double width = (page.isValid() ? page.width() : doc->textWidth()) - 2 * doc->documentMargin() - 8;
        // Two figures with their headings and captions to a page.
        const double maxHeight = page.isValid() ? page.height() * 0.36 : width;
        double w = width;
        double h = w * f.size.height() / f.size.width();
        if (h > maxHeight) {
            h = maxHeight;
            w = h * f.size.width() / f.size.height();
        }
        return {w, h};
    }

    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int, const QTextFormat& format) override
    {
        QSvgRenderer& r = *renderers_[size_t(format.property(kFigureIndex).toInt())];
        r.setAspectRatioMode(Qt::KeepAspectRatio);
        r.render(painter, rect);
    }

private:
    const std::vector<Figure>& figures_;
    std::vector<std::unique_ptr<QSvgRenderer>> renderers_;
};

/// A heading that starts a new page.
void newPageHeading(QTextCursor& cursor, const QString& text)
{
    QTextBlockFormat page;
    page.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    cursor.insertBlock(page);
    cursor.insertHtml(QStringLiteral("<h2>%1</h2>").arg(text.toHtmlEscaped()));
}

void insertFigure(QTextCursor& cursor, const std::vector<Figure>& figures, size_t index, bool newPage)
{
    const Figure& f = figures[index];
    if (newPage)
        newPageHeading(cursor, f.title);
    else
        cursor.insertHtml(QStringLiteral("<h2>%1</h2>").arg(f.title.toHtmlEscaped()));
    QTextBlockFormat centred;
    centred.setAlignment(Qt::AlignHCenter);
    cursor.insertBlock(centred);
    QTextCharFormat object;
    object.setObjectType(kFigureObject);
    object.setProperty(kFigureIndex, int(index));
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), object);
    cursor.insertBlock(QTextBlockFormat());
    cursor.insertHtml(QStringLiteral("<p style=\"color:#4a5568; font-size:8pt\">%1</p>").arg(f.caption.toHtmlEscaped()));
    cursor.insertBlock(QTextBlockFormat());
}

/// QTextDocument has no "keep with next": a heading that would end a page, its table or figure on
/// the next, starts that page instead. Repeated until no heading moves (each move shifts the rest).
/// Headings are known by their text: HTML inserted into an existing block keeps that block's
/// format, so their heading level is lost.
void keepHeadingsWithWhatFollows(QTextDocument& doc, const QSet<QString>& headings)
{
    const double pageHeight = doc.pageSize().height();
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    const auto page = [&](double y) { return int(std::floor(y / pageHeight)); };
    for (int pass = 0; pass < 64; ++pass) {
        bool moved = false;
        for (QTextBlock b = doc.begin(); b.isValid() && !moved; b = b.next()) {
            if (!headings.contains(b.text().trimmed()) || b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore
                || QTextCursor(b).currentTable())  // a header cell may read like a title ("Cost of ownership")
                continue;
            QTextBlock next = b.next();
            while (next.isValid() && next.text().trimmed().isEmpty())
                next = next.next();
            if (!next.isValid())
                continue;
            // What must share the heading's page: a figure whole; of a table its header and first row.
            double needed = layout->blockBoundingRect(next).bottom();
            if (QTextTable* table = QTextCursor(next).currentTable()) {
                const QTextTableCell row = table->cellAt(std::min(1, table->rows() - 1), 0);
                needed = std::max(needed, layout->blockBoundingRect(row.firstCursorPosition().block()).bottom());
            }
            const double top = layout->blockBoundingRect(b).top();
            if (page(top) != page(needed - 1) && needed - top < pageHeight) {
                QTextBlockFormat f = b.blockFormat();
                f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(b).setBlockFormat(f);
                moved = true;
            }
        }
        if (!moved)
            return;
    }
}

QString writePdf(const study::Evaluation& a, const QString& path)
{
    const std::vector<Figure> figures = figuresOf(a);
    const std::vector<present::Table> tables = present::reportTables(a);
    // Into memory first: QPdfWriter does not report a failed write, so the bytes go to the file
    // through writeFileAtomically, which checks every one.
    QBuffer file;
    file.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout::Millimeter);
        pdf.setTitle(QObject::tr("%1: availability report").arg(qs(a.model.name)));
        pdf.setCreator(QStringLiteral("Nines"));
        pdf.setResolution(300);

        // Laid out on the PDF device itself, so that fonts, tables and figures share its units.
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&pdf);
        FigureObject handler(figures);
        doc.documentLayout()->registerHandler(kFigureObject, &handler);
        const QRect body = pdf.pageLayout().paintRectPixels(pdf.resolution());
        const double footer = pdf.resolution() * 0.35;  // inches of room for the page footer
        doc.setPageSize(QSizeF(body.width(), body.height() - footer));
        doc.setDocumentMargin(0);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(9);
        doc.setDefaultFont(font);
        doc.setDefaultStyleSheet(QStringLiteral(
            "h1 { font-size: 18pt; } h2 { font-size: 12pt; margin-top: 12px; } "
            "th { background-color: #edf2f7; font-weight: bold; } td, th { font-size: 8pt; } "
            ".subtitle, .note { color: #4a5568; } .warning { color: #c53030; font-weight: bold; }"));
        QTextCursor cursor(&doc);
        cursor.insertHtml(titleHtml(a));
        cursor.insertBlock();
        cursor.insertHtml(QStringLiteral("<p>%1</p>").arg(summarySentence(a).toHtmlEscaped()));
        cursor.insertBlock();
        // The headline first, then the drawing and the charts, then the other tables.
        cursor.insertHtml(tableHtml(tables.front(), true));
        cursor.insertBlock();
        // The drawing after the headline, then two charts to a page, then the tables.
        for (size_t i = 0; i < figures.size(); ++i)
            insertFigure(cursor, figures, i, i % 2 == 1);
        QTextBlockFormat page;
        page.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.insertBlock(page);
        for (size_t i = 1; i < tables.size(); ++i) {
            cursor.insertHtml(tableHtml(tables[i], true));
            cursor.insertBlock();
        }
        QSet<QString> headings;
        for (const Figure& f : figures)
            headings.insert(f.title);
        for (const present::Table& t : tables)
            headings.insert(t.title);
        keepHeadingsWithWhatFollows(doc, headings);
        // Our own pagination rather than QTextDocument::print, for a footer naming the report.
        QPainter painter;
        if (!painter.begin(&pdf))
            return QObject::tr("cannot draw the PDF");
        const int pages = doc.pageCount();
        const double pageHeight = doc.pageSize().height();
        QFont footerFont = font;
        footerFont.setPointSizeF(7.5);
        for (int p = 0; p < pages; ++p) {
            if (p > 0)
                pdf.newPage();
            painter.save();
            painter.translate(0, -p * pageHeight);
            QAbstractTextDocumentLayout::PaintContext context;
            context.palette.setColor(QPalette::Text, Qt::black);  // paper, whatever the desktop's theme
            painter.setClipRect(QRectF(0, p * pageHeight, body.width(), pageHeight));
            // The layout draws every line that touches its clip: a heading at the top of the next
            // page whose line box starts a pixel early was written, invisibly, at this page's
            // bottom too (a search of the PDF found it twice). A few pixels less at the bottom.
            context.clip = QRectF(0, p * pageHeight, body.width(), pageHeight - 4);
            doc.documentLayout()->draw(&painter, context);
            painter.restore();
            painter.setFont(footerFont);
            painter.setPen(QColor(0x71, 0x80, 0x96));
            const QRectF footerRect(0, body.height() - footer * 0.6, body.width(), footer * 0.6);
            painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom,
                             QObject::tr("%1 · availability report · %2")
                                 .arg(qs(a.model.name), present::finishedAt(a).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            painter.drawText(footerRect, Qt::AlignRight | Qt::AlignBottom,
                             QObject::tr("page %1 of %2").arg(p + 1).arg(pages));
        }
        painter.end();
    }
    return io::writeFileAtomically(path, file.data());
}

// ---- HTML, CSV, JSON --------------------------------------------------------------------------

QString csvCell(QString s)
{
    // Figures without thousands separators ("1,716.1" -> "1716.1"), so that spreadsheets read them.
    static const QRegularExpression grouped(QStringLiteral("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?%?$"));
    if (grouped.match(s).hasMatch())
        s.remove(QLatin1Char(','));
    // A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first)
    // gets a leading ' (OWASP's advice against CSV injection), unless it is a plain number.
    static const QRegularExpression number(QStringLiteral("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?%?$"));
    if (!s.isEmpty() && QStringLiteral("=+-@\t\r").contains(s.front()) && !number.match(s).hasMatch())
        s.prepend(QLatin1Char('\''));
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString writeText(const QString& path, const QByteArray& bytes)
{
    return io::writeFileAtomically(path, bytes);
}

}  // namespace

std::optional<ReportFormat> reportFormatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return ReportFormat::Html;
    if (suffix == QLatin1String("csv"))
        return ReportFormat::Csv;
    if (suffix == QLatin1String("json"))
        return ReportFormat::Json;
    return std::nullopt;
}

QString reportHtml(const study::Evaluation& a)
{
    const std::vector<Figure> figures = figuresOf(a);
    const std::vector<present::Table> tables = present::reportTables(a);
    QString h = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h += QStringLiteral("<title>%1</title>\n").arg(QObject::tr("%1: availability report").arg(qs(a.model.name)).toHtmlEscaped());
    h += QStringLiteral("<style>\n%1</style>\n</head>\n<body>\n").arg(css());
    h += titleHtml(a);
    h += QStringLiteral("<p>%1</p>\n").arg(summarySentence(a).toHtmlEscaped());
    h += tableHtml(tables.front(), false);
    for (const auto& f : figures) {
        h += QStringLiteral("<h2>%1</h2>\n<figure>\n<img alt=\"%1\" src=\"data:image/svg+xml;base64,%2\">\n"
                            "<figcaption>%3</figcaption>\n</figure>\n")
                 .arg(f.title.toHtmlEscaped(), QString::fromLatin1(f.svg.toBase64()), f.caption.toHtmlEscaped());
    }
    for (size_t i = 1; i < tables.size(); ++i)
        h += tableHtml(tables[i], false);
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

QString writeReport(const study::Evaluation& a, const QString& path, QStringList* written)
{
    const auto format = reportFormatOf(path);
    if (!format)
        return QObject::tr("the report's file name must end in .pdf, .html, .csv or .json");
    QString why;
    switch (*format) {
    case ReportFormat::Pdf:
        why = writePdf(a, path);
        break;
    case ReportFormat::Html:
        why = writeText(path, reportHtml(a).toUtf8());
        break;
    case ReportFormat::Json:
        why = writeText(path, QJsonDocument(present::evaluationToJson(a)).toJson(QJsonDocument::Indented));
        break;
    case ReportFormat::Csv: {
        // The tables are one report: written together, so that a failure (a full disk) never
        // leaves some files new and others old.
        const QFileInfo info(path);
        std::vector<std::pair<QString, QByteArray>> files;
        for (const auto& t : present::reportTables(a)) {
            QString text;
            QStringList head;
            for (const auto& c : t.headers)
                head << csvCell(c);
            text += head.join(QLatin1Char(',')) + QLatin1Char('\n');
            for (const auto& row : t.rows) {
                QStringList cells;
                for (const auto& c : row)
                    cells << csvCell(c);
                text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
            }
            files.emplace_back(info.dir().filePath(info.completeBaseName() + QLatin1Char('-') + t.id + QStringLiteral(".csv")),
                               text.toUtf8());
        }
        if (QString why = io::writeFilesAtomically(files); !why.isEmpty())
            return why;
        if (written)
            for (const auto& f : files)
                *written << f.first;
        return {};
    }
    }
    if (why.isEmpty() && written)
        *written << path;
    return why;
}

}  // namespace nines::ui

#include "report.moc"
