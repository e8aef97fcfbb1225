#include "catalogue_report.h"

#include "cli_util.h"

#include "model/io/provenance.h"
#include "model/io/template_merge.h"

#include <QJsonArray>

#include <cmath>

#include <map>

namespace nines::app {

using namespace nines::io;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string targetText(TemplateTarget t)
{
    switch (t) {
    case TemplateTarget::Component: return "component";
    case TemplateTarget::FailureMode: return "failure mode";
    case TemplateTarget::Zone: return "zone";
    case TemplateTarget::Region: return "region";
    case TemplateTarget::Link: return "link";
    case TemplateTarget::SharedFate: return "shared fate";
    }
    return {};
}

/// Each provenance entry of a template with the value it covers, described.
struct TemplateValue {
    const ValueOrigin* origin;
    std::string value;
};

std::vector<TemplateValue> valuesOf(const Template& t)
{
    std::vector<TemplateValue> out;
    for (const auto& o : t.provenance)
        out.push_back({&o, describeValue(o.path, valueAtPath(t.body, o.path))});
    return out;
}

std::string sourcesText(const Catalogue& c, const ValueOrigin& o)
{
    if (o.isAssumption())
        return "assumption";
    std::string s;
    for (const auto& id : o.sources) {
        const CatalogueSource* src = c.source(id);
        s += (s.empty() ? "" : "; ") + (src ? citation(c, *src) : id);
    }
    return s;
}

/// Three significant digits: the figures are estimates, more digits would claim too much.
double roundSig(double v)
{
    if (v <= 0)
        return v;
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(v)));
    return std::round(v * scale) / scale;
}

std::vector<std::string> summaryCells(const Template& t)
{
    auto u = oneUnitFigures(t.target, t.body);
    std::vector<std::string> row{t.id, t.name, targetText(t.target)};
    if (u) {
        row.push_back(formatHours(roundSig(u->mttf_hours)));
        row.push_back(formatHours(roundSig(u->mttr_hours)));
        row.push_back(present::formatAvailability(u->availability, u->mttr_hours / (u->mttf_hours + u->mttr_hours)));
    } else {
        row.insert(row.end(), {"-", "-", "-"});
    }
    return row;
}

/// Groups in the order they first appear in the file.
std::vector<std::pair<std::string, std::vector<const Template*>>> byGroup(const Catalogue& c)
{
    std::vector<std::pair<std::string, std::vector<const Template*>>> out;
    for (const auto& t : c.templates()) {
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.first == t.group; });
        if (it == out.end())
            out.push_back({t.group, {&t}});
        else
            it->second.push_back(&t);
    }
    return out;
}

std::string mdCell(std::string s)
{
    std::string out;
    for (char ch : s) {
        if (ch == '|')
            out += "\\|";
        else if (ch == '\n')
            out += ' ';
        else
            out += ch;
    }
    return out;
}

std::string mdRow(const std::vector<std::string>& cells)
{
    std::string s = "|";
    for (const auto& c : cells)
        s += " " + mdCell(c) + " |";
    return s + "\n";
}

std::string mdHeader(const std::vector<std::string>& cells)
{
    std::string s = mdRow(cells) + "|";
    for (size_t i = 0; i < cells.size(); ++i)
        s += "---|";
    return s + "\n";
}

std::string reference(const std::string& r)
{
    return r.rfind("http", 0) == 0 ? "<" + r + ">" : r;
}

}  // namespace

