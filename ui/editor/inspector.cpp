#include "inspector.h"

#include "ui/editor/component_form.h"
#include "ui/editor/model_form.h"
#include "ui/editor/network_forms.h"

#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>

namespace nines::ui {

Inspector::Inspector(Document* doc, QWidget* parent)
    : QScrollArea(parent)
    , doc_(doc)
    , stack_(new QStackedWidget(this))
    , modelForm_(new ModelForm(doc, stack_))
    , mixed_(new QLabel(stack_))
{
    setWidgetResizable(true);
    setFrameShape(NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // forms fit the dock's width
    setMinimumWidth(340);
    forms_[ItemKind::Component] = new ComponentForm(doc, stack_);
    forms_[ItemKind::Dependency] = new DependencyForm(doc, stack_);
    for (ItemKind k : {ItemKind::Zone, ItemKind::Region, ItemKind::Link, ItemKind::Hub})
        forms_[k] = new NetworkItemForm(doc, k, stack_);
    stack_->addWidget(modelForm_);
    for (auto& [k, f] : forms_)
        stack_->addWidget(f);
    mixed_->setWordWrap(true);
    mixed_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    mixed_->setMargin(8);
    stack_->addWidget(mixed_);
    setWidget(stack_);
    connect(doc_, &Document::modelChanged, this, &Inspector::refresh);
    connect(doc_, &Document::documentReset, this, [this] { setSelection({}); });
    connect(doc_, &Document::problemsChanged, this, [this] {
        if (auto* f = currentForm())
            f->showProblems(doc_->problems());
    });
    setSelection({});
}

ItemForm* Inspector::currentForm() const { return qobject_cast<ItemForm*>(stack_->currentWidget()); }

ItemForm* Inspector::formFor(ItemKind kind) const
{
    auto it = forms_.find(kind);
    return it == forms_.end() ? nullptr : it->second;
}

void Inspector::setSelection(const std::vector<ItemRef>& refs)
{
    // Another item's form starts at its top, not where the last one was scrolled to.
    if (refs != refs_)
        verticalScrollBar()->setValue(0);
    refs_ = refs;
    if (refs.empty()) {
        showPage(modelForm_);
        modelForm_->refresh();
        modelForm_->showProblems(doc_->problems());
        return;
    }
    const ItemKind kind = refs.front().kind;
    const bool oneKind = std::all_of(refs.begin(), refs.end(), [&](const ItemRef& r) { return r.kind == kind; });
    ItemForm* form = oneKind ? formFor(kind) : nullptr;
    if (!form) {
        mixed_->setText(tr("%n items of different kinds are selected. Select items of one kind to edit them together.",
                           nullptr, int(refs.size())));
        showPage(mixed_);
        return;
    }
    showPage(form);
    form->setTargets(refs);
    form->showProblems(doc_->problems());
}

void Inspector::showPage(QWidget* page)
{
    stack_->setCurrentWidget(page);
    // A stacked widget is as tall as its tallest page: only the page on show may count, or a
    // short form is stretched to the height of the component form.
    for (int i = 0; i < stack_->count(); ++i)
        stack_->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                         stack_->widget(i) == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
}

void Inspector::refresh()
{
    // Drop targets that no longer exist (undo of an add): the scene sends the new selection.
    for (const auto& r : refs_)
        if (r.index >= itemCount(doc_->model(), r.kind))
            return;
    if (auto* f = currentForm())
        f->refresh();
}

}  // namespace nines::ui
