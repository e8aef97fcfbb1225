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
        const std::string v = name_->text().trimmed().toStdString();
        if (v != last_.name)
            emitField([v](SupportContract& c) { c.name = v; });
    });
    connect(factor_, &NumberField::edited, this, [this](std::optional<double> v) {
        if (v)
            emitField([f = *v](SupportContract& c) { c.repair_factor = f; });
    });
    connect(fee_, &NumberField::edited, this, [this](std::optional<double> v) {
        if (v)
            emitField([f = *v](SupportContract& c) { c.yearly_per_instance = f; });
    });
    connect(enabled_, &QCheckBox::toggled, this, [this](bool on) {
        emitField([on](SupportContract& c) { c.enabled = on; });
    });
    connect(this, &QGroupBox::toggled, this, [this](bool on) {
        // Switched on: a component without a contract gets the one shown; off: none has one.
        Q_EMIT edited([on, shown = last_](std::optional<SupportContract>& s) {
            if (!on)
                s.reset();
            else if (!s)
                s = shown;
        });
    });
}

void SupportEditor::emitField(const std::function<void(SupportContract&)>& set)
{
    set(last_);
    if (isChecked())
        Q_EMIT edited([set](std::optional<SupportContract>& s) {
            if (s)
                set(*s);
        });
}

void SupportEditor::setSupport(const std::optional<SupportContract>& s)
{
    const QSignalBlocker block(this);
    const QSignalBlocker blockEnabled(enabled_);
    setChecked(s.has_value());
    if (s) {
        last_ = *s;
    } else {  // what switching it on would give: the defaults, not the last component's contract
        last_ = SupportContract{};
        last_.repair_factor = 0.5;
    }
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
        Q_EMIT edited(true, last_.capex);
    });
    connect(yearly_, &NumberField::edited, this, [this](std::optional<double> v) {
        last_.yearly = v.value_or(0.0);
        Q_EMIT edited(false, last_.yearly);
    });
}

void FixedCostFields::setCost(const FixedCost& c)
{
    last_ = c;
    capex_->setValue(c.capex);
    yearly_->setValue(c.yearly);
}

}  // namespace nines::ui
