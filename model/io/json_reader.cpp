#include "json_reader.h"

#include "catalogue.h"
#include "object_reader.h"
#include "template_merge.h"

#include "model/path.h"
#include "model/validate.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace nines::io {

using namespace nines::model;

namespace {

using namespace detail;

Distribution distributionField(ObjectReader& r, const char* key, bool required = true)
{
    if (!r.has(key)) {
        if (required)
            r.missing(key, "a distribution object such as {\"type\": \"exponential\", \"mean_hours\": 1000}");
        return {};
    }
    return readDistribution(r.raw(key), r.at(key), r.problems());
}

std::optional<Outage> outageField(ObjectReader& r, const char* key = "outage")
{
    auto o = r.object(key, false);
    if (!o)
        return std::nullopt;
    ObjectReader orr(*o, r.at(key), r.problems());
    Outage out;
    out.failure = distributionField(orr, "failure");
    out.repair = distributionField(orr, "repair");
    return out;
}

/// Reads an item that may name a catalogue template ("template": "hdd"): the fields the file
/// gives are merged over the template's (template_merge.h), so only overrides need be written.
template <typename F>
auto readTemplated(ObjectReader& o, TemplateTarget target, F read) -> decltype(read(o))
{
    if (!o.has("template"))
        return read(o);
    const QJsonValue tv = o.raw("template");
    if (!tv.isString()) {
        o.error(o.at("template"), "must be the id of a catalogue template, got " + describe(tv));
        return read(o);
    }
    const std::string id = str(tv.toString());
    const Catalogue& catalogue = builtinCatalogue();
    const Template* t = catalogue.find(target, id);
    if (!t) {
        std::string known;
        for (const auto& k : catalogue.idsFor(target))
            known += (known.empty() ? "" : ", ") + k;
        std::string what(toString(target));
        std::replace(what.begin(), what.end(), '_', '-');
        o.error(o.at("template"), "there is no " + what + " template \"" + id + "\" in the catalogue; expected one of "
                                      + known + " (see `nines catalogue`)");
        auto x = read(o);
        x.template_id = id;  // kept, so that saving the draft does not lose what was meant
        return x;
    }
    ObjectReader merged(applyTemplate(t->body, o.object()), o.path(), o.problems());
    o.skipRest();
    merged.has("template");
    auto x = read(merged);
    x.template_id = id;
    return x;
}

/// `cost: {capex, yearly}` of a crew, zone, region or link.
FixedCost fixedCostField(ObjectReader& r)
{
    FixedCost c;
    if (auto co = r.object("cost", false)) {
        ObjectReader cr(*co, r.at("cost"), r.problems());
        c.capex = cr.number("capex", false, 0.0, "an amount of money");
        c.yearly = cr.number("yearly", false, 0.0, "an amount of money a year");
    }
    return c;
}

Settings readSettings(ObjectReader& r)
{
    Settings s;
    s.mission_hours = r.number("mission_hours", false, s.mission_hours, "a number of hours");
    s.start = r.enumeration("start", false, s.start);
    s.replications = r.smallInt("replications", false, s.replications, "a whole number of replications");
    s.target_relative_precision =
        r.number("target_relative_precision", false, s.target_relative_precision, "a relative precision");
    s.min_outages = r.smallInt("min_outages", false, s.min_outages, "a whole number of outages");
    s.horizon_years = r.number("horizon_years", false, s.horizon_years, "a number of years");
    s.max_wall_seconds = r.number("max_wall_seconds", false, s.max_wall_seconds, "a number of seconds");
    const long long seed = r.integer("seed", false, static_cast<long long>(s.seed), "a whole number");
    if (seed < 0)
        r.error(r.at("seed"), "must be a non-negative whole number, got " + std::to_string(seed));
    else
        s.seed = static_cast<std::uint64_t>(seed);
    s.sla_target_percent = r.number("sla_target_percent", false, s.sla_target_percent, "a percentage");
    s.target_utilisation_percent =
        r.number("target_utilisation_percent", false, s.target_utilisation_percent, "a percentage");
    s.overload_counts_as_down = r.boolean("overload_counts_as_down", s.overload_counts_as_down);
    s.downtime_cost_per_minute = r.number("downtime_cost_per_minute", false, s.downtime_cost_per_minute,
                                          "an amount of money");
    forEachObject(r, "sla_credits", r.problems(), [&](ObjectReader& cr) {
        CreditStep c;
        c.below_percent = cr.number("below_percent", true, 0.0, "a percentage of availability");
        c.credit_percent = cr.number("credit_percent", true, 0.0, "a percentage of the monthly fee");
        s.sla_credits.push_back(c);
    });
    s.monthly_fee = r.number("monthly_fee", false, s.monthly_fee, "an amount of money a month");
    s.currency = r.string("currency");
    return s;
}

FailureMode readFailureMode(ObjectReader& r)
{
    FailureMode fm;
    fm.id = r.id();
    fm.name = r.string("name");
    fm.failure = distributionField(r, "failure");
    fm.repair = distributionField(r, "repair");
    fm.detection_seconds = r.number("detection_seconds", false, 0.0, "a number of seconds");
    if (r.has("dormant_failure"))
        fm.dormant_failure = distributionField(r, "dormant_failure");
    return fm;
}

/// A failover time in seconds: deterministic, exponential, lognormal or uniform.
FailoverTime readFailoverTime(const QJsonObject& o, const std::string& path, Problems& problems)
{
    FailoverTime f;
    ObjectReader r(o, path, problems);
    const std::string types = "\"deterministic\", \"exponential\", \"lognormal\", \"uniform\"";
    if (!r.has("type")) {
        r.missing("type", "one of " + types);
        r.skipRest();
        return f;
    }
    const QJsonValue tv = r.raw("type");
    if (!tv.isString() || !parseDistributionType(str(tv.toString()), f.type) || f.type == DistributionType::Weibull
        || f.type == DistributionType::Empirical) {
        r.error(r.at("type"), "must be one of " + types + " (a failover time), got " + describe(tv));
        r.skipRest();
        return f;
    }
    switch (f.type) {
    case DistributionType::Exponential:
        f.mean_seconds = r.number("mean_seconds", true, 1.0, "a number of seconds (the mean)");
        break;
    case DistributionType::Lognormal:
        f.mean_seconds = r.number("mean_seconds", true, 1.0, "a number of seconds (the mean)");
        f.sigma = r.number("sigma", true, 1.0, "a number (standard deviation of the logarithm)");
        break;
    case DistributionType::Uniform:
        f.min_seconds = r.number("min_seconds", true, 0.0, "a number of seconds");
        f.max_seconds = r.number("max_seconds", true, 1.0, "a number of seconds");
        break;
    default:
        f.seconds = r.number("seconds", true, 0.0, "a number of seconds");
        break;
    }
    return f;
}

Component readComponent(ObjectReader& r)
{
    Component c;
    c.id = r.id();
    c.name = r.string("name");
    c.kind = r.enumeration("kind", true, ComponentKind::Service);
    c.description = r.string("description");
    c.instances = r.smallInt("instances", false, 1, "a whole number of instances");
    c.required = r.smallInt("required", false, 1, "a whole number of instances");
    c.redundancy = r.enumeration("redundancy", false, RedundancyMode::Active);
    if (auto so = r.object("standby", false)) {
        ObjectReader sr(*so, r.at("standby"), r.problems());
        c.standby.kind = sr.enumeration("kind", false, StandbyKind::Hot);
        c.standby.failover_seconds = sr.number("failover_seconds", false, 0.0, "a number of seconds");
        if (auto fo = sr.object("failover", false)) {
            if (sr.has("failover_seconds"))
                sr.error(sr.at("failover"), "give either \"failover\" (a distribution) or \"failover_seconds\" "
                                            "(a fixed time), not both");
            c.standby.failover = readFailoverTime(*fo, sr.at("failover"), sr.problems());
        }
        c.standby.failover_retry_seconds = sr.optNumber("failover_retry_seconds", "a number of seconds");
        c.standby.failover_success_probability =
            sr.number("failover_success_probability", false, 1.0, "a probability");
        c.standby.fail_over_on_zone_loss = sr.boolean("fail_over_on_zone_loss", true);
        c.standby.detection_seconds = sr.number("detection_seconds", false, 30.0, "a number of seconds");
        if (c.redundancy != RedundancyMode::Standby)
            r.error(r.at("standby"), "only applies when \"redundancy\" is \"standby\"");
    }
    forEachObject(r, "failure_modes", r.problems(),
                  [&](ObjectReader& fr) {
                      c.failure_modes.push_back(readTemplated(fr, TemplateTarget::FailureMode, readFailureMode));
                  });
    c.repair_crew = r.optString("repair_crew");
    c.zones = r.stringList("zones", "an array of zone ids");
    c.capacity_rps = r.optNumber("capacity_rps", "a number of requests per second");
    if (auto co = r.object("cost", false)) {
        ObjectReader cr(*co, r.at("cost"), r.problems());
        c.cost.purchase_per_instance = cr.number("purchase_per_instance", false, 0.0, "an amount of money");
        c.cost.yearly_per_instance = cr.number("yearly_per_instance", false, 0.0, "an amount of money");
    }
    if (auto so = r.object("support", false)) {
        ObjectReader sr(*so, r.at("support"), r.problems());
        SupportContract sc;
        sc.name = sr.string("name");
        sc.repair_factor = sr.number("repair_factor", true, 1.0, "a factor in (0, 1] on every repair time");
        sc.yearly_per_instance = sr.number("yearly_per_instance", false, 0.0, "an amount of money a year");
        sc.enabled = sr.boolean("enabled", true);
        c.support = sc;
    }
    c.dependency_mode = r.enumeration("dependency_mode", false, DependencyMode::All);
    c.dependency_min = r.smallInt("dependency_min", false, 1);
    if (c.dependency_mode != DependencyMode::AtLeast && r.has("dependency_min"))
        r.error(r.at("dependency_min"), "only applies when \"dependency_mode\" is \"at_least\"");
    c.traffic_share = r.number("traffic_share", false, 0.0, "a share of the traffic");
    c.entry_node = r.optString("entry_node");
    if (auto d = r.object("data_store", false)) {
        ObjectReader dr(*d, r.at("data_store"), r.problems());
        DataStore ds;
        ds.replication = dr.enumeration("replication", false, Replication::None);
        ds.replication_lag_seconds = dr.number("replication_lag_seconds", false, 0.0, "a number of seconds");
        ds.consistency = dr.enumeration("consistency", false, Consistency::CP);
        ds.write_rate_per_second = dr.number("write_rate_per_second", false, 0.0, "a number of writes per second");
        c.data_store = ds;
    }
    c.position = r.position();
    return c;
}

Region readRegion(ObjectReader& o)
{
    Region x;
    x.id = o.id();
    x.name = o.string("name");
    x.outage = outageField(o);
    x.cost = fixedCostField(o);
    x.position = o.position();
    return x;
}

Zone readZone(ObjectReader& o)
{
    Zone x;
    x.id = o.id();
    x.name = o.string("name");
    x.region = o.optString("region");
    x.outage = outageField(o);
    x.cost = fixedCostField(o);
    x.position = o.position();
    return x;
}

Link readLink(ObjectReader& o)
{
    Link x;
    x.id = o.id();
    x.name = o.string("name");
    x.from = o.string("from", true);
    x.to = o.string("to", true);
    x.outage = outageField(o);
    x.cost = fixedCostField(o);
    return x;
}

SharedFate readSharedFate(ObjectReader& o)
{
    SharedFate x;
    x.id = o.id();
    x.name = o.string("name");
    x.components = o.stringList("components", "an array of component ids");
    if (auto out = outageField(o))
        x.outage = *out;
    else if (!o.has("outage"))
        o.missing("outage", "an object with \"failure\" and \"repair\" distributions");
    return x;
}

Dependency readDependency(ObjectReader& r)
{
    Dependency d;
    d.id = r.string("id");
    d.from = r.string("from", true);
    d.to = r.string("to", true);
    d.calls_per_request = r.number("calls_per_request", false, 1.0, "a number of calls");
    d.type = r.enumeration("type", false, DependencyType::Sync);
    d.buffer_messages = r.optNumber("buffer_messages", "a number of messages");
    d.message_rate_per_second = r.optNumber("message_rate_per_second", "a number of messages per second");
    return d;
}

Operation readOperation(ObjectReader& r)
{
    Operation op;
    op.op = r.enumeration("op", true, OperationType::Set);
    op.path = r.string("path", true);
    if (r.has("value")) {
        const QJsonValue v = r.raw("value");
        if (op.op == OperationType::Remove)
            r.error(r.at("value"), "a \"remove\" operation takes no value");
        else {
            QJsonArray wrapper{v};  // QJsonDocument holds only arrays and objects
            QByteArray text = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
            op.value_json = str(QString::fromUtf8(text.mid(1, text.size() - 2)));
        }
    } else if (op.op != OperationType::Remove)
        r.missing("value", "the value to " + std::string(toString(op.op)));
    return op;
}

}  // namespace

