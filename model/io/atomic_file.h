// Writing a file all or nothing: every write, the flush and the commit checked, the old file
// left exactly as it was on any failure, and the reason in words ("No space left on device").
// Every file Nines writes (models, recovery copies, reports, event logs) goes through it.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace nines::io {

/// Progress of a write (bytes written so far, of all); returning false abandons it.
using WriteProgress = std::function<bool(qint64 written, qint64 total)>;

/// Writes `bytes` to `path` through a temporary file that replaces it only when everything was
/// written and synced. Returns "" or why not: "cannot write PATH: No space left on device (the
/// disk is full)". A write abandoned by `progress` leaves the old file too.
QString writeFileAtomically(const QString& path, const QByteArray& bytes, const WriteProgress& progress = {});

/// Writes a set of files that belong together (a CSV report's tables) as one: all are written
/// and synced before any replaces its old file, so a failure while writing leaves every old file
/// as it was. Returns "" or why not, naming the file.
QString writeFilesAtomically(const std::vector<std::pair<QString, QByteArray>>& files);

}  // namespace nines::io