std::string catalogueText(const Catalogue& c, const std::vector<std::string>& ids)
{
    std::string out;
    if (ids.empty()) {
        for (const auto& [group, templates] : byGroup(c)) {
            out += group + "\n";
            TextTable table({"id", "name", "makes", "time to failure", "down for", "one unit up"},
                            {TextTable::Left, TextTable::Left, TextTable::Left, TextTable::Right, TextTable::Right,
                             TextTable::Right});
            for (const Template* t : templates)
                table.addRow(summaryCells(*t));
            out += table.render() + "\n";
        }
        out += std::to_string(c.templates().size()) + " templates from " + std::to_string(c.sources().size())
               + " sources. `nines catalogue ID` shows a template's values and where each comes from.\n";
        return out;
    }
    for (const auto& id : ids) {
        const Template* t = nullptr;
        for (const auto& x : c.templates())
            if (x.id == id)
                t = &x;
        if (!t)
            continue;
        out += t->name + " (" + t->id + ", a " + targetText(t->target) + " template in " + t->group + ")\n";
        out += wrap(t->description, 96, "  ") + "\n";
        for (const auto& v : valuesOf(*t)) {
            out += "  " + v.origin->path + " = " + v.value + "\n";
            if (v.origin->isAssumption())
                out += wrap("assumption: " + v.origin->assumption, 96, "      ");
            else {
                out += wrap("source: " + sourcesText(c, *v.origin), 96, "      ");
                out += wrap("how: " + v.origin->derivation, 96, "      ");
            }
        }
        out += "\n";
    }
    return out;
}

QJsonObject catalogueJson(const Catalogue& c)
{
    QJsonArray templates;
    for (const auto& t : c.templates()) {
        QJsonArray values;
        for (const auto& v : valuesOf(t)) {
            QJsonObject o{{QStringLiteral("path"), qs(v.origin->path)},
                          {QStringLiteral("value"), valueAtPath(t.body, v.origin->path)},
                          {QStringLiteral("text"), qs(v.value)}};
            if (v.origin->isAssumption())
                o.insert(QStringLiteral("assumption"), qs(v.origin->assumption));
            else {
                QJsonArray src;
                for (const auto& s : v.origin->sources)
                    src.append(qs(s));
                o.insert(QStringLiteral("sources"), src);
                o.insert(QStringLiteral("derivation"), qs(v.origin->derivation));
            }
            values.append(o);
        }
        QJsonObject o{{QStringLiteral("id"), qs(t.id)},
                      {QStringLiteral("name"), qs(t.name)},
                      {QStringLiteral("group"), qs(t.group)},
                      {QStringLiteral("applies_to"), qs(std::string(toString(t.target)))},
                      {QStringLiteral("description"), qs(t.description)},
                      {QStringLiteral("body"), t.body},
                      {QStringLiteral("values"), values}};
        if (auto u = oneUnitFigures(t.target, t.body))
            o.insert(QStringLiteral("one_unit"),
                     QJsonObject{{QStringLiteral("mean_time_to_failure_hours"), u->mttf_hours},
                                 {QStringLiteral("mean_down_hours"), u->mttr_hours},
                                 {QStringLiteral("availability"), u->availability}});
        templates.append(o);
    }
    QJsonArray sources;
    for (const auto& s : c.sources())
        sources.append(QJsonObject{{QStringLiteral("id"), qs(s.id)},
                                   {QStringLiteral("row"), s.row},
                                   {QStringLiteral("component"), qs(s.component)},
                                   {QStringLiteral("metric"), qs(s.metric)},
                                   {QStringLiteral("value"), qs(s.value)},
                                   {QStringLiteral("conditions"), qs(s.conditions)},
                                   {QStringLiteral("year"), qs(s.year)},
                                   {QStringLiteral("reference"), qs(s.reference)},
                                   {QStringLiteral("quality"), qs(s.quality)}});
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("nines-catalogue/1")},
                       {QStringLiteral("description"), qs(c.description())},
                       {QStringLiteral("caveats"), qs(c.caveats())},
                       {QStringLiteral("templates"), templates},
                       {QStringLiteral("sources"), sources}};
}

