// Editors of what things cost: a support contract (a checkable group: name, repair factor,
// fee, taken or not) and the capex and yearly cost of a crew, zone, region or link.
#pragma once

#include "model/model.h"

#include <QGroupBox>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QLineEdit;

namespace nines::ui {

class NumberField;

/// A change to a component's contract, to apply to each selected component: only the field
/// edited (so editing the fee of several components keeps each one's own factor).
using SupportChange = std::function<void(std::optional<model::SupportContract>&)>;

/// A component's support contract; unchecked: the component has none.
class SupportEditor : public QGroupBox
{
    Q_OBJECT

public:
    explicit SupportEditor(QWidget* parent = nullptr);
    void setSupport(const std::optional<model::SupportContract>& s);  // does not emit edited()

Q_SIGNALS:
    void edited(const nines::ui::SupportChange& change);

private:
    void emitField(const std::function<void(model::SupportContract&)>& set);
    QLineEdit* name_;
    NumberField* factor_;
    NumberField* fee_;
    QCheckBox* enabled_;
    model::SupportContract last_;
};

/// Capex and yearly cost side by side.
class FixedCostFields : public QWidget
{
    Q_OBJECT

public:
    explicit FixedCostFields(QWidget* parent = nullptr);
    void setCost(const model::FixedCost& c);  // does not emit edited()

Q_SIGNALS:
    /// One field changed (capex or yearly): each selected item keeps its other one.
    void edited(bool capex, double value);

private:
    NumberField* capex_;
    NumberField* yearly_;
    model::FixedCost last_;
};

}  // namespace nines::ui
