// The tables of an analysis's report (headline, components, capacity, data stores, scenario
// comparison, assumptions, run settings) as text cells: the PDF and HTML reports, the CSV files
// and the results dashboard all show these.
#pragma once

#include "analysis.h"

#include <QString>
#include <QStringList>

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

/// Only the scenario comparison's tables ("comparison", "comparison-cost"); none without scenarios.
std::vector<ReportTable> comparisonTables(const Analysis& a);

}  // namespace nines::ui
