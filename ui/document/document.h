// The document the editor works on: a model that may be invalid, its file, its undo stack and
// its problems. Only undo commands (edit_commands.h) change the model; views listen to signals.
// The editors may work on a scenario instead of the base: they then see the scenario's model,
// and each edit is stored back as the scenario's operations (what it overrides of its base).
#pragma once

#include "model/model.h"
#include "model/problem.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <string>
#include <vector>

class QUndoStack;

namespace nines::ui {

class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    /// The model the editors show and change: the base, or the scenario being edited.
    const model::Model& model() const { return target_.empty() ? model_ : view_; }
    /// The model the file holds: the base with its scenarios (what is saved and run).
    const model::Model& fileModel() const { return model_; }
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

    /// The scenario the editors work on; empty for the base.
    const std::string& editTarget() const { return target_; }
    /// Edits the scenario `id` (or the base, when empty) from now on; returns why it cannot (an
    /// operation of the scenario names nothing). Undo and redo switch back to where an edit was made.
    QString setEditTarget(const std::string& id);
    /// What the edited scenario changes, relative to the model it builds on: its operations
    /// (as stored), whether `path` is among what they set (or lies inside what they set or add),
    /// and the value the field has in the model the scenario builds on.
    struct Override {
        bool overridden = false;  // an operation sets this field or something inside it
        bool added = false;       // the item it belongs to was added by the scenario
        QString baseValue;        // the value where the scenario starts from, in words
    };
    Override overrideOf(const std::string& path) const;
    /// The operations of the edited scenario that set `path` or something inside it.
    std::vector<size_t> operationsAt(const std::string& path) const;
    /// The edited scenario's name (its id when it has none); empty for the base.
    QString editTargetName() const;

    /// For undo commands only: the model to change, then changed() once the change is complete.
    /// In a scenario, changed() turns the scenario's model back into its operations.
    model::Model& mutableModel() { return target_.empty() ? model_ : view_; }
    void changed();
    /// For commands only: switch to the edit target a command was made on before it changes it.
    /// False when it cannot (the command must then leave the model alone).
    bool editOn(const std::string& target);
    /// For commands only: replace the model's scenarios (the edited one is shown anew).
    void setScenarios(std::vector<model::Scenario> scenarios);
    /// For commands only: the run settings, name and description belong to the base, wherever
    /// they are edited.
    void setHeader(const std::string& name, const std::string& description, const model::Settings& settings);
    /// Between these, changed() is held back and sent once at the end (compound commands).
    void beginBatch() { ++batch_; }
    void endBatch();

Q_SIGNALS:
    void modelChanged();    // after every edit, undo and redo
    void documentReset();   // after reset(): everything is new
    void editTargetChanged(); // the editors now work on another scenario (or the base)
    void problemsChanged(); // the problems list was recomputed
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void scheduleValidation();
    void notify();
    /// Shows scenario target_ anew from the base and its operations; false when it cannot.
    bool resolveView(QString* why = nullptr);
    /// Stores the edited scenario's model as the scenario's operations.
    void storeView();

    model::Model model_;
    std::string target_;
    model::Model view_;           // the edited scenario's model
    QJsonObject viewStart_;       // the document its operations start from
    /// The operations a scenario had, by the design they gave: an edit undone back to one of
    /// these designs gives back the scenario's own operations, not an equivalent rewording.
    struct Wording {
        std::string scenario;
        QJsonObject start;   // where its operations started from
        QJsonObject design;
        std::vector<model::Operation> operations;
    };
    std::vector<Wording> wordings_;
    /// The edited scenario's operations with their paths by ids (and the item an "add" adds),
    /// read once per change for overrideOf and operationsAt.
    struct Mark {
        model::OperationType op;
        std::string path;
        std::string item;
    };
    std::vector<Mark> marks_;
    void refreshMarks();
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
