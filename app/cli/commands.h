// The subcommands of `nines`. Each takes the arguments after its name and returns an exit code.
// The headless ones (this target) link no Qt Widgets or Gui; `report`, which draws charts and the
// topology, is its own target (cmd_report.cpp) that the executable adds.
#pragma once

#include <QStringList>

#include <vector>

namespace nines::app {

struct Command {
    const char* name;
    const char* synopsis;
    const char* summary;
    int (*run)(const QStringList&);
};

/// check, describe, simulate, analyze, capacity, compare, sweep, improve, catalogue.
std::vector<Command> headlessCommands();
/// `report`: simulate and write the report (links the report writer, hence Qt Widgets).
Command reportCommand();

/// Runs the command the arguments name (arguments[0] is the program) out of `commands`.
int runCli(const QStringList& arguments, const std::vector<Command>& commands);
/// Whether the word names one of the commands (else `nines WORD` opens WORD as a file in the window).
bool isCommand(const QString& word, const std::vector<Command>& commands);

int cmdCheck(const QStringList& args);
int cmdDescribe(const QStringList& args);
int cmdSimulate(const QStringList& args);
int cmdAnalyze(const QStringList& args);
int cmdCapacity(const QStringList& args);
int cmdCatalogue(const QStringList& args);
int cmdCompare(const QStringList& args);
int cmdSweep(const QStringList& args);
int cmdImprove(const QStringList& args);

}  // namespace nines::app
