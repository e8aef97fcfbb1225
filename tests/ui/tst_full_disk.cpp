// Nothing is lost on a full disk. Run with tests/support/full_disk.cpp preloaded: while
// NINES_FULL_DISK names a fragment of a path, writes to such files fail with ENOSPC. A model
// save, the recovery copy, a report in every format and the event log must then fail with the
// OS's reason ("disk is full"), leave the old file byte for byte as it was, and leave no stray
// temporary file; the window keeps the work unsaved and the recovery copy; the CLI exits 1.
#include "test_util.h"

#include "model/io/model_file.h"
#include "model/io/scenario.h"
#include "sim/study/evaluation.h"
#include "ui/document/document.h"
#include "ui/document/recovery_store.h"
#include "ui/editor/diagram_scene.h"
#include "ui/report/report.h"
#include "ui/results/results_view.h"
#include "ui/window/main_window.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace nines;
using namespace nines::ui;

namespace {

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeOld(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The disk under `dir` is full while one lives.
class FullDisk {
public:
    explicit FullDisk(const QString& dir) { qputenv("NINES_FULL_DISK", dir.toLocal8Bit()); }
    ~FullDisk() { qunsetenv("NINES_FULL_DISK"); }
};

}  // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT
    // "nines-full-disk" in the name: only this directory's disk fills up.
    QTemporaryDir dir_{QDir::tempPath() + QStringLiteral("/nines-full-disk-XXXXXX")};

    QString path(const QString& name) const { return dir_.filePath(name); }

