#include "commands.h"

#include "exit_codes.h"

#include <QCoreApplication>

#include <cstdio>
#include <iterator>
#include <iostream>

namespace nines::app {

namespace {

const Command kHeadless[] = {
    {"check", "check FILE...", "validate model files; one line per problem on stderr", cmdCheck},
    {"describe", "describe FILE", "print a readable summary of a model", cmdDescribe},
    {"simulate", "simulate FILE", "Monte Carlo availability with confidence intervals", cmdSimulate},
    {"analyze", "analyze FILE", "exact steady-state availability, where the model allows it", cmdAnalyze},
    {"capacity", "capacity FILE", "capacity headroom per tier: all up, N+1, zone loss, months of growth", cmdCapacity},
    {"compare", "compare FILE", "the base and every scenario side by side, with cost and paired differences", cmdCompare},
    {"sweep", "sweep FILE --set PATH=A..B", "a field stepped over a range: availability and cost per value", cmdSweep},
    {"improve", "improve FILE", "changes ranked by the availability they gain, with their cost", cmdImprove},
    {"catalogue", "catalogue [ID...]", "component templates with sourced failure and repair figures", cmdCatalogue},
};

void printHelp(std::FILE* to, const std::vector<Command>& commands)
{
    std::string text =
        "Usage: nines [FILE]                      open the editor window (on FILE)\n"
        "       nines COMMAND [OPTIONS] FILE...\n"
        "\n"
        "Nines simulates the availability and capacity of a system design: how many nines it\n"
        "delivers, how many minutes of downtime a year to expect, and what to improve next.\n"
        "\n"
        "Commands:\n";
    for (const auto& c : commands) {
        std::string syn = c.synopsis;
        syn.resize(std::max<size_t>(syn.size() + 2, 24), ' ');
        text += "  " + syn + c.summary + "\n";
    }
    text +=
        "\n"
        "Options:\n"
        "  -h, --help              show this help, or a command's help after its name\n"
        "  -v, --version           show the version\n"
        "\n"
        "Exit codes: 0 ok; 1 cannot read or write a file; 2 invalid model or arguments;\n"
        "3 analysis not applicable; 4 objective (--slo) missed; 5 cancelled.\n"
        "Model files are JSON (\"format\": \"nines/1\"); see docs/file-format.md.\n";
    std::fputs(text.c_str(), to);
}

}  // namespace

std::vector<Command> headlessCommands()
{
    return {std::begin(kHeadless), std::end(kHeadless)};
}

bool isCommand(const QString& word, const std::vector<Command>& commands)
{
    if (word == QLatin1String("help"))
        return true;
    for (const auto& c : commands)
        if (word == QLatin1String(c.name))
            return true;
    return false;
}

int runCli(const QStringList& arguments, const std::vector<Command>& commands)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printHelp(stdout, commands);
        return ExitOk;
    }
    const QString first = args.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        printHelp(stdout, commands);
        return ExitOk;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        std::cout << "nines " << QCoreApplication::applicationVersion().toStdString() << "\n";
        return ExitOk;
    }
    for (const auto& c : commands)
        if (first == QLatin1String(c.name))
            return c.run(args);
    std::cerr << "nines: unknown command \"" << first.toStdString() << "\"\n\n";
    printHelp(stderr, commands);
    return ExitInvalid;
}

}  // namespace nines::app
