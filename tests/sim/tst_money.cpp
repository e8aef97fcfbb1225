// The whole bill (DESIGN.md, "Money"): crews, zones, regions and links cost money, so a scenario
// that adds one is no longer "cheaper and better" at $0; support contracts buy exactly the
// shorter repair they promise; SLA credits agree with a closed form; payback matches a hand
// calculation; month percentiles read off the fixed-size histogram agree with the exact ones.
#include "model/io/model_file.h"
#include "model/io/scenario.h"
#include "sim/analytic.h"
#include "sim/compiled_model.h"
#include "sim/month_histogram.h"
#include "sim/run.h"
#include "sim/statistics.h"
#include "sim/study/comparison.h"
#include "sim/study/evaluation.h"
#include "sim/study/improvements.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace nines;

namespace {

model::Model parse(const char* json)
{
    const io::LoadResult r = io::parseModel(json);
    if (!r.ok()) {
        for (const auto& p : r.problems)
            qWarning("%s: %s", p.path.c_str(), p.message.c_str());
        qFatal("test model invalid");
    }
    return *r.model;
}

/// One service behind an entry: MTBF 2,000 h, MTTR 10 h, both exponential.
const char* kSingle = R"({
  "format": "nines/1", "name": "single",
  "settings": {"monthly_fee": 1000, "sla_credits": [{"below_percent": 100, "credit_percent": 10}]},
  "components": [
    {"id": "users", "kind": "entry", "traffic_share": 1},
    {"id": "svc", "kind": "service",
     "failure_modes": [{"id": "f", "failure": {"type": "exponential", "mean_hours": 2000},
                        "repair": {"type": "exponential", "mean_hours": 10}}]}
  ],
  "dependencies": [{"from": "users", "to": "svc"}]
})";

/// Two instances (1 of 2 needed), each in its zone; scenarios add a zone, a crew, a replica.
const char* kDesigns = R"({
  "format": "nines/1", "name": "designs",
  "settings": {"downtime_cost_per_minute": 0, "horizon_years": 3},
  "zones": [
    {"id": "a", "outage": {"failure": {"type": "exponential", "mean_hours": 4000},
                           "repair": {"type": "exponential", "mean_hours": 20}}},
    {"id": "b", "outage": {"failure": {"type": "exponential", "mean_hours": 4000},
                           "repair": {"type": "exponential", "mean_hours": 20}}}
  ],
  "components": [
    {"id": "users", "kind": "entry", "traffic_share": 1},
    {"id": "svc", "kind": "service", "instances": 2, "required": 1, "zones": ["a", "b"],
     "cost": {"purchase_per_instance": 1000, "yearly_per_instance": 100},
     "failure_modes": [{"id": "f", "failure": {"type": "exponential", "mean_hours": 300},
                        "repair": {"type": "exponential", "mean_hours": 30}}]}
  ],
  "dependencies": [{"from": "users", "to": "svc"}],
  "scenarios": [
    {"id": "zone", "name": "Third zone",
     "operations": [
       {"op": "add", "path": "zones",
        "value": {"id": "c", "cost": {"capex": 50000, "yearly": 20000},
                  "outage": {"failure": {"type": "exponential", "mean_hours": 4000},
                             "repair": {"type": "exponential", "mean_hours": 20}}}},
       {"op": "set", "path": "components[svc].instances", "value": 3},
       {"op": "add", "path": "components[svc].zones", "value": "c"}]},
    {"id": "replica", "name": "Third replica",
     "operations": [{"op": "set", "path": "components[svc].instances", "value": 4}]},
    {"id": "crew", "name": "A repair crew",
     "operations": [
       {"op": "add", "path": "repair_crews", "value": {"id": "ops", "size": 4, "cost": {"yearly": 90000}}},
       {"op": "set", "path": "components[svc].repair_crew", "value": "ops"}]}
  ]
})";

