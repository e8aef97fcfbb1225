#include "comparison.h"

#include "results_json.h"

#include "model/io/scenario.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/statistics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nines::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

/// The availability of each replication, in replication order (the run keeps its downtime).
std::vector<double> availabilities(const sim::RunResult& r)
{
    std::vector<double> out;
    out.reserve(r.downtime_minutes.size());
    for (double d : r.downtime_minutes)
        out.push_back(1.0 - d / model::kMinutesPerYear);
    return out;
}

}  // namespace

sim::Interval pairedDifference(const sim::RunResult& a, const sim::RunResult& base)
{
    const std::vector<double> x = availabilities(a), y = availabilities(base);
    sim::RunningStats d;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        d.add(x[i] - y[i]);
    return sim::confidenceInterval(d);
}

namespace {

std::optional<double> worstHeadroomAfterN1(const sim::CapacityResult& c)
{
    if (!c.has_load || c.tiers.empty())
        return std::nullopt;
    double worst = c.tiers.front().n_plus_1.headroom_rps;
    for (const auto& t : c.tiers)
        worst = std::min(worst, t.n_plus_1.headroom_rps);
    return worst;
}

QJsonObject costJson(const DesignCost& c)
{
    return QJsonObject{{QStringLiteral("capex"), c.capex},
                       {QStringLiteral("yearly"), c.yearly},
                       {QStringLiteral("first_year"), c.firstYear()},
                       {QStringLiteral("downtime_cost_per_year"), c.downtime_yearly}};
}

}  // namespace

DesignCost costOf(const model::Model& m, double downtimeMinutesPerYear)
{
    DesignCost c;
    for (const auto& comp : m.components) {
        c.capex += comp.instances * comp.cost.purchase_per_instance;
        c.yearly += comp.instances * comp.cost.yearly_per_instance;
    }
    c.downtime_yearly = downtimeMinutesPerYear * m.settings.downtime_cost_per_minute;
    return c;
}

Comparison compareScenarios(const model::Model& base, sim::RunSettings settings, const std::atomic<bool>* cancel,
                            const sim::RunResult* baseRun)
{
    Comparison c;
    // Pairing replication i of every run needs the same replications in each.
    settings.target_relative_precision = 0;
    settings.max_wall_seconds = 0;
    settings.steady_state = false;
    c.settings = settings;

    std::vector<std::pair<std::string, model::Model>> designs{{std::string(), base}};
    designs.front().second.scenarios.clear();
    for (const auto& s : base.scenarios) {
        model::Problems problems;
        auto m = io::resolveScenario(base, s.id, problems);
        if (!m) {
            c.problems.push_back(s.id + ": " + (problems.empty() ? std::string("invalid") : problems.front().text()));
            continue;
        }
        designs.emplace_back(s.id, std::move(*m));
    }
    for (const auto& [id, m] : designs) {
        if (cancel && cancel->load()) {
            c.cancelled = true;
            break;
        }
        ScenarioRun r;
        r.id = id;
        if (id.empty())
            r.name = "Base";
        else
            for (const auto& s : base.scenarios)
                if (s.id == id)
                    r.name = s.name.empty() ? s.id : s.name;
        r.model = m;
        const bool reuse = id.empty() && baseRun && baseRun->replications == settings.replications && !baseRun->partial();
        r.run = reuse ? *baseRun : sim::runSimulation(sim::compile(m), settings, cancel);
        if (r.run.partial()) {
            c.cancelled = true;
            break;
        }
        r.capacity = sim::analyzeCapacity(m);
        r.cost = costOf(m, r.run.downtime_minutes_per_year.mean);
        r.headroom_after_n1 = worstHeadroomAfterN1(r.capacity);
        r.meets_sla = r.run.availability.mean >= settings.sla_availability;
        c.runs.push_back(std::move(r));
        // Seed, replications, mission and SLA target are the base's for every design (that is
        // what makes them comparable); a scenario's own run settings are not used.
    }
    if (c.runs.empty())
        return c;
    const ScenarioRun& b = c.runs.front();
    for (auto& r : c.runs) {
        r.difference = pairedDifference(r.run, b.run);
        r.independent_half_width = std::hypot(r.run.availability.halfWidth(), b.run.availability.halfWidth());
        // Only for a gain the paired interval says is real, and a design that costs more: a
        // cheaper and better design has no "cost" per nine (it is marked as such).
        const double gained = sim::ninesOf(r.run.unavailability.mean) - sim::ninesOf(b.run.unavailability.mean);
        const double extra = r.cost.firstYear() - b.cost.firstYear();
        if (r.difference.low > 0 && std::isfinite(gained) && gained > 0) {
            if (extra > 0)
                r.cost_per_extra_nine = extra / gained;
            else
                r.cheaper_and_better = true;
        }
    }
    for (size_t i = 0; i < c.runs.size(); ++i) {
        const ScenarioRun& r = c.runs[i];
        bool dominated = false;
        for (size_t j = 0; j < c.runs.size() && !dominated; ++j) {
            const ScenarioRun& o = c.runs[j];
            dominated = j != i && o.cost.firstYear() <= r.cost.firstYear()
                        && o.run.availability.mean >= r.run.availability.mean
                        && (o.cost.firstYear() < r.cost.firstYear() || o.run.availability.mean > r.run.availability.mean);
        }
        c.runs[i].on_frontier = !dominated;
        // Among designs of the same cost, the more available one.
        if (r.meets_sla) {
            const ScenarioRun* best = c.cheapest_meeting_sla ? &c.runs[*c.cheapest_meeting_sla] : nullptr;
            if (!best || r.cost.firstYear() < best->cost.firstYear()
                || (r.cost.firstYear() == best->cost.firstYear() && r.run.availability.mean > best->run.availability.mean))
                c.cheapest_meeting_sla = i;
        }
    }
    return c;
}

