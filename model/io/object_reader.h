// Reading the fields of one JSON object: typed getters that record a problem with the field's
// path instead of failing, and a final check that names every unknown field (with the closest
// known one). The building block of json_reader.cpp; internal to model_io.
#pragma once

#include "model/model.h"
#include "model/path.h"
#include "model/problem.h"
#include "model/validate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace nines::io::detail {

using namespace nines::model;

inline std::string str(const QString& s)
{
    return s.toStdString();
}

/// "a string \"abc\"", "an array", ... for "expected X, got Y" messages.
inline std::string describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return "the number " + formatNumber(v.toDouble());
    case QJsonValue::String: {
        return "the string " + quoted(str(v.toString()), 40);
    }
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

inline size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

template <typename E>
std::string expectedNames()
{
    std::string s;
    for (auto n : enumNames<E>())
        s += (s.empty() ? "\"" : ", \"") + std::string(n) + "\"";
    return s;
}

/// Reads the fields of one JSON object, remembering which were used, so that
/// finish() can name every unknown field (most likely a typo) with a suggestion.
class ObjectReader {
public:
    ObjectReader(const QJsonObject& o, std::string path, Problems& problems)
        : o_(o), path_(std::move(path)), problems_(problems)
    {
        known_.reserve(24);  // one allocation for the fields of most objects
    }
    ~ObjectReader() { finish(); }

    const std::string& path() const { return path_; }
    const QJsonObject& object() const { return o_; }
    std::string at(std::string_view key) const { return joinPath(path_, key); }
    // Every getter asks has(key) and then raw(key): the second answer comes from the first
    // lookup (the same literal), so a field costs one lookup in the object.
    bool has(const char* key)
    {
        known_.push_back(key);
        lastKey_ = key;
        lastValue_ = o_.value(QLatin1String(key));
        return !lastValue_.isUndefined();
    }
    QJsonValue raw(const char* key)
    {
        if (key == lastKey_)
            return lastValue_;
        known_.push_back(key);
        return o_.value(QLatin1String(key));
    }
    Problems& problems() { return problems_; }
    /// Stops finish() from reporting the remaining fields (after an error that makes them moot).
    void skipRest() { finished_ = true; }
    void error(const std::string& path, const std::string& msg) { problems_.push_back({path, msg}); }
    void missing(const char* key, const std::string& expected)
    {
        error(at(key), "is missing; expected " + expected);
    }

    /// A required id: a non-empty string (validate() checks its spelling and uniqueness).
    std::string id(const char* key = "id")
    {
        std::string s = string(key, true);
        if (has(key) && raw(key).isString() && s.empty())
            error(at(key), "must not be empty");
        return s;
    }

    std::string string(const char* key, bool required = false, std::string def = {})
    {
        if (!has(key)) {
            if (required)
                missing(key, "a string");
            return def;
        }
        QJsonValue v = raw(key);
        if (!v.isString()) {
            error(at(key), "must be a string, got " + describe(v));
            return def;
        }
        return str(v.toString());
    }

    std::optional<std::string> optString(const char* key)
    {
        if (!has(key))
            return std::nullopt;
        QJsonValue v = raw(key);
        if (!v.isString()) {
            error(at(key), "must be a string, got " + describe(v));
            return std::nullopt;
        }
        return str(v.toString());
    }

    double number(const char* key, bool required, double def, const char* what = "a number")
    {
        if (!has(key)) {
            if (required)
                missing(key, what);
            return def;
        }
        return toNumber(raw(key), at(key), def, what);
    }

    std::optional<double> optNumber(const char* key, const char* what = "a number")
    {
        if (!has(key))
            return std::nullopt;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        double d = toNumber(raw(key), at(key), nan, what);
        if (std::isnan(d))
            return std::nullopt;
        return d;
    }

    double toNumber(const QJsonValue& v, const std::string& path, double def, const char* what)
    {
        if (!v.isDouble()) {
            error(path, std::string("must be ") + what + ", got " + describe(v));
            return def;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            error(path, std::string("must be a finite number, got ") + formatNumber(d));
            return def;
        }
        return d;
    }

