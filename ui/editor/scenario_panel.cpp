#include "scenario_panel.h"

#include "ui/document/document.h"
#include "ui/document/edit_commands.h"
#include "ui/document/item_access.h"

#include "model/io/scenario.h"
#include "model/path.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QColor>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace nines::ui {

using namespace nines::model;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string freshId(const std::vector<Scenario>& all)
{
    for (int n = 1;; ++n) {
        const std::string id = "scenario-" + std::to_string(n);
        if (std::none_of(all.begin(), all.end(), [&](const Scenario& s) { return s.id == id; }))
            return id;
    }
}

}  // namespace

ScenarioPanel::ScenarioPanel(Document* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , list_(new QListWidget(this))
    , overrides_(new QTableWidget(0, 2, this))
    , path_(new QLineEdit(this))
    , value_(new QLineEdit(this))
    , message_(new QLabel(this))
    , edit_(new QPushButton(this))
{
    auto* box = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Variants of the design, stored as overrides of the base: a change to the base reaches "
                                "every scenario that does not override that field."),
                             this);
    intro->setWordWrap(true);
    intro->setStyleSheet(QStringLiteral("color: #4a5568"));
    box->addWidget(intro);
    list_->setMaximumHeight(140);
    box->addWidget(list_);
    // Two rows of three buttons: in one row they held the dock (and the window) 570 px wide.
    auto* row = new QGridLayout;
    auto* create = new QPushButton(tr("New"), this);
    create->setToolTip(tr("A scenario of the base"));
    auto* derive = new QPushButton(tr("New from selected"), this);
    derive->setToolTip(tr("A scenario based on the selected one: its overrides first, then its own"));
    auto* rename = new QPushButton(tr("Rename"), this);
    auto* remove = new QPushButton(tr("Delete"), this);
    auto* up = new QPushButton(QStringLiteral("\u2191"), this);
    auto* down = new QPushButton(QStringLiteral("\u2193"), this);
    up->setToolTip(tr("Move up"));
    down->setToolTip(tr("Move down"));
    int at = 0;
    for (auto* b : {create, derive, rename, remove, up, down}) {
        row->addWidget(b, at / 3, at % 3);
        ++at;
    }
    row->setColumnStretch(3, 1);
    box->addLayout(row);
    edit_->setObjectName(QStringLiteral("editOnCanvas"));
    edit_->setToolTip(tr("Edit the selected scenario on the canvas and in the inspector (or double-click it); "
                         "what you change becomes its overrides"));
    box->addWidget(edit_);

    auto* title = new QLabel(tr("<b>Overrides of the selected scenario</b>"), this);
    box->addWidget(title);
    overrides_->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    overrides_->horizontalHeader()->setStretchLastSection(true);
    overrides_->verticalHeader()->hide();
    overrides_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    overrides_->setSelectionBehavior(QAbstractItemView::SelectRows);
    box->addWidget(overrides_, 1);
    auto* reset = new QPushButton(tr("Reset to the base value"), this);
    reset->setToolTip(tr("Remove the selected override: the field takes the base's value again"));
    box->addWidget(reset);
    auto* form = new QHBoxLayout;
    path_->setPlaceholderText(tr("field path, e.g. components[app].instances"));
    value_->setPlaceholderText(tr("value (JSON), e.g. 6"));
    auto* set = new QPushButton(tr("Override"), this);
    form->addWidget(path_, 3);
    form->addWidget(value_, 2);
    form->addWidget(set);
    box->addLayout(form);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #c53030"));
    box->addWidget(message_);

    connect(create, &QPushButton::clicked, this, [this] { selectScenario(createScenario()); });
    connect(derive, &QPushButton::clicked, this, [this] {
        const int cur = currentScenario();
        selectScenario(createScenario(cur >= 0 ? doc_->fileModel().scenarios[size_t(cur)].id : std::string()));
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        const int cur = currentScenario();
        if (cur < 0)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename scenario"), tr("Name:"), QLineEdit::Normal,
                                                   qs(doc_->fileModel().scenarios[size_t(cur)].name), &ok);
        if (ok)
            renameScenario(cur, name.toStdString());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (currentScenario() >= 0)
            message_->setText(deleteScenario(currentScenario()));
    });
    connect(up, &QPushButton::clicked, this, [this] { moveScenario(currentScenario(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { moveScenario(currentScenario(), +1); });
    connect(reset, &QPushButton::clicked, this, [this] {
        if (currentScenario() >= 0 && overrides_->currentRow() >= 0)
            resetOverride(currentScenario(), overrides_->currentRow());
    });
    connect(set, &QPushButton::clicked, this, [this] {
        if (currentScenario() < 0) {
            message_->setText(tr("Select or create a scenario first."));
            return;
        }
        message_->setText(setOverride(currentScenario(), path_->text().trimmed().toStdString(),
                                      value_->text().trimmed().toStdString()));
    });
    connect(list_, &QListWidget::currentRowChanged, this, [this] {
        if (!loading_)
            showOverrides();
    });
    connect(list_, &QListWidget::itemDoubleClicked, this, [this] { message_->setText(editScenario(currentScenario())); });
    connect(edit_, &QPushButton::clicked, this, [this] {
        const int cur = currentScenario();
        const bool editingThis = cur >= 0 && doc_->fileModel().scenarios[size_t(cur)].id == doc_->editTarget();
        message_->setText(editScenario(editingThis ? -1 : cur));
    });
    connect(doc_, &Document::editTargetChanged, this, &ScenarioPanel::reload);
    connect(doc_, &Document::modelChanged, this, &ScenarioPanel::reload);
    connect(doc_, &Document::documentReset, this, &ScenarioPanel::reload);
    reload();
}

int ScenarioPanel::currentScenario() const { return list_->currentRow(); }

void ScenarioPanel::selectScenario(int index)
{
    list_->setCurrentRow(index);
    showOverrides();
}

void ScenarioPanel::reload()
{
    const int keep = list_->currentRow();
    loading_ = true;
    list_->clear();
    for (const auto& s : doc_->fileModel().scenarios) {
        QString text = qs(s.name.empty() ? s.id : s.name);
        if (s.based_on)
            text += tr("  (based on %1)").arg(qs(*s.based_on));
        if (s.id == doc_->editTarget())
            text += tr("  \u2014 editing");
        list_->addItem(text);
        if (s.id == doc_->editTarget()) {
            QFont f = list_->item(list_->count() - 1)->font();
            f.setBold(true);
            list_->item(list_->count() - 1)->setFont(f);
            list_->item(list_->count() - 1)->setForeground(QColor(0x80, 0x5a, 0xd5));
        }
    }
    list_->setCurrentRow(std::min(keep, list_->count() - 1));
    loading_ = false;
    showOverrides();
}

QString ScenarioPanel::editScenario(int index)
{
    const auto& all = doc_->fileModel().scenarios;
    if (index >= int(all.size()))
        return tr("There is no such scenario.");
    const QString why = doc_->setEditTarget(index < 0 ? std::string() : all[size_t(index)].id);
    return why.isEmpty() ? QString() : tr("Cannot edit it on the canvas until its overrides apply: %1").arg(why);
}

void ScenarioPanel::showOverrides()
{
    const int cur = currentScenario();
    const auto& all = doc_->fileModel().scenarios;
    const bool editingThis = cur >= 0 && cur < int(all.size()) && all[size_t(cur)].id == doc_->editTarget();
    edit_->setText(editingThis ? tr("Back to the base design") : tr("Edit on canvas"));
    edit_->setEnabled(cur >= 0 || !doc_->editTarget().empty());
    const std::vector<Operation> ops = cur >= 0 && cur < int(all.size()) ? all[size_t(cur)].operations : std::vector<Operation>{};
    overrides_->setRowCount(int(ops.size()));
    for (int i = 0; i < int(ops.size()); ++i) {
        const Operation& op = ops[size_t(i)];
        const QString what = op.op == OperationType::Set ? qs(op.path)
                             : op.op == OperationType::Add ? tr("add to %1").arg(qs(op.path))
                                                           : tr("remove %1").arg(qs(op.path));
        overrides_->setItem(i, 0, new QTableWidgetItem(what));
        overrides_->setItem(i, 1, new QTableWidgetItem(qs(op.value_json)));
    }
    overrides_->resizeColumnToContents(0);
}

int ScenarioPanel::createScenario(const std::string& basedOn)
{
    std::vector<Scenario> all = doc_->fileModel().scenarios;
    Scenario s;
    s.id = freshId(all);
    s.name = tr("Scenario %1").arg(all.size() + 1).toStdString();
    if (!basedOn.empty())
        s.based_on = basedOn;
    all.push_back(s);
    doc_->undoStack()->push(new ScenariosCommand(doc_, all, tr("New scenario")));
    return int(doc_->fileModel().scenarios.size()) - 1;
}

bool ScenarioPanel::renameScenario(int index, const std::string& name)
{
    std::vector<Scenario> all = doc_->fileModel().scenarios;
    if (index < 0 || index >= int(all.size()) || name.empty() || all[size_t(index)].name == name)
        return false;
    all[size_t(index)].name = name;
    doc_->undoStack()->push(new ScenariosCommand(doc_, all, tr("Rename scenario")));
    return true;
}

QString ScenarioPanel::deleteScenario(int index)
{
    std::vector<Scenario> all = doc_->fileModel().scenarios;
    if (index < 0 || index >= int(all.size()))
        return {};
    const std::string id = all[size_t(index)].id;
    for (const auto& s : all)
        if (s.based_on && *s.based_on == id)
            return tr("\u201c%1\u201d is the base of \u201c%2\u201d: delete that one first.")
                .arg(qs(all[size_t(index)].name), qs(s.name.empty() ? s.id : s.name));
    all.erase(all.begin() + index);
    doc_->undoStack()->push(new ScenariosCommand(doc_, all, tr("Delete scenario")));
    return {};
}

void ScenarioPanel::moveScenario(int index, int delta)
{
    std::vector<Scenario> all = doc_->fileModel().scenarios;
    const int to = index + delta;
    if (index < 0 || index >= int(all.size()) || to < 0 || to >= int(all.size()))
        return;
    std::swap(all[size_t(index)], all[size_t(to)]);
    doc_->undoStack()->push(new ScenariosCommand(doc_, all, tr("Reorder scenarios")));
    selectScenario(to);
}

QString ScenarioPanel::setOverride(int index, const std::string& path, const std::string& valueJson)
{
    std::vector<Scenario> all = doc_->fileModel().scenarios;
    if (index < 0 || index >= int(all.size()))
        return tr("no such scenario");
    std::string why;
    if (!parsePath(path, &why))
        return tr("\u201c%1\u201d is not a field path (%2)").arg(qs(path), qs(why));
    QJsonParseError err;
    const QJsonDocument value = QJsonDocument::fromJson(QByteArray("[") + QByteArray::fromStdString(valueJson) + "]", &err);
    if (valueJson.empty() || err.error != QJsonParseError::NoError || value.array().size() != 1)
        return tr("the value must be one JSON value (a number, \"text\", true, an object...), got \u201c%1\u201d")
            .arg(qs(valueJson));
    auto& ops = all[size_t(index)].operations;
    // One override per field: a second one for the same path replaces it.
    ops.erase(std::remove_if(ops.begin(), ops.end(),
                             [&](const Operation& o) { return o.op == OperationType::Set && o.path == path; }),
              ops.end());
    ops.push_back({OperationType::Set, path, valueJson});
    Model candidate = doc_->fileModel();
    candidate.scenarios = all;
    model::Problems problems;
    if (!io::resolveScenario(candidate, all[size_t(index)].id, problems))
        return problems.empty() ? tr("the scenario would not be valid") : qs(problems.front().message);
    doc_->undoStack()->push(new ScenariosCommand(doc_, all, tr("Override %1").arg(qs(path))));
    path_->clear();
    value_->clear();
    return {};
}

void ScenarioPanel::resetOverride(int index, int op)
{
    std::vector<Scenario> all = doc_->fileModel().scenarios;
    if (index < 0 || index >= int(all.size()) || op < 0 || op >= int(all[size_t(index)].operations.size()))
        return;
    const std::string path = all[size_t(index)].operations[size_t(op)].path;
    all[size_t(index)].operations.erase(all[size_t(index)].operations.begin() + op);
    doc_->undoStack()->push(new ScenariosCommand(doc_, all, tr("Reset %1 to the base").arg(qs(path))));
}

}  // namespace nines::ui
