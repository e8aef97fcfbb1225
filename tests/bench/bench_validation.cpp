// How long reading and validating a model takes as it grows: 100,000 items, and 1,000
// scenarios each based on the one before (the promise: under 2 s each, docs/performance.md).
// The phases are timed apart so that a regression names its culprit.
#include "large_model.h"

#include "model/io/json_reader.h"
#include "model/io/model_file.h"
#include "model/validate.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

class BenchValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredThousandItems()
    {
        const QByteArray bytes = nines::test::largeModelJson(100000);
        QElapsedTimer t;
        t.start();
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        const qint64 parse = t.restart();
        nines::model::Problems problems;
        const nines::model::Model m = nines::io::readModel(doc.object(), problems);
        const qint64 read = t.restart();
        const nines::model::Problems semantic = nines::model::validate(m);
        const qint64 validate = t.restart();
        QVERIFY(!nines::model::hasErrors(problems) && !nines::model::hasErrors(semantic));
        const nines::io::LoadResult whole = nines::io::parseModel(bytes);
        const qint64 all = t.elapsed();
        QVERIFY(whole.ok());
        qInfo("100,000 items (%zu components, %zu dependencies, %.1f MB): parse %lld ms, read %lld ms, validate %lld ms; "
              "the whole check (parseModel) %lld ms",
              m.components.size(), m.dependencies.size(), bytes.size() / 1e6, parse, read, validate, all);
        QVERIFY2(all < 2000, "the promise is under 2 s");
    }

    void thousandChainedScenarios()
    {
        const QByteArray bytes = nines::test::chainedScenariosJson(1000);
        QElapsedTimer t;
        t.start();
        const nines::io::LoadResult whole = nines::io::parseModel(bytes);
        const qint64 all = t.elapsed();
        QVERIFY(whole.ok());
        qInfo("1,000 chained scenarios: the whole check (parseModel) %lld ms", all);
        QVERIFY2(all < 2000, "the promise is under 2 s");
    }
};

QTEST_GUILESS_MAIN(BenchValidation)
#include "bench_validation.moc"
