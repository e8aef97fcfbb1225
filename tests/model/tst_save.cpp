// Saving is atomic: a save that is abandoned, or a process killed halfway through a save,
// leaves the old file exactly as it was.
#include "model/io/json_writer.h"
#include "model/io/model_file.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace nines;
using namespace nines::model;

namespace {

Model modelWith(int services)
{
    Model m;
    m.name = "save test";
    Component entry;
    entry.id = "users";
    entry.kind = ComponentKind::Entry;
    entry.traffic_share = 1;
    m.components.push_back(entry);
    for (int i = 0; i < services; ++i) {
        Component c;
        c.id = "svc" + std::to_string(i);
        c.description = std::string(200, 'x');
        c.failure_modes = {{"crash", "", Distribution::exponential(1000), Distribution::exponential(1), 0, {}}};
        m.components.push_back(c);
        m.dependencies.push_back({"", "users", c.id, 1.0, DependencyType::Sync, {}, {}});
    }
    return m;
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveAndLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.nines.json"));
        const Model m = modelWith(3);
        QCOMPARE(io::saveModelFile(m, path), QString());
        const io::LoadResult res = io::loadModelFile(path);
        QVERIFY(res.ok());
        QVERIFY(*res.model == m);
    }

    void abandonedSaveLeavesOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.nines.json"));
        QCOMPARE(io::saveModelFile(modelWith(2), path), QString());
        const QByteArray before = contents(path);
        int calls = 0;
        const QString err = io::saveModelFile(modelWith(2000), path, [&](qint64 written, qint64 total) {
            ++calls;
            return written < total / 2;  // give up halfway
        });
        QVERIFY(!err.isEmpty());
        QVERIFY(calls > 1);
        QCOMPARE(contents(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temporary file left behind
    }

    void killedMidSaveLeavesOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.nines.json"));
        QCOMPARE(io::saveModelFile(modelWith(2), path), QString());
        const QByteArray before = contents(path);
        const Model big = modelWith(2000);

        const pid_t pid = fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            // The child dies the hard way halfway through writing: no destructors, no commit.
            io::saveModelFile(big, path, [](qint64 written, qint64 total) {
                if (written >= total / 2)
                    ::raise(SIGKILL);
                return true;
            });
            ::_exit(3);  // not reached
        }
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGKILL);
        QCOMPARE(contents(path), before);
        QVERIFY(io::loadModelFile(path).ok());
    }

    void unwritablePlaceIsReported()
    {
        QTemporaryDir dir;
        const QString err = io::saveModelFile(modelWith(1), dir.filePath(QStringLiteral("no/such/dir/m.nines.json")));
        QVERIFY(err.startsWith(QStringLiteral("cannot write")));
    }
};

QTEST_GUILESS_MAIN(TestSave)
#include "tst_save.moc"
