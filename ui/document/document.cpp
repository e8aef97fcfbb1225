#include "document.h"

#include "model/io/json_reader.h"
#include "model/io/json_writer.h"
#include "model/io/model_file.h"
#include "model/io/provenance.h"
#include "model/io/scenario.h"
#include "model/io/scenario_diff.h"
#include "model/io/template_merge.h"
#include "model/path.h"
#include "model/validate.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUndoStack>

namespace nines::ui {

Document::Document(QObject* parent)
    : QObject(parent)
    , undo_(new QUndoStack(this))
{
    connect(undo_, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(restored_ || !clean); });
}

Document::~Document() = default;

void Document::reset(model::Model m, const QString& path, model::Problems readProblems)
{
    const bool wasModified = isModified();
    restored_ = false;
    undo_->clear();
    model_ = std::move(m);
    const bool wasScenario = !target_.empty();
    target_.clear();
    view_ = {};
    wordings_.clear();
    marks_.clear();
    readProblems_ = std::move(readProblems);
    problemsStale_ = true;
    const bool pathChanged = path != path_;
    path_ = path;
    Q_EMIT documentReset();
    if (wasScenario)
        Q_EMIT editTargetChanged();
    Q_EMIT modelChanged();
    if (pathChanged)
        Q_EMIT filePathChanged(path_);
    if (wasModified)
        Q_EMIT modifiedChanged(false);
    scheduleValidation();
}

QString Document::displayName() const
{
    return path_.isEmpty() ? tr("Untitled") : QFileInfo(path_).fileName();
}

bool Document::isModified() const { return restored_ || !undo_->isClean(); }

void Document::markRestored()
{
    restored_ = true;
    Q_EMIT modifiedChanged(true);
}

void Document::markSaved(const QString& path)
{
    // The file now holds the model as it is: problems of the old file's text no longer apply.
    if (!readProblems_.empty()) {
        readProblems_.clear();
        problemsStale_ = true;
        scheduleValidation();
    }
    const bool wasRestored = restored_;
    restored_ = false;
    undo_->setClean();
    if (wasRestored)
        Q_EMIT modifiedChanged(false);
    if (path != path_) {
        path_ = path;
        Q_EMIT filePathChanged(path_);
    }
}

const model::Problems& Document::problems() const
{
    if (problemsStale_) {
        problems_ = readProblems_;
        const model::Problems v = io::validateDocument(model_, model::hasErrors(readProblems_));
        if (target_.empty()) {
            problems_.insert(problems_.end(), v.begin(), v.end());
        } else {
            // In a scenario the problems of its model are shown at their own fields (where the
            // inspector and canvas find them), instead of summed up under the scenario.
            std::vector<std::string> ids;
            for (const auto& sc : model_.scenarios)
                ids.push_back(sc.id);
            const auto at = std::find(ids.begin(), ids.end(), target_);
            const std::string own = model::elementPath("scenarios", ids, size_t(at - ids.begin()));
            for (const auto& p : v)
                if (p.path != own || p.message.rfind("in the resulting model", 0) != 0)
                    problems_.push_back(p);
            for (const auto& p : model::validate(view_))
                if (std::find(problems_.begin(), problems_.end(), p) == problems_.end())
                    problems_.push_back(p);
        }
        problemsStale_ = false;
    }
    return problems_;
}

bool Document::hasErrors() const { return model::hasErrors(problems()); }

void Document::endBatch()
{
    if (--batch_ == 0 && changedInBatch_) {
        changedInBatch_ = false;
        changed();
    }
}

void Document::changed()
{
    if (batch_ > 0) {
        changedInBatch_ = true;
        return;
    }
    if (!target_.empty())
        storeView();
    notify();
}

void Document::notify()
{
    if (batch_ > 0) {
        changedInBatch_ = true;
        return;
    }
    refreshMarks();
    problemsStale_ = true;
    Q_EMIT modelChanged();
    scheduleValidation();
}

void Document::scheduleValidation()
{
    // Typing in a field changes the model once per keystroke: validate once the burst is over.
    if (validationQueued_)
        return;
    validationQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        validationQueued_ = false;
        problems();
        Q_EMIT problemsChanged();
    });
}

namespace {

const model::Scenario* scenarioOf(const model::Model& m, const std::string& id)
{
    for (const auto& s : m.scenarios)
        if (s.id == id)
            return &s;
    return nullptr;
}

// Fields of the base wherever they are edited: a scenario's operations on them are kept as they
// are, and edits of a scenario's model never become operations on them.
bool baseOnlyField(const std::string& path)
{
    const auto steps = model::parsePath(path);
    if (!steps || steps->empty())
        return false;
    const std::string& f = steps->front().field;
    return f == "name" || f == "description" || f == "settings" || f == "format" || f == "scenarios";
}

/// The design part of a model as scenario operations see it (no header, no scenarios).
QJsonObject designOf(const model::Model& m)
{
    model::Model v = m;
    v.scenarios.clear();
    QJsonObject doc = io::writeModel(v, {.keep_templates = false});
    for (const char* key : {"format", "name", "description", "settings"})
        doc.remove(QLatin1String(key));
    return doc;
}

bool inside(const std::string& path, const std::string& outer)
{
    return path.size() > outer.size() && path.compare(0, outer.size(), outer) == 0
           && (path[outer.size()] == '.' || path[outer.size()] == '[');
}

}  // namespace

