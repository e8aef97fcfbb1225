// `nines capacity FILE`: capacity headroom per tier at peak, after N+1 and after a zone loss.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "sim/capacity.h"
#include "ui/present/results_json.h"

#include <iostream>

namespace nines::app {

int cmdCapacity(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    parser.addOption(json);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Capacity headroom per tier at peak load: with everything up, after the "
                                                "worst single instance failure (N+1) and after the worst zone loss, "
                                                "with the months of growth each leaves, and M/M/c queueing per tier. "
                                                "Exits 3 when the model has no load.")))
        return *stop;
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "capacity", "nines capacity FILE [--json]", code);
    if (!loaded)
        return code;
    const sim::CapacityResult r = sim::analyzeCapacity(*loaded);
    if (parser.isSet(json)) {
        QJsonObject o = present::capacityToJson(r);
        o.insert(QStringLiteral("model"), QString::fromStdString(loaded->name));
        printJson(o);
        return r.has_load ? ExitOk : ExitNotApplicable;
    }
    if (!r.has_load) {
        std::cerr << "nines capacity: the model has no \"load\" (peak request rate), so there is no demand to compare "
                     "capacity with\n";
        return ExitNotApplicable;
    }
    std::cout << loaded->name << ": capacity at peak\n\n";
    printTables(std::cout, {present::capacityTable(*loaded, r), present::queueingTable(*loaded, r)});
    return ExitOk;
}

}  // namespace nines::app
