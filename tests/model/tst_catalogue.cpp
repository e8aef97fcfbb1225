// The catalogue: the built-in data is complete and valid (every template validates, every value
// has a source or an assumption), models made from templates round-trip with their provenance,
// and overriding one field leaves the others tied to the template.
#include "model/io/catalogue.h"
#include "model/io/json_reader.h"
#include "model/io/json_writer.h"
#include "model/io/model_file.h"
#include "model/io/provenance.h"
#include "model/io/scenario.h"
#include "model/io/template_merge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <set>

using namespace nines;
using namespace nines::model;
using namespace nines::io;

namespace {

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

const Template& templ(TemplateTarget target, const char* id)
{
    const Template* t = builtinCatalogue().find(target, id);
    if (!t)
        qFatal("no template %s", id);
    return *t;
}

/// The first failure mode id of a component template.
std::string firstModeId(const Template& t)
{
    return t.body.value(QStringLiteral("failure_modes")).toArray().at(0).toObject().value(QStringLiteral("id"))
        .toString().toStdString();
}

/// A small valid model around one use of a template: users -> the item (or a component placed
/// in it, on it, hit by it).
QJsonObject modelUsing(const Template& t)
{
    QJsonObject users = obj(R"({"id": "users", "kind": "entry", "traffic_share": 1})");
    QJsonObject app = obj(R"({"id": "app", "kind": "service", "instances": 2, "zones": ["a", "b"],
                              "failure_modes": [{"id": "crash", "failure": {"type": "exponential", "mean_hours": 1000},
                                                 "repair": {"type": "exponential", "mean_hours": 1}}]})");
    QJsonArray zones{obj(R"({"id": "a", "region": "r"})"), obj(R"({"id": "b", "region": "r"})")};
    QJsonArray regions{obj(R"({"id": "r"})")};
    QJsonArray links, fates;
    const QString tid = QString::fromStdString(t.id);
    switch (t.target) {
    case TemplateTarget::Component: {
        QJsonObject c{{"id", "x"}, {"template", tid}};
        if (!t.body.contains(QStringLiteral("kind")))
            c.insert(QStringLiteral("kind"), QStringLiteral("service"));
        app = c;
        break;
    }
    case TemplateTarget::FailureMode: {
        QJsonArray modes = app.value(QStringLiteral("failure_modes")).toArray();
        modes.append(QJsonObject{{"id", "extra"}, {"template", tid}});
        app.insert(QStringLiteral("failure_modes"), modes);
        break;
    }
    case TemplateTarget::Zone: {
        QJsonObject z = zones.at(0).toObject();
        z.insert(QStringLiteral("template"), tid);
        zones.replace(0, z);
        break;
    }
    case TemplateTarget::Region:
        regions = {QJsonObject{{"id", "r"}, {"template", tid}}};
        break;
    case TemplateTarget::Link:
        links.append(QJsonObject{{"id", "ab"}, {"from", "a"}, {"to", "b"}, {"template", tid}});
        break;
    case TemplateTarget::SharedFate:
        fates.append(QJsonObject{{"id", "f"}, {"components", QJsonArray{"app"}}, {"template", tid}});
        break;
    }
    const QString appId = app.value(QStringLiteral("id")).toString();
    return QJsonObject{{"format", "nines/1"},
                       {"name", "uses " + tid},
                       {"regions", regions},
                       {"zones", zones},
                       {"links", links},
                       {"components", QJsonArray{users, app}},
                       {"dependencies", QJsonArray{QJsonObject{{"from", "users"}, {"to", appId}}}},
                       {"shared_fate", fates}};
}

LoadResult parse(const QJsonObject& doc)
{
    return parseModel(QJsonDocument(doc).toJson());
}

std::string problemsText(const Problems& ps)
{
    std::string s;
    for (const auto& p : ps)
        s += p.text() + "\n";
    return s;
}

