#include "json_writer.h"

#include "scenario.h"

#include "catalogue.h"
#include "template_merge.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nines::io {

using namespace nines::model;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

void putString(QJsonObject& o, const char* key, const std::string& v, bool all = false)
{
    if (all || !v.empty())
        o.insert(QLatin1String(key), qs(v));
}

void putNumber(QJsonObject& o, const char* key, double v, double def, bool all = false)
{
    if (all || v != def)
        o.insert(QLatin1String(key), v);
}

QJsonObject writePoint(const Point& p)
{
    return QJsonObject{{QStringLiteral("x"), p.x}, {QStringLiteral("y"), p.y}};
}

QJsonObject writeOutage(const Outage& o)
{
    return QJsonObject{{QStringLiteral("failure"), writeDistribution(o.failure)},
                       {QStringLiteral("repair"), writeDistribution(o.repair)}};
}

/// `cost: {capex, yearly}` of a crew, zone, region or link; nothing when it costs nothing.
void putFixedCost(QJsonObject& o, const FixedCost& c, bool all = false)
{
    if (!all && c.isZero())
        return;
    QJsonObject co;
    putNumber(co, "capex", c.capex, 0.0, all);
    putNumber(co, "yearly", c.yearly, 0.0, all);
    o.insert(QStringLiteral("cost"), co);
}

QJsonArray stringArray(const std::vector<std::string>& v)
{
    QJsonArray a;
    for (const auto& s : v)
        a.append(qs(s));
    return a;
}

QJsonObject writeSettings(const Settings& s)
{
    const Settings def;
    QJsonObject o;
    putNumber(o, "mission_hours", s.mission_hours, def.mission_hours);
    if (s.start != def.start)
        o.insert(QStringLiteral("start"), qs(std::string(toString(s.start))));
    putNumber(o, "replications", s.replications, def.replications);
    putNumber(o, "target_relative_precision", s.target_relative_precision, def.target_relative_precision);
    putNumber(o, "min_outages", s.min_outages, def.min_outages);
    putNumber(o, "max_wall_seconds", s.max_wall_seconds, def.max_wall_seconds);
    if (s.seed != def.seed)
        o.insert(QStringLiteral("seed"), static_cast<double>(s.seed));
    putNumber(o, "sla_target_percent", s.sla_target_percent, def.sla_target_percent);
    putNumber(o, "target_utilisation_percent", s.target_utilisation_percent, def.target_utilisation_percent);
    if (s.overload_counts_as_down)
        o.insert(QStringLiteral("overload_counts_as_down"), true);
    putNumber(o, "downtime_cost_per_minute", s.downtime_cost_per_minute, def.downtime_cost_per_minute);
    putNumber(o, "horizon_years", s.horizon_years, def.horizon_years);
    if (!s.sla_credits.empty()) {
        QJsonArray steps;
        for (const CreditStep& c : s.sla_credits)
            steps.append(QJsonObject{{QStringLiteral("below_percent"), c.below_percent},
                                     {QStringLiteral("credit_percent"), c.credit_percent}});
        o.insert(QStringLiteral("sla_credits"), steps);
    }
    putNumber(o, "monthly_fee", s.monthly_fee, def.monthly_fee);
    putString(o, "currency", s.currency);
    return o;
}

QJsonObject failureModeJson(const FailureMode& fm, bool all)
{
    QJsonObject m;
    m.insert(QStringLiteral("id"), qs(fm.id));
    putString(m, "name", fm.name, all);
    m.insert(QStringLiteral("failure"), writeDistribution(fm.failure));
    m.insert(QStringLiteral("repair"), writeDistribution(fm.repair));
    putNumber(m, "detection_seconds", fm.detection_seconds, 0.0, all);
    if (fm.dormant_failure)
        m.insert(QStringLiteral("dormant_failure"), writeDistribution(*fm.dormant_failure));
    return m;
}

