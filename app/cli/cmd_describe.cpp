// `nines describe FILE`: a readable summary of a model, for a reviewer without the window.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "model/io/provenance.h"
#include "model/model.h"

#include <iostream>
#include <sstream>

namespace nines::app {

using namespace nines::model;

namespace {

std::string describeDistribution(const Distribution& d)
{
    switch (d.type) {
    case DistributionType::Exponential:
        return "exp " + formatHours(d.mean_hours);
    case DistributionType::Weibull:
        return "Weibull k=" + formatFixed(d.shape, 3) + " scale " + formatHours(d.scale_hours);
    case DistributionType::Lognormal:
        return "lognormal " + formatHours(d.mean_hours) + " sigma " + formatFixed(d.sigma, 3);
    case DistributionType::Deterministic:
        return "fixed " + formatHours(d.hours);
    case DistributionType::Uniform:
        return "uniform " + formatHours(d.min_hours) + "-" + formatHours(d.max_hours);
    case DistributionType::Empirical:
        return "empirical, " + std::to_string(d.samples_hours.size()) + " samples, mean " + formatHours(d.mean());
    }
    return "?";
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ")
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : sep) + x;
    return s;
}

std::string redundancyText(const Component& c)
{
    std::string s = std::to_string(c.required) + "/" + std::to_string(c.instances);
    if (c.redundancy == RedundancyMode::Standby) {
        s += " " + std::string(toString(c.standby.kind)) + " standby";
        s += ", failover " + (c.standby.failover ? io::describeFailover(*c.standby.failover)
                                                 : formatHours(c.standby.failover_seconds / 3600.0));
        if (c.standby.failover_retry_seconds)
            s += ", retried after " + formatHours(*c.standby.failover_retry_seconds / 3600.0);
        if (c.standby.failover_success_probability < 1)
            s += " (" + formatFixed(100 * c.standby.failover_success_probability, 3) + "% succeed)";
    } else {
        s += " active";
    }
    return s;
}

std::string outageText(const std::optional<Outage>& o)
{
    if (!o)
        return "never fails";
    return "outage every " + describeDistribution(o->failure) + ", lasting " + describeDistribution(o->repair);
}

}  // namespace

