// Autosave and crash recovery: each editing session writes its unsaved work to its own
// recovery file, holds a lock while it runs, and removes both when it ends cleanly. A recovery
// file whose lock nobody holds is left over from a crash and can be restored.
#pragma once

#include "model/model.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;

namespace nines::ui {

class RecoveryStore
{
public:
    /// `directory` defaults to <app data>/recovery.
    explicit RecoveryStore(QString directory = {});
    ~RecoveryStore();

    /// Writes the session's recovery file (atomically). Returns an empty string or the reason.
    QString save(const model::Model& m, const QString& originalPath);
    /// Removes the session's recovery file (after a save, or at a clean exit).
    void discard();
    QString directory() const { return dir_; }
    QString sessionFile() const;

    struct Pending {
        QString file;          // the recovery file
        QString originalPath;  // the file the work belonged to, empty if never saved
        QDateTime savedAt;
    };
    /// Recovery files of sessions that ended without cleaning up (crashed), newest first.
    std::vector<Pending> pending() const;
    /// Deletes a pending recovery file and its notes (after restoring it or declining to).
    static void remove(const Pending& p);

private:
    QString dir_;
    QString session_;
    std::unique_ptr<QLockFile> lock_;
};

}  // namespace nines::ui