/// A disk array from the HDD template with one field changed, a zone, a link and a rack from
/// the catalogue, and an incident failure mode on a plain service.
Model fromTemplates()
{
    const QJsonObject doc = obj(R"({
      "format": "nines/1", "name": "from the catalogue",
      "zones": [{"id": "a", "template": "availability-zone"}, {"id": "b", "template": "availability-zone"}],
      "links": [{"id": "ab", "from": "a", "to": "b", "template": "wan-link"}],
      "components": [
        {"id": "users", "kind": "entry", "traffic_share": 1},
        {"id": "disks", "name": "Disks", "template": "hdd", "instances": 12, "required": 10, "zones": ["a", "b"]},
        {"id": "app", "kind": "service", "failure_modes": [
          {"id": "crash", "failure": {"type": "exponential", "mean_hours": 2000},
           "repair": {"type": "exponential", "mean_hours": 0.1}},
          {"id": "incident", "name": "Incident", "template": "human-incident"}]}
      ],
      "dependencies": [{"from": "users", "to": "app"}, {"from": "app", "to": "disks"}],
      "shared_fate": [{"id": "rack1", "components": ["app"], "template": "rack"}]
    })");
    LoadResult r = parse(doc);
    if (!r.ok())
        qFatal("fromTemplates: %s", problemsText(r.problems).c_str());
    return *r.model;
}

}  // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinCatalogueIsComplete()
    {
        QFile f(QStringLiteral(":/catalogue/catalogue.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        Problems ps;
        const Catalogue c = Catalogue::fromJson(f.readAll(), ps);
        QVERIFY2(ps.empty(), problemsText(ps).c_str());
        QVERIFY(c.templates().size() >= 20);
        std::set<TemplateTarget> targets;
        for (const auto& t : c.templates())
            targets.insert(t.target);
        for (auto t : {TemplateTarget::Component, TemplateTarget::Zone, TemplateTarget::Region, TemplateTarget::Link,
                       TemplateTarget::SharedFate, TemplateTarget::FailureMode})
            QVERIFY2(targets.count(t), std::string(toString(t)).c_str());
        for (const char* id : {"hdd", "ssd", "physical-server", "cloud-vm", "k8s-pod", "k8s-node", "tor-switch",
                               "aggregation-router", "hardware-lb", "managed-lb", "managed-dns", "managed-db-multi-az",
                               "object-storage"})
            QVERIFY2(c.find(TemplateTarget::Component, id), id);
        QVERIFY(c.find(TemplateTarget::Zone, "availability-zone"));
        QVERIFY(c.find(TemplateTarget::Region, "cloud-region"));
        QVERIFY(c.find(TemplateTarget::Link, "wan-link"));
        QVERIFY(c.find(TemplateTarget::Link, "dc-link"));
        QVERIFY(c.find(TemplateTarget::SharedFate, "rack"));
        QVERIFY(c.find(TemplateTarget::SharedFate, "power-domain"));
        QVERIFY(c.find(TemplateTarget::FailureMode, "human-incident"));
        QCOMPARE(c.sources().size(), size_t(40));
    }

    // Every value has a source (with a derivation) or an explicit assumption; every source cited
    // exists. The loader checks this; here it is checked on the data itself, leaf by leaf.
    void everyValueHasAnOrigin()
    {
        const Catalogue& c = builtinCatalogue();
        for (const auto& t : c.templates()) {
            QVERIFY2(!t.provenance.empty(), t.id.c_str());
            for (const auto& o : t.provenance) {
                const std::string what = t.id + ": " + o.path;
                QVERIFY2(!valueAtPath(t.body, o.path).isUndefined(), what.c_str());
                QVERIFY2(o.isAssumption() != !o.sources.empty(), what.c_str());
                if (!o.isAssumption()) {
                    QVERIFY2(!o.derivation.empty(), what.c_str());
                    for (const auto& s : o.sources)
                        QVERIFY2(c.source(s), (what + ": " + s).c_str());
                }
            }
            // Figures that make a failure or repair are distributions with positive means.
            if (auto u = oneUnitFigures(t.target, t.body)) {
                QVERIFY2(u->mttf_hours > 0 && u->mttr_hours > 0, t.id.c_str());
                QVERIFY2(u->availability > 0.9 && u->availability < 1, t.id.c_str());
            }
        }
    }

    void loaderNamesWhatIsMissing()
    {
        const QByteArray bad = R"({
          "format": "nines-catalogue/1",
          "sources": [{"id": "s1", "row": 1, "component": "x", "metric": "m", "value": "v",
                       "reference": "r", "quality": "primary"}],
          "templates": [
            {"id": "t1", "name": "T1", "group": "G", "applies_to": "component", "description": "d",
             "body": {"kind": "service", "instances": 2, "failure_modes": [{"id": "f",
                       "failure": {"type": "exponential", "mean_hours": 10},
                       "repair": {"type": "exponential", "mean_hours": 1}}]},
             "provenance": {"failure_modes[f].failure": {"sources": ["s1"], "derivation": "d"},
                            "failure_modes[f].repair": {"sources": ["nope"], "derivation": "d"},
                            "capacity_rps": {"assumption": "a"}}},
            {"id": "t2", "name": "T2", "group": "G", "applies_to": "planet", "description": "d",
             "body": {"zones": ["a"]}, "provenance": {}}
          ]})";
        Problems ps;
        Catalogue::fromJson(bad, ps);
        const std::string text = problemsText(ps);
        QVERIFY2(text.find("templates[t1].provenance: the value at \"instances\" has no source") != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find("templates[t1].provenance.failure_modes[f].repair.sources: refers to source \"nope\"")
                     != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find("templates[t1].provenance.capacity_rps: names no value") != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find("templates[t2].applies_to: must be one of") != std::string::npos, text.c_str());
        QVERIFY2(text.find("templates[t2].body.zones: is set where the template is used") != std::string::npos,
                 text.c_str());
    }

    void everyTemplateValidates_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("target");
        for (const auto& t : builtinCatalogue().templates())
            QTest::newRow((std::string(toString(t.target)) + ":" + t.id).c_str())
                << QString::fromStdString(t.id) << int(t.target);
    }

    // Each template, used in a model, gives a valid model that holds the template's values.
    void everyTemplateValidates()
    {
        QFETCH(QString, id);
        QFETCH(int, target);
        const Template& t = templ(TemplateTarget(target), id.toUtf8().constData());
        LoadResult r = parse(modelUsing(t));
        QVERIFY2(r.ok(), problemsText(r.problems).c_str());
        QVERIFY2(!hasErrors(r.problems), problemsText(r.problems).c_str());
        // The values arrived: every path of the provenance reads the same in the model.
        std::string item;
        switch (t.target) {
        case TemplateTarget::Component: item = "components[x]"; break;
        case TemplateTarget::FailureMode: item = "components[app].failure_modes[extra]"; break;
        case TemplateTarget::Zone: item = "zones[a]"; break;
        case TemplateTarget::Region: item = "regions[r]"; break;
        case TemplateTarget::Link: item = "links[ab]"; break;
        case TemplateTarget::SharedFate: item = "shared_fate[f]"; break;
        }
        for (const auto& o : t.provenance) {
            const FieldOrigin fo = fieldOrigin(*r.model, item + "." + o.path);
            QVERIFY2(fo.templ == &t, (item + "." + o.path).c_str());
            QVERIFY2(fo.fromCatalogue(), (item + "." + o.path).c_str());
            QCOMPARE(fo.origin, &o);
        }
    }

    void roundTripKeepsProvenance()
    {
        const Model m = fromTemplates();
        const Component& disks = *m.findComponent("disks");
        QCOMPARE(disks.template_id, std::string("hdd"));
        QCOMPARE(disks.instances, 12);
        QCOMPARE(m.zones[0].template_id, std::string("availability-zone"));
        QVERIFY(m.zones[0].outage.has_value());
        QCOMPARE(m.findComponent("app")->failure_modes[1].template_id, std::string("human-incident"));

        const QByteArray text = modelToJson(m);
        LoadResult again = parseModel(text);
        QVERIFY2(again.ok(), problemsText(again.problems).c_str());
        QVERIFY(*again.model == m);
        QCOMPARE(modelToJson(*again.model), text);

        // The file holds only what differs from the templates.
        const QJsonObject root = QJsonDocument::fromJson(text).object();
        const QJsonObject zone = root.value(QStringLiteral("zones")).toArray().at(0).toObject();
        QCOMPARE(zone, obj(R"({"id": "a", "template": "availability-zone"})"));
        const QJsonObject disk = root.value(QStringLiteral("components")).toArray().at(1).toObject();
        QCOMPARE(disk, obj(R"({"id": "disks", "name": "Disks", "template": "hdd", "instances": 12, "required": 10,
                               "zones": ["a", "b"]})"));
        const QJsonObject incident = root.value(QStringLiteral("components")).toArray().at(2).toObject()
                                         .value(QStringLiteral("failure_modes")).toArray().at(1).toObject();
        QCOMPARE(incident, obj(R"({"id": "incident", "name": "Incident", "template": "human-incident"})"));
    }

    // Overriding one field writes only that field; the others still come from the template, so a
    // change of the catalogue's data reaches them.
    void overrideKeepsTheOthersTied()
    {
        Model m = fromTemplates();
        Component& disks = m.components[1];
        const Template& hdd = templ(TemplateTarget::Component, "hdd");
        const std::string mode = firstModeId(hdd);
        QVERIFY(!disks.failure_modes.empty());
        disks.failure_modes[0].repair = Distribution::exponential(48);

        const QJsonObject written = writeItem(disks);
        QCOMPARE(written.value(QStringLiteral("template")).toString(), QStringLiteral("hdd"));
        const QJsonArray modes = written.value(QStringLiteral("failure_modes")).toArray();
        QCOMPARE(modes.size(), 1);
        QCOMPARE(modes.at(0).toObject(),
                 (QJsonObject{{"id", QString::fromStdString(mode)},
                              {"repair", QJsonObject{{"type", "exponential"}, {"mean_hours", 48}}}}));

        // The catalogue's failure distribution changes: the written item follows it, the repair
        // the user set stays.
        QJsonObject newer = hdd.body;
        QJsonArray newerModes = newer.value(QStringLiteral("failure_modes")).toArray();
        QJsonObject m0 = newerModes.at(0).toObject();
        m0.insert(QStringLiteral("failure"), obj(R"({"type": "exponential", "mean_hours": 12345})"));
        newerModes.replace(0, m0);
        newer.insert(QStringLiteral("failure_modes"), newerModes);
        const QJsonObject merged = applyTemplate(newer, written);
        const QJsonObject mergedMode = merged.value(QStringLiteral("failure_modes")).toArray().at(0).toObject();
        QCOMPARE(mergedMode.value(QStringLiteral("failure")).toObject(),
                 obj(R"({"type": "exponential", "mean_hours": 12345})"));
        QCOMPARE(mergedMode.value(QStringLiteral("repair")).toObject(),
                 obj(R"({"type": "exponential", "mean_hours": 48})"));

        // Provenance: the changed value is the user's, the kept one the catalogue's.
        const std::string base = "components[disks].failure_modes[" + mode + "]";
        QVERIFY(fieldOrigin(m, base + ".repair").changed());
        QVERIFY(fieldOrigin(m, base + ".repair.mean_hours").changed());
        QVERIFY(fieldOrigin(m, base + ".failure").fromCatalogue());
        QVERIFY(!fieldOrigin(m, "components[disks].instances").fromCatalogue());

        // Round trip with the override.
        LoadResult again = parseModel(modelToJson(m));
        QVERIFY2(again.ok(), problemsText(again.problems).c_str());
        QVERIFY(*again.model == m);
    }

    // A value set back to its default still differs from a template's (null removes an
    // optional field the template sets), and removing a template's failure mode writes the
    // item whole, no longer tied.
    void defaultsNullsAndDetaching()
    {
        Model m = fromTemplates();
        FailureMode& incident = m.components[2].failure_modes[1];
        const Template& t = templ(TemplateTarget::FailureMode, "human-incident");
        QVERIFY(t.body.value(QStringLiteral("detection_seconds")).toDouble() > 0);
        incident.detection_seconds = 0;
        LoadResult again = parseModel(modelToJson(m));
        QVERIFY2(again.ok(), problemsText(again.problems).c_str());
        QCOMPARE(again.model->components[2].failure_modes[1].detection_seconds, 0.0);
        QVERIFY(*again.model == m);

        m.zones[1].outage.reset();
        again = parseModel(modelToJson(m));
        QVERIFY2(again.ok(), problemsText(again.problems).c_str());
        QVERIFY(!again.model->zones[1].outage);
        QVERIFY(*again.model == m);

        // No failure mode at all is still a patch ("failure_modes": []).
        Component& disks = m.components[1];
        disks.failure_modes.clear();
        QVERIFY(writeItem(disks).contains(QStringLiteral("template")));
        again = parseModel(modelToJson(m));
        QVERIFY2(again.ok(), problemsText(again.problems).c_str());
        QVERIFY(*again.model == m);

        // One of a template's two failure modes removed: written whole, no longer tied.
        const Template& router = templ(TemplateTarget::Component, "aggregation-router");
        QCOMPARE(router.body.value(QStringLiteral("failure_modes")).toArray().size(), 2);
        Component r;
        Problems ps;
        QVERIFY(readItem(obj(R"({"id": "router", "template": "aggregation-router"})"), r, ps));
        QCOMPARE(r.failure_modes.size(), size_t(2));
        r.failure_modes.erase(r.failure_modes.begin());
        const QJsonObject written = writeItem(r);
        QVERIFY(!written.contains(QStringLiteral("template")));
        Component back;
        QVERIFY(readItem(written, back, ps));
        r.template_id.clear();
        QVERIFY(back == r);
    }

    // As docs/file-format.md shows: a distribution of another type replaces the template's.
    void handWrittenOverrides()
    {
        Component c;
        Problems ps;
        QVERIFY2(readItem(obj(R"({"id": "disks", "template": "hdd", "instances": 12, "required": 10,
                                   "failure_modes": [{"id": "wear", "repair": {"type": "exponential", "mean_hours": 48}}]})"),
                          c, ps),
                 problemsText(ps).c_str());
        QCOMPARE(c.failure_modes[0].repair, Distribution::exponential(48));
        QVERIFY(c.failure_modes[0].failure.type == DistributionType::Weibull);  // still the template's
        QVERIFY(writeItem(c).value(QStringLiteral("template")).toString() == QStringLiteral("hdd"));
        Component back;
        QVERIFY(readItem(writeItem(c), back, ps));
        QVERIFY(back == c);

        // A failure mode naming its own template where the component's template has that id.
        Component d;
        QVERIFY(readItem(obj(R"({"id": "d", "template": "hdd",
                                  "failure_modes": [{"id": "wear", "template": "human-incident"}]})"),
                         d, ps));
        QCOMPARE(d.failure_modes[0].template_id, std::string("human-incident"));
        Component dBack;
        QVERIFY(readItem(writeItem(d), dBack, ps));
        QVERIFY2(dBack == d, QJsonDocument(writeItem(d)).toJson().constData());

        // A duplicate id in the file stays a duplicate, for validation to report.
        QJsonObject doc = modelUsing(templ(TemplateTarget::Component, "cloud-vm"));
        QJsonArray comps = doc.value(QStringLiteral("components")).toArray();
        comps.replace(1, obj(R"({"id": "x", "template": "cloud-vm", "failure_modes": [
            {"id": "extra", "failure": {"type": "exponential", "mean_hours": 10}, "repair": {"type": "exponential", "mean_hours": 1}},
            {"id": "extra", "failure": {"type": "exponential", "mean_hours": 20}, "repair": {"type": "exponential", "mean_hours": 1}}]})"));
        doc.insert(QStringLiteral("components"), comps);
        const LoadResult r = parse(doc);
        QVERIFY(!r.ok());
        QVERIFY2(problemsText(r.problems).find("duplicate id \"extra\"") != std::string::npos,
                 problemsText(r.problems).c_str());
    }

    void unknownTemplateIsNamed()
    {
        QJsonObject doc = modelUsing(templ(TemplateTarget::Component, "hdd"));
        QJsonArray comps = doc.value(QStringLiteral("components")).toArray();
        comps.replace(1, obj(R"({"id": "x", "kind": "storage", "template": "floppy"})"));
        doc.insert(QStringLiteral("components"), comps);
        LoadResult r = parse(doc);
        QVERIFY(!r.ok());
        QVERIFY(r.json_ok);
        const std::string text = problemsText(r.problems);
        QVERIFY2(text.find("components[x].template: there is no component template \"floppy\" in the catalogue; "
                           "expected one of ")
                     != std::string::npos,
                 text.c_str());
        QVERIFY(text.find("hdd") != std::string::npos);
        QCOMPARE(r.document().components[1].template_id, std::string("floppy"));  // not lost from the draft
    }

    // Scenario operations and sweeps reach into values the template gives.
    void scenariosReachTemplateValues()
    {
        Model m = fromTemplates();
        const std::string mode = firstModeId(templ(TemplateTarget::Component, "hdd"));
        m.scenarios = {Scenario{"fast", "", "", {},
                                {{OperationType::Set, "components[disks].failure_modes[" + mode + "].repair",
                                  R"({"type": "exponential", "mean_hours": 2})"},
                                 {OperationType::Set, "zones[a].outage.repair.mean_hours", "1"}}}};
        Problems ps;
        auto s = resolveScenario(m, "fast", ps);
        QVERIFY2(s, problemsText(ps).c_str());
        QCOMPARE(s->findComponent("disks")->failure_modes[0].repair.mean_hours, 2.0);
        QCOMPARE(s->zones[0].outage->repair.mean(), 1.0);
        QCOMPARE(s->findComponent("disks")->failure_modes[0].failure, m.findComponent("disks")->failure_modes[0].failure);
        LoadResult again = parseModel(modelToJson(m));
        QVERIFY2(again.ok(), problemsText(again.problems).c_str());
    }

    void assumptionsTableNamesSources()
    {
        Model m = fromTemplates();
        m.components[1].failure_modes[0].repair = Distribution::exponential(48);
        const auto rows = assumptions(m);
        auto find = [&](const std::string& item, const std::string& param) -> const Assumption* {
            for (const auto& a : rows)
                if (a.item == item && a.parameter == param)
                    return &a;
            return nullptr;
        };
        const std::string mode = firstModeId(templ(TemplateTarget::Component, "hdd"));
        const Assumption* failure = find("components[disks]", "failure_modes[" + mode + "].failure");
        QVERIFY(failure);
        QVERIFY(failure->from_catalogue);
        QCOMPARE(failure->template_name, templ(TemplateTarget::Component, "hdd").name);
        QVERIFY(!failure->source.empty());
        const Assumption* repair = find("components[disks]", "failure_modes[" + mode + "].repair");
        QVERIFY(repair);
        QVERIFY(!repair->from_catalogue);
        QVERIFY2(repair->source.find("set by the user") == 0, repair->source.c_str());
        QCOMPARE(repair->value, std::string("exponential, mean 48 h"));
        const Assumption* crash = find("components[app]", "failure_modes[crash].failure");
        QVERIFY(crash);
        QCOMPARE(crash->source, std::string("set by the user"));
        QVERIFY(find("zones[a]", "outage.failure") && find("zones[a]", "outage.failure")->from_catalogue);
        QVERIFY(find("links[ab]", "outage.repair") && find("links[ab]", "outage.repair")->from_catalogue);
        QVERIFY(find("shared_fate[rack1]", "outage.failure"));
        QVERIFY(find("components[app]", "failure_modes[incident].repair")->from_catalogue);
    }

    void mergeRules()
    {
        const QJsonObject t = obj(R"({"a": 1, "o": {"x": 1, "y": 2}, "l": [{"id": "p", "v": 1}, {"id": "q", "v": 2}]})");
        QCOMPARE(applyTemplate(t, obj(R"({"a": null, "o": {"y": 3}, "l": [{"id": "q", "v": 5}, {"id": "r"}]})")),
                 obj(R"({"o": {"x": 1, "y": 3}, "l": [{"id": "p", "v": 1}, {"id": "q", "v": 5}, {"id": "r"}]})"));
        // The patch of an item is the smallest that merges back to it.
        const QJsonObject full = obj(R"({"a": 0, "o": {"x": 1, "y": 3}, "l": [{"id": "p", "v": 1}, {"id": "q", "v": 2}],
                                          "z": 0})");
        const QJsonObject compact = obj(R"({"o": {"x": 1, "y": 3}, "l": [{"id": "p", "v": 1}, {"id": "q", "v": 2}]})");
        auto p = templatePatch(t, full, compact);
        QVERIFY(p);
        QCOMPARE(*p, obj(R"({"a": 0, "o": {"y": 3}})"));
        // Reordered template items cannot be said by a patch.
        const QJsonObject swapped = obj(R"({"a": 1, "o": {"x": 1, "y": 2}, "l": [{"id": "q", "v": 2}, {"id": "p", "v": 1}]})");
        QVERIFY(!templatePatch(t, swapped, swapped));
        QCOMPARE(valueAtPath(t, "l[q].v").toInt(), 2);
        QCOMPARE(valueAtPath(t, "l[0].v").toInt(), 1);
        QVERIFY(valueAtPath(t, "l[z].v").isUndefined());
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
