// `nines capacity FILE`: capacity headroom per tier at peak, after N+1 and after a zone loss.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "sim/capacity.h"
#include "ui/results_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <iostream>

namespace nines::app {

namespace {

std::string months(double m)
{
    if (!std::isfinite(m))
        return "never";
    if (m <= 0)
        return "none left";
    return formatFixed(m, 1);
}

std::string headroom(const sim::TierState& s)
{
    const double share = s.capacity_rps > 0 ? s.headroom_rps / s.capacity_rps : -1.0;
    return formatFixed(s.headroom_rps, 0) + " (" + (s.capacity_rps > 0 ? formatFixed(100 * share, 0) + "%" : "down") + ")";
}

}  // namespace


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
        QJsonObject o = ui::capacityToJson(r);
        o.insert(QStringLiteral("model"), QString::fromStdString(loaded->name));
        std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        return r.has_load ? ExitOk : ExitNotApplicable;
    }
    if (!r.has_load) {
        std::cerr << "nines capacity: the model has no \"load\" (peak request rate), so there is no demand to compare "
                     "capacity with\n";
        return ExitNotApplicable;
    }
    std::cout << loaded->name << ": capacity at peak, " << formatFixed(r.peak_rps, 1) << " requests/s, growing "
              << formatFixed(r.yearly_growth_percent, 1) << "% a year, target utilisation "
              << formatFixed(100 * r.target_utilisation, 0) << "%\n\n";
    TextTable t({"tier", "capacity", "demand", "util.", "headroom, all up", "months", "after N+1", "months", "worst zone",
                 "after zone loss", "months"},
                {TextTable::Left, TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Right,
                 TextTable::Right, TextTable::Right, TextTable::Left, TextTable::Right, TextTable::Right});
    for (const auto& tier : r.tiers)
        t.addRow({tier.id, std::to_string(tier.instances) + " x " + formatFixed(tier.per_instance_rps, 0),
                  formatFixed(tier.all_up.demand_rps, 0), formatFixed(100 * tier.utilisation, 0) + "%",
                  headroom(tier.all_up), months(tier.all_up.months), headroom(tier.n_plus_1), months(tier.n_plus_1.months),
                  tier.worst_zone.empty() ? "-" : tier.worst_zone, headroom(tier.zone_loss), months(tier.zone_loss.months)});
    std::cout << t.render() << "\n(requests per second; headroom = capacity x target utilisation - demand)\n\n";
    TextTable q({"tier", "P(wait)", "mean response, ms"}, {TextTable::Left, TextTable::Right, TextTable::Right});
    for (const auto& tier : r.tiers)
        q.addRow({tier.id, tier.queue_meaningful ? formatFixed(tier.wait_probability, 4) : "overloaded",
                  tier.queue_meaningful ? formatFixed(tier.response_ms, 2) : "n/a (utilisation >= 100%)"});
    std::cout << "Queueing at peak (M/M/c, Erlang C; each instance serves its capacity)\n" << q.render();
    if (!r.unlimited.empty()) {
        std::cout << "\nCarry demand without a modelled capacity (unlimited):";
        for (const auto& id : r.unlimited)
            std::cout << " " << id;
        std::cout << "\n";
    }
    return ExitOk;
}

}  // namespace nines::app
