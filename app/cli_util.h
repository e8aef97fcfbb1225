// Shared pieces of the subcommands: argument parsing with per-command help, and loading a
// model file with its problems printed the way every command prints them.
#pragma once

#include "model/io/model_file.h"
#include "ui/text_format.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace nines::app {

/// Parses a subcommand's arguments. Returns an exit code when the command should stop now
/// (help shown, or bad arguments reported on stderr), nullopt to go on.
std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& usage);

/// Prints each problem as "FILE: path: message" (warnings as "FILE: warning: path: message").
void printProblems(const QString& file, const model::Problems& problems, bool warnings);

/// Loads the one FILE a command was given (a command that takes exactly one), valid. Otherwise
/// says what is wrong on stderr and sets `exitCode`: 2 for a wrong number of files ("nines
/// COMMAND: expected exactly one FILE (usage: USAGE)") or an invalid model, 1 when unreadable.
std::optional<model::Model> loadTheFile(const QCommandLineParser& parser, const char* command, const char* usage,
                                        int& exitCode);

// Text formatting and tables are shared with the window's reports.
using ui::displayWidth;
using ui::formatFixed;
using ui::formatHours;
using ui::TextTable;
using ui::wrap;

}  // namespace nines::app