Distribution readDistribution(const QJsonValue& v, const std::string& path, Problems& problems)
{
    Distribution d;
    if (!v.isObject()) {
        problems.push_back({path, "must be a distribution object such as {\"type\": \"exponential\", "
                                  "\"mean_hours\": 1000}, got " + describe(v)});
        return d;
    }
    ObjectReader r(v.toObject(), path, problems);
    std::string types;
    for (auto t : {DistributionType::Exponential, DistributionType::Weibull, DistributionType::Lognormal,
                   DistributionType::Deterministic, DistributionType::Uniform, DistributionType::Empirical})
        types += (types.empty() ? "\"" : ", \"") + std::string(toString(t)) + "\"";
    if (!r.has("type")) {
        r.missing("type", "one of " + types);
        r.skipRest();
        return d;
    }
    const QJsonValue tv = r.raw("type");
    if (!tv.isString() || !parseDistributionType(str(tv.toString()), d.type)) {
        r.error(r.at("type"), "must be one of " + types + ", got " + describe(tv));
        r.skipRest();
        return d;
    }
    switch (d.type) {
    case DistributionType::Exponential:
        d.mean_hours = r.number("mean_hours", true, 1.0, "a number of hours (the mean, e.g. MTBF or MTTR)");
        break;
    case DistributionType::Weibull:
        d.shape = r.number("shape", true, 1.0, "a number (the Weibull shape)");
        d.scale_hours = r.number("scale_hours", true, 1.0, "a number of hours (the Weibull scale)");
        break;
    case DistributionType::Lognormal:
        d.mean_hours = r.number("mean_hours", true, 1.0, "a number of hours (the mean)");
        d.sigma = r.number("sigma", true, 1.0, "a number (standard deviation of the logarithm)");
        break;
    case DistributionType::Deterministic:
        d.hours = r.number("hours", true, 1.0, "a number of hours");
        break;
    case DistributionType::Uniform:
        d.min_hours = r.number("min_hours", true, 0.0, "a number of hours");
        d.max_hours = r.number("max_hours", true, 1.0, "a number of hours");
        break;
    case DistributionType::Empirical:
        if (auto a = r.array("samples_hours", true, "an array of observed durations in hours")) {
            for (qsizetype i = 0; i < a->size(); ++i)
                d.samples_hours.push_back(r.toNumber(a->at(i), r.at("samples_hours") + "[" + std::to_string(i) + "]",
                                                     0.0, "a number of hours"));
        }
        break;
    }
    return d;
}

