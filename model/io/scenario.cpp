#include "scenario.h"

#include "json_reader.h"
#include "json_writer.h"
#include "model/path.h"
#include "model/validate.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace nines::io {

using namespace nines::model;

namespace {

bool isIndex(const std::string& s)
{
    return !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Position of the element `selector` (an id, or an index when no element has that id).
qsizetype findElement(const QJsonArray& a, const std::string& selector)
{
    const QString sel = QString::fromStdString(selector);
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).isObject() && a.at(i).toObject().value(QLatin1String("id")).toString() == sel)
            return i;
    if (isIndex(selector)) {
        const qsizetype i = std::stoll(selector);
        if (i < a.size())
            return i;
    }
    return -1;
}

std::string singular(const std::string& collection)
{
    if (collection == "components")
        return "component";
    if (collection == "dependencies")
        return "dependency";
    if (collection == "failure_modes")
        return "failure mode";
    if (collection == "repair_crews")
        return "repair crew";
    if (collection.size() > 1 && collection.back() == 's')
        return collection.substr(0, collection.size() - 1);
    return collection;
}

// Walks the path recursively; Qt's JSON containers are values, so each level is written back.
std::string applyAt(QJsonObject& obj, const std::vector<PathStep>& steps, size_t i, OperationType op,
                    const QJsonValue& value, const std::string& done)
{
    const PathStep& step = steps[i];
    const QString key = QString::fromStdString(step.field);
    const bool last = i + 1 == steps.size();
    const std::string here = joinPath(done, step.field);

    if (!step.selector) {
        if (last) {
            switch (op) {
            case OperationType::Set:
                obj.insert(key, value);
                return {};
            case OperationType::Add: {
                QJsonValue cur = obj.value(key);
                if (!cur.isUndefined() && !cur.isArray())
                    return "\"" + here + "\" is not a list, so nothing can be added to it";
                QJsonArray a = cur.toArray();
                const QString newId = value.toObject().value(QLatin1String("id")).toString();
                if (value.isObject() && !newId.isEmpty()
                    && std::any_of(a.begin(), a.end(), [&](const QJsonValue& x) {
                           return x.toObject().value(QLatin1String("id")).toString() == newId;
                       }))
                    return "\"" + here + "\" already holds an item with id \""
                           + value.toObject().value(QLatin1String("id")).toString().toStdString() + "\"";
                a.append(value);
                obj.insert(key, a);
                return {};
            }
            case OperationType::Remove:
                // A field left out is already at its default: removing it changes nothing.
                obj.remove(key);
                return {};
            }
        }
        QJsonValue child = obj.value(key);
        if (child.isUndefined()) {
            // Setting a field of an object left out at its defaults (e.g. a component's cost)
            // creates the object; other operations need it to exist.
            if (op != OperationType::Set)
                return "there is no field \"" + here + "\"";
            child = QJsonObject();
        }
        if (!child.isObject())
            return "\"" + here + "\" is not an object, so it has no field \"" + steps[i + 1].field + "\"";
        QJsonObject o = child.toObject();
        std::string why = applyAt(o, steps, i + 1, op, value, here);
        if (why.empty())
            obj.insert(key, o);
        return why;
    }

    const std::string selected = here + "[" + *step.selector + "]";
    QJsonValue child = obj.value(key);
    if (!child.isArray())
        return child.isUndefined() ? "there is no " + singular(step.field) + " \"" + *step.selector + "\" (\"" + here
                                         + "\" is empty)"
                                   : "\"" + here + "\" is not a list";
    QJsonArray a = child.toArray();
    const qsizetype pos = findElement(a, *step.selector);
    if (pos < 0) {
        if (isIndex(*step.selector))
            return "there is no item " + *step.selector + " in \"" + here + "\" (it holds " + std::to_string(a.size())
                   + ")";
        return "there is no " + singular(step.field) + " \"" + *step.selector + "\" in \"" + here + "\"";
    }
    if (last) {
        if (op == OperationType::Remove)
            a.removeAt(pos);
        else if (op == OperationType::Set)
            a.replace(pos, value);
        else
            return "\"" + selected + "\" is an item, not a list; add to \"" + here + "\" instead";
        obj.insert(key, a);
        return {};
    }
    QJsonValue elem = a.at(pos);
    if (!elem.isObject()) {
        // A plain value in a list (e.g. load.daily_profile[3]) can only be the last step.
        return "\"" + selected + "\" is not an object, so it has no field \"" + steps[i + 1].field + "\"";
    }
    QJsonObject o = elem.toObject();
    std::string why = applyAt(o, steps, i + 1, op, value, selected);
    if (why.empty()) {
        a.replace(pos, o);
        obj.insert(key, a);
    }
    return why;
}


