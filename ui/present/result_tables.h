// The tables of results as text cells: the command line prints them, the window's dashboard
// and Compare tab show them, and the PDF, HTML and CSV reports write them. One table, one
// builder, so that the same figure reads the same everywhere.
#pragma once

#include "model/model.h"
#include "sim/analytic.h"
#include "sim/capacity.h"
#include "sim/run.h"
#include "sim/study/cap_study.h"
#include "sim/study/comparison.h"
#include "sim/study/evaluation.h"
#include "sim/study/improvements.h"
#include "sim/study/queue_study.h"
#include "sim/study/sweep.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace nines::present {

/// One table of results, as text cells (CSV writes them as they are).
struct Table {
    QString id;     // "headline", "components", ...: the CSV file's suffix
    QString title;
    QStringList headers;
    QList<QStringList> rows;
    QString note;   // a sentence under the table (how to read it), may be empty
};

/// When an evaluation finished, in local time.
QDateTime finishedAt(const study::Evaluation& a);

/// "year" for one-year missions and steady state, else "mission": what one replication stands for.
QString periodOf(const sim::RunSettings& s);
/// In words, what a simulated figure estimates: "a year in steady service" or "the first year
/// from all new" (a window of another length when the mission is not a year).
QString estimateText(const sim::RunSettings& s);
/// The same with how many independent windows it rests on, and the warm-up before each.
QString estimateDetailText(const sim::RunSettings& s, const sim::RunResult& r);
/// The JSON name of the estimate: "steady_state" or "from_new".
QString estimateName(const sim::RunSettings& s);

/// Headline figures of a run, with the exact solver's column when `exact` is given and applies
/// (and a note saying why it does not, when given and not applicable).
Table headlineTable(const model::Model& m, const sim::RunResult& r, const sim::RunSettings& s,
                    const sim::AnalyticResult* exact);
/// Components by criticality; with the evaluation, what making each perfect saves or gains.
Table componentsTable(const model::Model& m, const sim::RunResult& r, const study::Evaluation* a = nullptr);
/// Capacity headroom per tier at peak (all up, after N+1, after a zone loss) with the months of
/// growth each leaves; empty rows when the model has no load.
Table capacityTable(const model::Model& m, const sim::CapacityResult& c);
/// M/M/c queueing per tier at peak.
Table queueingTable(const model::Model& m, const sim::CapacityResult& c);
/// CAP per data store, simulated or exact.
Table capTable(const model::Model& m, const std::vector<study::StoreCap>& stores);
Table capTable(const model::Model& m, const std::vector<study::ExactStoreCap>& stores);
/// Queues (asynchronous dependencies), simulated or exact.
Table queuesTable(const std::vector<sim::QueueResult>& queues);
Table queuesTable(const std::vector<study::ExactQueue>& queues);
/// The exact analysis's headline and its components by Birnbaum importance (it must apply).
Table exactTable(const sim::AnalyticResult& r);
Table importanceTable(const sim::AnalyticResult& r);
/// Every parameter with where it comes from.
Table assumptionsTable(const model::Model& m);
/// The settings that reproduce an evaluation.
Table runTable(const study::Evaluation& a);

/// The scenario comparison: its figures, then cost and capacity (two tables, so that each fits
/// a page's width).
/// What a design costs to buy, run and suffer (downtime cost, SLA credits) over the horizon;
/// no rows when nothing in the model costs anything.
Table costTable(const model::Model& m, const sim::RunResult& r);
std::vector<Table> comparisonTables(const model::Model& m, const study::Comparison& c);
/// A sweep, one row per point.
Table sweepTable(const study::Sweep& s, const std::string& currency);
/// What to improve next, best first.
Table improvementsTable(const study::ImprovementPlan& p, const std::string& currency);

/// The report's tables, in the order the report shows them; tables with nothing to show (no
/// data store, no capacity) are left out.
std::vector<Table> reportTables(const study::Evaluation& a);

/// A table as the command line prints it: its title, the columns aligned (numbers to the right),
/// and its note wrapped under it. Empty for a table without rows.
std::string textOf(const Table& t);

}  // namespace nines::present
