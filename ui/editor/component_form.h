// Inspector form of components: identity, redundancy (k-of-n, standby), dependencies, capacity
// and cost, zone placement and crew, entry traffic, data store, and the failure modes.
#pragma once

#include "ui/editor/item_form.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace nines::ui {

class DistributionEditor;
class NumberField;
class SupportEditor;

class ComponentForm : public ItemForm
{
    Q_OBJECT

public:
    explicit ComponentForm(Document* doc, QWidget* parent = nullptr);
    /// The failure mode shown below the list (index into the first component's modes).
    int currentMode() const { return mode_; }
    void setCurrentMode(int index);
    /// Adds a failure mode made from the catalogue template `id` and selects it.
    void addFailureModeFromCatalogue(const QString& id);

protected:
    void load() override;

private:
    void loadMode();
    template <typename F>
    void editMode(const std::string& field, const QString& what, F change);

    QLineEdit* id_;
    QLineEdit* name_;
    QComboBox* kind_;
    QComboBox* template_;
    QLineEdit* description_;
    QSpinBox* instances_;
    QSpinBox* required_;
    QComboBox* redundancy_;
    QComboBox* standbyKind_;
    QComboBox* failoverType_;    // fixed, exponential, lognormal, uniform
    NumberField* failover_;      // the fixed time, the mean, or a uniform's minimum (seconds)
    NumberField* failoverSpread_; // lognormal sigma, or a uniform's maximum (seconds)
    NumberField* failoverRetry_; // empty: a failed failover is not retried
    QFormLayout* redundancyForm_ = nullptr;
    NumberField* failoverSuccess_;
    QCheckBox* zoneFailover_;
    NumberField* zoneDetection_;
    QComboBox* dependencyMode_;
    QSpinBox* dependencyMin_;
    NumberField* capacity_;
    NumberField* purchase_;
    NumberField* yearly_;
    SupportEditor* support_;
    QListWidget* zones_;
    QComboBox* crew_;
    QGroupBox* entryBox_;
    NumberField* share_;
    QComboBox* entryNode_;
    QGroupBox* storeBox_;
    QComboBox* replication_;
    NumberField* lag_;
    QComboBox* consistency_;
    NumberField* writeRate_;
    QListWidget* modes_;
    QPushButton* removeMode_;
    QGroupBox* modeBox_;
    QLineEdit* modeId_;
    QLineEdit* modeName_;
    DistributionEditor* modeFailure_;
    DistributionEditor* modeRepair_;
    NumberField* detection_;
    QCheckBox* dormantOn_;
    DistributionEditor* dormant_;
    int mode_ = 0;
};

}  // namespace nines::ui
