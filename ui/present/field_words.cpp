#include "ui/present/field_words.h"

#include "model/path.h"

#include <QObject>
#include <QRegularExpression>

#include <map>

namespace nines::present {

namespace {

QString tr(const char* s) { return QObject::tr(s); }

// The last field of a path in words; the parent's name changes some ("outage.failure").
QString leafInWords(const std::string& field, const std::string& parent)
{
    if (parent == "outage" || parent == "shared_fate") {
        if (field == "failure")
            return tr("time between outages");
        if (field == "repair")
            return tr("outage length");
    }
    static const std::map<std::string, const char*> words = {
        {"failure", "time to failure"},
        {"dormant_failure", "time to failure while idle"},
        {"repair", "repair time"},
        {"detection_seconds", "noticed after"},
        {"instances", "instances"},
        {"required", "instances needed"},
        {"capacity_rps", "capacity per instance"},
        {"purchase_per_instance", "purchase per instance"},
        {"yearly_per_instance", "running cost a year per instance"},
        {"failover", "failover time"},
        {"failover_seconds", "failover time"},
        {"failover_success_probability", "failover success probability"},
        {"failover_retry_seconds", "failover retried after"},
        {"detection", "noticed after"},
        {"capex", "purchase"},
        {"yearly", "running cost a year"},
        {"horizon_years", "horizon (years)"},
        {"downtime_cost_per_minute", "downtime cost per minute"},
        {"sla_credits", "SLA credits"},
        {"monthly_fee", "monthly fee"},
        {"support", "support contract"},
        {"crew", "repair crew"},
        {"replication_lag_seconds", "replication lag"},
        {"demand_rps", "demand at peak"},
    };
    if (auto it = words.find(field); it != words.end())
        return tr(it->second);
    return QString::fromStdString(field).replace(QLatin1Char('_'), QLatin1Char(' '));
}

}  // namespace

QString fieldInWords(const std::string& relativePath)
{
    const auto steps = model::parsePath(relativePath);
    if (!steps || steps->empty())
        return QString::fromStdString(relativePath);
    QStringList parts;
    for (size_t i = 0; i < steps->size(); ++i) {
        const model::PathStep& s = (*steps)[i];
        const bool last = i + 1 == steps->size();
        if (s.selector) {
            const QString id = QString::fromStdString(*s.selector);
            if (s.field == "failure_modes")
                parts << tr("\u201c%1\u201d failures").arg(id);
            else
                parts << QStringLiteral("%1 \u201c%2\u201d").arg(leafInWords(s.field, {}), id);
            continue;
        }
        if (last)
            parts << leafInWords(s.field, i > 0 ? (*steps)[i - 1].field : std::string());
        else if (s.field != "cost" && s.field != "standby" && s.field != "outage")  // groups the leaf already names
            parts << leafInWords(s.field, {});
    }
    return parts.join(QStringLiteral(": "));
}

QString withItemNames(const model::Model& m, const QString& text)
{
    static const QRegularExpression reference(QStringLiteral("\\b(components|zones|regions|links|hubs|scenarios)\\[([^\\]]+)\\]"));
    QString out;
    qsizetype from = 0;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const std::string collection = match.captured(1).toStdString();
        const std::string id = match.captured(2).toStdString();
        std::string name;
        auto nameIn = [&](const auto& items) {
            for (const auto& x : items)
                if (x.id == id)
                    name = x.name.empty() ? x.id : x.name;
        };
        if (collection == "components")
            nameIn(m.components);
        else if (collection == "zones")
            nameIn(m.zones);
        else if (collection == "regions")
            nameIn(m.regions);
        else if (collection == "links")
            nameIn(m.links);
        else if (collection == "hubs")
            nameIn(m.hubs);
        else
            nameIn(m.scenarios);
        out += text.mid(from, match.capturedStart() - from);
        out += name.empty() ? match.captured(0) : QStringLiteral("\u201c%1\u201d").arg(QString::fromStdString(name));
        from = match.capturedEnd();
    }
    out += text.mid(from);
    return out;
}

}  // namespace nines::present