int cmdDescribe(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption assumptionsOption(
        QStringLiteral("assumptions"),
        QStringLiteral("Also list every failure, repair, redundancy, capacity and cost parameter with where it "
                       "comes from: a catalogue template's source or assumption, or set by the user."));
    parser.addOption(assumptionsOption);
    if (auto stop = parseCommand(parser, args, QStringLiteral("Print a readable summary of a model.")))
        return *stop;
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "describe", "nines describe FILE", code);
    if (!loaded)
        return code;
    const Model& m = *loaded;
    std::ostringstream out;
    out << m.name << "\n" << std::string(displayWidth(m.name), '=') << "\n";
    if (!m.description.empty())
        out << wrap(m.description, 88, "") ;
    out << "\n";

    out << "Components (" << m.components.size() << ")\n";
    TextTable comps({"id", "kind", "k/n", "zones", "failure modes: time to failure / repair (detection)"});
    for (const auto& c : m.components) {
        std::vector<std::string> modes;
        for (const auto& fm : c.failure_modes) {
            std::string t = fm.id + ": " + describeDistribution(fm.failure) + " / " + describeDistribution(fm.repair);
            if (fm.detection_seconds > 0)
                t += " (+" + formatHours(fm.detection_seconds / 3600.0) + ")";
            modes.push_back(t);
        }
        if (modes.empty())
            modes.push_back("never fails");
        comps.addRow({c.id, std::string(toString(c.kind)), redundancyText(c), c.zones.empty() ? "-" : join(c.zones),
                      modes.front()});
        for (size_t i = 1; i < modes.size(); ++i)
            comps.addRow({"", "", "", "", modes[i]});
    }
    out << comps.render() << "\n";

    std::vector<std::string> extras;
    for (const auto& c : m.components) {
        if (c.kind == ComponentKind::Entry)
            extras.push_back(c.id + ": entry with " + formatFixed(100 * c.traffic_share, 2) + "% of the traffic"
                             + (c.entry_node ? ", entering at " + *c.entry_node : ""));
        if (c.capacity_rps)
            extras.push_back(c.id + ": " + formatFixed(*c.capacity_rps) + " requests/s per instance");
        if (c.repair_crew)
            extras.push_back(c.id + ": repaired by crew " + *c.repair_crew);
        if (c.dependency_mode != DependencyMode::All)
            extras.push_back(c.id + ": needs " + (c.dependency_mode == DependencyMode::Any
                                                      ? std::string("any one of its dependencies")
                                                      : "at least " + std::to_string(c.dependency_min) + " of its dependencies"));
        if (c.data_store) {
            const auto& d = *c.data_store;
            std::string t = c.id + ": data store, " + std::string(d.consistency == Consistency::CP ? "CP (majority quorum)" : "AP (any replica)")
                            + ", replication " + std::string(toString(d.replication));
            if (d.replication == Replication::Async)
                t += " with " + formatHours(d.replication_lag_seconds / 3600.0) + " lag";
            if (d.write_rate_per_second > 0)
                t += ", " + formatFixed(d.write_rate_per_second) + " writes/s";
            extras.push_back(t);
        }
        if (!c.template_id.empty())
            extras.push_back(c.id + ": made from the catalogue template " + c.template_id);
        for (const auto& fm : c.failure_modes)
            if (!fm.template_id.empty())
                extras.push_back(c.id + ": failure mode " + fm.id + " from the catalogue template " + fm.template_id);
        if (c.cost != Cost{})
            extras.push_back(c.id + ": costs " + formatFixed(c.cost.purchase_per_instance) + " to buy and "
                             + formatFixed(c.cost.yearly_per_instance) + " a year per instance"
                             + (m.settings.currency.empty() ? "" : " (" + m.settings.currency + ")"));
        if (c.support)
            extras.push_back(c.id + ": support contract" + (c.support->name.empty() ? "" : " \"" + c.support->name + "\"")
                             + " (" + (c.support->enabled ? "taken" : "not taken") + "): repairs x"
                             + formatFixed(c.support->repair_factor, 3) + " for "
                             + formatFixed(c.support->yearly_per_instance) + " a year per instance");
    }
    if (!extras.empty()) {
        for (const auto& e : extras)
            out << "  " << e << "\n";
        out << "\n";
    }

    if (!m.dependencies.empty()) {
        out << "Dependencies (" << m.dependencies.size() << ")\n";
        for (const auto& d : m.dependencies) {
            out << "  " << d.from << " -> " << d.to;
            if (d.calls_per_request != 1)
                out << "  x" << formatFixed(d.calls_per_request, 3) << " calls";
            if (d.type == DependencyType::Async)
                out << "  async through a queue of " << formatFixed(d.buffer_messages.value_or(0)) << " messages";
            out << "\n";
        }
        out << "\n";
    }

    if (!m.regions.empty() || !m.zones.empty() || !m.hubs.empty() || !m.links.empty()) {
        out << "Failure domains and network\n";
        // What an item costs, when it costs anything.
        auto costText = [](const FixedCost& c) {
            return c.isZero() ? std::string()
                              : "; costs " + formatFixed(c.capex) + " once and " + formatFixed(c.yearly) + " a year";
        };
        for (const auto& r : m.regions)
            out << "  region " << r.id << ": " << outageText(r.outage) << costText(r.cost) << "\n";
        for (const auto& z : m.zones)
            out << "  zone " << z.id << (z.region ? " (in " + *z.region + ")" : "") << ": " << outageText(z.outage)
                << costText(z.cost) << (z.template_id.empty() ? "" : " [template " + z.template_id + "]") << "\n";
        for (const auto& h : m.hubs)
            out << "  hub " << h.id << ": never fails\n";
        for (const auto& l : m.links)
            out << "  link " << l.id << " " << l.from << " <-> " << l.to << ": " << outageText(l.outage)
                << costText(l.cost) << "\n";
        if (m.links.empty() && m.zones.size() > 1)
            out << "  (no links declared: the zones are joined by a network that never fails)\n";
        out << "\n";
    }
    for (const auto& s : m.shared_fate)
        out << "Shared fate " << s.id << " (" << join(s.components) << "): " << outageText(s.outage) << "\n";
    for (const auto& c : m.repair_crews)
        out << "Repair crew " << c.id << ": " << c.size << (c.size == 1 ? " repair" : " repairs") << " at a time"
            << (c.cost.isZero() ? std::string()
                                : ", costs " + formatFixed(c.cost.capex) + " once and " + formatFixed(c.cost.yearly) + " a year")
            << "\n";
    if (!m.shared_fate.empty() || !m.repair_crews.empty())
        out << "\n";

    if (m.load) {
        out << "Load: peak " << formatFixed(m.load->peak_rps) << " requests/s";
        if (!m.load->daily_profile.empty()) {
            double lo = 1, hi = 0;
            for (double v : m.load->daily_profile) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            out << ", daily profile " << formatFixed(100 * lo, 0) << "-" << formatFixed(100 * hi, 0) << "% of peak";
        }
        if (m.load->yearly_growth_percent != 0)
            out << ", growing " << formatFixed(m.load->yearly_growth_percent, 2) << "% a year";
        out << "\n\n";
    }

    if (!m.scenarios.empty()) {
        out << "Scenarios (" << m.scenarios.size() << ")\n";
        for (const auto& s : m.scenarios) {
            out << "  " << s.id << (s.name.empty() ? "" : ": " + s.name)
                << (s.based_on ? " (based on " + *s.based_on + ")" : "") << "\n";
            for (const auto& op : s.operations)
                out << "      " << toString(op.op) << " " << op.path
                    << (op.op == OperationType::Remove ? "" : " = " + op.value_json.substr(0, 60)) << "\n";
        }
        out << "\n";
    }

    const Settings& st = m.settings;
    out << "Run settings: mission " << formatHours(st.mission_hours) << ", " << st.replications
        << " replications";
    if (st.target_relative_precision > 0)
        out << " at most (stop at " << formatFixed(100 * st.target_relative_precision, 2) << "% relative precision)";
    out << ", seed " << st.seed << ", SLA target " << formatFixed(st.sla_target_percent, 4) << "%\n";
    if (st.downtime_cost_per_minute > 0 || !st.sla_credits.empty()) {
        out << "Money: downtime costs " << formatFixed(st.downtime_cost_per_minute) << " a minute";
        if (!st.sla_credits.empty()) {
            out << "; SLA credits of a " << formatFixed(st.monthly_fee) << " monthly fee for a month";
            for (size_t i = 0; i < st.sla_credits.size(); ++i)
                out << (i ? ", " : " ") << "below " << formatFixed(st.sla_credits[i].below_percent, 4) << "%: "
                    << formatFixed(st.sla_credits[i].credit_percent, 2) << "%";
        }
        out << "; cost of ownership over " << formatFixed(st.horizon_years, 1) << " years\n";
    }
    if (parser.isSet(assumptionsOption)) {
        out << "\nAssumptions\n";
        TextTable table({"item", "parameter", "value", "from"});
        for (const auto& a : io::assumptions(m))
            table.addRow({a.item, a.parameter, a.value,
                          a.from_catalogue ? "catalogue " + a.template_name + ": " + a.source : a.source});
        out << table.render();
    }
    std::cout << out.str();
    return ExitOk;
}

}  // namespace nines::app
