// The report of an analysis, one content in four forms: PDF (vector text, charts and topology
// drawing, for whoever signs the purchase), self-contained HTML (charts and drawing as inline
// SVG), CSV (one file per table) and JSON (analysisToJson). The window's File > Export Report
// and `nines report` both write it.
#pragma once

#include "analysis.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace nines::ui {

/// One table of a report, as text cells (CSV writes them as they are).
struct ReportTable {
    QString id;     // "headline", "components", ...: the CSV file's suffix
    QString title;
    QStringList headers;
    QList<QStringList> rows;
    QString note;   // a sentence under the table (how to read it), may be empty
};

/// The report's tables, in the order the report shows them; tables with nothing to show (no
/// data store, no capacity) are left out.
std::vector<ReportTable> reportTables(const Analysis& a);

enum class ReportFormat { Pdf, Html, Csv, Json };

/// The format a file name asks for (.pdf, .html/.htm, .csv, .json), if any.
std::optional<ReportFormat> reportFormatOf(const QString& path);

/// Writes the report in the format of the path's suffix. CSV writes one file per table, named
/// STEM-ID.csv next to `path`. Returns an empty string, or why it failed; `written` receives the
/// files written.
QString writeReport(const Analysis& a, const QString& path, QStringList* written = nullptr);

/// The report as HTML with its figures inline (what the .html file holds).
QString reportHtml(const Analysis& a);

}  // namespace nines::ui
