// `nines compare FILE [--json]`: the base and every scenario with common random numbers, side by
// side with cost, the difference from the base (paired), the efficient frontier and the cheapest
// design that meets the SLA.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "ui/analysis.h"
#include "ui/comparison.h"

#include <QJsonDocument>

#include <atomic>
#include <cmath>
#include <iostream>

namespace nines::app {

namespace {

std::string pct(double a, int d)
{
    return formatFixed(100 * a, d) + "%";
}

}  // namespace

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
    sim::RunSettings s = ui::runSettingsOf(*loaded);
    if (auto bad = run.apply(parser, s)) {
        std::cerr << "nines compare: " << *bad << "\n";
        return ExitInvalid;
    }
    if (parser.isSet(run.steady)) {
        std::cerr << "nines compare: compares mission-time estimates; --steady-state does not apply\n";
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
    const ui::Comparison c = ui::compareScenarios(*loaded, s, cancel);
    if (parser.isSet(json)) {
        std::cout << QJsonDocument(ui::comparisonToJson(c)).toJson(QJsonDocument::Indented).toStdString();
    } else {
        const std::string currency = loaded->settings.currency.empty() ? "" : " (" + loaded->settings.currency + ")";
        std::cout << loaded->name << ": " << c.runs.size() << " designs, " << c.settings.replications
                  << " replications each, seed " << c.settings.seed << " (common random numbers)\n\n";
        TextTable t({"design", "availability", "95% interval", "nines", "downtime min/yr", "p99", "P(miss SLA)",
                     "headroom N+1", "capex" + currency, "yearly" + currency, "per extra nine", "vs base (95%)"},
                    {TextTable::Left, TextTable::Right, TextTable::Left, TextTable::Right, TextTable::Right,
                     TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Right, TextTable::Right,
                     TextTable::Right, TextTable::Left});
        for (size_t i = 0; i < c.runs.size(); ++i) {
            const ui::ScenarioRun& r = c.runs[i];
            std::string name = r.name;
            if (c.cheapest_meeting_sla == i)
                name += " *";
            if (r.on_frontier)
                name += " +";
            const double n = sim::ninesOf(r.run.unavailability.mean);
            t.addRow({name, pct(r.run.availability.mean, 4),
                      pct(r.run.availability.low, 4) + " .. " + pct(r.run.availability.high, 4),
                      std::isfinite(n) ? formatFixed(n, 2) : "inf", formatFixed(r.run.downtime_minutes_per_year.mean, 1),
                      formatFixed(r.run.downtime_p99, 0), formatFixed(r.run.sla_miss_probability.mean, 3),
                      r.headroom_after_n1 ? formatFixed(*r.headroom_after_n1, 0) : "-", formatFixed(r.cost.capex, 0),
                      formatFixed(r.cost.yearly, 0),
                      r.cost_per_extra_nine ? formatFixed(*r.cost_per_extra_nine, 0) : r.cheaper_and_better ? "cheaper+better" : "-",
                      i == 0 ? "" : (r.difference.mean >= 0 ? "+" : "") + formatFixed(100 * r.difference.mean, 4) + " pts ("
                                        + formatFixed(100 * r.difference.low, 4) + " .. "
                                        + formatFixed(100 * r.difference.high, 4) + ")"});
        }
        std::cout << t.render() << "\n";
        std::cout << "* the cheapest design that meets the SLA target of " << pct(c.settings.sla_availability, 3)
                  << (c.cheapest_meeting_sla ? "" : " (none does)") << "; + on the efficient frontier (no other design "
                  << "is both cheaper and more available). Per extra nine: first-year cost (capex + yearly) over the "
                  << "base, per nine gained. vs base: availability difference in percentage points, paired "
                  << "replication by replication.\n";
        for (const auto& p : c.problems)
            std::cerr << "nines compare: scenario " << p << "\n";
    }
    if (c.cancelled)
        return ExitCancelled;
    return c.problems.empty() ? ExitOk : ExitInvalid;
}

}  // namespace nines::app