FailoverTime readFailover(const QJsonValue& v, const std::string& path, Problems& problems)
{
    if (!v.isObject()) {
        problems.push_back({path, "must be a failover time such as {\"type\": \"exponential\", \"mean_seconds\": 60}, got "
                                      + describe(v)});
        return {};
    }
    return readFailoverTime(v.toObject(), path, problems);
}

namespace {
template <typename T, typename F>
bool readOne(const QJsonObject& o, T& out, Problems& problems, TemplateTarget target, F read)
{
    Problems mine;
    {
        ObjectReader r(o, "", mine);
        out = readTemplated(r, target, read);
    }
    problems.insert(problems.end(), mine.begin(), mine.end());
    return !hasErrors(mine);
}
}  // namespace

bool readItem(const QJsonObject& o, Component& out, Problems& ps)
{
    return readOne(o, out, ps, TemplateTarget::Component, readComponent);
}
bool readItem(const QJsonObject& o, FailureMode& out, Problems& ps)
{
    return readOne(o, out, ps, TemplateTarget::FailureMode, readFailureMode);
}
bool readItem(const QJsonObject& o, Zone& out, Problems& ps) { return readOne(o, out, ps, TemplateTarget::Zone, readZone); }
bool readItem(const QJsonObject& o, Region& out, Problems& ps)
{
    return readOne(o, out, ps, TemplateTarget::Region, readRegion);
}
bool readItem(const QJsonObject& o, Link& out, Problems& ps) { return readOne(o, out, ps, TemplateTarget::Link, readLink); }
bool readItem(const QJsonObject& o, SharedFate& out, Problems& ps)
{
    return readOne(o, out, ps, TemplateTarget::SharedFate, readSharedFate);
}

