#include "catalogue.h"

#include "json_syntax.h"
#include "object_reader.h"

#include <QDebug>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <set>

namespace nines::io {

using namespace nines::model;
using namespace detail;

namespace {

constexpr std::string_view kCatalogueFormat = "nines-catalogue/1";

constexpr std::pair<TemplateTarget, std::string_view> kTargets[] = {
    {TemplateTarget::Component, "component"}, {TemplateTarget::FailureMode, "failure_mode"},
    {TemplateTarget::Zone, "zone"},           {TemplateTarget::Region, "region"},
    {TemplateTarget::Link, "link"},           {TemplateTarget::SharedFate, "shared_fate"},
};

/// The leaves of a body as relative paths; labels (kind, a failure mode's id and name) carry no
/// figure and need no source.
void collectLeaves(const QJsonObject& o, const std::string& prefix, std::vector<std::string>& out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string key = str(it.key());
        const std::string path = joinPath(prefix, key);
        if (prefix.empty() && key == "kind")
            continue;
        const QJsonValue v = it.value();
        if (v.isObject()) {
            collectLeaves(v.toObject(), path, out);
        } else if (v.isArray() && !v.toArray().isEmpty() && v.toArray().at(0).isObject()) {
            const QJsonArray a = v.toArray();
            const std::vector<std::string> ids = idsOf(a);
            for (qsizetype i = 0; i < a.size(); ++i) {
                QJsonObject item = a.at(i).toObject();
                item.remove(QStringLiteral("id"));
                item.remove(QStringLiteral("name"));
                collectLeaves(item, elementPath(path, ids, static_cast<size_t>(i)), out);
            }
        } else {
            out.push_back(path);
        }
    }
}

/// Whether `key` names `path` or one of its parents.
bool covers(std::string_view key, std::string_view path)
{
    if (path.size() < key.size() || path.substr(0, key.size()) != key)
        return false;
    return path.size() == key.size() || path[key.size()] == '.' || path[key.size()] == '[';
}

void checkProvenance(const Template& t, const std::string& where, const Catalogue& c, Problems& problems)
{
    std::vector<std::string> leaves;
    collectLeaves(t.body, "", leaves);
    for (const auto& leaf : leaves) {
        int n = 0;
        for (const auto& o : t.provenance)
            n += covers(o.path, leaf);
        if (n == 0)
            problems.push_back({where + ".provenance",
                                "the value at \"" + leaf + "\" has no source and is not marked as an assumption"});
        else if (n > 1)
            problems.push_back({where + ".provenance", "the value at \"" + leaf + "\" has " + std::to_string(n)
                                                           + " entries; it needs exactly one"});
    }
    for (const auto& o : t.provenance) {
        const std::string at = where + ".provenance." + o.path;
        if (std::none_of(leaves.begin(), leaves.end(), [&](const std::string& l) { return covers(o.path, l); }))
            problems.push_back({at, "names no value of the template's body"});
        if (o.isAssumption() == !o.sources.empty())
            problems.push_back({at, "needs either \"sources\" (with a \"derivation\") or an \"assumption\""});
        if (!o.sources.empty() && o.derivation.empty())
            problems.push_back({at + ".derivation", "is missing; say how the sources give the value"});
        for (const auto& s : o.sources)
            if (!c.source(s))
                problems.push_back({at + ".sources", "refers to source \"" + s + "\", which is not in \"sources\""});
    }
}

}  // namespace

std::string_view toString(TemplateTarget t)
{
    for (const auto& [k, name] : kTargets)
        if (k == t)
            return name;
    return "component";
}

bool parseTemplateTarget(std::string_view s, TemplateTarget& out)
{
    for (const auto& [k, name] : kTargets)
        if (name == s) {
            out = k;
            return true;
        }
    return false;
}

const ValueOrigin* Template::originOf(std::string_view relPath) const
{
    const ValueOrigin* best = nullptr;
    for (const auto& o : provenance)
        if (covers(o.path, relPath) && (!best || o.path.size() > best->path.size()))
            best = &o;
    if (best)
        return best;
    for (const auto& o : provenance)
        if (covers(relPath, o.path))
            return &o;
    return nullptr;
}

std::vector<const ValueOrigin*> Template::originsFor(std::string_view relPath) const
{
    std::vector<const ValueOrigin*> out;
    const ValueOrigin* best = nullptr;
    for (const auto& o : provenance)
        if (covers(o.path, relPath) && (!best || o.path.size() > best->path.size()))
            best = &o;
    if (best)
        return {best};
    for (const auto& o : provenance)
        if (covers(relPath, o.path))
            out.push_back(&o);
    return out;
}

