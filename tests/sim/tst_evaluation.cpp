// The evaluation behind the dashboard and reports: what making a component perfect gains equals the
// closed form on a series system, a cancelled evaluation is marked partial, and "same design"
// ignores exactly what changes no figure.
#include "model/io/model_file.h"
#include "sim/study/evaluation.h"

#include <QTest>

using namespace nines;

namespace {

model::Model series()
{
    const io::LoadResult r = io::parseModel(R"({
      "format": "nines/1", "name": "series",
      "components": [
        {"id": "users", "kind": "entry", "traffic_share": 1},
        {"id": "a", "kind": "service", "failure_modes": [{"id": "f", "failure": {"type": "exponential", "mean_hours": 1000},
                                                           "repair": {"type": "exponential", "mean_hours": 10}}]},
        {"id": "b", "kind": "database", "failure_modes": [{"id": "f", "failure": {"type": "exponential", "mean_hours": 500},
                                                            "repair": {"type": "exponential", "mean_hours": 5}}]}
      ],
      "dependencies": [{"from": "users", "to": "a"}, {"from": "a", "to": "b"}]
    })");
    if (!r.ok())
        qFatal("series model invalid");
    return *r.model;
}

}  // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gainIfPerfectIsExact()
    {
        sim::RunSettings s = study::runSettingsOf(series());
        s.replications = 64;
        const study::Evaluation a = study::evaluate(series(), {}, s);
        QVERIFY(a.exact.applicable);
        const double av = 1000.0 / 1010.0, bv = 500.0 / 505.0;
        QVERIFY(std::abs(a.exact.availability - av * bv) < 1e-12);
        // Series: making a perfect leaves b alone, and the other way round.
        QVERIFY(std::abs(*study::exactGainIfPerfect(a, "a") - bv * (1 - av)) < 1e-9 * bv * (1 - av));
        QVERIFY(std::abs(*study::exactGainIfPerfect(a, "b") - av * (1 - bv)) < 1e-9 * av * (1 - bv));
        QVERIFY(!study::exactGainIfPerfect(a, "users"));  // never fails: nothing to gain
    }

    void cancelledAnalysisIsPartial()
    {
        std::atomic<bool> stop{true};
        sim::RunSettings s = study::runSettingsOf(series());
        s.replications = 1000000;
        const study::Evaluation a = study::evaluate(series(), {}, s, &stop);
        QVERIFY(a.partial());
        QVERIFY(a.exact_gain.empty());
        QVERIFY(!a.exact.applicable);
    }

    void sameDesignIgnoresWhatChangesNoFigure()
    {
        const model::Model m = series();
        model::Model n = m;
        n.components[1].position = model::Point{10, 20};
        n.components[1].name = "App";
        n.description = "moved";
        n.settings.seed = 99;
        n.settings.replications = 5;
        QVERIFY(study::sameDesign(m, n));
        n.settings.mission_hours = 100;
        QVERIFY(!study::sameDesign(m, n));
        n = m;
        n.settings.sla_target_percent = 99.5;
        QVERIFY(!study::sameDesign(m, n));
        n = m;
        n.components[2].instances = 2;
        QVERIFY(!study::sameDesign(m, n));
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
