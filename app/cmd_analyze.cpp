// `nines analyze FILE`: exact steady-state availability where the model allows it.
#include "ui/cap_results.h"
#include "cli_util.h"
#include "ui/queue_results.h"
#include "commands.h"
#include "exit_codes.h"

#include "sim/analytic.h"
#include "ui/results_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
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

    if (parser.isSet(json)) {
        QJsonObject o = ui::analyticToJson(r, m.name);
        if (r.applicable)
            o.insert(QStringLiteral("cap"), ui::exactCap(m, r, nullptr));
        o.insert(QStringLiteral("queues"), ui::exactQueues(m, nullptr));
        o.insert(QStringLiteral("capacity"), ui::capacityToJson(sim::analyzeCapacity(m)));
        std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        return r.applicable ? ExitOk : ExitNotApplicable;
    }
    if (!r.applicable) {
        std::cerr << "nines analyze: the exact solver does not apply to this model:\n";
        for (const auto& why : r.reasons)
            std::cerr << "  " << why << "\n";
        std::cerr << "Use `nines simulate` for this model.\n";
        ui::exactQueues(m, &std::cout);
        return ExitNotApplicable;
    }
    const int d = r.unavailability > 0 ? std::clamp(static_cast<int>(std::ceil(-std::log10(r.unavailability))) + 3, 4, 12) : 6;
    std::cout << m.name << ": exact steady-state analysis\n\n";
    TextTable t({"figure", "value"}, {TextTable::Left, TextTable::Right});
    t.addRow({"availability", formatFixed(100.0 * r.availability, d) + "%"});
    t.addRow({"unavailability", formatFixed(r.unavailability * 1e6, 4) + " per million"});
    t.addRow({"nines", std::isfinite(r.nines) ? formatFixed(r.nines, 3) : "never down"});
    t.addRow({"downtime, minutes/year", formatFixed(r.unavailability * 525600.0, 2)});
    if (r.frequency_known) {
        t.addRow({"outages per year", formatFixed(r.outages_per_year, 4)});
        t.addRow({"mean outage, minutes", formatFixed(r.mean_outage_minutes, 2)});
    } else {
        t.addRow({"outages per year", "n/a (entries see different partitions)"});
    }
    std::cout << t.render() << "\n";
    std::vector<const sim::AnalyticComponent*> ranked;
    for (const auto& c : r.components)
        ranked.push_back(&c);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* a, auto* b) { return a->birnbaum > b->birnbaum; });
    TextTable c({"component", "Birnbaum importance", "own availability"}, {TextTable::Left, TextTable::Right, TextTable::Right});
    for (auto* x : ranked)
        c.addRow({x->id, formatFixed(x->birnbaum, 6), formatFixed(100.0 * x->own_availability, d) + "%"});
    std::cout << "Components by importance (how much the system's availability depends on each)\n" << c.render()
              << "\n(" << r.network_states << " states of zones, regions, links and shared-fate groups enumerated)\n\n";
    ui::exactCap(m, r, &std::cout);
    return ExitOk;
}

}  // namespace nines::app
