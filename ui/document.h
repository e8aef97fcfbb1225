// The document the editor works on: a model that may be invalid, its file, its undo stack and
// its problems. Only undo commands (edit_commands.h) change the model; views listen to signals.
#pragma once

#include "model/model.h"
#include "model/problem.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace nines::ui {

class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const model::Model& model() const { return model_; }
    QUndoStack* undoStack() const { return undo_; }

    /// Replaces the whole document (New, Open, restore): clears the undo history.
    /// `readProblems` are what the reader found in the file (kept until the next save).
    void reset(model::Model m, const QString& path = {}, model::Problems readProblems = {});

    const QString& filePath() const { return path_; }
    /// File name for titles: the file's name, or "Untitled".
    QString displayName() const;
    bool isModified() const;
    /// After a successful save: the file now holds what is in memory.
    void markSaved(const QString& path);
    /// After restoring unsaved work from a recovery file: modified until saved.
    void markRestored();

    /// Reader problems of the opened file plus validation of the current model, in that order.
    const model::Problems& problems() const;
    bool hasErrors() const;

    /// For undo commands only: the model to change, then changed() once the change is complete.
    model::Model& mutableModel() { return model_; }
    void changed();
    /// Between these, changed() is held back and sent once at the end (compound commands).
    void beginBatch() { ++batch_; }
    void endBatch();

Q_SIGNALS:
    void modelChanged();    // after every edit, undo and redo
    void documentReset();   // after reset(): everything is new
    void problemsChanged(); // the problems list was recomputed
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void scheduleValidation();

    model::Model model_;
    QString path_;
    QUndoStack* undo_;
    model::Problems readProblems_;
    mutable model::Problems problems_;
    mutable bool problemsStale_ = true;
    bool validationQueued_ = false;
    bool restored_ = false;
    int batch_ = 0;
    bool changedInBatch_ = false;
};

}  // namespace nines::ui
