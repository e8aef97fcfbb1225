// Inspector forms of dependencies, zones, regions, links and hubs.
#pragma once

#include "ui/editor/item_form.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace nines::ui {

class NumberField;
class OutageEditor;
class FixedCostFields;

/// Id and name rows shared by the forms of named items (zones, regions, links, hubs).
class NamedItemForm : public ItemForm
{
    Q_OBJECT

public:
    NamedItemForm(Document* doc, const QString& title, QWidget* parent = nullptr);

protected:
    void load() override;
    virtual void loadMore() {}
    QFormLayout* form_;
    QLineEdit* id_;
    QLineEdit* name_;
};

class DependencyForm : public ItemForm
{
    Q_OBJECT

public:
    explicit DependencyForm(Document* doc, QWidget* parent = nullptr);

protected:
    void load() override;

private:
    QLabel* ends_;
    NumberField* calls_;
    QComboBox* type_;
    NumberField* buffer_;
    NumberField* rate_;
};

/// Zones, regions, links and hubs: id, name, and what each has (region, ends, outage).
class NetworkItemForm : public NamedItemForm
{
    Q_OBJECT

public:
    NetworkItemForm(Document* doc, ItemKind kind, QWidget* parent = nullptr);
    OutageEditor* outageEditor() const { return outage_; }

protected:
    void loadMore() override;

private:
    ItemKind kind_;
    QComboBox* template_ = nullptr;  // zones, regions, links
    QComboBox* region_ = nullptr;    // zones
    QComboBox* from_ = nullptr;    // links
    QComboBox* to_ = nullptr;
    OutageEditor* outage_ = nullptr;
    FixedCostFields* cost_ = nullptr;  // zones, regions, links
};

}  // namespace nines::ui
