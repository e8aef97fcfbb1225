#include "provenance.h"

#include "json_reader.h"
#include "json_writer.h"
#include "template_merge.h"

#include "model/path.h"

#include <QJsonArray>

#include <cmath>
#include <cstdio>

namespace nines::io {

using namespace nines::model;

namespace {

std::string stepsText(const std::vector<PathStep>& steps, size_t from)
{
    std::string s;
    for (size_t i = from; i < steps.size(); ++i) {
        s = joinPath(s, steps[i].field);
        if (steps[i].selector)
            s += "[" + *steps[i].selector + "]";
    }
    return s;
}

template <typename T>
const T* select(const std::vector<T>& items, const std::string& selector)
{
    for (const auto& x : items)
        if (x.id == selector)
            return &x;
    char* end = nullptr;
    const long i = std::strtol(selector.c_str(), &end, 10);
    if (end && *end == '\0' && !selector.empty() && i >= 0 && static_cast<size_t>(i) < items.size())
        return &items[static_cast<size_t>(i)];
    return nullptr;
}

/// Four significant digits, thousands separated: 4380, 515,000, 0.25.
std::string number(double v)
{
    if (v == 0)
        return "0";
    const int digits = static_cast<int>(std::floor(std::log10(std::abs(v))));
    const double scale = std::pow(10.0, 3 - digits);
    v = std::round(v * scale) / scale;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits >= 3 ? 0 : 3 - digits, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    const size_t dot = s.find('.') == std::string::npos ? s.size() : s.find('.');
    const size_t start = s[0] == '-' ? 1 : 0;
    for (size_t i = dot; i > start + 3; i -= 3)
        s.insert(i - 3, ",");
    return s;
}

std::string hours(double h)
{
    return number(h) + " h";
}

struct Row {
    std::string parameter;
    std::string value;
};

void addRows(std::vector<Assumption>& out, const Model& m, const std::string& item, const std::string& name,
             const std::vector<Row>& rows)
{
    const Catalogue& cat = builtinCatalogue();
    for (const auto& r : rows) {
        Assumption a;
        a.item = item;
        a.item_name = name;
        a.parameter = r.parameter;
        a.value = r.value;
        const FieldOrigin fo = fieldOrigin(m, item + "." + r.parameter);
        if (fo.fromCatalogue()) {
            a.from_catalogue = true;
            a.template_name = fo.templ->name;
            if (!fo.origin)
                a.source = "catalogue (no provenance entry)";
            else if (fo.origin->isAssumption())
                a.source = "assumption: " + fo.origin->assumption;
            else {
                for (const auto& id : fo.origin->sources) {
                    const CatalogueSource* s = cat.source(id);
                    a.source += (a.source.empty() ? "" : "; ") + (s ? citation(cat, *s) : id);
                }
                a.derivation = fo.origin->derivation;
            }
        } else if (fo.changed()) {
            a.source = "set by the user (changed from the catalogue \"" + fo.templ->name + "\" value)";
        } else {
            a.source = "set by the user";
        }
        out.push_back(std::move(a));
    }
}

std::vector<Row> outageRows(const std::optional<Outage>& o)
{
    if (!o)
        return {};
    return {{"outage.failure", describeDistribution(o->failure)}, {"outage.repair", describeDistribution(o->repair)}};
}

std::string displayName(const std::string& id, const std::string& name)
{
    return name.empty() ? id : name;
}

/// The rows of what an item costs (a crew, zone, region or link), when it costs anything.
std::vector<Row> withCostRows(std::vector<Row> rows, const FixedCost& c)
{
    if (!c.isZero()) {
        rows.push_back({"cost.capex", number(c.capex)});
        rows.push_back({"cost.yearly", number(c.yearly) + " per year"});
    }
    return rows;
}

}  // namespace

std::string describeDistribution(const Distribution& d)
{
    switch (d.type) {
    case DistributionType::Exponential:
        return "exponential, mean " + hours(d.mean_hours);
    case DistributionType::Weibull:
        return "Weibull, shape " + number(d.shape) + ", scale " + hours(d.scale_hours) + " (mean " + hours(d.mean())
               + ")";
    case DistributionType::Lognormal:
        return "lognormal, mean " + hours(d.mean_hours) + ", sigma " + number(d.sigma);
    case DistributionType::Deterministic:
        return "fixed " + hours(d.hours);
    case DistributionType::Uniform:
        return "uniform " + number(d.min_hours) + " to " + hours(d.max_hours);
    case DistributionType::Empirical:
        return "empirical, " + std::to_string(d.samples_hours.size()) + " samples, mean " + hours(d.mean());
    }
    return {};
}

std::string describeFailover(const FailoverTime& f)
{
    auto secs = [](double s) { return number(s) + " s"; };
    switch (f.type) {
    case DistributionType::Exponential:
        return "exponential, mean " + secs(f.mean_seconds);
    case DistributionType::Lognormal:
        return "lognormal, mean " + secs(f.mean_seconds) + ", sigma " + number(f.sigma);
    case DistributionType::Uniform:
        return "uniform " + number(f.min_seconds) + " to " + secs(f.max_seconds);
    default:
        return "fixed " + secs(f.seconds);
    }
}

std::string describeValue(std::string_view fieldPath, const QJsonValue& v)
{
    const std::string_view key = fieldPath.substr(fieldPath.rfind('.') == std::string_view::npos ? 0
                                                                                                : fieldPath.rfind('.') + 1);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        Problems ignored;
        if (key == "failover")
            return describeFailover(readFailover(o, std::string(fieldPath), ignored));
        if (o.contains(QStringLiteral("type")))
            return describeDistribution(readDistribution(o, std::string(fieldPath), ignored));
        if (o.contains(QStringLiteral("failure")) && o.contains(QStringLiteral("repair")))
            return "every " + describeDistribution(readDistribution(o.value(QStringLiteral("failure")), "", ignored))
                   + "; lasts " + describeDistribution(readDistribution(o.value(QStringLiteral("repair")), "", ignored));
        std::string out;
        for (auto it = o.begin(); it != o.end(); ++it)
            out += (out.empty() ? "" : ", ") + it.key().toStdString() + " "
                   + describeValue(it.key().toStdString(), it.value());
        return out;
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (key.ends_with("_seconds"))
            return number(d) + " s";
        if (key.ends_with("_hours"))
            return hours(d);
        if (key == "capacity_rps")
            return number(d) + " requests/s";
        return number(d);
    }
    if (v.isString())
        return v.toString().toStdString();
    if (v.isBool())
        return v.toBool() ? "yes" : "no";
    if (v.isArray())
        return std::to_string(v.toArray().size()) + " items";
    return {};
}