std::string catalogueMarkdown(const Catalogue& c)
{
    std::string md;
    md += "# The component catalogue\n\n";
    md += "<!-- Generated by `nines catalogue --markdown` from resources/catalogue/catalogue.json. Do not edit:\n"
          "     change the catalogue file and run scripts/catalogue-docs.sh; tests/app/tst_catalogue_cli fails when\n"
          "     the two disagree. -->\n\n";
    md += c.description() + "\n\n";
    md += "Each template gives the failure, repair and outage behaviour of a common building block. Every value "
          "names the public figures it comes from, with the arithmetic from figure to value, or is marked as an "
          "assumption with its reason. Use a component, zone or region template from the editor's palette (section "
          "*Catalogue*), a link template from a link's inspector, a failure-mode template with *From catalogue* "
          "under a component's failure modes, or name any template in a model file and override single fields (see [file-format.md](file-format.md#templates)):\n\n";
    md += "```json\n{\"id\": \"disk\", \"template\": \"hdd\", \"instances\": 12, \"required\": 10}\n```\n\n";
    md += "The catalogue file is `resources/catalogue/catalogue.json` (format below); the program carries it, so a "
          "model that names a template reads the same with any copy of one version of Nines. A later version with "
          "better figures changes the values a model kept from a template, and not those it changed. `nines catalogue` lists it, `nines catalogue ID` "
          "shows one template, `nines catalogue --json` gives everything as JSON.\n\n";
    std::string caveats = c.caveats();
    if (caveats.rfind("Caveats: ", 0) == 0)
        caveats = caveats.substr(9);
    if (!caveats.empty())
        caveats[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(caveats[0])));
    md += "## Caveats\n\n" + caveats + "\n\n";
    md += "Service-level agreements (SLAs) are thresholds for service credits, not measured uptime: figures derived "
          "from them are pessimistic bounds.\n\n";
    md += "## Summary\n\n";
    md += "\"One unit up\" is the availability of one instance (or one zone, link, ...) by itself: mean time to "
          "failure / (mean time to failure + mean time down), all failure modes together, detection included. "
          "Redundancy, standby and everything around it are what Nines then simulates.\n\n";
    md += mdHeader({"Id", "Template", "Makes", "Time to failure", "Down for", "One unit up"});
    for (const auto& t : c.templates())
        md += mdRow(summaryCells(t));
    md += "\n";
    for (const auto& [group, templates] : byGroup(c)) {
        md += "## " + group + "\n\n";
        for (const Template* t : templates) {
            md += "### " + t->name + " (`" + t->id + "`)\n\n";
            md += "A " + targetText(t->target) + " template. " + t->description + "\n\n";
            md += mdHeader({"Field", "Value", "Source", "How the value follows"});
            for (const auto& v : valuesOf(*t))
                md += mdRow({"`" + v.origin->path + "`", v.value, sourcesText(c, *v.origin),
                             v.origin->isAssumption() ? "Assumption: " + v.origin->assumption : v.origin->derivation});
            md += "\n";
        }
    }
    md += "## Sources\n\n";
    md += "The figures the catalogue rests on. *secondary*: the figure rests on a summary rather than the primary "
          "document; *unverified*: widely quoted but not checked against its primary source.\n\n";
    md += mdHeader({"Id", "Component", "Metric", "Value", "Conditions", "Year", "Reference", "Quality"});
    for (const auto& s : c.sources())
        md += mdRow({"`" + s.id + "`", s.component, s.metric, s.value, s.conditions, s.year, reference(s.reference),
                     s.quality});
    md += "\n## The catalogue file\n\n";
    md += "`resources/catalogue/catalogue.json` holds `format` (`\"nines-catalogue/1\"`), `description`, `caveats`, "
          "`sources` and `templates`.\n\n"
          "- A **source** has `id`, `row` (its row in the original table of figures), `component`, `metric`, "
          "`value`, `conditions`, `year`, `reference` (URL or citation) and `quality` (`primary`, `secondary` or "
          "`unverified`).\n"
          "- A **template** has `id`, `name`, `group` (its palette section), `applies_to` (`component`, "
          "`failure_mode`, `zone`, `region`, `link` or `shared_fate`), `description`, `body` and `provenance`.\n"
          "- `body` holds the fields the template sets, in the [model file format](file-format.md) of its target, "
          "without id, name or placement (zones, region, link ends, shared-fate members), which the model "
          "gives.\n"
          "- `provenance` maps field paths relative to the body (`failure_modes[wear].failure`, "
          "`standby.failover_seconds`, `outage.repair`) to either `{\"sources\": [ids], \"derivation\": \"...\"}` "
          "or `{\"assumption\": \"...\"}`. A path covers everything under it. Every value of the body except "
          "`kind` and a failure mode's `id` and `name` is covered by exactly one entry; Nines refuses a catalogue "
          "where one is not.\n\n"
          "`nines catalogue --json` prints the same with each value described (`values[].text`) and the "
          "availability of one unit (`one_unit`).\n";
    return md;
}

}  // namespace nines::app
