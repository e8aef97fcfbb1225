// Crash recovery with real processes: an editor killed with SIGKILL in the middle of its
// autosaves leaves a recovery copy that is whole (never torn) and a lock whose owner is dead,
// which the next window recognises by its pid and offers; a live editor's copy is never offered.
#include "ui/document/document.h"
#include "ui/window/main_window.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace nines;
using namespace nines::ui;

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

    /// Starts a victim session and waits until it has autosaved `saves` times.
    static bool startVictim(QProcess& p, const QString& recoveryDir, int saves)
    {
        p.start(QStringLiteral(NINES_VICTIM), {recoveryDir});
        if (!p.waitForStarted(10000))
            return false;
        QByteArray out;
        while (!out.contains(QByteArray("saved ") + QByteArray::number(saves) + ' ')) {
            if (!p.waitForReadyRead(60000))
                return false;
            out += p.readAllStandardOutput();
        }
        return true;
    }

    static QStringList lockFiles(const QString& dir)
    {
        return QDir(dir).entryList({QStringLiteral("*.lock")}, QDir::Files);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void killedDuringAutosaveIsRecoveredWhole_data()
    {
        QTest::addColumn<int>("delayMs");
        // Kill at different moments of the save loop (a save of this model takes some tens of
        // milliseconds): right after a save was reported, and a little into the next ones.
        for (int d : {0, 7, 23, 41})
            QTest::newRow(qPrintable(QStringLiteral("%1 ms").arg(d))) << d;
    }

    void killedDuringAutosaveIsRecoveredWhole()
    {
        QFETCH(int, delayMs);
        const QString recoveryDir = dir_.filePath(QStringLiteral("kill-%1").arg(delayMs));
        QProcess victim;
        QVERIFY(startVictim(victim, recoveryDir, 3));
        QTest::qWait(delayMs);
        ::kill(static_cast<pid_t>(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished(10000));
        QCOMPARE(victim.exitStatus(), QProcess::CrashExit);
        QCOMPARE(lockFiles(recoveryDir).size(), 1);  // left by the dead process, its pid inside

        MainWindow next({recoveryDir, 3600 * 1000});
        next.showError = [](const QString& t, const QString& m) { QFAIL(qPrintable(t + QStringLiteral(": ") + m)); };
        next.askRestore = [](const RecoveryStore::Pending&) { return true; };
        QVERIFY(next.offerRecovery());  // the lock's owner is dead: its copy is offered
        const model::Model& restored = next.document()->model();
        // A whole save of the 3,000-component model plus the caches added before it.
        QVERIFY2(restored.components.size() >= 3002, qPrintable(QString::number(restored.components.size())));
        QCOMPARE(restored.components.front().id, std::string("c0"));
        QVERIFY(!next.offerRecovery());  // one copy, offered once
    }

    void aLiveSessionsCopyIsNeverOffered()
    {
        const QString recoveryDir = dir_.filePath(QStringLiteral("live"));
        QProcess victim;
        QVERIFY(startVictim(victim, recoveryDir, 1));
        {
            MainWindow other({recoveryDir, 3600 * 1000});
            bool asked = false;
            other.askRestore = [&](const RecoveryStore::Pending&) { return asked = true; };
            QVERIFY(!other.offerRecovery());
            QVERIFY(!asked);
        }
        ::kill(static_cast<pid_t>(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished(10000));
        MainWindow after({recoveryDir, 3600 * 1000});
        after.askRestore = [](const RecoveryStore::Pending&) { return true; };
        QVERIFY(after.offerRecovery());
    }
};

QTEST_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
