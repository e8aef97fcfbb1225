// Shared pieces of the subcommands: argument parsing with per-command help, and loading a
// model file with its problems printed the way every command prints them.
#pragma once

#include "model/io/model_file.h"
#include "sim/run.h"
#include "ui/present/number_format.h"
#include "ui/present/result_tables.h"
#include "ui/present/text_table.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <ostream>
#include <vector>
#include <optional>
#include <string>

namespace nines::app {

/// Parses a subcommand's arguments. Returns an exit code when the command should stop now
/// (help shown, or bad arguments reported on stderr), nullopt to go on.
std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& usage);

/// The options that change a run's settings: --seed, --replications, --precision,
/// --mission-hours, --threads, --steady-state (simulate and report share them).
struct RunOptions {
    RunOptions();
    void addTo(QCommandLineParser& parser) const;
    /// Changes `s` (the model's settings) by the options given; the message of a malformed one.
    std::optional<std::string> apply(const QCommandLineParser& parser, sim::RunSettings& s) const;

    QCommandLineOption seed, replications, precision, minOutages, mission, threads, steady, fromNew;
};

/// Reads a number option in [lo, hi] into `out` when it is given; the message when it is malformed.
std::optional<std::string> numberOption(const QCommandLineParser& parser, const QCommandLineOption& o, double lo,
                                        double hi, double& out);

/// Makes Ctrl+C stop the running work gracefully (the command then prints or writes the partial
/// result and exits 5) and returns the flag the engine watches.
const std::atomic<bool>* cancelOnInterrupt();

/// Prints each problem as "FILE: path: message" (warnings as "FILE: warning: path: message").
void printProblems(const QString& file, const model::Problems& problems, bool warnings);

/// Loads the one FILE a command was given (a command that takes exactly one), valid. Otherwise
/// says what is wrong on stderr and sets `exitCode`: 2 for a wrong number of files ("nines
/// COMMAND: expected exactly one FILE (usage: USAGE)") or an invalid model, 1 when unreadable.
std::optional<model::Model> loadTheFile(const QCommandLineParser& parser, const char* command, const char* usage,
                                        int& exitCode);

/// Prints a result object as indented JSON on standard output.
void printJson(const QJsonObject& o);

/// Prints each table that has rows as text (present::textOf), one after another.
void printTables(std::ostream& out, const std::vector<present::Table>& tables);

// Text formatting and tables are the presenter's, shared with the window and the reports.
using present::displayWidth;
using present::formatFixed;
using present::formatHours;
using present::TextTable;
using present::wrap;

}  // namespace nines::app
