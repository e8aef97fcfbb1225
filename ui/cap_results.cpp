#include "cap_results.h"

#include "results_json.h"
#include "text_format.h"

#include "sim/data_loss.h"

#include <QJsonObject>

#include <cmath>

namespace nines::ui {

using namespace nines::model;

namespace {

sim::Interval scaled(const sim::Interval& iv, double k)
{
    return {iv.mean * k, iv.low * k, iv.high * k};
}

std::string pct(double a)
{
    const int d = a < 1 ? std::clamp(static_cast<int>(std::ceil(-std::log10(1 - a))) + 2, 3, 8) : 3;
    return formatFixed(100 * a, d) + "%";
}

const sim::StoreResult* storeIn(const sim::RunResult& r, const std::string& id)
{
    for (const auto& s : r.stores)
        if (s.id == id)
            return &s;
    return nullptr;
}

const sim::AnalyticStore* storeIn(const sim::AnalyticResult& r, const std::string& id)
{
    for (const auto& s : r.stores)
        if (s.id == id)
            return &s;
    return nullptr;
}

void dataLossJson(QJsonObject& o, const sim::DataLoss& d, const QJsonValue& perYear)
{
    o.insert(QStringLiteral("replication_note"), QString::fromStdString(d.note));
    if (!d.asynchronous)
        return;
    o.insert(QStringLiteral("data_lost_per_event_writes"), d.per_event_writes);
    o.insert(QStringLiteral("data_lost_per_year_writes"), perYear);
    o.insert(QStringLiteral("rpo_seconds"), d.rpo_seconds);
    o.insert(QStringLiteral("rpo_writes"), d.rpo_writes);
}

// The CAP table's columns, the same for simulated and exact figures.
TextTable capTable()
{
    return TextTable({"store", "as chosen", "availability as CP", "availability as AP", "partitioned h/yr",
                      "divergent h/yr (AP)", "writes lost/yr"},
                     {TextTable::Left, TextTable::Left, TextTable::Right, TextTable::Right, TextTable::Right,
                      TextTable::Right, TextTable::Right});
}

// What a store is, before its figures: id, consistency as chosen, replication.
QJsonObject storeJson(const Component& comp, bool cp)
{
    return {{QStringLiteral("id"), QString::fromStdString(comp.id)},
            {QStringLiteral("consistency"), cp ? QStringLiteral("cp") : QStringLiteral("ap")},
            {QStringLiteral("replication"), QString::fromUtf8(toString(comp.data_store->replication).data())}};
}

// Writes lost per year, or "0 (sync)" / "0 (none)" where replication loses nothing.
std::string lostCell(const Component& comp, const sim::DataLoss& loss, int decimals)
{
    return loss.asynchronous ? formatFixed(loss.per_year_writes, decimals)
                             : "0 (" + std::string(toString(comp.data_store->replication)) + ")";
}

}  // namespace

Model withConsistency(const Model& m, const std::string& store, Consistency c)
{
    Model v = m;
    for (auto& comp : v.components)
        if (comp.id == store && comp.data_store)
            comp.data_store->consistency = c;
    return v;
}

QJsonArray simulatedCap(const Model& m, const sim::RunSettings& s, const sim::RunResult& base, std::ostream* text,
                        const std::atomic<bool>* cancel, bool* cancelled)
{
    QJsonArray out;
    TextTable t = capTable();
    for (const auto& comp : m.components) {
        if (!comp.data_store)
            continue;
        const bool cp = comp.data_store->consistency == Consistency::CP;
        const Model other = withConsistency(m, comp.id, cp ? Consistency::AP : Consistency::CP);
        sim::RunSettings so = s;
        so.target_relative_precision = 0;  // the same replications as the base run
        so.replications = static_cast<std::uint32_t>(base.replications / (s.steady_state ? s.batches_per_replication : 1));
        const sim::RunResult r = sim::runSimulation(sim::compile(other), so, cancel);
        if (r.partial()) {
            // A half-run comparison would compare unlike with like: the store is left out.
            if (cancelled)
                *cancelled = true;
            break;
        }
        const sim::RunResult& asCp = cp ? base : r;
        const sim::RunResult& asAp = cp ? r : base;
        const sim::StoreResult* st = storeIn(base, comp.id);
        const sim::StoreResult* ap = storeIn(asAp, comp.id);
        const bool standby = comp.redundancy == RedundancyMode::Standby;
        const sim::Interval events = standby ? st->failovers_per_year : st->failures_per_year;
        const sim::DataLoss loss = sim::dataLoss(comp, events.mean);
        QJsonObject o = storeJson(comp, cp);
        o[QStringLiteral("availability_as_cp")] = intervalToJson(asCp.availability);
        o[QStringLiteral("availability_as_ap")] = intervalToJson(asAp.availability);
        o[QStringLiteral("partitioned_hours_per_year")] = intervalToJson(st->partitioned_hours_per_year);
        o[QStringLiteral("divergent_hours_per_year_as_ap")] = intervalToJson(ap->divergent_hours_per_year);
        o[QStringLiteral("failovers_per_year")] = intervalToJson(st->failovers_per_year);
        o[QStringLiteral("replica_failures_per_year")] = intervalToJson(st->failures_per_year);
        dataLossJson(o, loss, intervalToJson(scaled(events, loss.per_event_writes)));
        out.append(o);
        t.addRow({comp.id, cp ? "CP" : "AP", pct(asCp.availability.mean), pct(asAp.availability.mean),
                  formatFixed(st->partitioned_hours_per_year.mean, 2), formatFixed(ap->divergent_hours_per_year.mean, 2),
                  lostCell(comp, loss, 0)});
    }
    if (text && !out.isEmpty())
        *text << "Data stores (CAP): the system's availability with each store as CP and as AP, same seeds\n"
              << t.render() << "\n";
    return out;
}

QJsonArray exactCap(const Model& m, const sim::AnalyticResult& base, std::ostream* text)
{
    QJsonArray out;
    TextTable t = capTable();
    for (const auto& comp : m.components) {
        if (!comp.data_store)
            continue;
        const bool cp = comp.data_store->consistency == Consistency::CP;
        const sim::AnalyticResult other = sim::analyze(withConsistency(m, comp.id, cp ? Consistency::AP : Consistency::CP));
        const sim::AnalyticResult& asCp = cp ? base : other;
        const sim::AnalyticResult& asAp = cp ? other : base;
        const sim::AnalyticStore* st = storeIn(base, comp.id);
        const sim::AnalyticStore* ap = asAp.applicable ? storeIn(asAp, comp.id) : nullptr;
        const bool standby = comp.redundancy == RedundancyMode::Standby;
        const double events = standby ? st->failovers_per_year : st->failures_per_year;
        const sim::DataLoss loss = sim::dataLoss(comp, events);
        QJsonObject o = storeJson(comp, cp);
        o[QStringLiteral("availability_as_cp")] = asCp.applicable ? QJsonValue(asCp.availability) : QJsonValue();
        o[QStringLiteral("availability_as_ap")] = asAp.applicable ? QJsonValue(asAp.availability) : QJsonValue();
        o[QStringLiteral("partitioned_hours_per_year")] = st->partitioned_hours_per_year;
        o[QStringLiteral("divergent_hours_per_year_as_ap")] = ap ? QJsonValue(ap->divergent_hours_per_year) : QJsonValue();
        o[QStringLiteral("failovers_per_year")] = st->failovers_per_year;
        o[QStringLiteral("replica_failures_per_year")] = st->failures_per_year;
        dataLossJson(o, loss, loss.per_year_writes);
        out.append(o);
        t.addRow({comp.id, cp ? "CP" : "AP", asCp.applicable ? pct(asCp.availability) : "n/a",
                  asAp.applicable ? pct(asAp.availability) : "n/a", formatFixed(st->partitioned_hours_per_year, 3),
                  ap ? formatFixed(ap->divergent_hours_per_year, 3) : "n/a",
                  lostCell(comp, loss, 1)});
    }
    if (text && !out.isEmpty())
        *text << "Data stores (CAP): the system's availability with each store as CP and as AP\n" << t.render() << "\n";
    return out;
}

}  // namespace nines::ui