std::optional<OneUnit> oneUnitFigures(TemplateTarget target, const QJsonObject& body)
{
    Problems ignored;
    auto mean = [&](const QJsonValue& d) { return readDistribution(d, "", ignored).mean(); };
    std::vector<std::pair<double, double>> modes;  // (mean time to failure, mean time down)
    auto addMode = [&](const QJsonObject& o) {
        if (!o.contains(QStringLiteral("failure")) || !o.contains(QStringLiteral("repair")))
            return;
        modes.emplace_back(mean(o.value(QStringLiteral("failure"))),
                           mean(o.value(QStringLiteral("repair")))
                               + o.value(QStringLiteral("detection_seconds")).toDouble(0) / 3600.0);
    };
    switch (target) {
    case TemplateTarget::Component:
        for (const QJsonValue& fm : body.value(QStringLiteral("failure_modes")).toArray())
            addMode(fm.toObject());
        break;
    case TemplateTarget::FailureMode:
        addMode(body);
        break;
    default:
        addMode(body.value(QStringLiteral("outage")).toObject());
        break;
    }
    if (modes.empty())
        return std::nullopt;
    // Competing risks: rates add; the down time is the rate-weighted mean of the modes'.
    double rate = 0, down = 0;
    for (const auto& [mttf, mttr] : modes) {
        rate += 1 / mttf;
        down += mttr / mttf;
    }
    OneUnit u;
    u.mttf_hours = 1 / rate;
    u.mttr_hours = down / rate;
    u.availability = u.mttf_hours / (u.mttf_hours + u.mttr_hours);
    return u;
}