QJsonObject componentJson(const Component& c, bool all, const WriteOptions& opts)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), qs(c.id));
    putString(o, "name", c.name, all);
    o.insert(QStringLiteral("kind"), qs(toString(c.kind)));
    putString(o, "description", c.description, all);
    putNumber(o, "instances", c.instances, 1, all);
    putNumber(o, "required", c.required, 1, all);
    if (all || c.redundancy != RedundancyMode::Active)
        o.insert(QStringLiteral("redundancy"), qs(toString(c.redundancy)));
    if (c.redundancy != RedundancyMode::Active) {
        QJsonObject s;
        s.insert(QStringLiteral("kind"), qs(toString(c.standby.kind)));
        if (const auto& f = c.standby.failover) {
            QJsonObject fo;
            fo.insert(QStringLiteral("type"), qs(toString(f->type)));
            switch (f->type) {
            case DistributionType::Exponential:
                fo.insert(QStringLiteral("mean_seconds"), f->mean_seconds);
                break;
            case DistributionType::Lognormal:
                fo.insert(QStringLiteral("mean_seconds"), f->mean_seconds);
                fo.insert(QStringLiteral("sigma"), f->sigma);
                break;
            case DistributionType::Uniform:
                fo.insert(QStringLiteral("min_seconds"), f->min_seconds);
                fo.insert(QStringLiteral("max_seconds"), f->max_seconds);
                break;
            default:
                fo.insert(QStringLiteral("seconds"), f->seconds);
                break;
            }
            s.insert(QStringLiteral("failover"), fo);
        } else {
            putNumber(s, "failover_seconds", c.standby.failover_seconds, 0.0, all);
        }
        if (c.standby.failover_retry_seconds)
            s.insert(QStringLiteral("failover_retry_seconds"), *c.standby.failover_retry_seconds);
        putNumber(s, "failover_success_probability", c.standby.failover_success_probability, 1.0, all);
        if (all || !c.standby.fail_over_on_zone_loss)
            s.insert(QStringLiteral("fail_over_on_zone_loss"), c.standby.fail_over_on_zone_loss);
        putNumber(s, "detection_seconds", c.standby.detection_seconds, 30.0, all);
        o.insert(QStringLiteral("standby"), s);
    }
    if (all || !c.failure_modes.empty()) {
        QJsonArray modes;
        for (const auto& fm : c.failure_modes)
            modes.append(all ? failureModeJson(fm, true) : writeItem(fm, opts));
        o.insert(QStringLiteral("failure_modes"), modes);
    }
    if (c.repair_crew)
        o.insert(QStringLiteral("repair_crew"), qs(*c.repair_crew));
    if (all || !c.zones.empty())
        o.insert(QStringLiteral("zones"), stringArray(c.zones));
    if (c.capacity_rps)
        o.insert(QStringLiteral("capacity_rps"), *c.capacity_rps);
    if (all || c.cost != Cost{}) {
        QJsonObject co;
        putNumber(co, "purchase_per_instance", c.cost.purchase_per_instance, 0.0, all);
        putNumber(co, "yearly_per_instance", c.cost.yearly_per_instance, 0.0, all);
        o.insert(QStringLiteral("cost"), co);
    }
    if (c.support) {
        QJsonObject so;
        putString(so, "name", c.support->name, all);
        so.insert(QStringLiteral("repair_factor"), c.support->repair_factor);
        putNumber(so, "yearly_per_instance", c.support->yearly_per_instance, 0.0, all);
        if (all || !c.support->enabled)
            so.insert(QStringLiteral("enabled"), c.support->enabled);
        o.insert(QStringLiteral("support"), so);
    }
    if (all || c.dependency_mode != DependencyMode::All)
        o.insert(QStringLiteral("dependency_mode"), qs(toString(c.dependency_mode)));
    if (c.dependency_mode == DependencyMode::AtLeast)
        o.insert(QStringLiteral("dependency_min"), c.dependency_min);
    putNumber(o, "traffic_share", c.traffic_share, 0.0, all);
    if (c.entry_node)
        o.insert(QStringLiteral("entry_node"), qs(*c.entry_node));
    if (c.data_store) {
        QJsonObject d;
        d.insert(QStringLiteral("replication"), qs(toString(c.data_store->replication)));
        putNumber(d, "replication_lag_seconds", c.data_store->replication_lag_seconds, 0.0, all);
        d.insert(QStringLiteral("consistency"), qs(toString(c.data_store->consistency)));
        putNumber(d, "write_rate_per_second", c.data_store->write_rate_per_second, 0.0, all);
        o.insert(QStringLiteral("data_store"), d);
    }
    if (c.position)
        o.insert(QStringLiteral("position"), writePoint(*c.position));
    return o;
}

QJsonObject zoneJson(const Zone& z, bool all)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), qs(z.id));
    putString(o, "name", z.name, all);
    if (z.region)
        o.insert(QStringLiteral("region"), qs(*z.region));
    if (z.outage)
        o.insert(QStringLiteral("outage"), writeOutage(*z.outage));
    putFixedCost(o, z.cost, all);
    if (z.position)
        o.insert(QStringLiteral("position"), writePoint(*z.position));
    return o;
}

