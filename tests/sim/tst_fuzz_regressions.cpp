// Every input a fuzz target once failed on (tests/data/fuzz/TARGET/), replayed through the same
// check the target makes, so that a finding stays fixed in the normal and sanitizer builds.
#include "fuzz/fuzz_checks.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private:
    static void addFiles(const char* target)
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(NINES_TEST_DATA_DIR "/fuzz/") + QLatin1String(target));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
        if (files.isEmpty())
            QTest::newRow("no findings kept") << QString();
    }

    static QByteArray read(const QString& file)
    {
        QFile f(file);
        if (file.isEmpty() || !f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

private Q_SLOTS:
    void modelFile_data() { addFiles("fuzz_model_file"); }
    void modelFile()
    {
        QFETCH(QString, file);
        if (file.isEmpty())
            QSKIP("no findings kept for this target");
        const std::string why = nines::fuzz::checkModelFile(read(file));
        QVERIFY2(why.empty(), why.c_str());
    }

    void scenarios_data() { addFiles("fuzz_scenarios"); }
    void scenarios()
    {
        QFETCH(QString, file);
        if (file.isEmpty())
            QSKIP("no findings kept for this target");
        const std::string why = nines::fuzz::checkScenarioInput(read(file), QStringLiteral(NINES_RESOURCES_DIR "/examples"));
        QVERIFY2(why.empty(), why.c_str());
    }

    void engine_data() { addFiles("fuzz_engine"); }
    void engine()
    {
        QFETCH(QString, file);
        QVERIFY2(!file.isEmpty(), "the engine's findings are missing");
        const auto loaded = nines::io::parseModel(read(file));
        QVERIFY2(loaded.ok(), loaded.problems.empty() ? "unreadable" : loaded.problems.front().text().c_str());
        for (std::uint32_t seed : {1u, 2u, 3u}) {
            const std::string why = nines::fuzz::checkEngine(*loaded.model, seed);
            QVERIFY2(why.empty(), why.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