QJsonObject comparisonToJson(const Comparison& c)
{
    QJsonArray runs;
    for (size_t i = 0; i < c.runs.size(); ++i) {
        const ScenarioRun& r = c.runs[i];
        QJsonObject downtime = intervalToJson(r.run.downtime_minutes_per_year);
        downtime.insert(QStringLiteral("p99"), r.run.downtime_p99);
        QJsonObject diff = intervalToJson(r.difference);
        diff.insert(QStringLiteral("independent_half_width"), r.independent_half_width);
        runs.append(QJsonObject{
            {QStringLiteral("scenario"), r.id.empty() ? QJsonValue() : QJsonValue(qs(r.id))},
            {QStringLiteral("name"), qs(r.name)},
            {QStringLiteral("availability"), intervalToJson(r.run.availability)},
            {QStringLiteral("nines"), finiteOrNull(sim::ninesOf(r.run.unavailability.mean))},
            {QStringLiteral("downtime_minutes_per_year"), downtime},
            {QStringLiteral("sla_miss_probability"), intervalToJson(r.run.sla_miss_probability)},
            {QStringLiteral("meets_sla"), r.meets_sla},
            {QStringLiteral("headroom_after_n_plus_1_rps"),
             r.headroom_after_n1 ? QJsonValue(*r.headroom_after_n1) : QJsonValue()},
            {QStringLiteral("cost"), costJson(r.cost)},
            {QStringLiteral("cost_per_extra_nine"), r.cost_per_extra_nine ? QJsonValue(*r.cost_per_extra_nine) : QJsonValue()},
            {QStringLiteral("cheaper_and_better"), r.cheaper_and_better},
            {QStringLiteral("difference_from_base"), diff},
            {QStringLiteral("on_frontier"), r.on_frontier},
            {QStringLiteral("cheapest_meeting_sla"), c.cheapest_meeting_sla == i}});
    }
    QJsonArray problems;
    for (const auto& p : c.problems)
        problems.append(qs(p));
    return QJsonObject{{QStringLiteral("seed"), double(c.settings.seed)},
                       {QStringLiteral("replications"), double(c.settings.replications)},
                       {QStringLiteral("mission_hours"), c.settings.mission_hours},
                       {QStringLiteral("sla_target_percent"), 100.0 * c.settings.sla_availability},
                       {QStringLiteral("partial"), c.cancelled},
                       {QStringLiteral("scenarios"), runs},
                       {QStringLiteral("problems"), problems}};
}

