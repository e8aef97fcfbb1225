// The report of an analysis, one content in four forms: PDF (vector text, charts and topology
// drawing, for whoever signs the purchase), self-contained HTML (charts and drawing as inline
// SVG), CSV (one file per table) and JSON (analysisToJson). The window's File > Export Report
// and `nines report` both write it.
#pragma once

#include "sim/study/evaluation.h"
#include "ui/present/result_tables.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace nines::ui {

enum class ReportFormat { Pdf, Html, Csv, Json };

/// The format a file name asks for (.pdf, .html/.htm, .csv, .json), if any.
std::optional<ReportFormat> reportFormatOf(const QString& path);

/// Writes the report in the format of the path's suffix. CSV writes one file per table, named
/// STEM-ID.csv next to `path`. Returns an empty string, or why it failed; `written` receives the
/// files written.
QString writeReport(const study::Evaluation& a, const QString& path, QStringList* written = nullptr);

/// The report as HTML with its figures inline (what the .html file holds).
QString reportHtml(const study::Evaluation& a);

}  // namespace nines::ui