FieldOrigin fieldOrigin(const Model& m, std::string_view path)
{
    FieldOrigin out;
    auto steps = parsePath(path);
    if (!steps || steps->size() < 1 || !steps->front().selector)
        return out;
    const std::string& collection = steps->front().field;
    const std::string& sel = *steps->front().selector;
    auto resolve = [&](TemplateTarget target, const std::string& templateId, const QJsonObject& item, size_t from) {
        const std::string rel = stepsText(*steps, from);
        out.relative_path = rel;
        out.value = rel.empty() ? QJsonValue(item) : valueAtPath(item, rel);
        if (templateId.empty())
            return;
        out.templ = builtinCatalogue().find(target, templateId);
        if (!out.templ)
            return;
        out.template_value = rel.empty() ? QJsonValue(out.templ->body) : valueAtPath(out.templ->body, rel);
        if (!out.template_value.isUndefined())
            out.origin = out.templ->originOf(rel);
    };
    if (collection == "components") {
        const Component* c = select(m.components, sel);
        if (!c)
            return out;
        if (steps->size() >= 2 && (*steps)[1].field == "failure_modes" && (*steps)[1].selector) {
            const FailureMode* fm = select(c->failure_modes, *(*steps)[1].selector);
            if (fm && !fm->template_id.empty()) {
                resolve(TemplateTarget::FailureMode, fm->template_id, writeExplicit(*fm), 2);
                return out;
            }
        }
        resolve(TemplateTarget::Component, c->template_id, writeExplicit(*c), 1);
    } else if (collection == "zones") {
        if (const Zone* z = select(m.zones, sel))
            resolve(TemplateTarget::Zone, z->template_id, writeExplicit(*z), 1);
    } else if (collection == "regions") {
        if (const Region* r = select(m.regions, sel))
            resolve(TemplateTarget::Region, r->template_id, writeExplicit(*r), 1);
    } else if (collection == "links") {
        if (const Link* l = select(m.links, sel))
            resolve(TemplateTarget::Link, l->template_id, writeExplicit(*l), 1);
    } else if (collection == "shared_fate") {
        if (const SharedFate* s = select(m.shared_fate, sel))
            resolve(TemplateTarget::SharedFate, s->template_id, writeExplicit(*s), 1);
    }
    return out;
}

