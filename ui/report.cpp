#include "report.h"

#include "auto_layout.h"
#include "diagram_scene.h"
#include "document.h"
#include "qcustomplot_include.h"
#include "result_charts.h"
#include "results_json.h"
#include "text_format.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <cmath>
#include <functional>
#include <memory>

namespace nines::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString fixed(double v, int decimals = 2)
{
    return qs(formatFixed(v, decimals));
}

/// Enough decimals to show the first two significant digits of the unavailability.
int decimalsFor(double unavailability)
{
    if (!(unavailability > 0))
        return 4;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(unavailability))) + 1, 3, 9);
}

QString percent(double a, int decimals)
{
    return fixed(100.0 * a, decimals) + QLatin1Char('%');
}

QString interval(const sim::Interval& iv, int decimals, bool asPercent)
{
    auto f = [&](double v) { return asPercent ? percent(v, decimals) : fixed(v, decimals); };
    return f(iv.low) + QStringLiteral(" \u2013 ") + f(iv.high);
}

QString displayName(const model::Model& m, const std::string& id)
{
    const model::Component* c = m.findComponent(id);
    return c && !c->name.empty() ? qs(c->name) : qs(id);
}

QString ninesText(double unavailability)
{
    const double n = sim::ninesOf(unavailability);
    return std::isfinite(n) ? fixed(n, 2) : QObject::tr("no outage observed");
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

std::optional<Figure> chartFigure(ChartKind kind, const Analysis& a)
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

std::vector<Figure> figuresOf(const Analysis& a)
{
    std::vector<Figure> out;
    out.push_back(topologyFigure(a.model));
    for (ChartKind k : kAllCharts)
        if (auto f = chartFigure(k, a))
            out.push_back(std::move(*f));
    return out;
}

// ---- Text content shared by PDF and HTML ------------------------------------------------------

QString tableHtml(const ReportTable& t, bool forPdf)
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

QString titleHtml(const Analysis& a)
{
    const model::Model& m = a.model;
    QString h = QStringLiteral("<h1>%1</h1>\n").arg(qs(m.name).toHtmlEscaped());
    h += QStringLiteral("<p class=\"subtitle\">%1</p>\n")
             .arg(QObject::tr("Availability report \u00b7 %1 \u00b7 Nines")
                      .arg(a.finished.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
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

QString summarySentence(const Analysis& a)
{
    const auto& r = a.simulation;
    const double target = a.settings.sla_availability;
    const bool meets = r.availability.mean >= target;
    const int d = decimalsFor(r.unavailability.mean);
    QString s = QObject::tr("The design is available %1 of the time (95% confidence interval %2), that is %3 nines and "
                            "%4 minutes of downtime in an average year; one year in ten sees more than %5 minutes. ")
                    .arg(percent(r.availability.mean, d), interval(r.availability, d, true),
                         ninesText(r.unavailability.mean), fixed(r.downtime_minutes_per_year.mean, 0),
                         fixed(r.downtime_p90, 0));
    s += meets ? QObject::tr("It meets the SLA target of %1 on average; a year misses it with probability %2.")
                     .arg(percent(target, 3), fixed(r.sla_miss_probability.mean, 3))
               : QObject::tr("It misses the SLA target of %1 on average; a year misses it with probability %2.")
                     .arg(percent(target, 3), fixed(r.sla_miss_probability.mean, 3));
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

QString writePdf(const Analysis& a, const QString& path)
{
    const std::vector<Figure> figures = figuresOf(a);
    const std::vector<ReportTable> tables = reportTables(a);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
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
            context.clip = QRectF(0, p * pageHeight, body.width(), pageHeight);
            painter.setClipRect(context.clip);
            doc.documentLayout()->draw(&painter, context);
            painter.restore();
            painter.setFont(footerFont);
            painter.setPen(QColor(0x71, 0x80, 0x96));
            const QRectF footerRect(0, body.height() - footer * 0.6, body.width(), footer * 0.6);
            painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom,
                             QObject::tr("%1 · availability report · %2")
                                 .arg(qs(a.model.name), a.finished.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            painter.drawText(footerRect, Qt::AlignRight | Qt::AlignBottom,
                             QObject::tr("page %1 of %2").arg(p + 1).arg(pages));
        }
        painter.end();
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

// ---- HTML, CSV, JSON --------------------------------------------------------------------------

QString csvCell(QString s)
{
    // Figures without thousands separators ("1,716.1" -> "1716.1"), so that spreadsheets read them.
    static const QRegularExpression grouped(QStringLiteral("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?%?$"));
    if (grouped.match(s).hasMatch())
        s.remove(QLatin1Char(','));
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString writeText(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return f.errorString();
    f.write(bytes);
    if (!f.commit())
        return f.errorString();
    return {};
}

}  // namespace

std::vector<ReportTable> reportTables(const Analysis& a)
{
    const model::Model& m = a.model;
    const sim::RunResult& r = a.simulation;
    const int d = decimalsFor(r.unavailability.mean);
    std::vector<ReportTable> out;

    ReportTable head{QStringLiteral("headline"), QObject::tr("Headline"),
                     {QObject::tr("Figure"), QObject::tr("Estimate"), QObject::tr("95% confidence interval"),
                      QObject::tr("Exact (steady state)")},
                     {},
                     {}};
    const bool exact = a.exact.applicable;
    head.rows << QStringList{QObject::tr("Availability"), percent(r.availability.mean, d), interval(r.availability, d, true),
                             exact ? percent(a.exact.availability, d + 1) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Nines"), ninesText(r.unavailability.mean),
                             ninesText(r.unavailability.high) + QStringLiteral(" \u2013 ")
                                 + ninesText(std::max(0.0, r.unavailability.low)),
                             exact ? ninesText(a.exact.unavailability) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Downtime, minutes per year"), fixed(r.downtime_minutes_per_year.mean, 1),
                             interval(r.downtime_minutes_per_year, 1, false),
                             exact ? fixed(a.exact.unavailability * model::kMinutesPerYear, 1) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Downtime in a year: median / p90 / p99 (minutes)"),
                             fixed(r.downtime_p50, 1) + QStringLiteral(" / ") + fixed(r.downtime_p90, 1)
                                 + QStringLiteral(" / ") + fixed(r.downtime_p99, 1),
                             {}, {}};
    head.rows << QStringList{QObject::tr("Outages per year"), fixed(r.outages_per_year.mean, 2),
                             interval(r.outages_per_year, 2, false),
                             exact && a.exact.frequency_known ? fixed(a.exact.outages_per_year, 2) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Mean outage, minutes"), fixed(r.mean_outage_minutes, 1), {},
                             exact && a.exact.frequency_known ? fixed(a.exact.mean_outage_minutes, 1) : QObject::tr("n/a")};
    head.rows << QStringList{QObject::tr("Probability that a %1 misses the SLA (%2)").arg(a.period(), percent(a.settings.sla_availability, 3)),
                             fixed(r.sla_miss_probability.mean, 3), interval(r.sla_miss_probability, 3, false), {}};
    if (r.capacity_modelled)
        head.rows << QStringList{QObject::tr("Share of the demand served (capacity)"), percent(r.performability.mean, d),
                                 interval(r.performability, d, true), {}};
    if (m.settings.downtime_cost_per_minute > 0)
        head.rows << QStringList{QObject::tr("Expected cost of downtime per year (%1)").arg(qs(m.settings.currency)),
                                 fixed(r.downtime_minutes_per_year.mean * m.settings.downtime_cost_per_minute, 0),
                                 interval({0, r.downtime_minutes_per_year.low * m.settings.downtime_cost_per_minute,
                                           r.downtime_minutes_per_year.high * m.settings.downtime_cost_per_minute},
                                          0, false),
                                 {}};
    if (!exact)
        for (auto& row : head.rows)
            row.removeLast();
    if (!exact)
        head.headers.removeLast();
    head.note = exact ? QObject::tr("The simulation estimates a %1; the exact column is the long-run (steady-state) "
                                    "value of the analytic solver.")
                            .arg(r.steady_state ? QObject::tr("long run") : QObject::tr("first year from all-new"))
                      : QObject::tr("The exact solver does not apply to this model: %1")
                            .arg(a.exact.reasons.empty() ? QString() : qs(a.exact.reasons.front()));
    out.push_back(head);

    ReportTable comps{QStringLiteral("components"), QObject::tr("Components"),
                      {QObject::tr("Component"), QObject::tr("Id"), QObject::tr("Kind"), QObject::tr("Redundancy"),
                       QObject::tr("Criticality"), QObject::tr("Own availability"),
                       QObject::tr("Downtime saved if perfect (min/yr, estimate)"),
                       QObject::tr("Availability gained if perfect (exact)")},
                      {},
                      QObject::tr("Criticality: the share of the outage time during which the component alone kept "
                                  "the system down. Downtime saved if perfect: criticality times the mean downtime "
                                  "(exact with one entry, an estimate when partial outages of several entries mix). "
                                  "Availability gained if perfect: the exact solver run again with the component "
                                  "never failing.")};
    std::vector<const sim::ComponentResult*> ranked;
    for (const auto& c : r.components)
        ranked.push_back(&c);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* x, auto* y) { return x->criticality > y->criticality; });
    for (const auto* c : ranked) {
        const model::Component* comp = m.findComponent(c->id);
        QString redundancy;
        if (comp) {
            redundancy = QStringLiteral("%1 of %2").arg(comp->required).arg(comp->instances);
            if (comp->redundancy == model::RedundancyMode::Standby)
                redundancy += QLatin1Char(' ') + qs(std::string(toString(comp->standby.kind))) + QObject::tr(" standby");
        }
        const auto gain = exactGainIfPerfect(a, c->id);
        comps.rows << QStringList{displayName(m, c->id), qs(c->id),
                                  comp ? qs(std::string(toString(comp->kind))) : QString(), redundancy,
                                  percent(c->criticality, 1), percent(c->own_availability, decimalsFor(1 - c->own_availability)),
                                  fixed(downtimeSavedIfPerfect(a, *c), 1),
                                  gain ? percent(*gain, decimalsFor(*gain) + 1) : QObject::tr("n/a")};
    }
    if (a.exact_gain.empty()) {
        comps.headers.removeLast();
        for (auto& row : comps.rows)
            row.removeLast();
    }
    out.push_back(comps);

    if (a.capacity.has_load && !a.capacity.tiers.empty()) {
        ReportTable cap{QStringLiteral("capacity"), QObject::tr("Capacity headroom at peak"),
                        {QObject::tr("Tier"), QObject::tr("Instances"), QObject::tr("Per instance (req/s)"),
                         QObject::tr("Demand (req/s)"), QObject::tr("Headroom, all up"), QObject::tr("After N+1"),
                         QObject::tr("After zone loss"), QObject::tr("Months of growth")},
                        {},
                        QObject::tr("Headroom is usable capacity at %1% utilisation minus demand at peak, in requests "
                                    "per second; months of growth until the all-up headroom is gone at %2% a year.")
                            .arg(fixed(100 * a.capacity.target_utilisation, 0), fixed(a.capacity.yearly_growth_percent, 1))};
        for (const auto& t : a.capacity.tiers)
            cap.rows << QStringList{displayName(m, t.id), QString::number(t.instances), fixed(t.per_instance_rps, 0),
                                    fixed(t.all_up.demand_rps, 0), fixed(t.all_up.headroom_rps, 0),
                                    fixed(t.n_plus_1.headroom_rps, 0), fixed(t.zone_loss.headroom_rps, 0),
                                    std::isfinite(t.all_up.months) ? fixed(std::max(0.0, t.all_up.months), 1)
                                                                   : QObject::tr("never")};
        out.push_back(cap);
    }

    if (!a.cap.isEmpty()) {
        ReportTable cap{QStringLiteral("cap"), QObject::tr("Data stores: CP or AP"),
                        {QObject::tr("Store"), QObject::tr("Chosen"), QObject::tr("Availability as CP"),
                         QObject::tr("Availability as AP"), QObject::tr("Partitioned h/yr"),
                         QObject::tr("Divergent h/yr (as AP)"), QObject::tr("Writes lost per year")},
                        {},
                        QObject::tr("The system's availability with the store as CP and as AP, simulated with the same "
                                    "seeds; divergent: replicas on two sides of a partition both serving.")};
        for (const QJsonValue& v : a.cap) {
            const QJsonObject o = v.toObject();
            auto mean = [&](const char* key) { return o.value(QLatin1String(key)).toObject().value(QStringLiteral("mean")).toDouble(); };
            const QJsonValue lost = o.value(QStringLiteral("data_lost_per_year_writes"));
            cap.rows << QStringList{displayName(m, o.value(QStringLiteral("id")).toString().toStdString()),
                                    o.value(QStringLiteral("consistency")).toString().toUpper(),
                                    percent(mean("availability_as_cp"), d), percent(mean("availability_as_ap"), d),
                                    fixed(mean("partitioned_hours_per_year"), 2),
                                    fixed(mean("divergent_hours_per_year_as_ap"), 2),
                                    lost.isObject() ? fixed(lost.toObject().value(QStringLiteral("mean")).toDouble(), 0)
                                                    : QObject::tr("0 (%1)").arg(o.value(QStringLiteral("replication")).toString())};
        }
        out.push_back(cap);
    }

    if (a.comparison && !a.comparison->runs.empty()) {
        const Comparison& c = *a.comparison;
        const QString currency = m.settings.currency.empty() ? QString() : QStringLiteral(" (%1)").arg(qs(m.settings.currency));
        // Two tables, so that each fits a page's width: the figures, then cost and capacity.
        ReportTable cmp{QStringLiteral("comparison"), QObject::tr("Scenario comparison"),
                        {QObject::tr("Design"), QObject::tr("Availability"), QObject::tr("95% interval"), QObject::tr("Nines"),
                         QObject::tr("Downtime min/yr (p99)"), QObject::tr("P(miss SLA)"),
                         QObject::tr("Difference from base, points (95%)")},
                        {},
                        QObject::tr("Every design run with the same %1 replications and seed (common random numbers), so "
                                    "the difference from the base, paired replication by replication, is sharper than "
                                    "the designs' own intervals. * the cheapest design that meets the SLA; + on the "
                                    "efficient frontier (no other design is both cheaper and more available).")
                            .arg(c.settings.replications)};
        ReportTable money{QStringLiteral("comparison-cost"), QObject::tr("Scenario comparison: cost and capacity"),
                          {QObject::tr("Design"), QObject::tr("Capex") + currency, QObject::tr("Yearly") + currency,
                           QObject::tr("First year") + currency, QObject::tr("Per extra nine"),
                           QObject::tr("Downtime cost/yr"), QObject::tr("Headroom after N+1 (req/s)")},
                          {},
                          QObject::tr("Per extra nine: the first-year cost (capex + a year of running) above the base's, "
                                      "per nine gained over the base, where the paired interval shows a gain. "
                                      "Headroom: the smallest over the tiers after each tier's worst single failure.")};
        const int dc = decimalsFor(c.runs.front().run.unavailability.mean);
        for (size_t i = 0; i < c.runs.size(); ++i) {
            const ScenarioRun& r = c.runs[i];
            QString name = qs(r.name);
            if (c.cheapest_meeting_sla == i)
                name += QStringLiteral(" *");
            if (r.on_frontier)
                name += QStringLiteral(" +");
            cmp.rows << QStringList{name, percent(r.run.availability.mean, dc), interval(r.run.availability, dc, true),
                                    ninesText(r.run.unavailability.mean),
                                    fixed(r.run.downtime_minutes_per_year.mean, 1) + QStringLiteral(" (")
                                        + fixed(r.run.downtime_p99, 0) + QLatin1Char(')'),
                                    fixed(r.run.sla_miss_probability.mean, 3),
                                    i == 0 ? QObject::tr("(the base)")
                                           : fixed(100 * r.difference.mean, dc) + QStringLiteral(" (")
                                                 + fixed(100 * r.difference.low, dc) + QStringLiteral(" \u2013 ")
                                                 + fixed(100 * r.difference.high, dc) + QLatin1Char(')')};
            money.rows << QStringList{name, fixed(r.cost.capex, 0), fixed(r.cost.yearly, 0), fixed(r.cost.firstYear(), 0),
                                      r.cost_per_extra_nine ? fixed(*r.cost_per_extra_nine, 0)
                                      : r.cheaper_and_better ? QObject::tr("cheaper and better")
                                                             : QObject::tr("n/a"),
                                      fixed(r.cost.downtime_yearly, 0),
                                      r.headroom_after_n1 ? fixed(*r.headroom_after_n1, 0) : QObject::tr("n/a")};
        }
        out.push_back(cmp);
        out.push_back(money);
    }

    ReportTable assumptions{QStringLiteral("assumptions"), QObject::tr("Assumptions"),
                            {QObject::tr("Item"), QObject::tr("Parameter"), QObject::tr("Value"), QObject::tr("Source")},
                            {},
                            QObject::tr("Every failure, repair, redundancy, capacity and cost parameter, with where it "
                                        "comes from: a catalogue template's public source (or its stated assumption), "
                                        "or the user.")};
    for (const auto& x : a.assumptions)
        assumptions.rows << QStringList{qs(x.item_name), qs(x.parameter), qs(x.value),
                                        x.from_catalogue ? QObject::tr("catalogue \u201c%1\u201d: %2").arg(qs(x.template_name), qs(x.source))
                                                         : qs(x.source)};
    out.push_back(assumptions);

    ReportTable run{QStringLiteral("run"), QObject::tr("Run settings (to reproduce these figures)"),
                    {QObject::tr("Setting"), QObject::tr("Value")},
                    {},
                    QObject::tr("The same model, seed and number of replications give the same figures on any machine "
                                "and number of threads.")};
    run.rows << QStringList{QObject::tr("Estimate"), r.steady_state ? QObject::tr("steady state (batch means)")
                                                                   : QObject::tr("mission of %1 hours from all-new").arg(fixed(a.settings.mission_hours, 0))};
    run.rows << QStringList{QObject::tr("Seed"), QString::number(a.settings.seed)};
    run.rows << QStringList{r.steady_state ? QObject::tr("Batches") : QObject::tr("Replications"), QString::number(r.replications)};
    run.rows << QStringList{QObject::tr("Stopped by"), QString::fromLatin1(sim::toString(r.stop))};
    if (a.settings.target_relative_precision > 0)
        run.rows << QStringList{QObject::tr("Target relative precision"), fixed(a.settings.target_relative_precision, 4)};
    run.rows << QStringList{QObject::tr("Events simulated"), fixed(double(r.events), 0)};
    run.rows << QStringList{QObject::tr("Threads / wall time"),
                            QStringLiteral("%1 / %2 s").arg(r.threads).arg(fixed(r.wall_seconds, 2))};
    run.rows << QStringList{QObject::tr("Finished"), a.finished.toString(Qt::ISODate)};
    out.push_back(run);
    return out;
}

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

QString reportHtml(const Analysis& a)
{
    const std::vector<Figure> figures = figuresOf(a);
    const std::vector<ReportTable> tables = reportTables(a);
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

QString writeReport(const Analysis& a, const QString& path, QStringList* written)
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
        why = writeText(path, QJsonDocument(analysisToJson(a)).toJson(QJsonDocument::Indented));
        break;
    case ReportFormat::Csv: {
        const QFileInfo info(path);
        for (const auto& t : reportTables(a)) {
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
            const QString file = info.dir().filePath(info.completeBaseName() + QLatin1Char('-') + t.id + QStringLiteral(".csv"));
            why = writeText(file, text.toUtf8());
            if (!why.isEmpty())
                return file + QStringLiteral(": ") + why;
            if (written)
                *written << file;
        }
        return {};
    }
    }
    if (why.isEmpty() && written)
        *written << path;
    return why.isEmpty() ? QString() : path + QStringLiteral(": ") + why;
}

}  // namespace nines::ui

#include "report.moc"
