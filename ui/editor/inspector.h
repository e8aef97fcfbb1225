// The inspector dock's content: the form for what is selected (several items of one kind are
// edited together), or the model's own settings when nothing is.
#pragma once

#include "ui/document/document.h"
#include "ui/document/item_access.h"

#include <QScrollArea>

#include <map>
#include <vector>

class QLabel;
class QStackedWidget;

namespace nines::ui {

class ItemForm;

class Inspector : public QScrollArea
{
    Q_OBJECT

public:
    explicit Inspector(Document* doc, QWidget* parent = nullptr);
    void setSelection(const std::vector<ItemRef>& refs);
    /// The form on show (nullptr when the selection mixes kinds).
    ItemForm* currentForm() const;
    ItemForm* formFor(ItemKind kind) const;
    ItemForm* modelForm() const { return modelForm_; }

private:
    void refresh();
    void showPage(QWidget* page);
    Document* doc_;
    QStackedWidget* stack_;
    ItemForm* modelForm_;
    std::map<ItemKind, ItemForm*> forms_;
    QLabel* mixed_;
    std::vector<ItemRef> refs_;
};

}  // namespace nines::ui