std::optional<SweepAxis> parseSweep(const std::string& spec, std::string& why)
{
    const size_t eq = spec.rfind('=');
    const size_t dots = spec.find("..", eq == std::string::npos ? 0 : eq);
    if (eq == std::string::npos || dots == std::string::npos) {
        why = "expected PATH=FROM..TO[:STEP], e.g. components[app].instances=2..6, got \"" + spec + "\"";
        return std::nullopt;
    }
    SweepAxis axis;
    axis.path = spec.substr(0, eq);
    if (axis.path.rfind("settings", 0) == 0) {
        why = "\"" + axis.path + "\": a sweep changes the design; run settings (seed, mission, SLA target...) are set "
              "with the command's options or in the model";
        return std::nullopt;
    }
    const std::string from = spec.substr(eq + 1, dots - eq - 1);
    std::string to = spec.substr(dots + 2), step;
    if (const size_t colon = to.find(':'); colon != std::string::npos) {
        step = to.substr(colon + 1);
        to = to.substr(0, colon);
    }
    auto number = [&](const std::string& s, double& out) {
        std::istringstream in(s);
        in >> out;
        return !s.empty() && in && in.eof();
    };
    double lo = 0, hi = 0, dx = 1;
    if (!number(from, lo) || !number(to, hi) || (!step.empty() && !number(step, dx))) {
        why = "\"" + spec + "\": FROM, TO and STEP must be numbers";
        return std::nullopt;
    }
    if (!(dx > 0) || hi < lo) {
        why = "\"" + spec + "\": needs FROM <= TO and a positive STEP";
        return std::nullopt;
    }
    if ((hi - lo) / dx > 1000) {
        why = "\"" + spec + "\": more than 1,000 points";
        return std::nullopt;
    }
    for (int i = 0;; ++i) {
        const double v = lo + i * dx;
        if (v > hi + dx * 1e-9)
            break;
        axis.values.push_back(v);
    }
    return axis;
}

