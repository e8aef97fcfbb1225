// `nines improve FILE [--confirm N] [--json]`: concrete changes ranked by the availability they
// gain (exactly where the solver applies), the best confirmed by simulation against the base.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "ui/analysis.h"
#include "ui/improvements.h"

#include <QJsonDocument>

#include <atomic>
#include <cmath>
#include <iostream>

namespace nines::app {

namespace {

std::string points(double gain)
{
    return (gain >= 0 ? "+" : "") + formatFixed(100 * gain, 5);
}

}  // namespace

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
    sim::RunSettings s = ui::runSettingsOf(*loaded);
    double top = 5;
    std::optional<std::string> bad = run.apply(parser, s);
    if (!bad)
        bad = numberOption(parser, confirm, 0, 100, top);
    if (bad) {
        std::cerr << "nines improve: " << *bad << "\n";
        return ExitInvalid;
    }
    const std::atomic<bool>* cancel = cancelOnInterrupt();
    const ui::ImprovementPlan plan = ui::planImprovements(*loaded, s, static_cast<size_t>(top), cancel);
    if (parser.isSet(json)) {
        std::cout << QJsonDocument(ui::improvementsToJson(plan)).toJson(QJsonDocument::Indented).toStdString();
    } else {
        std::cout << loaded->name << ": what to improve next (availability now " << formatFixed(100 * plan.base_availability, 5)
                  << "%; gains " << (plan.base_exact ? "solved exactly" : "estimated from criticality")
                  << ", the best confirmed by " << plan.settings.replications << " paired replications)\n\n";
        TextTable t({"#", "change", "gain (points)", "confirmed (95%)", "nines gained", "extra capex", "extra yearly"},
                    {TextTable::Right, TextTable::Left, TextTable::Right, TextTable::Left, TextTable::Right,
                     TextTable::Right, TextTable::Right});
        int n = 0;
        for (const auto& i : plan.ranked)
            t.addRow({std::to_string(++n), i.description, points(i.estimated_gain),
                      i.confirmed_gain ? points(i.confirmed_gain->mean) + " (" + points(i.confirmed_gain->low) + " .. "
                                             + points(i.confirmed_gain->high) + ")"
                                       : "-",
                      std::isfinite(i.nines_gained) ? formatFixed(i.nines_gained, 3) : "all downtime", formatFixed(i.extra_capex, 0), formatFixed(i.extra_yearly, 0)});
        std::cout << t.render();
    }
    return plan.cancelled ? ExitCancelled : ExitOk;
}

}  // namespace nines::app
