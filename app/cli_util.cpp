#include "cli_util.h"

#include "exit_codes.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace nines::app {

std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& usage)
{
    parser.setApplicationDescription(usage);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        std::cerr << "nines " << args.value(0).toStdString() << ": " << parser.errorText().toStdString()
                  << "\n(see nines " << args.value(0).toStdString() << " --help)\n";
        return ExitInvalid;
    }
    if (parser.isSet(help)) {
        std::cout << parser.helpText().toStdString();
        return ExitOk;
    }
    return std::nullopt;
}

void printProblems(const QString& file, const model::Problems& problems, bool warnings)
{
    const std::string f = file.toStdString();
    for (const auto& p : problems) {
        if (p.severity == model::Severity::Error)
            std::cerr << f << ": " << p.text() << "\n";
        else if (warnings)
            std::cerr << f << ": warning: " << p.text() << "\n";
    }
}

namespace {

std::optional<model::Model> loadForCommand(const QString& file, int& exitCode)
{
    io::LoadResult res = io::loadModelFile(file);
    if (res.read_failed) {
        printProblems(file, res.problems, false);
        exitCode = ExitIoError;
        return std::nullopt;
    }
    if (!res.ok()) {
        printProblems(file, res.problems, true);
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    exitCode = ExitOk;
    return std::move(res.model);
}

}  // namespace

std::optional<model::Model> loadTheFile(const QCommandLineParser& parser, const char* command, const char* usage,
                                        int& exitCode)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        std::cerr << "nines " << command << ": expected exactly one FILE (usage: " << usage << ")\n";
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    return loadForCommand(files.first(), exitCode);
}

}  // namespace nines::app
