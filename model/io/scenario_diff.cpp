#include "scenario_diff.h"

#include "model/path.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace nines::io {

using namespace nines::model;

std::string jsonText(const QJsonValue& v)
{
    // QJsonDocument holds only arrays and objects: write the value inside one and cut it out.
    const QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2).toStdString();
}

namespace {

struct Differ {
    std::vector<Operation> ops;

    void set(const std::string& path, const QJsonValue& v) { ops.push_back({OperationType::Set, path, jsonText(v)}); }

    void object(const std::string& at, const QJsonObject& a, const QJsonObject& b, const std::set<std::string>& skip = {})
    {
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!b.contains(it.key()) && !skip.count(it.key().toStdString()))
                ops.push_back({OperationType::Remove, joinPath(at, it.key().toStdString()), {}});
        for (auto it = b.begin(); it != b.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (skip.count(key))
                continue;
            const QJsonValue x = a.value(it.key());
            const QJsonValue& y = it.value();
            if (x == y)
                continue;
            const std::string path = joinPath(at, key);
            if (x.isObject() && y.isObject())
                object(path, x.toObject(), y.toObject());
            else if (x.isArray() && y.isArray())
                array(path, x.toArray(), y.toArray());
            else
                set(path, y);
        }
    }

    /// The ids of a list of objects when every item has a valid id, unique in the list.
    static std::optional<std::vector<std::string>> ids(const QJsonArray& a)
    {
        std::vector<std::string> out;
        std::set<std::string> seen;
        for (const auto& v : a) {
            const std::string id = v.toObject().value(QLatin1String("id")).toString().toStdString();
            if (!v.isObject() || !isValidId(id) || !seen.insert(id).second)
                return std::nullopt;
            out.push_back(id);
        }
        return out;
    }

    void array(const std::string& at, const QJsonArray& a, const QJsonArray& b)
    {
        const auto ia = ids(a), ib = ids(b);
        if (ia && ib) {
            // By id: what stays must keep its order and what is new must come last (an added
            // item is appended); otherwise the list is set whole.
            const std::set<std::string> inA(ia->begin(), ia->end()), inB(ib->begin(), ib->end());
            std::vector<std::string> keptA, keptB;
            for (const auto& id : *ia)
                if (inB.count(id))
                    keptA.push_back(id);
            size_t firstNew = ib->size();
            bool newLast = true;
            for (size_t i = 0; i < ib->size(); ++i) {
                if (inA.count((*ib)[i])) {
                    keptB.push_back((*ib)[i]);
                    if (firstNew < i)
                        newLast = false;
                } else if (firstNew == ib->size()) {
                    firstNew = i;
                }
            }
            if (keptA == keptB && newLast) {
                std::map<std::string, QJsonObject> before;
                for (size_t i = 0; i < ia->size(); ++i)
                    before.emplace((*ia)[i], a.at(qsizetype(i)).toObject());
                for (const auto& id : *ia)
                    if (!inB.count(id))
                        ops.push_back({OperationType::Remove, at + "[" + id + "]", {}});
                for (size_t i = 0; i < ib->size(); ++i) {
                    const std::string& id = (*ib)[i];
                    if (auto it = before.find(id); it != before.end())
                        object(at + "[" + id + "]", it->second, b.at(qsizetype(i)).toObject());
                }
                for (size_t i = firstNew; i < ib->size(); ++i)
                    ops.push_back({OperationType::Add, at, jsonText(b.at(qsizetype(i)))});
                return;
            }
        }
        // Items without ids (dependencies may have none) are compared by position when the list
        // keeps its length; an index selects an item whose id would not.
        bool objects = a.size() == b.size();
        for (qsizetype i = 0; objects && i < a.size(); ++i) {
            const QString id = a.at(i).toObject().value(QLatin1String("id")).toString();
            objects = a.at(i).isObject() && b.at(i).isObject() && id == b.at(i).toObject().value(QLatin1String("id")).toString()
                      // An id that reads as a number would catch an index selector meant for another item.
                      && !(id.size() > 0 && std::all_of(id.begin(), id.end(), [](QChar c) { return c.isDigit(); }));
        }
        if (objects) {
            std::vector<std::string> listIds;
            for (const auto& v : a)
                listIds.push_back(v.toObject().value(QLatin1String("id")).toString().toStdString());
            for (qsizetype i = 0; i < a.size(); ++i)
                if (a.at(i) != b.at(i))
                    object(elementPath(at, listIds, size_t(i)), a.at(i).toObject(), b.at(i).toObject());
            return;
        }
        set(at, b);
    }
};

}  // namespace

std::vector<Operation> diffDocuments(const QJsonObject& from, const QJsonObject& to, const std::set<std::string>& skip)
{
    Differ d;
    d.object({}, from, to, skip);
    return std::move(d.ops);
}

}  // namespace nines::io