QJsonObject regionJson(const Region& r, bool all)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), qs(r.id));
    putString(o, "name", r.name, all);
    if (r.outage)
        o.insert(QStringLiteral("outage"), writeOutage(*r.outage));
    putFixedCost(o, r.cost, all);
    if (r.position)
        o.insert(QStringLiteral("position"), writePoint(*r.position));
    return o;
}

QJsonObject linkJson(const Link& l, bool all)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), qs(l.id));
    putString(o, "name", l.name, all);
    o.insert(QStringLiteral("from"), qs(l.from));
    o.insert(QStringLiteral("to"), qs(l.to));
    if (l.outage)
        o.insert(QStringLiteral("outage"), writeOutage(*l.outage));
    putFixedCost(o, l.cost, all);
    return o;
}

QJsonObject sharedFateJson(const SharedFate& s, bool all)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), qs(s.id));
    putString(o, "name", s.name, all);
    o.insert(QStringLiteral("components"), stringArray(s.components));
    o.insert(QStringLiteral("outage"), writeOutage(s.outage));
    return o;
}

/// An item made from a template is written as the fields that differ from the template's; when
/// no patch can say the difference (a template's failure mode was removed) it is written whole
/// and no longer follows the template. An unknown template id is kept, for the reader to report.
QJsonObject templated(TemplateTarget target, const std::string& templateId, const QJsonObject& full,
                      const QJsonObject& compact, const WriteOptions& opts)
{
    if (templateId.empty() || !opts.keep_templates)
        return compact;
    QJsonObject out = compact;
    if (const Template* t = builtinCatalogue().find(target, templateId)) {
        auto patch = templatePatch(t->body, full, compact);
        if (!patch)
            return compact;
        out = *patch;
        out.insert(QStringLiteral("id"), full.value(QStringLiteral("id")));
    }
    out.insert(QStringLiteral("template"), qs(templateId));
    return out;
}

}  // namespace

QJsonObject writeItem(const FailureMode& x, const WriteOptions& opts)
{
    return templated(TemplateTarget::FailureMode, x.template_id, failureModeJson(x, true), failureModeJson(x, false),
                     opts);
}
QJsonObject writeItem(const Component& x, const WriteOptions& opts)
{
    return templated(TemplateTarget::Component, x.template_id, componentJson(x, true, opts),
                     componentJson(x, false, opts), opts);
}
QJsonObject writeItem(const Zone& x, const WriteOptions& opts)
{
    return templated(TemplateTarget::Zone, x.template_id, zoneJson(x, true), zoneJson(x, false), opts);
}
QJsonObject writeItem(const Region& x, const WriteOptions& opts)
{
    return templated(TemplateTarget::Region, x.template_id, regionJson(x, true), regionJson(x, false), opts);
}
QJsonObject writeItem(const Link& x, const WriteOptions& opts)
{
    return templated(TemplateTarget::Link, x.template_id, linkJson(x, true), linkJson(x, false), opts);
}
QJsonObject writeItem(const SharedFate& x, const WriteOptions& opts)
{
    return templated(TemplateTarget::SharedFate, x.template_id, sharedFateJson(x, true), sharedFateJson(x, false),
                     opts);
}

bool canFollowTemplate(const Component& c)
{
    const Template* t = c.template_id.empty() ? nullptr : builtinCatalogue().find(TemplateTarget::Component, c.template_id);
    return !t || templatePatch(t->body, componentJson(c, true, {}), componentJson(c, false, {})).has_value();
}

QJsonObject writeExplicit(const FailureMode& x) { return failureModeJson(x, true); }
QJsonObject writeExplicit(const Component& x) { return componentJson(x, true, {}); }
QJsonObject writeExplicit(const Zone& x) { return zoneJson(x, true); }
QJsonObject writeExplicit(const Region& x) { return regionJson(x, true); }
QJsonObject writeExplicit(const Link& x) { return linkJson(x, true); }
QJsonObject writeExplicit(const SharedFate& x) { return sharedFateJson(x, true); }

QJsonObject writeDistribution(const Distribution& d)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), qs(toString(d.type)));
    switch (d.type) {
    case DistributionType::Exponential:
        o.insert(QStringLiteral("mean_hours"), d.mean_hours);
        break;
    case DistributionType::Weibull:
        o.insert(QStringLiteral("shape"), d.shape);
        o.insert(QStringLiteral("scale_hours"), d.scale_hours);
        break;
    case DistributionType::Lognormal:
        o.insert(QStringLiteral("mean_hours"), d.mean_hours);
        o.insert(QStringLiteral("sigma"), d.sigma);
        break;
    case DistributionType::Deterministic:
        o.insert(QStringLiteral("hours"), d.hours);
        break;
    case DistributionType::Uniform:
        o.insert(QStringLiteral("min_hours"), d.min_hours);
        o.insert(QStringLiteral("max_hours"), d.max_hours);
        break;
    case DistributionType::Empirical: {
        QJsonArray a;
        for (double v : d.samples_hours)
            a.append(v);
        o.insert(QStringLiteral("samples_hours"), a);
        break;
    }
    }
    return o;
}

