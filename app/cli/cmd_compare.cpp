// `nines compare FILE [--json]`: the base and every scenario with common random numbers, side by
// side with cost, the difference from the base (paired), the efficient frontier and the cheapest
// design that meets the SLA.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "model/io/scenario.h"
#include "sim/study/comparison.h"
#include "sim/study/evaluation.h"
#include "ui/present/study_json.h"

#include <atomic>
#include <iostream>

namespace nines::app {

int cmdCompare(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file, with scenarios."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the comparison as JSON."));
    parser.addOption(json);
    const RunOptions run;
    run.addTo(parser);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Compare the base design with each scenario, simulated with the same "
                                                "seeds (common random numbers): availability, nines, downtime, SLA "
                                                "misses, headroom, cost, cost per extra nine and the difference from "
                                                "the base with its confidence interval.")))
        return *stop;
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "compare", "nines compare FILE [--json]", code);
    if (!loaded)
        return code;
    sim::RunSettings s = study::runSettingsOf(*loaded);
    if (auto bad = run.apply(parser, s)) {
        std::cerr << "nines compare: " << *bad << "\n";
        return ExitInvalid;
    }
    if (loaded->scenarios.empty()) {
        std::cerr << "nines compare: the model has no scenarios to compare (see docs/scenarios.md)\n";
        return ExitInvalid;
    }
    if (s.target_relative_precision > 0 || s.max_wall_seconds > 0)
        std::cerr << "nines compare: every design runs all " << s.replications
                  << " replications (the precision target and time budget do not apply: pairing needs equal counts)\n";
    const std::atomic<bool>* cancel = cancelOnInterrupt();
    const study::Comparison c = study::compareDesigns(io::designsOf(*loaded), s, cancel);
    if (parser.isSet(json)) {
        printJson(present::comparisonToJson(c));
    } else {
        std::cout << loaded->name << ": " << c.runs.size() << " designs, " << c.settings.replications
                  << " replications each, seed " << c.settings.seed << " (common random numbers)\n\n";
        printTables(std::cout, present::comparisonTables(*loaded, c));
    }
    for (const auto& p : c.problems)
        std::cerr << "nines compare: scenario " << p << "\n";
    if (c.cancelled)
        return ExitCancelled;
    return c.problems.empty() ? ExitOk : ExitInvalid;
}

}  // namespace nines::app
