#include "item_form.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLabel>
#include <QVBoxLayout>

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
    loading_ = false;
}

void ItemForm::addRow(QFormLayout* form, const QString& label, QWidget* widget, const std::string& path)
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
    box->addWidget(widget);
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
    rows_.push_back({path, widget, labelWidget, message});
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
        if (r.widget == widget)
            r.path = path;
}

void ItemForm::setMixed(QWidget* widget, bool mixed)
{
    for (auto& r : rows_)
        if (r.widget == widget) {
            QFont f = r.label->font();
            f.setItalic(mixed);
            r.label->setFont(f);
            r.label->setToolTip(mixed ? tr("The selected items differ here; a change applies to all of them") : QString());
        }
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