QJsonObject writeModel(const Model& m, const WriteOptions& opts)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), qs(kFormatVersion));
    root.insert(QStringLiteral("name"), qs(m.name));
    putString(root, "description", m.description);
    const QJsonObject settings = writeSettings(m.settings);
    if (!settings.isEmpty())
        root.insert(QStringLiteral("settings"), settings);

    auto named = [](const std::string& id, const std::string& name) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), qs(id));
        putString(o, "name", name);
        return o;
    };
    QJsonArray regions, zones, hubs, links, crews, components, deps, fates, scenarios;
    for (const auto& r : m.regions)
        regions.append(writeItem(r, opts));
    for (const auto& z : m.zones)
        zones.append(writeItem(z, opts));
    for (const auto& h : m.hubs) {
        QJsonObject o = named(h.id, h.name);
        if (h.position)
            o.insert(QStringLiteral("position"), writePoint(*h.position));
        hubs.append(o);
    }
    for (const auto& l : m.links)
        links.append(writeItem(l, opts));
    for (const auto& c : m.repair_crews) {
        QJsonObject o = named(c.id, c.name);
        putNumber(o, "size", c.size, 1);
        putFixedCost(o, c.cost);
        crews.append(o);
    }
    for (const auto& c : m.components)
        components.append(writeItem(c, opts));
    for (const auto& d : m.dependencies) {
        QJsonObject o;
        putString(o, "id", d.id);
        o.insert(QStringLiteral("from"), qs(d.from));
        o.insert(QStringLiteral("to"), qs(d.to));
        putNumber(o, "calls_per_request", d.calls_per_request, 1.0);
        if (d.type != DependencyType::Sync)
            o.insert(QStringLiteral("type"), qs(toString(d.type)));
        if (d.buffer_messages)
            o.insert(QStringLiteral("buffer_messages"), *d.buffer_messages);
        if (d.message_rate_per_second)
            o.insert(QStringLiteral("message_rate_per_second"), *d.message_rate_per_second);
        deps.append(o);
    }
    for (const auto& s : m.shared_fate)
        fates.append(writeItem(s, opts));
    for (const auto& s : m.scenarios) {
        QJsonObject o = named(s.id, s.name);
        putString(o, "description", s.description);
        if (s.based_on)
            o.insert(QStringLiteral("based_on"), qs(*s.based_on));
        QJsonArray ops;
        for (const auto& op : s.operations) {
            QJsonObject oo;
            oo.insert(QStringLiteral("op"), qs(toString(op.op)));
            oo.insert(QStringLiteral("path"), qs(op.path));
            if (op.op != OperationType::Remove) {
                oo.insert(QStringLiteral("value"), operationValue(op.value_json));
            }
            ops.append(oo);
        }
        o.insert(QStringLiteral("operations"), ops);
        scenarios.append(o);
    }
    auto putArray = [&](const char* key, const QJsonArray& a, bool always = false) {
        if (always || !a.isEmpty())
            root.insert(QLatin1String(key), a);
    };
    putArray("regions", regions);
    putArray("zones", zones);
    putArray("hubs", hubs);
    putArray("links", links);
    putArray("repair_crews", crews);
    putArray("components", components, true);
    putArray("dependencies", deps);
    putArray("shared_fate", fates);
    if (m.load) {
        QJsonObject l;
        l.insert(QStringLiteral("peak_rps"), m.load->peak_rps);
        if (!m.load->daily_profile.empty()) {
            QJsonArray a;
            for (double v : m.load->daily_profile)
                a.append(v);
            l.insert(QStringLiteral("daily_profile"), a);
        }
        putNumber(l, "yearly_growth_percent", m.load->yearly_growth_percent, 0.0);
        root.insert(QStringLiteral("load"), l);
    }
    putArray("scenarios", scenarios);
    return root;
}

QByteArray modelToJson(const Model& m, const WriteOptions& opts)
{
    return QJsonDocument(writeModel(m, opts)).toJson(QJsonDocument::Indented);
}

}  // namespace nines::io