/// Reads and validates a document produced by applying operations; problems of the result
/// are reported under `where`, naming the field inside the scenario's model.
std::optional<Model> readResult(const QJsonObject& doc, const std::string& where, Problems& problems)
{
    Problems inner;
    Model m = readModel(doc, inner);
    if (!hasErrors(inner)) {
        Problems sem = validate(m);
        inner.insert(inner.end(), sem.begin(), sem.end());
    }
    bool bad = false;
    for (const auto& p : inner) {
        if (p.severity != Severity::Error)
            continue;  // warnings of the base already show once; a scenario adds none of its own
        bad = true;
        problems.push_back({where, "in the resulting model, " + p.text()});
    }
    if (bad)
        return std::nullopt;
    return m;
}

}  // namespace

std::string applyOperation(QJsonObject& doc, OperationType op, const std::string& path, const QJsonValue& value)
{
    std::string why;
    auto steps = parsePath(path, &why);
    if (!steps)
        return "\"" + path + "\" is not a field path (" + why + ")";
    if (steps->size() == 1 && steps->front().field == "format")
        return "the format version cannot be changed by a scenario";
    return applyAt(doc, *steps, 0, op, value, "");
}

QJsonValue operationValue(const std::string& json)
{
    // An operation's value may be any JSON value; QJsonDocument reads only arrays and objects.
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + QByteArray::fromStdString(json) + "]");
    return doc.array().isEmpty() ? QJsonValue() : doc.array().at(0);
}

std::string pathByIds(const QJsonObject& doc, const std::string& path)
{
    const auto steps = parsePath(path);
    if (!steps)
        return path;
    std::string out;
    QJsonValue here = doc;
    for (const auto& step : *steps) {
        out = joinPath(out, step.field);
        here = here.toObject().value(QString::fromStdString(step.field));
        if (!step.selector)
            continue;
        const QJsonArray a = here.toArray();
        const qsizetype at = findElement(a, *step.selector);
        const std::string id = at >= 0 ? a.at(at).toObject().value(QLatin1String("id")).toString().toStdString() : std::string();
        out += "[" + (isValidId(id) ? id : *step.selector) + "]";
        here = at >= 0 ? a.at(at) : QJsonValue();
    }
    return out;
}

namespace {

/// Resolves the scenarios of one base with each operation applied once: a scenario's document
/// starts from the document of the one it is based on, kept from when that one was resolved.
/// Resolving every scenario of a chain of n by applying its whole chain again took n^2
/// operations (a chain of 1,000 scenarios took half a minute to check).
class ScenarioResolver {
public:
    explicit ScenarioResolver(const Model& base) : base_(base)
    {
        std::vector<std::string> ids;
        ids.reserve(base.scenarios.size());
        for (const auto& s : base.scenarios)
            ids.push_back(s.id);
        ids_ = IdIndex(std::move(ids));
    }

    std::string path(const std::string& id) const
    {
        const int i = ids_.find(id);
        return ids_.path("scenarios", i < 0 ? ids_.size() : static_cast<size_t>(i));
    }

    /// The document of scenario `id` with its chain applied, and with its own operations when
    /// `own`; nullopt when an operation failed (the scenario's own failures are added to
    /// `problems`) or the chain is broken (validate() names a missing scenario or a circle).
    std::optional<QJsonObject> document(const std::string& id, bool own, Problems& problems)
    {
        const int i = ids_.find(id);
        if (i < 0) {
            problems.push_back({"scenarios", "there is no scenario \"" + id + "\""});
            return std::nullopt;
        }
        const Scenario& s = base_.scenarios[static_cast<size_t>(i)];
        const Step* step = nullptr;
        if (own)
            step = resolve(static_cast<size_t>(i));
        else if (!s.based_on)
            return baseDocument();
        else if (const int parent = ids_.find(*s.based_on); parent >= 0)
            step = resolve(static_cast<size_t>(parent));
        if (!step || !step->chain_ok)
            return std::nullopt;
        if (own)
            problems.insert(problems.end(), step->problems.begin(), step->problems.end());
        if (!step->ok)
            return std::nullopt;
        return step->doc;
    }

private:
    /// A scenario resolved: its document with its chain and its own operations applied (as far
    /// as they apply), and the failures of its own operations.
    struct Step {
        bool chain_ok = true;  // the chain is whole: no missing scenario, no circle
        bool ok = true;        // every operation of the chain applied
        QJsonObject doc;
        Problems problems;
    };

    const QJsonObject& baseDocument()
    {
        if (!baseDoc_) {
            Model stripped = base_;
            stripped.scenarios.clear();
            baseDoc_ = writeModel(stripped, {.keep_templates = false});
        }
        return *baseDoc_;
    }

