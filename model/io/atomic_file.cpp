#include "atomic_file.h"

#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

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

}  // namespace

QString writeFileAtomically(const QString& path, const QByteArray& bytes, const WriteProgress& progress)
{
    QSaveFile f(path);
    // Unbuffered: a write that fails says so at once, not inside commit(), where Qt 6.4 can lose
    // a failed flush and leave an empty file in place of the old one.
    errno = 0;
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return QStringLiteral("cannot write %1: %2").arg(path, reason(f, errno));
    constexpr qint64 kChunk = 64 * 1024;
    for (qint64 pos = 0; pos < bytes.size(); pos += kChunk) {
        const qint64 n = std::min(kChunk, bytes.size() - pos);
        errno = 0;
        if (f.write(bytes.constData() + pos, n) != n) {
            const int err = errno;
            f.cancelWriting();
            return QStringLiteral("cannot write %1: %2").arg(path, reason(f, err));
        }
        if (progress && !progress(pos + n, bytes.size())) {
            f.cancelWriting();
            return QStringLiteral("the write of %1 was abandoned; the file was left as it was").arg(path);
        }
    }
    errno = 0;
    if (!f.flush()) {
        const int err = errno;
        f.cancelWriting();
        return QStringLiteral("cannot write %1: %2").arg(path, reason(f, err));
    }
    errno = 0;
    if (!f.commit())  // syncs, then renames over the old file
        return QStringLiteral("cannot write %1: %2").arg(path, reason(f, errno));
    return {};
}

}  // namespace nines::io
