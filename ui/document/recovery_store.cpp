#include "recovery_store.h"

#include "model/io/atomic_file.h"
#include "model/io/model_file.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace nines::ui {

namespace {
QString metaOf(const QString& file) { return file + QStringLiteral(".meta"); }
QString lockOf(const QString& file) { return file + QStringLiteral(".lock"); }
}  // namespace

RecoveryStore::RecoveryStore(QString directory)
    : dir_(directory.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery")
               : std::move(directory))
    , session_(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(dir_);
    lock_ = std::make_unique<QLockFile>(lockOf(sessionFile()));
    lock_->setStaleLockTime(0);  // a session lasts as long as it likes; only a dead owner frees it
    lock_->tryLock(0);
}

RecoveryStore::~RecoveryStore()
{
    // Not discard(): whoever owns the store decides whether the work is safe (saved or declined).
    lock_->unlock();
}

QString RecoveryStore::sessionFile() const { return dir_ + QStringLiteral("/session-") + session_ + QStringLiteral(".nines.json"); }

QString RecoveryStore::save(const model::Model& m, const QString& originalPath)
{
    if (QString why = io::saveModelFile(m, sessionFile()); !why.isEmpty())
        return why;
    QJsonObject o;
    o[QStringLiteral("original_path")] = originalPath;
    o[QStringLiteral("saved_at")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return io::writeFileAtomically(metaOf(sessionFile()), QJsonDocument(o).toJson());
}

void RecoveryStore::discard()
{
    QFile::remove(sessionFile());
    QFile::remove(metaOf(sessionFile()));
}

std::vector<RecoveryStore::Pending> RecoveryStore::pending() const
{
    std::vector<Pending> out;
    const QDir dir(dir_);
    for (const QString& name : dir.entryList({QStringLiteral("session-*.nines.json")}, QDir::Files)) {
        const QString file = dir.filePath(name);
        if (file == sessionFile())
            continue;
        // A lock we can take belongs to no running session: that session crashed.
        QLockFile probe(lockOf(file));
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0))  // a live session's (tryLock takes over the lock of a dead process)
            continue;
        probe.unlock();
        Pending p;
        p.file = file;
        QFile meta(metaOf(file));
        if (meta.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
            p.originalPath = o.value(QStringLiteral("original_path")).toString();
            p.savedAt = QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(), Qt::ISODate);
        }
        if (!p.savedAt.isValid())
            p.savedAt = QFileInfo(file).lastModified();
        out.push_back(p);
    }
    std::sort(out.begin(), out.end(), [](const Pending& a, const Pending& b) { return a.savedAt > b.savedAt; });
    return out;
}

void RecoveryStore::remove(const Pending& p)
{
    QFile::remove(p.file);
    QFile::remove(metaOf(p.file));
    QFile::remove(lockOf(p.file));
}

}  // namespace nines::ui
