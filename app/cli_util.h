// Shared pieces of the subcommands: argument parsing with per-command help, and loading a
// model file with its problems printed the way every command prints them.
#pragma once

#include "model/io/model_file.h"

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

/// Loads a model for a command that needs a valid one; on failure prints the problems and
/// sets `exitCode` (1 unreadable, 2 invalid).
std::optional<model::Model> loadForCommand(const QString& file, int& exitCode);

/// Human-readable duration: "45 s", "30 min", "4 h", "8,760 h".
std::string formatHours(double hours);
/// Number with thousands separators and at most `decimals` decimals, trailing zeros trimmed.
std::string formatFixed(double v, int decimals = 2);

}  // namespace nines::app
