#include "item_form.h"
#include "ui/editor/field_help.h"

#include "ui/document/edit_commands.h"

#include "ui/document/catalogue_edits.h"

#include "model/io/provenance.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QToolButton>
#include <QFormLayout>
#include <QLineEdit>
#include <QLabel>
#include <QVBoxLayout>

#include <set>

namespace nines::ui {

ItemForm::ItemForm(Document* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , general_(new QLabel(this))
{
    general_->setWordWrap(true);
    general_->setStyleSheet(QStringLiteral("color: #c53030"));
    general_->hide();
}

void ItemForm::setTargets(std::vector<ItemRef> refs)
{
    refs_ = std::move(refs);
    refresh();
}

void ItemForm::refresh()
{
    if (refs_.empty() && !modelLevel_)
        return;
    for (const auto& r : refs_)
        if (r.index < 0 || r.index >= itemCount(doc_->model(), r.kind))
            return;  // the inspector is about to get a new selection
    loading_ = true;
    load();
    markCatalogueValues();
    markScenarioOverrides();
    loading_ = false;
}

void ItemForm::addRow(QFormLayout* form, const QString& label, QWidget* widget, const std::string& path,
                      const std::string& helpPath)
{
    // Long choices ("CP: refuse writes when partitioned") must not widen the dock: combos size
    // to a short text and show the rest when opened.
    QList<QComboBox*> combos = widget->findChildren<QComboBox*>();
    combos << qobject_cast<QComboBox*>(widget);
    for (auto* combo : combos)
        if (combo) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(12);
        }
    auto* holder = new QWidget(this);
    auto* box = new QVBoxLayout(holder);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->setAlignment(Qt::AlignTop);
    auto* line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->setSpacing(2);
    line->addWidget(widget, 1);
    auto* reset = new QToolButton(holder);
    reset->setText(QStringLiteral("\u21ba"));  // anticlockwise arrow: back to the catalogue's value
    reset->setAutoRaise(true);
    reset->hide();
    line->addWidget(reset, 0, Qt::AlignTop);
    box->addLayout(line);
    connect(reset, &QToolButton::clicked, this, [this, widget] {
        for (const auto& r : rows_)
            if (r.widget == widget) {
                if (r.overridden)
                    resetToBase(r.path);
                else
                    resetToCatalogue(r.path);
                return;
            }
    });
    auto* message = new QLabel(holder);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #c53030; font-size: 8pt"));
    message->hide();
    box->addWidget(message);
    auto* labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(widget);
    if (label.isEmpty()) {
        // A check box or group that says what it is: the whole width, no empty label column.
        labelWidget->hide();
        form->addRow(holder);
    } else {
        form->addRow(labelWidget, holder);
    }
    rows_.push_back({path, widget, labelWidget, message, reset, false, false, false, QString(), QString()});
    applyHelp(rows_.back(), helpPath.empty() ? path : helpPath);
}

void ItemForm::applyHelp(Row& r, const std::string& path)
{
    const QString help = fieldHelp(path);
    if (help.isEmpty() || help == r.help)
        return;
    // A field's own tooltip (set by its form) stays; What's This always gives the meaning.
    if (r.widget->toolTip().isEmpty() || r.widget->toolTip() == r.help)
        r.widget->setToolTip(help);
    r.widget->setWhatsThis(help);
    r.label->setWhatsThis(help);
    r.help = help;
}

void ItemForm::bindIdField(QLineEdit* field)
{
    connect(field, &QLineEdit::editingFinished, this, [this, field] {
        if (loading_ || refs_.size() != 1)
            return;
        const auto why = renameItem(doc_, refs_.front(), field->text().trimmed().toStdString());
        field->setStyleSheet(why ? QStringLiteral("border: 1px solid #e53e3e") : QString());
        field->setToolTip(why.value_or(QString()));
        if (why) {
            general_->setText(tr("Id not changed: %1").arg(*why));
            general_->show();
        }
    });
}

void ItemForm::showText(QLineEdit* field, const QString& text)
{
    if (field->text() != text) {
        field->setText(text);
        field->setCursorPosition(0);  // a long text shows its beginning
    }
}

std::optional<std::string> ItemForm::optionalId(const QComboBox* combo)
{
    const QString v = combo->currentData().toString();
    return v.isEmpty() ? std::nullopt : std::optional(v.toStdString());
}

void ItemForm::setRowPath(QWidget* widget, const std::string& path)
{
    for (auto& r : rows_)
        if (r.widget == widget) {
            r.path = path;
            applyHelp(r, path);
        }
}

void ItemForm::setMixed(QWidget* widget, bool mixed)
{
    for (auto& r : rows_)
        if (r.widget == widget) {
            QFont f = r.label->font();
            f.setItalic(mixed);
            r.label->setFont(f);
            r.mixed = mixed;
            r.label->setToolTip(mixed ? tr("The selected items differ here; a change applies to all of them") : QString());
        }
}

void ItemForm::markCatalogueValues()
{
    const model::Model& m = doc_->model();
    const bool one = refs_.size() == 1 && !modelLevel_;
    const std::string base = one ? itemPath(m, refs_.front()) : std::string();
    for (auto& r : rows_) {
        r.origin.clear();
        r.changed = false;
        if (one && !r.path.empty()) {
            const io::FieldOrigin fo = io::fieldOrigin(m, base + "." + r.path);
            if (fo.templ && !fo.template_value.isUndefined()) {
                const QString name = QString::fromStdString(fo.templ->name).toHtmlEscaped();
                QStringList sources;
                for (const io::ValueOrigin* o : fo.templ->originsFor(fo.relative_path)) {
                    const QString what = QString::fromStdString(o->path).toHtmlEscaped();
                    if (o->isAssumption()) {
                        sources << tr("<i>%1</i><br>Assumption: %2").arg(what, QString::fromStdString(o->assumption).toHtmlEscaped());
                        continue;
                    }
                    QStringList cites;
                    for (const auto& id : o->sources)
                        if (const io::CatalogueSource* s = io::builtinCatalogue().source(id))
                            cites << QString::fromStdString(io::citation(io::builtinCatalogue(), *s)).toHtmlEscaped();
                    sources << tr("<i>%1</i><br>Source: %2.<br>%3")
                                   .arg(what, cites.join(QStringLiteral("; ")),
                                        QString::fromStdString(o->derivation).toHtmlEscaped());
                }
                const QString source = sources.join(QStringLiteral("<br>"));
                const QString value = QString::fromStdString(io::describeValue(r.path, fo.template_value)).toHtmlEscaped();
                r.changed = fo.changed();
                r.origin = r.changed ? tr("<b>Changed</b> from the catalogue value of \u201c%1\u201d: %2<br>%3")
                                           .arg(name, value, source)
                                     : tr("Catalogue value of \u201c%1\u201d<br>%2").arg(name, source);
            }
        }
        auto* holder = r.widget->parentWidget();
        if (r.widget->toolTip() != r.help && r.widget->toolTip().startsWith(QStringLiteral("<qt>")))
            r.widget->setToolTip(r.help);  // no catalogue value any more: the meaning alone
        if (r.origin.isEmpty()) {
            r.label->setStyleSheet(QString());
            if (!r.mixed)
                r.label->setToolTip(QString());
            holder->setToolTip(QString());
            r.reset->hide();
            continue;
        }
        const QString tip = QStringLiteral("<qt>%1</qt>").arg(r.origin);
        // Teal: the catalogue's value; amber: the user's value where the catalogue has one.
        r.label->setStyleSheet(r.changed ? QStringLiteral("color: #b7791f") : QStringLiteral("color: #2c7a7b"));
        r.label->setToolTip(tip);
        holder->setToolTip(tip);
        // Over the field itself, where its meaning shows: the catalogue's value first, then the meaning.
        if (!r.help.isEmpty() && (r.widget->toolTip() == r.help || r.widget->toolTip().startsWith(QStringLiteral("<qt>"))))
            r.widget->setToolTip(QStringLiteral("<qt>%1<hr>%2</qt>").arg(r.origin, r.help.toHtmlEscaped()));
        r.reset->setVisible(r.changed);
        r.reset->setToolTip(tr("Reset to the catalogue value"));
    }
}

std::string ItemForm::fullPath(const std::string& rowPath) const
{
    if (modelLevel_)
        return rowPath;
    if (refs_.size() != 1 || rowPath.empty())
        return {};
    return itemPath(doc_->model(), refs_.front()) + "." + rowPath;
}

void ItemForm::markScenarioOverrides()
{
    if (doc_->editTarget().empty()) {
        for (auto& r : rows_)
            r.overridden = false;
        return;
    }
    const QString scenario = doc_->editTargetName();
    for (auto& r : rows_) {
        const std::string path = fullPath(r.path);
        const Document::Override o = path.empty() ? Document::Override{} : doc_->overrideOf(path);
        // Reset removes the operations at the field or inside it; one that sets a whole list or
        // item around it is reset in the Scenarios dock.
        r.overridden = o.overridden && !o.added && !doc_->operationsAt(path).empty();
        if (!o.overridden && !o.added)
            continue;
        // Purple, the scenario's colour on the canvas too; it takes the place of the catalogue marks.
        const QString tip = o.added ? tr("<qt>Added by the scenario \u201c%1\u201d</qt>").arg(scenario.toHtmlEscaped())
                         : r.overridden ? tr("<qt><b>Overridden</b> by the scenario \u201c%1\u201d.<br>Where it starts from: %2</qt>")
                                              .arg(scenario.toHtmlEscaped(), o.baseValue.toHtmlEscaped())
                                        : tr("<qt><b>Overridden</b> by the scenario \u201c%1\u201d, by an operation on the list or "
                                             "item around it (see the Scenarios dock).<br>Where it starts from: %2</qt>")
                                              .arg(scenario.toHtmlEscaped(), o.baseValue.toHtmlEscaped());
        r.label->setStyleSheet(QStringLiteral("color: #805ad5; font-weight: bold"));
        r.label->setToolTip(tip);
        r.widget->parentWidget()->setToolTip(tip);
        r.reset->setVisible(r.overridden);
        r.reset->setToolTip(tr("Reset to the value where the scenario starts from"));
    }
}

bool ItemForm::fieldOverridden(const std::string& path) const
{
    for (const auto& r : rows_)
        if (r.path == path)
            return r.overridden;
    return false;
}

bool ItemForm::resetToBase(const std::string& path)
{
    const std::string full = fullPath(path);
    const std::vector<size_t> ops = full.empty() ? std::vector<size_t>{} : doc_->operationsAt(full);
    if (ops.empty())
        return false;
    std::vector<model::Scenario> all = doc_->fileModel().scenarios;
    for (auto& s : all)
        if (s.id == doc_->editTarget())
            for (auto it = ops.rbegin(); it != ops.rend(); ++it)
                s.operations.erase(s.operations.begin() + std::ptrdiff_t(*it));
    doc_->undoStack()->push(new ScenariosCommand(doc_, std::move(all), tr("Reset to the base value")));
    return true;
}

std::vector<std::string> ItemForm::fieldPaths() const
{
    std::vector<std::string> out;
    for (const auto& r : rows_)
        out.push_back(r.path);
    return out;
}

QString ItemForm::fieldOrigin(const std::string& path) const
{
    for (const auto& r : rows_)
        if (r.path == path)
            return r.origin;
    return {};
}

bool ItemForm::fieldChangedFromCatalogue(const std::string& path) const
{
    for (const auto& r : rows_)
        if (r.path == path)
            return r.changed;
    return false;
}

bool ItemForm::resetToCatalogue(const std::string& path)
{
    if (refs_.size() != 1 || path.empty())
        return false;
    const auto item = withCatalogueValue(doc_->model(), refs_.front(), path);
    if (!item)
        return false;
    return editItems(doc_, refs_, [&](Item& x) { x = *item; }, tr("Reset to the catalogue value"));
}

QComboBox* ItemForm::addTemplateRow(QFormLayout* form, io::TemplateTarget target)
{
    auto* combo = new QComboBox(this);
    combo->addItem(tr("None"), QString());
    for (const auto& t : io::builtinCatalogue().templates())
        if (t.target == target) {
            combo->addItem(QString::fromStdString(t.name), QString::fromStdString(t.id));
            combo->setItemData(combo->count() - 1, templateSummary(t), Qt::ToolTipRole);
        }
    combo->setToolTip(tr("The catalogue template the item follows: its values, with their sources"));
    addRow(form, tr("Template"), combo, "template");
    connect(combo, &QComboBox::activated, this, [this, combo, target] {
        if (loading_)
            return;
        const io::Template* t = io::builtinCatalogue().find(target, combo->currentData().toString().toStdString());
        if (!t && !combo->currentData().toString().isEmpty())
            return;  // the unknown template the item already names: nothing to apply
        editItems(doc_, refs_, [&](Item& x) { x = withTemplate(x, t); },
                  t ? tr("Apply template %1").arg(QString::fromStdString(t->name)) : tr("Detach from the template"));
    });
    return combo;
}

void ItemForm::showTemplate(QComboBox* combo)
{
    std::set<std::string> ids;
    for (const auto& r : refs_)
        ids.insert(templateIdOf(itemAt(doc_->model(), r)));
    const QString id = QString::fromStdString(*ids.begin());
    constexpr int UnknownRole = Qt::UserRole + 1;
    // Drop an entry added for another item's unknown template.
    for (int i = combo->count() - 1; i > 0; --i)
        if (combo->itemData(i, UnknownRole).toBool())
            combo->removeItem(i);
    int at = combo->findData(id);
    if (at < 0 && !id.isEmpty()) {
        // An unknown template (a newer file): show it, so that it is not silently dropped.
        combo->addItem(tr("%1 (not in this catalogue)").arg(id), id);
        at = combo->count() - 1;
        combo->setItemData(at, true, UnknownRole);
    }
    combo->setCurrentIndex(at);
    setMixed(combo, ids.size() > 1);
}

QWidget* ItemForm::fieldWidget(const std::string& path) const
{
    for (const auto& r : rows_)
        if (r.path == path)
            return r.widget;
    return nullptr;
}

QString ItemForm::fieldMessage(const std::string& path) const
{
    for (const auto& r : rows_)
        if (r.path == path)
            return r.message->isVisible() ? r.message->text() : QString();
    return {};
}

std::string ItemForm::fieldKey(const std::string& path) const
{
    std::string key = path;
    for (const auto& r : refs_)
        key += "|" + std::to_string(int(r.kind)) + ":" + std::to_string(r.index);
    return key;
}

void ItemForm::showProblems(const model::Problems& problems)
{
    std::vector<QStringList> messages(rows_.size());
    QStringList general;
    const model::Model& m = doc_->model();
    std::vector<std::string> bases;
    if (modelLevel_)
        bases.emplace_back();
    for (const auto& ref : refs_)
        if (ref.index >= 0 && ref.index < itemCount(m, ref.kind))
            bases.push_back(itemPath(m, ref));
    for (const auto& base : bases) {
        for (const auto& p : problems) {
            if (p.path.compare(0, base.size(), base) != 0)
                continue;
            std::string rest = p.path.substr(base.size());
            if (!base.empty()) {
                if (!rest.empty() && rest[0] != '.')
                    continue;
                if (!rest.empty())
                    rest.erase(0, 1);
            }
            // The row with the longest path that prefixes the problem's path claims it.
            int best = -1;
            size_t bestLen = 0;
            for (size_t i = 0; i < rows_.size(); ++i) {
                const std::string& rp = rows_[i].path;
                if (rp.empty() || !rows_[i].widget->isVisibleTo(this))
                    continue;
                const bool prefix = rest.compare(0, rp.size(), rp) == 0
                                    && (rest.size() == rp.size() || rest[rp.size()] == '.' || rest[rp.size()] == '[');
                if (prefix && rp.size() >= bestLen) {
                    best = int(i);
                    bestLen = rp.size();
                }
            }
            const QString text = QString::fromStdString(p.severity == model::Severity::Warning ? "warning: " + p.message : p.message);
            if (best >= 0)
                messages[size_t(best)] << text;
            else if (!base.empty())
                general << QString::fromStdString(p.path.substr(base.size()).empty() ? p.message : p.text());
        }
    }
    for (size_t i = 0; i < rows_.size(); ++i) {
        messages[i].removeDuplicates();
        rows_[i].message->setText(messages[i].join(QLatin1Char('\n')));
        rows_[i].message->setVisible(!messages[i].isEmpty());
    }
    general.removeDuplicates();
    general_->setText(general.join(QLatin1Char('\n')));
    general_->setVisible(!general.isEmpty());
}

}  // namespace nines::ui
