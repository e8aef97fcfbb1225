#include "document.h"

#include "model/io/model_file.h"

#include <QFileInfo>
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
    readProblems_ = std::move(readProblems);
    problemsStale_ = true;
    const bool pathChanged = path != path_;
    path_ = path;
    Q_EMIT documentReset();
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
        problems_.insert(problems_.end(), v.begin(), v.end());
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

}  // namespace nines::ui
