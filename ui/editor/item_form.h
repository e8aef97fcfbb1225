// Base of the inspector's forms: the items a form edits (one or several of one kind), rows
// that know the field path they edit so validation messages appear under them, and edits
// that go through undo commands.
#pragma once

#include "ui/document/document.h"
#include "ui/document/edits.h"
#include "ui/document/item_access.h"

#include "model/io/catalogue.h"

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace nines::ui {

class ItemForm : public QWidget
{
    Q_OBJECT

public:
    ItemForm(Document* doc, QWidget* parent = nullptr);

    /// A form of the model itself (name, settings, load): no targets, rows name whole paths.
    void setModelLevel() { modelLevel_ = true; }

    void setTargets(std::vector<ItemRef> refs);
    const std::vector<ItemRef>& targets() const { return refs_; }
    /// Reloads every widget from the model (after any change, undo or redo).
    void refresh();
    /// Shows the problems of the edited items under the fields they name.
    void showProblems(const model::Problems& problems);
    /// The widget editing a field path relative to the item ("instances"), for focus and tests.
    QWidget* fieldWidget(const std::string& path) const;
    /// Every field path the form edits, in the order of its rows.
    std::vector<std::string> fieldPaths() const;
    /// The message shown under a field, empty when none.
    QString fieldMessage(const std::string& path) const;
    /// What the row of a field says about its catalogue value: its tooltip (the source), and
    /// whether it is marked as changed from the template (with a reset button).
    QString fieldOrigin(const std::string& path) const;
    bool fieldChangedFromCatalogue(const std::string& path) const;
    /// Sets the field back to its catalogue value (what the row's reset button does).
    bool resetToCatalogue(const std::string& path);
    /// While a scenario is edited: whether it overrides the field, and setting it back to the
    /// value of the model the scenario builds on (what the row's reset button then does).
    bool fieldOverridden(const std::string& path) const;
    bool resetToBase(const std::string& path);

protected:
    virtual void load() = 0;

    /// Adds a labelled row editing `path`; returns the label under the widget for its messages.
    /// Its help (tooltip and What's This) is that of `path`, or of `helpPath` for a row whose
    /// path is set later (the selected failure mode's).
    void addRow(QFormLayout* form, const QString& label, QWidget* widget, const std::string& path,
                const std::string& helpPath = {});
    /// Changes the path a row stands for (rows of a failure mode follow the selected mode).
    void setRowPath(QWidget* widget, const std::string& path);

    /// Applies `change` to every target of type T as one undo step; typing in one field merges.
    template <typename T>
    void edit(const std::string& path, const QString& what, const std::function<void(T&)>& change)
    {
        if (loading_)
            return;
        editItems(doc_, refs_, [&](Item& item) {
            if (auto* x = std::get_if<T>(&item))
                change(*x);
        }, tr("Change %1").arg(what), fieldKey(path));
    }

    template <typename T>
    T first() const
    {
        return std::get<T>(itemAt(doc_->model(), refs_.front()));
    }
    template <typename T>
    std::vector<T> all() const
    {
        std::vector<T> out;
        for (const auto& r : refs_)
            out.push_back(std::get<T>(itemAt(doc_->model(), r)));
        return out;
    }
    /// Commits the id typed in `field` as a rename of the one target, with its references;
    /// a refused id is marked at the field and explained.
    void bindIdField(QLineEdit* field);
    /// Shows a model value in a line edit; leaves it alone (cursor and all) when it already reads so.
    static void showText(QLineEdit* field, const QString& text);
    static void showText(QLineEdit* field, const std::string& text) { showText(field, QString::fromStdString(text)); }
    /// The id chosen in a combo whose empty data means "none".
    static std::optional<std::string> optionalId(const QComboBox* combo);

    /// Marks a row whose value differs between the selected items.
    void setMixed(QWidget* widget, bool mixed);

    /// A "Template" row: the catalogue templates of the target, and "none". Choosing one gives
    /// the items its values and ties them to it; "none" keeps the values, untied.
    QComboBox* addTemplateRow(QFormLayout* form, io::TemplateTarget target);
    /// Shows the targets' template in the combo of addTemplateRow.
    void showTemplate(QComboBox* combo);

    Document* doc_;
    std::vector<ItemRef> refs_;
    bool loading_ = false;
    bool modelLevel_ = false;
    QLabel* general_;  // problems of the item that no row claims

    /// Colours the label of each field the item's template sets (kept or changed), puts the
    /// value's source in its tooltip and shows the reset button of changed ones.
    void markCatalogueValues();

private:
    std::string fieldKey(const std::string& path) const;
    /// The whole field path of a row ("components[db].instances").
    std::string fullPath(const std::string& rowPath) const;
    void markScenarioOverrides();
    struct Row {
        std::string path;
        QWidget* widget;
        QLabel* label;
        QLabel* message;
        QToolButton* reset;
        bool mixed = false;
        bool changed = false;
        bool overridden = false;  // by the scenario being edited
        QString origin;  // tooltip about the catalogue value, empty when there is none
        QString help;    // what the field means and its unit (tooltip and What's This)
    };
    std::vector<Row> rows_;
    void applyHelp(Row& r, const std::string& path);
};

}  // namespace nines::ui
