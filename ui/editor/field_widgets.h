// Inspector building blocks: a number field with its unit, a distribution editor that shows
// only the chosen distribution's parameters (MTBF/MTTR for the exponential), and an outage
// editor (a failure and a repair distribution that can be switched off).
#pragma once

#include "model/model.h"

#include <QGroupBox>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace nines::ui {

/// A number typed as text (shortest exact form shown) with its unit beside it. An empty
/// optional field means "not set". Text that is not a number is marked and not committed.
class NumberField : public QWidget
{
    Q_OBJECT

public:
    explicit NumberField(const QString& unit, bool optional = false, QWidget* parent = nullptr);
    void setValue(std::optional<double> v);  // does not emit edited()
    std::optional<double> value() const { return value_; }
    QLineEdit* lineEdit() const { return edit_; }
    void setPlaceholder(const QString& text);
    void setUnit(const QString& unit);
    /// A hint after the unit (e.g. "about 5 years" for 43800 h), refreshed with the value.
    void setHint(std::function<QString(double)> hint);

Q_SIGNALS:
    void edited(std::optional<double> value);

private:
    void commit();
    void updateHint();
    QLineEdit* edit_;
    QLabel* unit_;
    QLabel* hintLabel_;
    bool optional_;
    std::optional<double> value_;
    std::function<QString(double)> hint_;
};

/// "about 5 years", "about 3 days" for a duration in hours.
QString durationHint(double hours);

/// Picks a distribution and edits its parameters. Role names the exponential's parameter:
/// "MTBF" for failures, "MTTR" for repairs, "Mean" otherwise.
class DistributionEditor : public QWidget
{
    Q_OBJECT

public:
    enum Role { Failure, Repair, Duration };
    explicit DistributionEditor(Role role, QWidget* parent = nullptr);
    void setDistribution(const model::Distribution& d);  // does not emit edited()
    const model::Distribution& distribution() const { return d_; }
    QComboBox* typeCombo() const { return type_; }
    /// The field of a parameter ("mean_hours", "shape", ...), for tests and focus.
    NumberField* parameterField(const QString& name) const;

Q_SIGNALS:
    void edited(const model::Distribution& d);

private:
    void load();
    model::Distribution d_;
    Role role_;
    QComboBox* type_;
    QStackedWidget* pages_;
    std::map<QString, NumberField*> fields_;  // "exponential.mean_hours", ...
    QLineEdit* samples_;
    QLabel* summary_;
};

/// An optional outage: checkable group with failure and repair distributions.
class OutageEditor : public QGroupBox
{
    Q_OBJECT

public:
    explicit OutageEditor(const QString& title, QWidget* parent = nullptr);
    void setOutage(const std::optional<model::Outage>& o);
    DistributionEditor* failureEditor() const { return failure_; }
    DistributionEditor* repairEditor() const { return repair_; }

Q_SIGNALS:
    void edited(const std::optional<model::Outage>& o);

private:
    DistributionEditor* failure_;
    DistributionEditor* repair_;
    model::Outage last_;
};

}  // namespace nines::ui
