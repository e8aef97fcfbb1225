// `nines improve FILE [--confirm N] [--json]`: concrete changes ranked by the availability they
// gain (exactly where the solver applies), the best confirmed by simulation against the base.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "sim/study/evaluation.h"
#include "sim/study/improvements.h"
#include "ui/present/study_json.h"

#include <atomic>
#include <iostream>

namespace nines::app {

int cmdImprove(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the ranking as JSON."));
    const QCommandLineOption confirm(QStringLiteral("confirm"),
                                     QStringLiteral("How many of the best changes to confirm by simulation (default 5)."),
                                     QStringLiteral("N"));
    parser.addOption(json);
    parser.addOption(confirm);
    const RunOptions run;
    run.addTo(parser);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Rank concrete changes (a replica more, repairs twice as fast, another "
                                                "zone, a store switched to AP) by the availability they gain, with "
                                                "their cost; the best are confirmed by simulation.")))
        return *stop;
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "improve", "nines improve FILE [--json]", code);
    if (!loaded)
        return code;
    sim::RunSettings s = study::runSettingsOf(*loaded);
    double top = 5;
    std::optional<std::string> bad = run.apply(parser, s);
    if (!bad)
        bad = numberOption(parser, confirm, 0, 100, top);
    if (bad) {
        std::cerr << "nines improve: " << *bad << "\n";
        return ExitInvalid;
    }
    const std::atomic<bool>* cancel = cancelOnInterrupt();
    const study::ImprovementPlan plan = study::planImprovements(*loaded, s, static_cast<size_t>(top), cancel);
    if (parser.isSet(json)) {
        printJson(present::improvementsToJson(plan));
    } else {
        std::cout << loaded->name << ": what to improve next\n\n";
        printTables(std::cout, {present::improvementsTable(plan, loaded->settings.currency)});
    }
    return plan.cancelled ? ExitCancelled : ExitOk;
}

}  // namespace nines::app