std::vector<Assumption> assumptions(const Model& m)
{
    std::vector<Assumption> out;
    auto ids = [](const auto& items) {
        std::vector<std::string> v;
        for (const auto& x : items)
            v.push_back(x.id);
        return model::IdIndex(std::move(v));
    };
    // The money every cost of ownership and payback rests on.
    {
        const Settings& s = m.settings;
        std::vector<Row> rows;
        if (s.downtime_cost_per_minute > 0)
            rows.push_back({"downtime_cost_per_minute", number(s.downtime_cost_per_minute) + " per minute"});
        if (!s.sla_credits.empty()) {
            std::string steps;
            for (const CreditStep& c : s.sla_credits)
                steps += (steps.empty() ? "" : ", ") + std::string("below ") + number(c.below_percent) + "%: "
                         + number(c.credit_percent) + "%";
            rows.push_back({"sla_credits", steps + " of the monthly fee, per month of 730 h"});
            rows.push_back({"monthly_fee", number(s.monthly_fee) + " per month"});
        }
        rows.push_back({"horizon_years", number(s.horizon_years) + " years"});
        addRows(out, m, "settings", "Settings", rows);
    }
    const auto regionIds = ids(m.regions);
    for (size_t i = 0; i < m.regions.size(); ++i)
        addRows(out, m, regionIds.path("regions", i), displayName(m.regions[i].id, m.regions[i].name),
                withCostRows(outageRows(m.regions[i].outage), m.regions[i].cost));
    const auto zoneIds = ids(m.zones);
    for (size_t i = 0; i < m.zones.size(); ++i)
        addRows(out, m, zoneIds.path("zones", i), displayName(m.zones[i].id, m.zones[i].name),
                withCostRows(outageRows(m.zones[i].outage), m.zones[i].cost));
    const auto linkIds = ids(m.links);
    for (size_t i = 0; i < m.links.size(); ++i)
        addRows(out, m, linkIds.path("links", i), displayName(m.links[i].id, m.links[i].name),
                withCostRows(outageRows(m.links[i].outage), m.links[i].cost));
    const auto crewIds = ids(m.repair_crews);
    for (size_t i = 0; i < m.repair_crews.size(); ++i) {
        const RepairCrew& c = m.repair_crews[i];
        addRows(out, m, crewIds.path("repair_crews", i), displayName(c.id, c.name),
                withCostRows({{"size", std::to_string(c.size) + " repairs at once"}}, c.cost));
    }
    const auto componentIds = ids(m.components);
    for (size_t i = 0; i < m.components.size(); ++i) {
        const Component& c = m.components[i];
        std::vector<Row> rows;
        if (c.kind == ComponentKind::Entry && c.failure_modes.empty())
            continue;  // the users themselves: nothing to assume
        std::string red = std::to_string(c.required) + " of " + std::to_string(c.instances) + " required, ";
        red += c.redundancy == RedundancyMode::Active ? "active" : std::string(toString(c.standby.kind)) + " standby";
        rows.push_back({"instances", red});
        if (c.redundancy == RedundancyMode::Standby) {
            if (c.standby.failover)
                rows.push_back({"standby.failover", describeFailover(*c.standby.failover)});
            else
                rows.push_back({"standby.failover_seconds", number(c.standby.failover_seconds) + " s"});
            if (c.standby.failover_retry_seconds)
                rows.push_back({"standby.failover_retry_seconds", number(*c.standby.failover_retry_seconds) + " s"});
            rows.push_back({"standby.failover_success_probability", number(c.standby.failover_success_probability)});
        }
        const auto modeIds = ids(c.failure_modes);
        for (size_t j = 0; j < c.failure_modes.size(); ++j) {
            const FailureMode& fm = c.failure_modes[j];
            const std::string p = modeIds.path("failure_modes", j);
            rows.push_back({p + ".failure", describeDistribution(fm.failure)});
            rows.push_back({p + ".repair", describeDistribution(fm.repair)});
            rows.push_back({p + ".detection_seconds", number(fm.detection_seconds) + " s"});
            if (fm.dormant_failure)
                rows.push_back({p + ".dormant_failure", describeDistribution(*fm.dormant_failure)});
        }
        if (c.capacity_rps)
            rows.push_back({"capacity_rps", number(*c.capacity_rps) + " requests/s per instance"});
        if (c.cost != Cost{}) {
            rows.push_back({"cost.purchase_per_instance", number(c.cost.purchase_per_instance)});
            rows.push_back({"cost.yearly_per_instance", number(c.cost.yearly_per_instance) + " per year"});
        }
        if (c.support) {
            rows.push_back({"support", (c.support->name.empty() ? std::string("support contract") : c.support->name)
                                           + ": repairs x" + number(c.support->repair_factor) + " for "
                                           + number(c.support->yearly_per_instance) + " per instance per year, "
                                           + (c.support->enabled ? "taken" : "not taken")});
        }
        addRows(out, m, componentIds.path("components", i), displayName(c.id, c.name), rows);
    }
    const auto fateIds = ids(m.shared_fate);
    for (size_t i = 0; i < m.shared_fate.size(); ++i)
        addRows(out, m, fateIds.path("shared_fate", i),
                displayName(m.shared_fate[i].id, m.shared_fate[i].name), outageRows(m.shared_fate[i].outage));
    return out;
}

}  // namespace nines::io
