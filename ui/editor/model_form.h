// Inspector form shown when nothing is selected: the model's name and description, run
// settings, load, and repair crews.
#pragma once

#include "ui/editor/item_form.h"

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace nines::ui {

class NumberField;
struct ModelHeader;

class ModelForm : public ItemForm
{
    Q_OBJECT

public:
    explicit ModelForm(Document* doc, QWidget* parent = nullptr);

protected:
    void load() override;

private:
    void editHeader(const std::string& path, const QString& what, const std::function<void(ModelHeader&)>& f);

    QLineEdit* name_;
    QPlainTextEdit* description_;
    NumberField* mission_;
    QSpinBox* replications_;
    NumberField* precision_;
    NumberField* minOutages_;
    NumberField* wall_;
    QLineEdit* seed_;
    NumberField* sla_;
    NumberField* utilisation_;
    QCheckBox* overload_;
    NumberField* downtimeCost_;
    NumberField* horizon_;
    NumberField* monthlyFee_;
    QLineEdit* credits_;
    QLineEdit* currency_;
    QCheckBox* loadOn_;
    NumberField* peak_;
    NumberField* growth_;
    QLineEdit* profile_;
    QTableWidget* crews_;
};

}  // namespace nines::ui