    /// Resolves scenario i and the ones its chain passes through that are not resolved yet,
    /// walking up the chain first (no recursion: a chain may be thousands long).
    const Step* resolve(size_t i)
    {
        if (auto it = steps_.find(i); it != steps_.end())
            return &it->second;
        std::vector<size_t> todo{i};  // this one, then what it is based on, upwards
        std::set<size_t> seen{i};
        const Step* start = nullptr;   // the nearest resolved ancestor, if any
        bool broken = false;
        for (;;) {
            const Scenario& s = base_.scenarios[todo.back()];
            if (!s.based_on)
                break;
            const int parent = ids_.find(*s.based_on);
            if (parent < 0 || !seen.insert(static_cast<size_t>(parent)).second) {
                broken = true;  // validate() names the missing scenario or the circle
                break;
            }
            if (auto it = steps_.find(static_cast<size_t>(parent)); it != steps_.end()) {
                start = &it->second;
                break;
            }
            todo.push_back(static_cast<size_t>(parent));
        }
        Step previous;
        if (broken || (start && !start->chain_ok))
            previous.chain_ok = false;
        else if (start) {
            previous.ok = start->ok;
            previous.doc = start->doc;
        } else
            previous.doc = baseDocument();
        for (size_t k = todo.size(); k-- > 0;) {
            const size_t j = todo[k];
            Step step;
            step.chain_ok = previous.chain_ok;
            if (step.chain_ok) {
                step.ok = previous.ok;
                step.doc = previous.doc;
                apply(base_.scenarios[j], step);
            }
            previous = steps_.emplace(j, std::move(step)).first->second;
        }
        return &steps_.at(i);
    }

    void apply(const Scenario& s, Step& step) const
    {
        const std::string sp = path(s.id);
        for (size_t j = 0; j < s.operations.size(); ++j) {
            const Operation& op = s.operations[j];
            if (!parsePath(op.path)) {
                step.ok = false;  // validate() reports the malformed path
                continue;
            }
            const std::string why = applyOperation(step.doc, op.op, op.path, operationValue(op.value_json));
            if (!why.empty()) {
                // Reported under the scenario that owns the operation, and only there.
                step.problems.push_back({sp + ".operations[" + std::to_string(j) + "].path", why});
                step.ok = false;
            }
        }
    }

    const Model& base_;
    IdIndex ids_;
    std::optional<QJsonObject> baseDoc_;
    std::map<size_t, Step> steps_;
};

}  // namespace

std::optional<QJsonObject> scenarioDocument(const Model& base, const std::string& id, bool own, Problems& problems)
{
    return ScenarioResolver(base).document(id, own, problems);
}

std::optional<Model> resolveScenario(const Model& base, const std::string& id, Problems& problems)
{
    ScenarioResolver resolver(base);
    const auto doc = resolver.document(id, true, problems);
    if (!doc)
        return std::nullopt;
    return readResult(*doc, resolver.path(id), problems);
}

void validateScenarios(const Model& base, Problems& problems)
{
    ScenarioResolver resolver(base);
    for (const auto& s : base.scenarios)
        if (const auto doc = resolver.document(s.id, true, problems))
            readResult(*doc, resolver.path(s.id), problems);
}

std::optional<Model> withField(const Model& base, const std::string& path, const QJsonValue& value,
                               Problems& problems)
{
    QJsonObject doc = writeModel(base, {.keep_templates = false});
    const std::string why = applyOperation(doc, OperationType::Set, path, value);
    if (!why.empty()) {
        problems.push_back({path, why});
        return std::nullopt;
    }
    return readResult(doc, path, problems);
}

Designs designsOf(const Model& base)
{
    Designs out;
    Design b{std::string(), "Base", base};
    b.model.scenarios.clear();
    out.list.push_back(std::move(b));
    ScenarioResolver resolver(base);
    for (const auto& s : base.scenarios) {
        Problems problems;
        const auto doc = resolver.document(s.id, true, problems);
        auto m = doc ? readResult(*doc, resolver.path(s.id), problems) : std::nullopt;
        if (!m) {
            out.problems.push_back(s.id + ": " + (problems.empty() ? std::string("invalid") : problems.front().text()));
            continue;
        }
        out.list.push_back({s.id, s.name.empty() ? s.id : s.name, std::move(*m)});
    }
    return out;
}

namespace {

bool isZoneCount(const std::string& path)
{
    const std::string prefix = "components[", suffix = "].zone_count";
    return path.size() > prefix.size() + suffix.size() && path.rfind(prefix, 0) == 0
           && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// "components[ID].zone_count" = n. Not a field of the file: a sweep's way to say "how many
/// zones this tier spans"; the instances are then spread over them as any component's are.
std::optional<Model> withZoneCount(const Model& m, const std::string& path, double n, Problems& problems)
{
    const std::string prefix = "components[", suffix = "].zone_count";
    const std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    const Component* c = m.findComponent(id);
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
    return withField(m, "components[" + id + "].zones", ids, problems);
}

}  // namespace

std::optional<Model> withSweepValue(const Model& base, const std::string& path, double v, Problems& problems)
{
    if (isZoneCount(path))
        return withZoneCount(base, path, v, problems);
    const QJsonValue value = v == std::floor(v) && std::abs(v) < 1e15 ? QJsonValue(qint64(v)) : QJsonValue(v);
    return withField(base, path, value, problems);
}

}  // namespace nines::io
