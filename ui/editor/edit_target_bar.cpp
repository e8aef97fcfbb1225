#include "edit_target_bar.h"

#include "ui/document/document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace nines::ui {

EditTargetBar::EditTargetBar(Document* doc, QWidget* parent)
    : QFrame(parent)
    , doc_(doc)
    , text_(new QLabel(this))
    , combo_(new QComboBox(this))
    , back_(new QPushButton(tr("Back to the base design"), this))
{
    setObjectName(QStringLiteral("EditTargetBar"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    auto* editing = new QLabel(tr("Editing:"), this);
    row->addWidget(editing);
    combo_->setObjectName(QStringLiteral("editTargetCombo"));
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo_->setToolTip(tr("Edit the base design or one of its scenarios on the canvas"));
    row->addWidget(combo_);
    text_->setWordWrap(true);
    row->addWidget(text_, 1);
    row->addWidget(back_);
    connect(combo_, &QComboBox::activated, this, [this] {
        if (loading_)
            return;
        const QString why = doc_->setEditTarget(combo_->currentData().toString().toStdString());
        if (!why.isEmpty()) {
            QMessageBox::warning(this, tr("Edit scenario"),
                                 tr("This scenario cannot be edited on the canvas until its overrides apply: %1").arg(why));
            reload();
        }
    });
    connect(back_, &QPushButton::clicked, this, [this] { doc_->setEditTarget({}); });
    connect(doc_, &Document::modelChanged, this, &EditTargetBar::reload);
    connect(doc_, &Document::editTargetChanged, this, &EditTargetBar::reload);
    reload();
}

void EditTargetBar::reload()
{
    loading_ = true;
    const auto& scenarios = doc_->fileModel().scenarios;
    combo_->clear();
    combo_->addItem(tr("Base design"), QString());
    QString name, basedOn = tr("the base design");
    for (const auto& s : scenarios) {
        const QString n = QString::fromStdString(s.name.empty() ? s.id : s.name);
        combo_->addItem(tr("Scenario: %1").arg(n), QString::fromStdString(s.id));
        if (s.id == doc_->editTarget()) {
            name = n;
            if (s.based_on)
                basedOn = tr("the scenario \u201c%1\u201d").arg(QString::fromStdString(*s.based_on));
        }
    }
    combo_->setCurrentIndex(std::max(0, combo_->findData(QString::fromStdString(doc_->editTarget()))));
    const bool scenario = !doc_->editTarget().empty();
    back_->setVisible(scenario);
    // A model without scenarios has nothing to choose: the strip shows once there is one.
    setVisible(scenario || !scenarios.empty());
    if (scenario) {
        setStyleSheet(QStringLiteral("#EditTargetBar { background: #f3ebff; border-bottom: 2px solid #805ad5; }"));
        text_->setText(tr("Changes are stored in \u201c%1\u201d as overrides of %2, which stays as it is. "
                          "What it changes is purple on the canvas and in the inspector.")
                           .arg(name, basedOn));
    } else {
        setStyleSheet(QStringLiteral("#EditTargetBar { background: #f7fafc; border-bottom: 1px solid #e2e8f0; }"));
        text_->setText(tr("Changes go to the base design and reach every scenario that does not override them."));
    }
    loading_ = false;
}

}  // namespace nines::ui
