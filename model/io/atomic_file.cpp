#include "atomic_file.h"

#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace nines::io {

namespace {

/// The OS's reason for the last failure, which QFileDevice does not always keep: a failed flush
/// inside commit() leaves "Unknown error". errno is read at once after the failing call.
QString reason(const QSaveFile& f, int err)
{
    QString why = err != 0 ? QString::fromLocal8Bit(std::strerror(err)) : f.errorString();
    if (err == ENOSPC || err == EDQUOT)
        why += QStringLiteral(" (the disk is full)");
    return why;
}

/// Writes all of `bytes` into an open save file and flushes it; "" or why not (the caller cancels).
QString writeInto(QSaveFile& f, const QString& path, const QByteArray& bytes, const WriteProgress& progress)
{
    constexpr qint64 kChunk = 64 * 1024;
    for (qint64 pos = 0; pos < bytes.size(); pos += kChunk) {
        const qint64 n = std::min(kChunk, bytes.size() - pos);
        errno = 0;
        if (f.write(bytes.constData() + pos, n) != n)
            return QStringLiteral("cannot write %1: %2").arg(path, reason(f, errno));
        if (progress && !progress(pos + n, bytes.size()))
            return QStringLiteral("the write of %1 was abandoned; the file was left as it was").arg(path);
    }
    errno = 0;
    if (!f.flush())
        return QStringLiteral("cannot write %1: %2").arg(path, reason(f, errno));
    return {};
}

/// Opens a save file unbuffered: a write that fails says so at once, not inside commit(),
/// where Qt 6.4 can lose a failed flush and leave an empty file in place of the old one.
QString openUnbuffered(QSaveFile& f, const QString& path)
{
    errno = 0;
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return QStringLiteral("cannot write %1: %2").arg(path, reason(f, errno));
    return {};
}

}  // namespace

QString writeFileAtomically(const QString& path, const QByteArray& bytes, const WriteProgress& progress)
{
    QSaveFile f(path);
    if (QString why = openUnbuffered(f, path); !why.isEmpty())
        return why;
    if (QString why = writeInto(f, path, bytes, progress); !why.isEmpty()) {
        f.cancelWriting();
        return why;
    }
    errno = 0;
    if (!f.commit())  // syncs, then renames over the old file
        return QStringLiteral("cannot write %1: %2").arg(path, reason(f, errno));
    return {};
}

QString writeFilesAtomically(const std::vector<std::pair<QString, QByteArray>>& files)
{
    std::vector<std::unique_ptr<QSaveFile>> open;
    QString why;
    for (const auto& [path, bytes] : files) {
        open.push_back(std::make_unique<QSaveFile>(path));
        why = openUnbuffered(*open.back(), path);
        if (why.isEmpty())
            why = writeInto(*open.back(), path, bytes, {});
        if (!why.isEmpty())
            break;
    }
    if (!why.isEmpty()) {
        for (auto& f : open)
            f->cancelWriting();
        return why;
    }
    // Every file on the disk before any replaces its old one: commit() syncs too, but one file
    // at a time, and a sync failing at the k-th would leave the first k replaced.
    for (size_t i = 0; i < open.size(); ++i) {
        errno = 0;
        if (::fsync(open[i]->handle()) != 0) {
            const int err = errno;
            for (auto& f : open)
                f->cancelWriting();
            return QStringLiteral("cannot write %1: %2").arg(files[i].first, reason(*open[i], err));
        }
    }
    for (size_t i = 0; i < open.size(); ++i) {
        errno = 0;
        if (!open[i]->commit())
            return QStringLiteral("cannot write %1: %2").arg(files[i].first, reason(*open[i], errno));
    }
    return {};
}

}  // namespace nines::io