    /// Only the old files the test wrote are in the directory: no temporary left behind.
    void onlyOldFiles(const QStringList& expected)
    {
        QStringList names = QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden);
        names.sort();
        QStringList want = expected;
        want.sort();
        QCOMPARE(names, want);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // Without the preload there is no full disk to test on: say so rather than pass.
        if (!qgetenv("LD_PRELOAD").contains("full_disk"))
            QSKIP("tests/support/full_disk.cpp is not preloaded (run this test through ctest)");
        const QString probe = path(QStringLiteral("probe"));
        {
            FullDisk full(dir_.path());
            QFile f(probe);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            QCOMPARE(f.write("x", 1), qint64(-1));
        }
        QFile::remove(probe);
    }

    void modelSaveLeavesTheOldFile()
    {
        const QString file = path(QStringLiteral("model.nines.json"));
        const QByteArray old = contents(test::example("single-server.nines.json"));
        QVERIFY(writeOld(file, old));
        const io::LoadResult r = io::loadModelFile(test::example("three-tier-web.nines.json"));
        QVERIFY(r.model);
        QString why;
        {
            FullDisk full(dir_.path());
            why = io::saveModelFile(*r.model, file);
        }
        QVERIFY2(why.contains(QStringLiteral("No space left on device")) && why.contains(QStringLiteral("disk is full"))
                     && why.contains(file),
                 qPrintable(why));
        QCOMPARE(contents(file), old);
        onlyOldFiles({QStringLiteral("model.nines.json")});
        QFile::remove(file);
    }

    void everyReportFormatLeavesTheOldFile()
    {
        const io::LoadResult r = io::loadModelFile(test::example("single-server.nines.json"));
        QVERIFY(r.model);
        sim::RunSettings s = study::runSettingsOf(*r.model);
        s.replications = 50;
        const study::Evaluation a = study::evaluate(*r.model, io::designsOf(*r.model), s);
        for (const QString& name : {QStringLiteral("r.pdf"), QStringLiteral("r.html"), QStringLiteral("r.json"),
                                   QStringLiteral("r-headline.csv")}) {
            const QString file = path(name);
            QVERIFY(writeOld(file, "the old report\n"));
            const QString target = name.endsWith(QStringLiteral(".csv")) ? path(QStringLiteral("r.csv")) : file;
            QString why;
            {
                FullDisk full(dir_.path());
                why = writeReport(a, target);
            }
            QVERIFY2(why.contains(QStringLiteral("disk is full")) && why.contains(file), qPrintable(name + ": " + why));
            QCOMPARE(contents(file), QByteArray("the old report\n"));
            onlyOldFiles({name});
            QFile::remove(file);
        }
        // A chart exported from the results, in each of its formats.
        ResultsView view;
        view.setAnalysis(std::make_shared<const study::Evaluation>(a));
        for (const QString& name : {QStringLiteral("c.png"), QStringLiteral("c.svg"), QStringLiteral("c.pdf")}) {
            const QString file = path(name);
            QVERIFY(writeOld(file, "the old chart\n"));
            QString why;
            {
                FullDisk full(dir_.path());
                why = view.exportChart(ChartKind::Downtime, file);
            }
            QVERIFY2(why.contains(QStringLiteral("disk is full")) && why.contains(file), qPrintable(name + ": " + why));
            QCOMPARE(contents(file), QByteArray("the old chart\n"));
            onlyOldFiles({name});
            QCOMPARE(view.exportChart(ChartKind::Downtime, file), QString());
            QVERIFY(contents(file).size() > 1000);
            QFile::remove(file);
        }
    }

    void windowKeepsTheWorkAndTheRecoveryCopy()
    {
        const QString file = path(QStringLiteral("design.nines.json"));
        QVERIFY(writeOld(file, contents(test::example("single-server.nines.json"))));
        const QByteArray old = contents(file);
        const QString recoveryDir = path(QStringLiteral("recovery"));
        QStringList errors;
        {
            MainWindow w({recoveryDir, 3600 * 1000});
            w.askToSave = [](const QString&) { return QMessageBox::Discard; };
            w.showError = [&](const QString& title, const QString& message) { errors << title + QStringLiteral(": ") + message; };
            QVERIFY(w.openFile(file));
            w.scene()->createFromPalette(QStringLiteral("cache"), {900, 900});
            w.autosaveNow();
            const QString copy = w.recovery()->sessionFile();
            QVERIFY(QFile::exists(copy));
            const QByteArray copied = contents(copy);
            {
                FullDisk full(dir_.path());
                QVERIFY(!w.saveAs(file));
                w.scene()->createFromPalette(QStringLiteral("queue"), {900, 1200});
                w.autosaveNow();  // fails too: the last good copy stays
            }
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors.front().contains(QStringLiteral("disk is full")), qPrintable(errors.front()));
            QVERIFY(w.document()->isModified());
            QCOMPARE(contents(file), old);
            QCOMPARE(contents(copy), copied);
            // With space again, the save goes through and the copy is no longer needed.
            QVERIFY(w.saveAs(file));
            QVERIFY(!w.document()->isModified());
            QVERIFY(!QFile::exists(copy));
            QVERIFY(io::loadModelFile(file).model->findComponent("cache"));
        }
        QFile::remove(file);
        QDir(recoveryDir).removeRecursively();
    }

    void commandLineExitsOneAndKeepsTheOldFiles()
    {
        const QString model = path(QStringLiteral("m.nines.json"));
        QVERIFY(writeOld(model, contents(test::example("single-server.nines.json"))));
        const QString report = path(QStringLiteral("r.json")), log = path(QStringLiteral("events.csv"));
        QVERIFY(writeOld(report, "old\n"));
        QVERIFY(writeOld(log, "old\n"));
        FullDisk full(dir_.path());  // the child processes inherit the preload and the full disk
        const test::NinesRun r = test::runNines({QStringLiteral("report"), model, QStringLiteral("-o"), report,
                                                 QStringLiteral("--replications"), QStringLiteral("20")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("disk is full")), qPrintable(r.err));
        QCOMPARE(contents(report), QByteArray("old\n"));
        // The event log is not replaced without --force, and with it, not on a full disk.
        const test::NinesRun refused = test::runNines({QStringLiteral("simulate"), model, QStringLiteral("--event-log"), log,
                                                       QStringLiteral("--replications"), QStringLiteral("20")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--force")), qPrintable(refused.err));
        const test::NinesRun forced = test::runNines({QStringLiteral("simulate"), model, QStringLiteral("--event-log"), log,
                                                      QStringLiteral("--force"), QStringLiteral("--replications"),
                                                      QStringLiteral("20")});
        QCOMPARE(forced.exitCode, 1);
        QVERIFY2(forced.err.contains(QStringLiteral("disk is full")), qPrintable(forced.err));
        QCOMPARE(contents(log), QByteArray("old\n"));
        onlyOldFiles({QStringLiteral("m.nines.json"), QStringLiteral("r.json"), QStringLiteral("events.csv")});
    }
};

QTEST_MAIN(TestFullDisk)
#include "tst_full_disk.moc"