Model readModel(const QJsonObject& root, Problems& problems)
{
    Model m;
    ObjectReader r(root, "", problems);
    if (!r.has("format"))
        r.missing("format", "\"" + std::string(kFormatVersion) + "\" (the version of the file format)");
    else {
        const QJsonValue f = r.raw("format");
        if (!f.isString())
            r.error("format", "must be the string \"" + std::string(kFormatVersion) + "\", got " + describe(f));
        else if (str(f.toString()) != kFormatVersion) {
            r.error("format", "unsupported format version \"" + str(f.toString()) + "\"; this version of Nines reads \""
                                  + std::string(kFormatVersion) + "\"");
            r.skipRest();
            return m;  // reading a different format field by field would only add noise
        }
    }
    r.has("$schema");  // editors may point at resources/schema/nines-1.schema.json; Nines ignores it
    m.name = r.string("name", true);
    m.description = r.string("description");
    if (auto s = r.object("settings", false)) {
        ObjectReader sr(*s, "settings", problems);
        m.settings = readSettings(sr);
    }
    forEachObject(r, "regions", problems, [&](ObjectReader& o) {
        m.regions.push_back(readTemplated(o, TemplateTarget::Region, readRegion));
    });
    forEachObject(r, "zones", problems, [&](ObjectReader& o) {
        m.zones.push_back(readTemplated(o, TemplateTarget::Zone, readZone));
    });
    forEachObject(r, "hubs", problems, [&](ObjectReader& o) {
        Hub x;
        x.id = o.id();
        x.name = o.string("name");
        x.position = o.position();
        m.hubs.push_back(std::move(x));
    });
    forEachObject(r, "links", problems, [&](ObjectReader& o) {
        m.links.push_back(readTemplated(o, TemplateTarget::Link, readLink));
    });
    forEachObject(r, "repair_crews", problems, [&](ObjectReader& o) {
        RepairCrew x;
        x.id = o.id();
        x.name = o.string("name");
        x.size = o.smallInt("size", false, 1, "a whole number of repairs at once");
        x.cost = fixedCostField(o);
        m.repair_crews.push_back(std::move(x));
    });
    if (!r.has("components"))
        r.missing("components", "an array of components");
    forEachObject(r, "components", problems, [&](ObjectReader& o) {
        m.components.push_back(readTemplated(o, TemplateTarget::Component, readComponent));
    });
    forEachObject(r, "dependencies", problems,
                  [&](ObjectReader& o) { m.dependencies.push_back(readDependency(o)); });
    forEachObject(r, "shared_fate", problems, [&](ObjectReader& o) {
        m.shared_fate.push_back(readTemplated(o, TemplateTarget::SharedFate, readSharedFate));
    });
    if (auto lo = r.object("load", false)) {
        ObjectReader lr(*lo, "load", problems);
        Load l;
        l.peak_rps = lr.number("peak_rps", true, 0.0, "a number of requests per second");
        if (auto a = lr.array("daily_profile", false, "an array of 24 fractions of the peak")) {
            for (qsizetype i = 0; i < a->size(); ++i)
                l.daily_profile.push_back(lr.toNumber(a->at(i), "load.daily_profile[" + std::to_string(i) + "]",
                                                      0.0, "a fraction of the peak"));
        }
        l.yearly_growth_percent = lr.number("yearly_growth_percent", false, 0.0, "a percentage");
        m.load = l;
    }
    forEachObject(r, "scenarios", problems, [&](ObjectReader& o) {
        Scenario x;
        x.id = o.id();
        x.name = o.string("name");
        x.description = o.string("description");
        x.based_on = o.optString("based_on");
        forEachObject(o, "operations", problems,
                      [&](ObjectReader& opr) { x.operations.push_back(readOperation(opr)); });
        m.scenarios.push_back(std::move(x));
    });
    return m;
}

}  // namespace nines::io