Catalogue Catalogue::fromJson(const QByteArray& bytes, Problems& problems)
{
    Catalogue c;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        if (auto p = syntaxProblem(bytes, err))
            problems.push_back(*p);
        else
            problems.push_back({"", "the catalogue must be a JSON object"});
        return c;
    }
    ObjectReader r(doc.object(), "", problems);
    const std::string format = r.string("format", true);
    if (r.has("format") && format != kCatalogueFormat)
        r.error("format", "must be \"" + std::string(kCatalogueFormat) + "\", got \"" + format + "\"");
    c.description_ = r.string("description");
    c.caveats_ = r.string("caveats");
    forEachObject(r, "sources", problems, [&](ObjectReader& o) {
        CatalogueSource s;
        s.id = o.id();
        s.row = o.smallInt("row", false, 0, "the row of the table of figures");
        s.component = o.string("component", true);
        s.metric = o.string("metric", true);
        s.value = o.string("value", true);
        s.conditions = o.string("conditions");
        s.year = o.string("year");
        s.reference = o.string("reference", true);
        s.quality = o.string("quality", true);
        if (s.quality != "primary" && s.quality != "secondary" && s.quality != "unverified")
            o.error(o.at("quality"), "must be \"primary\", \"secondary\" or \"unverified\", got \"" + s.quality + "\"");
        if (c.source(s.id))
            o.error(o.at("id"), "duplicate source id \"" + s.id + "\"");
        c.sources_.push_back(std::move(s));
    });
    std::vector<std::string> where;
    forEachObject(r, "templates", problems, [&](ObjectReader& o) {
        Template t;
        t.id = o.id();
        if (!isValidId(t.id))
            o.error(o.at("id"), "must be an id of letters, digits and _ - . :, got \"" + t.id + "\"");
        t.name = o.string("name", true);
        t.group = o.string("group", true);
        t.description = o.string("description", true);
        const std::string target = o.string("applies_to", true);
        if (o.has("applies_to") && !parseTemplateTarget(target, t.target))
            o.error(o.at("applies_to"), "must be one of component, failure_mode, zone, region, link, shared_fate, got \""
                                            + target + "\"");
        if (c.find(t.target, t.id))
            o.error(o.at("id"), "duplicate template id \"" + t.id + "\" for a " + target);
        if (auto body = o.object("body", true))
            t.body = *body;
        for (const char* placement : {"id", "name", "position", "zones", "region", "from", "to", "components",
                                      "traffic_share", "entry_node", "template"})
            if (t.body.contains(QLatin1String(placement)))
                o.error(o.at("body") + "." + placement, "is set where the template is used, not by the template");
        if (auto prov = o.object("provenance", true)) {
            for (auto it = prov->begin(); it != prov->end(); ++it) {
                ValueOrigin v;
                v.path = str(it.key());
                const std::string at = o.at("provenance") + "." + v.path;
                if (!it.value().isObject()) {
                    problems.push_back({at, "must be an object with \"sources\" and \"derivation\", or \"assumption\""});
                    continue;
                }
                ObjectReader pr(it.value().toObject(), at, problems);
                v.sources = pr.stringList("sources", "an array of source ids");
                v.derivation = pr.string("derivation");
                v.assumption = pr.string("assumption");
                t.provenance.push_back(std::move(v));
            }
        }
        where.push_back(o.path());
        c.templates_.push_back(std::move(t));
    });
    for (size_t i = 0; i < c.templates_.size(); ++i)
        checkProvenance(c.templates_[i], where[i], c, problems);
    return c;
}

const Template* Catalogue::find(TemplateTarget target, std::string_view id) const
{
    for (const auto& t : templates_)
        if (t.target == target && t.id == id)
            return &t;
    return nullptr;
}

const CatalogueSource* Catalogue::source(std::string_view id) const
{
    for (const auto& s : sources_)
        if (s.id == id)
            return &s;
    return nullptr;
}

std::vector<std::string> Catalogue::idsFor(TemplateTarget target) const
{
    std::vector<std::string> out;
    for (const auto& t : templates_)
        if (t.target == target)
            out.push_back(t.id);
    return out;
}

const Catalogue& builtinCatalogue()
{
    static const Catalogue catalogue = [] {
        QFile f(QStringLiteral(":/catalogue/catalogue.json"));
        Problems problems;
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("Nines: the built-in catalogue is missing");
            return Catalogue();
        }
        Catalogue c = Catalogue::fromJson(f.readAll(), problems);
        for (const auto& p : problems)
            qWarning("Nines: built-in catalogue: %s", p.text().c_str());
        return c;
    }();
    return catalogue;
}

std::string citation(const Catalogue& c, const CatalogueSource& s)
{
    std::string where = s.conditions;
    if (where.rfind("same ", 0) == 0) {
        // "same cluster (Dean, LADIS'09 keynote)": the study of the nearest earlier row that
        // names one.
        std::string study;
        for (const auto& other : c.sources()) {
            if (&other == &s)
                break;
            if (other.conditions.rfind("same ", 0) != 0)
                study = other.conditions;
        }
        const size_t paren = where.find(" (");
        if (!study.empty())
            where = study + (paren == std::string::npos ? std::string() : where.substr(paren));
    }
    std::string out = s.component + " " + s.metric + (where.empty() ? "" : ": " + where);
    if (!s.year.empty() && s.year != "\u2014")
        out += " (" + s.year + ")";
    if (s.quality != "primary" && out.find(s.quality) == std::string::npos)
        out += " [" + s.quality + "]";
    return out;
}

}  // namespace nines::io