namespace {

/// "components[ID].zone_count" = n: the component spread over n zones. It keeps the zones it has
/// (in its order) and takes further ones in the model's order; the instances are then spread
/// over them as any component's are. Not a field of the file: a sweep's way to say "how many
/// zones this tier spans".
std::optional<model::Model> withZoneCount(const model::Model& m, const std::string& path, double n,
                                          model::Problems& problems)
{
    const std::string prefix = "components[", suffix = "].zone_count";
    const std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    const model::Component* c = m.findComponent(id);
    if (!c) {
        problems.push_back({path, "there is no component \"" + id + "\""});
        return std::nullopt;
    }
    if (n != std::floor(n) || n < 1) {
        problems.push_back({path, "a number of zones is a whole number from 1"});
        return std::nullopt;
    }
    if (n > double(m.zones.size())) {
        problems.push_back({path, "the model has only " + std::to_string(m.zones.size()) + " zones"});
        return std::nullopt;
    }
    std::vector<std::string> zones;
    for (const auto& z : c->zones)
        if (zones.size() < size_t(n))
            zones.push_back(z);
    for (const auto& z : m.zones)
        if (zones.size() < size_t(n) && std::find(zones.begin(), zones.end(), z.id) == zones.end())
            zones.push_back(z.id);
    QJsonArray ids;
    for (const auto& z : zones)
        ids.append(QString::fromStdString(z));
    return io::withField(m, "components[" + id + "].zones", ids, problems);
}

bool isZoneCount(const std::string& path)
{
    const std::string prefix = "components[", suffix = "].zone_count";
    return path.size() > prefix.size() + suffix.size() && path.rfind(prefix, 0) == 0
           && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Sweep runSweep(const model::Model& base, const std::vector<SweepAxis>& axes, sim::RunSettings settings,
               const std::atomic<bool>* cancel)
{
    Sweep s;
    s.axes = axes;
    settings.target_relative_precision = 0;  // the same replications, so points compare like with like
    settings.max_wall_seconds = 0;
    s.settings = settings;
    std::vector<size_t> index(axes.size(), 0);
    const bool any = std::all_of(axes.begin(), axes.end(), [](const SweepAxis& a) { return !a.values.empty(); });
    while (any && !axes.empty()) {
        SweepPoint p;
        model::Model m = base;
        m.scenarios.clear();
        bool ok = true;
        for (size_t k = 0; k < axes.size() && ok; ++k) {
            const double v = axes[k].values[index[k]];
            p.values.push_back(v);
            model::Problems problems;
            // Whole numbers go in as integers, so that counts ("instances") read as counts.
            const QJsonValue value = v == std::floor(v) && std::abs(v) < 1e15 ? QJsonValue(qint64(v)) : QJsonValue(v);
            auto next = isZoneCount(axes[k].path) ? withZoneCount(m, axes[k].path, v, problems)
                                                  : io::withField(m, axes[k].path, value, problems);
            if (!next) {
                ok = false;
                p.problem = problems.empty() ? "invalid" : problems.front().text();
            } else {
                m = std::move(*next);
            }
        }
        if (ok) {
            if (cancel && cancel->load()) {
                s.cancelled = true;
                break;
            }
            p.valid = true;
            p.run = sim::runSimulation(sim::compile(m), settings, cancel);
            if (p.run.partial()) {
                s.cancelled = true;
                break;
            }
            p.cost = costOf(m, p.run.downtime_minutes_per_year.mean);
            p.meets_sla = p.run.availability.mean >= settings.sla_availability;
            const sim::AnalyticResult exact = sim::analyze(m);
            if (exact.applicable)
                p.exact_availability = exact.availability;
            if (p.meets_sla && !s.first_meeting_sla)
                s.first_meeting_sla = s.points.size();
        }
        s.points.push_back(std::move(p));
        // Odometer: the last axis varies fastest.
        size_t k = axes.size();
        while (k > 0) {
            --k;
            if (++index[k] < axes[k].values.size())
                break;
            index[k] = 0;
            if (k == 0) {
                k = axes.size() + 1;
                break;
            }
        }
        if (k == axes.size() + 1)
            break;
    }
    return s;
}

QJsonObject sweepToJson(const Sweep& s)
{
    QJsonArray axes;
    for (const auto& a : s.axes) {
        QJsonArray values;
        for (double v : a.values)
            values.append(v);
        axes.append(QJsonObject{{QStringLiteral("path"), qs(a.path)}, {QStringLiteral("values"), values}});
    }
    QJsonArray points;
    for (const auto& p : s.points) {
        QJsonArray values;
        for (double v : p.values)
            values.append(v);
        QJsonObject o{{QStringLiteral("values"), values}, {QStringLiteral("valid"), p.valid}};
        if (!p.valid) {
            o.insert(QStringLiteral("problem"), qs(p.problem));
        } else {
            o.insert(QStringLiteral("availability"), intervalToJson(p.run.availability));
            o.insert(QStringLiteral("nines"), finiteOrNull(sim::ninesOf(p.run.unavailability.mean)));
            o.insert(QStringLiteral("downtime_minutes_per_year"), intervalToJson(p.run.downtime_minutes_per_year));
            o.insert(QStringLiteral("meets_sla"), p.meets_sla);
            o.insert(QStringLiteral("cost"), costJson(p.cost));
            o.insert(QStringLiteral("exact_availability"),
                     p.exact_availability ? QJsonValue(*p.exact_availability) : QJsonValue());
        }
        points.append(o);
    }
    return QJsonObject{{QStringLiteral("axes"), axes},
                       {QStringLiteral("seed"), double(s.settings.seed)},
                       {QStringLiteral("replications"), double(s.settings.replications)},
                       {QStringLiteral("estimate"), s.settings.steady_state ? QStringLiteral("steady_state")
                                                                            : QStringLiteral("mission")},
                       {QStringLiteral("sla_target_percent"), 100.0 * s.settings.sla_availability},
                       {QStringLiteral("partial"), s.cancelled},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("first_meeting_sla"),
                        s.first_meeting_sla ? QJsonValue(double(*s.first_meeting_sla)) : QJsonValue()}};
}

}  // namespace nines::ui
