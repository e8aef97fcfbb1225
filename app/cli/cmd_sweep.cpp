// `nines sweep FILE --set PATH=FROM..TO[:STEP] [--set ...] [--json]`: one or two numeric fields
// stepped over a range, each point simulated with the same seed; availability with its interval
// and cost per point, and the smallest value that meets the SLA.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "model/io/scenario.h"
#include "sim/study/evaluation.h"
#include "sim/study/sweep.h"
#include "ui/present/study_json.h"

#include <algorithm>
#include <atomic>
#include <iostream>

namespace nines::app {

int cmdSweep(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("A field to sweep: PATH=FROM..TO[:STEP] (step 1 by default), e.g. "
                                                "components[app].instances=2..6; twice for a grid."),
                                 QStringLiteral("PATH=FROM..TO[:STEP]"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the sweep as JSON."));
    parser.addOption(set);
    parser.addOption(json);
    const RunOptions run;
    run.addTo(parser);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Sweep one or two numeric fields of a model over a range: availability "
                                                "with its confidence interval and cost at each point, and the smallest "
                                                "value that meets the SLA target.")))
        return *stop;
    std::vector<study::SweepAxis> axes;
    for (const QString& spec : parser.values(set)) {
        std::string why;
        auto axis = study::parseSweep(spec.toStdString(), why);
        if (!axis) {
            std::cerr << "nines sweep: --set " << why << "\n";
            return ExitInvalid;
        }
        axes.push_back(std::move(*axis));
    }
    if (axes.empty() || axes.size() > 2) {
        std::cerr << "nines sweep: give one or two --set PATH=FROM..TO[:STEP]\n";
        return ExitInvalid;
    }
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "sweep", "nines sweep FILE --set PATH=FROM..TO[:STEP]", code);
    if (!loaded)
        return code;
    sim::RunSettings s = study::runSettingsOf(*loaded);
    if (auto bad = run.apply(parser, s)) {
        std::cerr << "nines sweep: " << *bad << "\n";
        return ExitInvalid;
    }
    const std::atomic<bool>* cancel = cancelOnInterrupt();
    const study::Sweep sweep = study::runSweep(*loaded, axes, s, io::withSweepValue, cancel);
    if (parser.isSet(json)) {
        printJson(present::sweepToJson(sweep));
    } else {
        std::cout << loaded->name << ": sweep\n\n";
        printTables(std::cout, {present::sweepTable(sweep, loaded->settings.currency)});
        if (sweep.cheapest_meeting_sla) {
            const study::SweepPoint& p = sweep.points[*sweep.cheapest_meeting_sla];
            std::cout << "The cheapest point (by cost of ownership over " << formatFixed(p.cost.horizon_years, 1)
                      << " years) that meets the SLA target of " << present::formatPercent(s.sla_availability, 4) << ":";
            for (size_t k = 0; k < axes.size(); ++k)
                std::cout << " " << axes[k].path << " = " << formatFixed(p.values[k], 6);
            std::cout << " (" << formatFixed(p.cost.ownership(), 0) << "; "
                      << (sweep.cheapest_interval_meets_sla ? "its whole 95% interval meets it"
                                                            : "its 95% interval reaches below it")
                      << ")\n";
        } else {
            std::cout << "No point meets the SLA target of " << present::formatPercent(s.sla_availability, 4) << ".\n";
        }
    }
    if (sweep.cancelled)
        return ExitCancelled;
    // Not one valid point: most likely a path that names nothing.
    if (std::none_of(sweep.points.begin(), sweep.points.end(), [](const study::SweepPoint& p) { return p.valid; })) {
        std::cerr << "nines sweep: no point gives a valid model"
                  << (sweep.points.empty() ? std::string() : ": " + sweep.points.front().problem) << "\n";
        return ExitInvalid;
    }
    return ExitOk;
}

}  // namespace nines::app
