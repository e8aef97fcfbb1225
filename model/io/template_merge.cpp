#include "template_merge.h"

#include "model/path.h"

#include <QJsonArray>

#include <algorithm>

namespace nines::io {

namespace {

const QLatin1String kId("id");

/// A list whose items are all objects with a string id: merged item by item.
bool isIdList(const QJsonValue& v)
{
    if (!v.isArray() || v.toArray().isEmpty())
        return false;
    const QJsonArray a = v.toArray();
    return std::all_of(a.begin(), a.end(),
                       [](const QJsonValue& x) { return x.isObject() && x.toObject().value(kId).isString(); });
}

qsizetype indexOfId(const QJsonArray& a, const QJsonValue& id)
{
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).toObject().value(kId) == id)
            return i;
    return -1;
}

/// A distribution of another type replaces the template's whole: merging a lognormal's sigma
/// into an exponential would leave a parameter the new type does not have.
bool otherType(const QJsonObject& templ, const QJsonObject& patch)
{
    const QJsonValue a = templ.value(QLatin1String("type")), b = patch.value(QLatin1String("type"));
    return a.isString() && b.isString() && a != b;
}

QJsonValue mergeValue(const QJsonValue& templ, const QJsonValue& patch)
{
    if (templ.isObject() && patch.isObject())
        return otherType(templ.toObject(), patch.toObject()) ? applyTemplate({}, patch.toObject())
                                                             : applyTemplate(templ.toObject(), patch.toObject());
    if (isIdList(templ) && isIdList(patch)) {
        QJsonArray out = templ.toArray();
        const qsizetype fromTemplate = out.size();
        for (const QJsonValue& p : patch.toArray()) {
            // Only the template's items take a patch; a second item with an id already given
            // is kept as it is, for validation to report the duplicate.
            const qsizetype at = indexOfId(out, p.toObject().value(kId));
            if (at < 0 || at >= fromTemplate)
                out.append(p);
            else
                out.replace(at, applyTemplate(out.at(at).toObject(), p.toObject()));
        }
        return out;
    }
    return patch;
}

std::optional<QJsonValue> patchValue(const QJsonValue& templ, const QJsonValue& full, const QJsonValue& compact);

std::optional<QJsonArray> patchList(const QJsonArray& templ, const QJsonArray& full, const QJsonArray& compact)
{
    // The template's items must all still be there, first and in order; the rest are new.
    if (full.size() < templ.size())
        return std::nullopt;
    QJsonArray out;
    for (qsizetype i = 0; i < full.size(); ++i) {
        const QJsonObject f = full.at(i).toObject();
        if (i < templ.size()) {
            const QJsonObject t = templ.at(i).toObject();
            if (f.value(kId) != t.value(kId))
                return std::nullopt;
            auto p = templatePatch(t, f, compact.at(i).toObject());
            if (!p)
                return std::nullopt;
            // An item of its own template (a failure mode from the catalogue) keeps saying so.
            const QJsonValue own = compact.at(i).toObject().value(QLatin1String("template"));
            if (!own.isUndefined())
                p->insert(QStringLiteral("template"), own);
            if (!p->isEmpty()) {
                p->insert(kId, f.value(kId));
                out.append(*p);
            }
        } else {
            if (indexOfId(templ, f.value(kId)) >= 0)
                return std::nullopt;
            out.append(compact.at(i));
        }
    }
    return out;
}

/// Whether a list's items name templates of their own, which the full form does not show.
bool namesTemplates(const QJsonValue& compact)
{
    const QJsonArray a = compact.toArray();
    return std::any_of(a.begin(), a.end(),
                       [](const QJsonValue& x) { return x.toObject().contains(QLatin1String("template")); });
}

std::optional<QJsonValue> patchValue(const QJsonValue& templ, const QJsonValue& full, const QJsonValue& compact)
{
    if (templ == full && !namesTemplates(compact))
        return QJsonValue(QJsonValue::Undefined);
    if (templ.isObject() && full.isObject()) {
        if (otherType(templ.toObject(), full.toObject()))
            return compact.isObject() ? compact : full;  // replaces the template's whole
        auto p = templatePatch(templ.toObject(), full.toObject(), compact.toObject());
        if (!p)
            return std::nullopt;
        return p->isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(*p);
    }
    if (isIdList(templ) && isIdList(full) && full.toArray().size() == compact.toArray().size()) {
        auto p = patchList(templ.toArray(), full.toArray(), compact.toArray());
        if (!p)
            return std::nullopt;
        return p->isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(*p);
    }
    return full;
}

bool isIndex(const std::string& s)
{
    return !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

QJsonObject applyTemplate(const QJsonObject& templ, const QJsonObject& item)
{
    QJsonObject out = templ;
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else if (out.contains(it.key()))
            out.insert(it.key(), mergeValue(out.value(it.key()), it.value()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

std::optional<QJsonObject> templatePatch(const QJsonObject& templ, const QJsonObject& full, const QJsonObject& compact)
{
    QJsonObject out;
    for (auto it = templ.begin(); it != templ.end(); ++it)
        if (!full.contains(it.key()))
            out.insert(it.key(), QJsonValue::Null);  // the item dropped what the template sets
    for (auto it = full.begin(); it != full.end(); ++it) {
        const QJsonValue t = templ.value(it.key());
        if (t.isUndefined()) {
            // A field the template does not set: written when it is not at its default.
            if (compact.contains(it.key()))
                out.insert(it.key(), compact.value(it.key()));
            continue;
        }
        auto p = patchValue(t, it.value(), compact.value(it.key()));
        if (!p)
            return std::nullopt;
        if (!p->isUndefined())
            out.insert(it.key(), *p);
    }
    return out;
}

QJsonValue valueAtPath(const QJsonObject& obj, std::string_view relPath)
{
    auto steps = model::parsePath(relPath);
    if (!steps)
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue cur = obj;
    for (const auto& step : *steps) {
        cur = cur.toObject().value(QString::fromStdString(step.field));
        if (!step.selector)
            continue;
        const QJsonArray a = cur.toArray();
        const qsizetype at = indexOfId(a, QString::fromStdString(*step.selector));
        if (at >= 0)
            cur = a.at(at);
        else if (isIndex(*step.selector) && std::stoll(*step.selector) < a.size())
            cur = a.at(static_cast<qsizetype>(std::stoll(*step.selector)));
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return cur;
}

}  // namespace nines::io