    long long integer(const char* key, bool required, long long def, const char* what = "a whole number")
    {
        if (!has(key)) {
            if (required)
                missing(key, what);
            return def;
        }
        QJsonValue v = raw(key);
        if (!v.isDouble()) {
            error(at(key), std::string("must be ") + what + ", got " + describe(v));
            return def;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d)) {
            error(at(key), std::string("must be ") + what + ", got " + formatNumber(d));
            return def;
        }
        if (std::abs(d) > 9007199254740992.0) {
            error(at(key), std::string("must be ") + what + " of at most 2^53 (9,007,199,254,740,992), got "
                               + formatNumber(d));
            return def;
        }
        return static_cast<long long>(d);
    }

    int smallInt(const char* key, bool required, int def, const char* what = "a whole number")
    {
        const long long v = integer(key, required, def, what);
        if (v > 100000000 || v < -100000000) {
            error(at(key), std::string("must be ") + what + " of at most 100,000,000, got " + std::to_string(v));
            return def;
        }
        return static_cast<int>(v);
    }

    bool boolean(const char* key, bool def)
    {
        if (!has(key))
            return def;
        QJsonValue v = raw(key);
        if (!v.isBool()) {
            error(at(key), "must be true or false, got " + describe(v));
            return def;
        }
        return v.toBool();
    }

    template <typename E>
    E enumeration(const char* key, bool required, E def)
    {
        if (!has(key)) {
            if (required)
                missing(key, "one of " + expectedNames<E>());
            return def;
        }
        QJsonValue v = raw(key);
        E out = def;
        if (!v.isString() || !parseEnum(str(v.toString()), out)) {
            error(at(key), "must be one of " + expectedNames<E>() + ", got " + describe(v));
            return def;
        }
        return out;
    }

    std::optional<QJsonObject> object(const char* key, bool required)
    {
        if (!has(key)) {
            if (required)
                missing(key, "an object");
            return std::nullopt;
        }
        QJsonValue v = raw(key);
        if (!v.isObject()) {
            error(at(key), "must be an object, got " + describe(v));
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<QJsonArray> array(const char* key, bool required, const char* what = "an array")
    {
        if (!has(key)) {
            if (required)
                missing(key, what);
            return std::nullopt;
        }
        QJsonValue v = raw(key);
        if (!v.isArray()) {
            error(at(key), std::string("must be ") + what + ", got " + describe(v));
            return std::nullopt;
        }
        return v.toArray();
    }

    std::vector<std::string> stringList(const char* key, const char* what)
    {
        std::vector<std::string> out;
        auto a = array(key, false, what);
        if (!a)
            return out;
        for (qsizetype i = 0; i < a->size(); ++i) {
            const QJsonValue v = a->at(i);
            if (!v.isString())
                error(at(key) + "[" + std::to_string(i) + "]", "must be a string, got " + describe(v));
            else
                out.push_back(str(v.toString()));
        }
        return out;
    }

    std::optional<Point> position(const char* key = "position")
    {
        auto o = object(key, false);
        if (!o)
            return std::nullopt;
        ObjectReader r(*o, at(key), problems_);
        Point p;
        p.x = r.number("x", true, 0.0);
        p.y = r.number("y", true, 0.0);
        return p;
    }

    void finish()
    {
        if (finished_)
            return;
        finished_ = true;
        for (auto it = o_.begin(); it != o_.end(); ++it) {
            const QString k = it.key();
            if (std::any_of(known_.begin(), known_.end(), [&](std::string_view n) {
                    return k == QLatin1String(n.data(), static_cast<qsizetype>(n.size()));
                }))
                continue;
            const std::string key = str(k);
            const std::set<std::string> known(known_.begin(), known_.end());  // sorted, once each
            std::string msg = "unknown field";
            std::string best;
            size_t bestDist = 3;
            for (const auto& k : known) {
                const size_t d = editDistance(key, k);
                if (d < bestDist) {
                    bestDist = d;
                    best = k;
                }
            }
            // A field written without its unit ("scale" for "scale_hours") beats a near miss.
            for (const auto& k : known)
                if (key.size() >= 3 && k.rfind(key + "_", 0) == 0) {
                    best = k;
                    break;
                }
            if (!best.empty())
                msg += "; did you mean \"" + best + "\"?";
            else {
                msg += "; expected one of ";
                bool first = true;
                for (const auto& k : known) {
                    msg += (first ? "" : ", ") + k;
                    first = false;
                }
            }
            error(joinPath(path_, key), msg);
        }
    }

private:
    const QJsonObject o_;
    std::string path_;
    Problems& problems_;
    /// The fields asked for, as the literals the getters were called with: a set of strings
    /// cost an allocation per field read, most of the time reading a large model took.
    std::vector<std::string_view> known_;
    const char* lastKey_ = nullptr;  // the field has() looked up last, and its value
    QJsonValue lastValue_;
    bool finished_ = false;
};

/// Ids of the objects in an array, for building element paths before reading them.
inline std::vector<std::string> idsOf(const QJsonArray& a)
{
    std::vector<std::string> ids;
    for (const auto& v : a)
        ids.push_back(v.isObject() && v.toObject().value(QLatin1String("id")).isString()
                          ? str(v.toObject().value(QLatin1String("id")).toString())
                          : std::string());
    return ids;
}

/// Calls f(reader) for each element of the array field `key` that is an object.
template <typename F>
void forEachObject(ObjectReader& parent, const char* key, Problems& problems, F f)
{
    auto a = parent.array(key, false, "an array of objects");
    if (!a)
        return;
    const IdIndex ids(idsOf(*a));
    for (qsizetype i = 0; i < a->size(); ++i) {
        const std::string path = ids.path(parent.at(key), static_cast<size_t>(i));
        const QJsonValue v = a->at(i);
        if (!v.isObject()) {
            problems.push_back({path, "must be an object, got " + describe(v)});
            continue;
        }
        ObjectReader r(v.toObject(), path, problems);
        f(r);
    }
}

}  // namespace nines::io::detail
