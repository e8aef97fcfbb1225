#include "edit_commands.h"

#include <algorithm>

namespace nines::ui {

ItemsCommand::ItemsCommand(Document* doc, Action action, std::vector<PlacedItem> items, const QString& text,
                           QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , doc_(doc)
    , target_(doc->editTarget())
    , action_(action)
    , items_(std::move(items))
{
    // Ascending (kind, index): inserting in this order and removing in reverse order keeps
    // every recorded index valid.
    std::sort(items_.begin(), items_.end(), [](const PlacedItem& a, const PlacedItem& b) {
        return std::pair(a.item.index(), a.index) < std::pair(b.item.index(), b.index);
    });
}

void ItemsCommand::apply(bool insert)
{
    if (!doc_->editOn(target_))
        return;  // the scenario it was made on no longer applies: never change another model
    model::Model& m = doc_->mutableModel();
    if (insert) {
        for (const auto& p : items_)
            insertItemAt(m, p.index, p.item);
    } else {
        for (auto it = items_.rbegin(); it != items_.rend(); ++it)
            eraseItemAt(m, kindOf(it->item), it->index);
    }
    doc_->changed();
}

void ItemsCommand::redo() { apply(action_ == Insert); }
void ItemsCommand::undo() { apply(action_ != Insert); }

ReplaceItemsCommand::ReplaceItemsCommand(Document* doc, std::vector<Change> changes, const QString& text,
                                         std::string mergeKey, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , doc_(doc)
    , target_(doc->editTarget())
    , changes_(std::move(changes))
    , mergeKey_(std::move(mergeKey))
{
}

void ReplaceItemsCommand::redo()
{
    if (!doc_->editOn(target_))
        return;
    for (const auto& c : changes_)
        setItemAt(doc_->mutableModel(), c.index, c.after);
    doc_->changed();
}

void ReplaceItemsCommand::undo()
{
    if (!doc_->editOn(target_))
        return;
    for (auto it = changes_.rbegin(); it != changes_.rend(); ++it)
        setItemAt(doc_->mutableModel(), it->index, it->before);
    doc_->changed();
}

bool ReplaceItemsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const ReplaceItemsCommand*>(other);
    if (!o || o->mergeKey_ != mergeKey_ || o->target_ != target_ || o->changes_.size() != changes_.size())
        return false;
    for (size_t i = 0; i < changes_.size(); ++i)
        if (changes_[i].index != o->changes_[i].index || changes_[i].after.index() != o->changes_[i].after.index())
            return false;
    for (size_t i = 0; i < changes_.size(); ++i)
        changes_[i].after = o->changes_[i].after;
    return true;
}

ModelHeader headerOf(const model::Model& m) { return {m.name, m.description, m.settings, m.load}; }

HeaderCommand::HeaderCommand(Document* doc, ModelHeader after, const QString& text, std::string mergeKey)
    : QUndoCommand(text)
    , doc_(doc)
    , target_(doc->editTarget())
    , before_(headerOf(doc->model()))
    , after_(std::move(after))
    , mergeKey_(std::move(mergeKey))
{
}

void HeaderCommand::apply(const ModelHeader& h)
{
    if (!doc_->editOn(target_))
        return;
    doc_->setHeader(h.name, h.description, h.settings);
    doc_->mutableModel().load = h.load;
    doc_->changed();
}

ScenariosCommand::ScenariosCommand(Document* doc, std::vector<model::Scenario> after, const QString& text)
    : QUndoCommand(text)
    , doc_(doc)
    , before_(doc->fileModel().scenarios)
    , after_(std::move(after))
{
}

void ScenariosCommand::apply(const std::vector<model::Scenario>& s)
{
    doc_->setScenarios(s);
}

void ScenariosCommand::redo() { apply(after_); }
void ScenariosCommand::undo() { apply(before_); }

void HeaderCommand::redo() { apply(after_); }
void HeaderCommand::undo() { apply(before_); }

bool HeaderCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const HeaderCommand*>(other);
    if (!o || o->mergeKey_ != mergeKey_ || o->target_ != target_)
        return false;
    after_ = o->after_;
    return true;
}

}  // namespace nines::ui
