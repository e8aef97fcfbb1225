// `nines check FILE...`: validate model files, all problems at once.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include <iostream>

namespace nines::app {

int cmdCheck(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Model files to check."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print nothing for valid files, and no warnings."));
    parser.addOption(quiet);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Validate model files. Prints one \"FILE: field.path: message\" line "
                                                "per problem on stderr; exits 0 when all are valid, 2 when one is "
                                                "invalid, 1 when one cannot be read.")))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        std::cerr << "nines check: no file given (usage: nines check FILE...)\n";
        return ExitInvalid;
    }
    int result = ExitOk;
    for (const QString& file : files) {
        io::LoadResult res = io::loadModelFile(file);
        const bool warnings = !parser.isSet(quiet);
        printProblems(file, res.problems, warnings);
        if (res.read_failed) {
            result = ExitIoError;
            continue;
        }
        if (!res.ok()) {
            if (result == ExitOk)
                result = ExitInvalid;
            size_t errors = 0;
            for (const auto& p : res.problems)
                errors += p.severity == model::Severity::Error;
            if (warnings)
                std::cerr << file.toStdString() << ": " << errors << (errors == 1 ? " error\n" : " errors\n");
            continue;
        }
        if (!parser.isSet(quiet)) {
            const auto& m = *res.model;
            std::cout << file.toStdString() << ": ok (" << m.components.size() << " components, "
                      << m.dependencies.size() << " dependencies, " << m.scenarios.size() << " scenarios"
                      << (res.problems.empty() ? "" : ", " + std::to_string(res.problems.size()) + " warnings")
                      << ")\n";
        }
    }
    return result;
}

}  // namespace nines::app
