// The subcommands of `nines`. Each takes the arguments after its name and returns an exit code.
#pragma once

#include <QStringList>

namespace nines::app {

int runCli(const QStringList& arguments);
/// Whether the word names a command (else `nines WORD` opens WORD as a file in the window).
bool isCommand(const QString& word);

int cmdCheck(const QStringList& args);
int cmdDescribe(const QStringList& args);
int cmdSimulate(const QStringList& args);
int cmdAnalyze(const QStringList& args);
int cmdCapacity(const QStringList& args);
int cmdCatalogue(const QStringList& args);
int cmdReport(const QStringList& args);
int cmdCompare(const QStringList& args);
int cmdSweep(const QStringList& args);
int cmdImprove(const QStringList& args);

}  // namespace nines::app