const study::ScenarioRun& runOf(const study::Comparison& c, const std::string& id)
{
    for (const auto& r : c.runs)
        if (r.id == id)
            return r;
    qFatal("no run %s", id.c_str());
}

}  // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paybackByHand()
    {
        study::DesignCost base{0.0, 1000.0, 12000.0, 6000.0, 3.0};
        study::DesignCost d{24000.0, 3400.0, 2400.0, 0.0, 3.0};
        // Saves (12,000 + 6,000) - (2,400 + 0) = 15,600 a year and costs 2,400 more to run:
        // 13,200 a year, 1,100 a month, repays 24,000 in 21.82 months.
        QCOMPARE(*study::paybackMonths(d, base), 24000.0 / 1100.0);
        // Saving less than it costs to run: never.
        d.yearly = 1000.0 + 16000.0;
        QVERIFY(!study::paybackMonths(d, base));
        // No extra capex and a net saving: at once.
        d = {0.0, 1000.0, 100.0, 0.0, 3.0};
        QCOMPARE(*study::paybackMonths(d, base), 0.0);
        // Cheaper up front but dearer each month: never repaid (there is nothing to repay, and
        // the extra running cost is never earned back).
        d = {-5000.0, 40000.0, 0.0, 0.0, 3.0};
        QVERIFY(!study::paybackMonths(d, base));
        // Cost of ownership: capex + (yearly + downtime + credits) x years.
        QCOMPARE(base.ownership(), 0.0 + (1000.0 + 12000.0 + 6000.0) * 3.0);
    }

    void crewsAndZonesCostMoneyAndLeaveTheFrontier()
    {
        const model::Model m = parse(kDesigns);
        sim::RunSettings s = study::runSettingsOf(m);
        s.replications = 400;
        s.seed = 5;
        const study::Comparison c = study::compareDesigns(io::designsOf(m), s);
        QVERIFY(!c.cancelled);
        QCOMPARE(c.runs.size(), size_t(4));
        const study::ScenarioRun &base = c.runs.front(), &zone = runOf(c, "zone"), &replica = runOf(c, "replica"),
                                 &crew = runOf(c, "crew");
        // The zone's and the crew's prices are counted.
        QCOMPARE(zone.cost.capex, 3 * 1000.0 + 50000.0);
        QCOMPARE(zone.cost.yearly, 3 * 100.0 + 20000.0);
        QCOMPARE(crew.cost.yearly, 2 * 100.0 + 90000.0);
        // A crew of four never holds a repair back: the same availability as the base, paired
        // exactly, at 90,000 a year more: dominated by the base, not on the frontier, no gain.
        QCOMPARE(crew.run.availability.mean, base.run.availability.mean);
        QVERIFY(!crew.on_frontier);
        QVERIFY(!crew.cheaper_and_better);
        QVERIFY(!crew.payback_months);  // costs more each month and saves nothing: never
        // The third zone gains (zone outages dominate this model) and is priced for it: per
        // extra nine over the horizon, never "cheaper and better".
        QVERIFY(zone.difference.low > 0);
        QVERIFY(!zone.cheaper_and_better);
        QVERIFY(zone.cost_per_extra_nine);
        QCOMPARE(*zone.cost_per_extra_nine, (zone.cost.spend() - base.cost.spend())
                                                / (sim::ninesOf(zone.run.unavailability.mean)
                                                   - sim::ninesOf(base.run.unavailability.mean)));
        (void)replica;

        // The same designs with zones and crews free, as before they had prices: the crew ties
        // with the base on cost and availability (on the frontier, at $0), the zone gains at the
        // price of one instance.
        model::Designs freeDesigns = io::designsOf(m);
        for (auto& d : freeDesigns.list) {
            for (auto& z : d.model.zones)
                z.cost = {};
            for (auto& cr : d.model.repair_crews)
                cr.cost = {};
        }
        const study::Comparison f = study::compareDesigns(freeDesigns, s);
        const study::ScenarioRun& freeCrew = runOf(f, "crew");
        QCOMPARE(freeCrew.cost.ownership(), f.runs.front().cost.ownership());
        QVERIFY(freeCrew.on_frontier);
        QCOMPARE(runOf(f, "zone").cost.capex, 3 * 1000.0);
        QCOMPARE(zone.cost.ownership(), runOf(f, "zone").cost.ownership() + 50000.0 + 3 * 20000.0);
    }

    void supportContractBuysItsRepair()
    {
        model::Model m = parse(kSingle);
        model::SupportContract sc;
        sc.name = "Gold";
        sc.repair_factor = 0.25;
        sc.yearly_per_instance = 700;
        m.components[1].support = sc;
        m.components[1].instances = 2;
        // The engine and the solver see a repair of 2.5 h instead of 10 h.
        model::Model byHand = m;
        byHand.components[1].support.reset();
        byHand.components[1].failure_modes[0].repair = model::Distribution::exponential(2.5);
        const sim::AnalyticResult a = sim::analyze(m), b = sim::analyze(byHand);
        QVERIFY(a.applicable);
        QCOMPARE(a.unavailability, b.unavailability);
        // 1 of 2 with independent repair: U = (MTTR / (MTBF + MTTR))^2.
        const double u1 = 2.5 / 2002.5;
        QVERIFY(std::abs(a.unavailability - u1 * u1) < 1e-12);
        // The simulated one lies in its interval.
        sim::RunSettings s = study::runSettingsOf(m);
        s.replications = 2000;
        s.seed = 3;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QVERIFY2(r.unavailability.low <= u1 * u1 && u1 * u1 <= r.unavailability.high,
                 qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(u1 * u1).arg(r.unavailability.low).arg(r.unavailability.high)));
        // It costs its fee per instance, and only while it is enabled.
        QCOMPARE(study::costOf(m, 0.0).yearly, 2 * 700.0);
        m.components[1].support->enabled = false;
        QCOMPARE(study::costOf(m, 0.0).yearly, 0.0);
        QCOMPARE(sim::analyze(m).unavailability, std::pow(10.0 / 2010.0, 2));
        // Switched off, "improve" offers to switch it on, priced, with its exact gain.
        const study::ImprovementPlan plan = study::planImprovements(m, s, 0);
        bool offered = false;
        for (const auto& i : plan.ranked)
            if (i.kind == study::Improvement::Kind::BuySupport) {
                offered = true;
                QVERIFY(i.estimate_exact);
                QVERIFY(std::abs(i.estimated_gain - (std::pow(10.0 / 2010.0, 2) - u1 * u1)) < 1e-12);
                QCOMPARE(i.extra_yearly, 2 * 700.0);
                QCOMPARE(i.extra_spend, 2 * 700.0 * m.settings.horizon_years);
                QVERIFY(i.cost_per_extra_nine);
                QCOMPARE(*i.cost_per_extra_nine, i.extra_spend / i.nines_gained);
            }
        QVERIFY(offered);
    }

    void creditsAgreeWithTheClosedForm()
    {
        // A credit of 10% of 1,000 for every month with any downtime at all. In steady state a
        // month has none when the service is up at its start (A) and does not fail in 730 h:
        // P(credit) = 1 - A exp(-730 / MTBF), and credits a year = 12 x 100 x P.
        const model::Model m = parse(kSingle);
        const double A = 2000.0 / 2010.0;
        const double p = 1.0 - A * std::exp(-730.0 / 2000.0);
        const double exact = 12.0 * 100.0 * p;
        sim::RunSettings s = study::runSettingsOf(m);
        s.replications = 4000;
        s.seed = 17;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        QVERIFY(r.credits_modelled);
        const sim::Interval& c = r.sla_credits_per_year;
        QVERIFY2(c.low <= exact && exact <= c.high,
                 qPrintable(QStringLiteral("exact %1 not in [%2, %3]").arg(exact).arg(c.low).arg(c.high)));
        QVERIFY(c.observed > 0);
        QVERIFY(c.high - c.low < 0.1 * exact);  // sharp enough to have tested something
        // The credits count in the cost of ownership, per year of the horizon.
        const study::DesignCost cost = study::costOf(m, r);
        QCOMPARE(cost.credits_yearly, c.mean);
        QCOMPARE(cost.ownership(), (cost.downtime_yearly + c.mean) * m.settings.horizon_years);
    }

    void creditsIntervalCovers()
    {
        // The same closed form, 200 runs of 200 years with their own seeds: the exact credits a
        // year inside the run's 95% interval in at least 93% of them.
        const model::Model m = parse(kSingle);
        const double A = 2000.0 / 2010.0;
        const double exact = 12.0 * 100.0 * (1.0 - A * std::exp(-730.0 / 2000.0));
        const sim::CompiledModel cm = sim::compile(m);
        int covered = 0;
        for (int run = 0; run < 200; ++run) {
            sim::RunSettings s = study::runSettingsOf(m);
            s.replications = 200;
            s.seed = 7000 + std::uint64_t(run);
            const sim::RunResult r = sim::runSimulation(cm, s);
            covered += r.sla_credits_per_year.low <= exact && exact <= r.sla_credits_per_year.high;
        }
        qInfo("exact credits a year inside the 95%% interval in %d of 200 runs", covered);
        QVERIFY(covered >= 186);
    }

    void noCreditSeenGivesTheRuleOfThree()
    {
        model::Model m = parse(kSingle);
        m.components[1].failure_modes.clear();  // never fails: no month is ever credited
        sim::RunSettings s = study::runSettingsOf(m);
        s.replications = 300;
        const sim::RunResult r = sim::runSimulation(sim::compile(m), s);
        const sim::Interval& c = r.sla_credits_per_year;
        QCOMPARE(c.observed, 0.0);
        QCOMPARE(c.mean, 0.0);
        QCOMPARE(c.low, 0.0);
        // At most 12 x 100 a year, with probability below the one-sided bound 1 - 0.05^(1/300).
        const double bound = (1.0 - std::pow(0.05, 1.0 / 300.0)) * 1200.0;
        QVERIFY2(std::abs(c.high - bound) < 1e-9 * bound, qPrintable(QString::number(c.high)));
    }

    void monthPercentilesFromTheHistogram()
    {
        // Months as a run sees them: most without downtime, the rest spread over decades.
        std::mt19937_64 rng(42);
        std::lognormal_distribution<double> minutes(std::log(30.0), 2.0);
        std::bernoulli_distribution down(0.3);
        std::vector<double> all;
        sim::MonthHistogram h;
        for (int i = 0; i < 50000; ++i) {
            const double x = down(rng) ? std::min(minutes(rng), 43800.0) : 0.0;
            all.push_back(x);
            h.add(x);
        }
        QCOMPARE(h.total(), std::uint64_t(all.size()));
        for (double p : {0.5, 0.7, 0.75, 0.9, 0.99, 0.999}) {
            const double exact = sim::percentile(all, p), got = h.percentile(p);
            // One bin is 10^(1/100) wide: 2.3%.
            QVERIFY2(exact == 0 ? got == 0 : std::abs(got / exact - 1) < 0.024,
                     qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(got).arg(exact)));
        }
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
