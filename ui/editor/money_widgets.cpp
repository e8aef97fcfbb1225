#include "money_widgets.h"

#include "field_widgets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>

namespace nines::ui {

using namespace nines::model;

SupportEditor::SupportEditor(QWidget* parent)
    : QGroupBox(tr("Support contract"), parent)
    , name_(new QLineEdit(this))
    , factor_(new NumberField(tr("x every repair time"), false, this))
    , fee_(new NumberField(tr("per instance per year"), false, this))
    , enabled_(new QCheckBox(tr("Taken (a scenario can switch it on)"), this))
{
    setCheckable(true);
    setToolTip(tr("A contract that buys a shorter repair: while taken, every repair of this component takes the "
                  "factor times as long, and its fee counts in the cost of ownership."));
    name_->setPlaceholderText(tr("e.g. vendor 24x7 support"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Repairs"), factor_);
    form->addRow(tr("Fee"), fee_);
    form->addRow(enabled_);
    last_.repair_factor = 0.5;
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (name_->text().toStdString() != last_.name)
            emitCurrent();
    });
    connect(factor_, &NumberField::edited, this, [this] { emitCurrent(); });
    connect(fee_, &NumberField::edited, this, [this] { emitCurrent(); });
    connect(enabled_, &QCheckBox::toggled, this, [this] { emitCurrent(); });
    connect(this, &QGroupBox::toggled, this, [this](bool on) { Q_EMIT edited(on ? std::optional(last_) : std::nullopt); });
}

void SupportEditor::emitCurrent()
{
    last_.name = name_->text().trimmed().toStdString();
    last_.repair_factor = factor_->value().value_or(last_.repair_factor);
    last_.yearly_per_instance = fee_->value().value_or(last_.yearly_per_instance);
    last_.enabled = enabled_->isChecked();
    if (isChecked())
        Q_EMIT edited(last_);
}

void SupportEditor::setSupport(const std::optional<SupportContract>& s)
{
    const QSignalBlocker block(this);
    const QSignalBlocker blockEnabled(enabled_);
    setChecked(s.has_value());
    if (s)
        last_ = *s;
    if (name_->text().toStdString() != last_.name)
        name_->setText(QString::fromStdString(last_.name));
    factor_->setValue(last_.repair_factor);
    fee_->setValue(last_.yearly_per_instance);
    enabled_->setChecked(last_.enabled);
}

FixedCostFields::FixedCostFields(QWidget* parent)
    : QWidget(parent)
    , capex_(new NumberField(tr("once"), false, this))
    , yearly_(new NumberField(tr("a year"), false, this))
{
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(capex_);
    row->addWidget(yearly_);
    connect(capex_, &NumberField::edited, this, [this](std::optional<double> v) {
        last_.capex = v.value_or(0.0);
        Q_EMIT edited(last_);
    });
    connect(yearly_, &NumberField::edited, this, [this](std::optional<double> v) {
        last_.yearly = v.value_or(0.0);
        Q_EMIT edited(last_);
    });
}

void FixedCostFields::setCost(const FixedCost& c)
{
    last_ = c;
    capex_->setValue(c.capex);
    yearly_->setValue(c.yearly);
}

}  // namespace nines::ui
