// The undoable edits of a Document. Contract: a command changes the model only in redo() and
// undo(), leaves it exactly as it found it after undo(), and calls Document::changed() once per
// redo or undo (a compound EditGroup notifies once for all its children). Items are addressed by
// position; the undo stack guarantees that positions are the same when a command is undone as
// when it was done. An edit made while a scenario is edited is undone and redone on that
// scenario: the command switches the editors back to it first.
#pragma once

#include "ui/document/document.h"
#include "ui/document/item_access.h"

#include <QUndoCommand>

#include <string>
#include <vector>

namespace nines::ui {

/// A compound edit: its children run as one step, and views hear about it once.
class EditGroup : public QUndoCommand
{
public:
    EditGroup(Document* doc, const QString& text) : QUndoCommand(text), doc_(doc) {}
    void redo() override
    {
        doc_->beginBatch();
        QUndoCommand::redo();
        doc_->endBatch();
    }
    void undo() override
    {
        doc_->beginBatch();
        QUndoCommand::undo();
        doc_->endBatch();
    }

private:
    Document* doc_;
};

/// An item and where it sits in its collection.
struct PlacedItem {
    int index = -1;
    Item item;
};

/// Inserts items (redo) or removes them (redo of a removal). Indices are final positions:
/// inserted in ascending order, removed in descending order, per kind.
class ItemsCommand : public QUndoCommand
{
public:
    enum Action { Insert, Remove };
    ItemsCommand(Document* doc, Action action, std::vector<PlacedItem> items, const QString& text,
                 QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(bool insert);
    Document* doc_;
    std::string target_;
    Action action_;
    std::vector<PlacedItem> items_;
};

/// Replaces items with new values (property edits, moves, placement, renames).
/// Consecutive edits with the same non-empty merge key and the same items merge into one step,
/// so typing "43800" in a field is one undo step, not five.
class ReplaceItemsCommand : public QUndoCommand
{
public:
    struct Change {
        int index = -1;
        Item before;
        Item after;
    };
    ReplaceItemsCommand(Document* doc, std::vector<Change> changes, const QString& text,
                        std::string mergeKey = {}, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return mergeKey_.empty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* doc_;
    std::string target_;
    std::vector<Change> changes_;
    std::string mergeKey_;
};

/// The parts of a model that are not items: name, description, run settings and load. In a
/// scenario the name, description and settings still change the base's (they are the file's),
/// the load the scenario's.
struct ModelHeader {
    std::string name;
    std::string description;
    model::Settings settings;
    std::optional<model::Load> load;
    bool operator==(const ModelHeader&) const = default;
};
ModelHeader headerOf(const model::Model& m);

class HeaderCommand : public QUndoCommand
{
public:
    HeaderCommand(Document* doc, ModelHeader after, const QString& text, std::string mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return mergeKey_.empty() ? -1 : 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const ModelHeader& h);
    Document* doc_;
    std::string target_;
    ModelHeader before_, after_;
    std::string mergeKey_;
};

/// Replaces the model's scenarios (create, rename, delete, reorder, change an override); the
/// scenario being edited is shown anew.
class ScenariosCommand : public QUndoCommand
{
public:
    ScenariosCommand(Document* doc, std::vector<model::Scenario> after, const QString& text);
    void redo() override;
    void undo() override;

private:
    void apply(const std::vector<model::Scenario>& s);
    Document* doc_;
    std::vector<model::Scenario> before_, after_;
};

}  // namespace nines::ui