QString Document::setEditTarget(const std::string& id)
{
    if (id == target_)
        return {};
    const std::string old = target_;
    target_ = id;
    if (!id.empty()) {
        QString why;
        if (!resolveView(&why)) {
            target_ = old;
            if (!old.empty())
                resolveView();
            return why;
        }
    } else {
        view_ = {};
    }
    Q_EMIT editTargetChanged();
    notify();
    return {};
}

bool Document::editOn(const std::string& target)
{
    return target == target_ || (setEditTarget(target).isEmpty() && target == target_);
}

bool Document::resolveView(QString* why)
{
    model::Problems problems;
    const auto start = io::scenarioDocument(model_, target_, false, problems);
    const auto full = start ? io::scenarioDocument(model_, target_, true, problems) : std::nullopt;
    if (!full) {
        if (why)
            *why = problems.empty() ? tr("the scenario it builds on cannot be applied")
                                    : QString::fromStdString(problems.front().text());
        return false;
    }
    viewStart_ = *start;
    model::Problems readProblems;  // the scenario's problems show once validated
    view_ = io::readModel(*full, readProblems);
    // Remember how the scenario says this model, so that an edit undone gives back its own
    // operations rather than equivalent ones.
    const QJsonObject shown = designOf(view_);
    const std::vector<model::Operation>& ops = scenarioOf(model_, target_)->operations;
    if (std::none_of(wordings_.begin(), wordings_.end(), [&](const Wording& w) {
            return w.scenario == target_ && w.start == viewStart_ && w.design == shown;
        }))
        wordings_.push_back({target_, viewStart_, shown, ops});
    view_.name = model_.name;
    view_.description = model_.description;
    view_.settings = model_.settings;
    view_.scenarios = model_.scenarios;
    return true;
}

void Document::storeView()
{
    auto it = std::find_if(model_.scenarios.begin(), model_.scenarios.end(),
                           [&](const model::Scenario& s) { return s.id == target_; });
    if (it == model_.scenarios.end())
        return;
    const QJsonObject doc = designOf(view_);
    for (const Wording& w : wordings_)
        if (w.scenario == target_ && w.start == viewStart_ && w.design == doc) {
            it->operations = w.operations;
            view_.scenarios = model_.scenarios;
            return;
        }
    std::vector<model::Operation> ops;
    for (const auto& op : it->operations)
        if (baseOnlyField(op.path))
            ops.push_back(op);
    auto diff = io::diffDocuments(viewStart_, doc, {"format", "name", "description", "settings", "scenarios"});
    // What a scenario adds reads best first ("add zone C", then "spread the app over it");
    // the operations are independent, so their order does not change the result.
    std::stable_partition(diff.begin(), diff.end(), [](const model::Operation& op) { return op.op == model::OperationType::Add; });
    ops.insert(ops.end(), diff.begin(), diff.end());
    it->operations = std::move(ops);
    view_.scenarios = model_.scenarios;
}

void Document::setScenarios(std::vector<model::Scenario> scenarios)
{
    model_.scenarios = std::move(scenarios);
    // A deleted scenario's wordings must not reach a new one given the same id.
    std::erase_if(wordings_, [&](const Wording& w) { return !scenarioOf(model_, w.scenario); });
    if (!target_.empty() && (!scenarioOf(model_, target_) || !resolveView())) {
        target_.clear();
        view_ = {};
        Q_EMIT editTargetChanged();
    }
    notify();
}

void Document::setHeader(const std::string& name, const std::string& description, const model::Settings& settings)
{
    for (model::Model* m : {&model_, &view_}) {
        m->name = name;
        m->description = description;
        m->settings = settings;
    }
}

void Document::refreshMarks()
{
    // Read once per change of the operations, not once per field or card asking.
    marks_.clear();
    const model::Scenario* s = target_.empty() ? nullptr : scenarioOf(model_, target_);
    if (!s)
        return;
    for (const auto& op : s->operations) {
        Mark m{op.op, io::pathByIds(viewStart_, op.path), {}};
        if (op.op == model::OperationType::Add) {
            const std::string id = io::operationValue(op.value_json).toObject().value(QLatin1String("id")).toString().toStdString();
            if (!id.empty())
                m.item = m.path + "[" + id + "]";
        }
        marks_.push_back(std::move(m));
    }
}

std::vector<size_t> Document::operationsAt(const std::string& path) const
{
    std::vector<size_t> out;
    for (size_t i = 0; i < marks_.size(); ++i)
        if (marks_[i].op != model::OperationType::Add && (marks_[i].path == path || inside(marks_[i].path, path)))
            out.push_back(i);
    return out;
}

Document::Override Document::overrideOf(const std::string& path) const
{
    Override o;
    for (const Mark& m : marks_) {
        if (!m.item.empty() && (path == m.item || inside(path, m.item)))
            o.added = true;
        else if (inside(m.path, path) && m.path.size() > 9 && m.path.compare(m.path.size() - 9, 9, ".position") == 0)
            continue;  // where an item is drawn is not part of the design
        else if (m.path == path || inside(m.path, path) || (m.op != model::OperationType::Add && inside(path, m.path)))
            o.overridden = true;
    }
    if (o.overridden && !o.added) {
        const QJsonValue v = io::valueAtPath(viewStart_, path);
        o.baseValue = v.isUndefined() ? tr("not set (its default)") : QString::fromStdString(io::describeValue(path, v));
    }
    return o;
}

QString Document::editTargetName() const
{
    const model::Scenario* s = target_.empty() ? nullptr : scenarioOf(model_, target_);
    return s ? QString::fromStdString(s->name.empty() ? s->id : s->name) : QString();
}

}  // namespace nines::ui
