// `nines analyze FILE`: exact steady-state availability where the model allows it.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "sim/analytic.h"
#include "sim/study/cap_study.h"
#include "sim/study/queue_study.h"
#include "ui/present/results_json.h"

#include <iostream>

namespace nines::app {

int cmdAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    parser.addOption(json);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Exact steady-state availability, outage frequency and component "
                                                "importance. Exits 3 when the model is outside what can be solved "
                                                "exactly, saying why.")))
        return *stop;
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "analyze", "nines analyze FILE [--json]", code);
    if (!loaded)
        return code;
    const model::Model& m = *loaded;
    const sim::AnalyticResult r = sim::analyze(m);

    const std::vector<study::ExactQueue> queues = study::solveQueues(m);
    if (parser.isSet(json)) {
        QJsonObject o = present::analyticToJson(r, m.name);
        if (r.applicable)
            o.insert(QStringLiteral("cap"), present::capToJson(study::solveCap(m, r)));
        o.insert(QStringLiteral("queues"), present::queuesToJson(queues));
        o.insert(QStringLiteral("capacity"), present::capacityToJson(sim::analyzeCapacity(m)));
        printJson(o);
        return r.applicable ? ExitOk : ExitNotApplicable;
    }
    if (!r.applicable) {
        std::cerr << "nines analyze: the exact solver does not apply to this model:\n";
        for (const auto& why : r.reasons)
            std::cerr << "  " << why << "\n";
        std::cerr << "Use `nines simulate` for this model.\n";
        printTables(std::cout, {present::queuesTable(queues)});
        return ExitNotApplicable;
    }
    std::cout << m.name << ": exact steady-state analysis\n\n";
    printTables(std::cout, {present::exactTable(r), present::importanceTable(r), present::capTable(m, study::solveCap(m, r)),
                            present::queuesTable(queues)});
    return ExitOk;
}

}  // namespace nines::app
