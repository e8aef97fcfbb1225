// The window's files: New, Open, Save, Save As, examples, recent files, dropping a file on the
// window, the unsaved-changes prompt, and autosave with recovery after a crash.
#include "ui/window/main_window.h"
#include "ui/editor/auto_layout.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/diagram_view.h"
#include "ui/document/document.h"
#include "ui/document/edits.h"
#include "ui/editor/inspector.h"
#include "ui/editor/item_form.h"
#include "model/io/model_file.h"
#include "ui/editor/palette.h"
#include "ui/report/report.h"
#include "ui/results/results_view.h"
#include "ui/results/run_panel.h"
#include "ui/editor/scenario_panel.h"
#include "ui/editor/problem_list_model.h"
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace nines::ui {

using namespace nines::model;

namespace {
constexpr int kMaxRecent = 10;
}  // namespace

QString MainWindow::fileFilter()
{
    return tr("Nines models (*.nines.json *.json);;All files (*)");
}

QString MainWindow::withModelSuffix(const QString& path)
{
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return path;
    if (path.endsWith(QStringLiteral(".nines"), Qt::CaseInsensitive))
        return path + QStringLiteral(".json");
    return path + QStringLiteral(".nines.json");
}

QString MainWindow::lastDirectory() const
{
    if (!doc_->filePath().isEmpty())
        return QFileInfo(doc_->filePath()).absolutePath();
    const QString last = QSettings().value(QStringLiteral("lastDirectory")).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString MainWindow::saveStartPath() const
{
    if (!doc_->filePath().isEmpty())
        return doc_->filePath();
    // The model's name as a file name: letters, digits, '-' and '_' kept, the rest a '-'.
    QString name = QString::fromStdString(doc_->model().name).trimmed().toLower();
    for (QChar& ch : name)
        if (!ch.isLetterOrNumber() && ch != QLatin1Char('-') && ch != QLatin1Char('_'))
            ch = QLatin1Char('-');
    while (name.contains(QStringLiteral("--")))
        name.replace(QStringLiteral("--"), QStringLiteral("-"));
    name = name.mid(name.startsWith(QLatin1Char('-')) ? 1 : 0);
    if (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("model");
    return QDir(lastDirectory()).filePath(name + QStringLiteral(".nines.json"));
}

QStringList MainWindow::examplePaths()
{
    QStringList out;
    for (const QString& name : QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.nines.json")}, QDir::Files, QDir::Name))
        out << QStringLiteral(":/examples/") + name;
    return out;
}

void MainWindow::newDocument(const QString& templatePath)
{
    Model m;
    if (!templatePath.isEmpty()) {
        const io::LoadResult r = io::loadModelFile(templatePath);
        if (r.json_ok)
            m = r.document();
    } else {
        m.name = tr("New system").toStdString();
    }
    layoutMissingPositions(m);
    doc_->reset(m, {});  // a template is a starting point, not the file to overwrite
    pasteCount_ = 0;
    view_->fitAll();
    updateTitle();
}

bool MainWindow::openFile(const QString& path)
{
    io::LoadResult r = io::loadModelFile(path);
    if (r.read_failed || !r.json_ok) {
        QStringList why;
        for (const auto& p : r.problems)
            why << QString::fromStdString(p.text());
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                  tr("%1 cannot be opened as a Nines model:\n%2").arg(QDir::toNativeSeparators(path), why.join(QLatin1Char('\n'))));
        return false;
    }
    layoutMissingPositions(r.document());
    doc_->reset(std::move(r.document()), QFileInfo(path).absoluteFilePath(), std::move(r.reader_problems));
    pasteCount_ = 0;
    addRecent(QFileInfo(path).absoluteFilePath());
    if (!path.startsWith(QLatin1Char(':')))  // not a bundled resource
        QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    view_->fitAll();
    updateTitle();
    const int errors = problems_->errorCount();
    statusBar()->showMessage(errors ? tr("Opened %1 with %n problem(s): see the Problems list", nullptr, errors)
                                          .arg(QFileInfo(path).fileName())
                                    : tr("Opened %1").arg(QFileInfo(path).fileName()),
                             8000);
    return true;
}

bool MainWindow::save()
{
    if (doc_->filePath().isEmpty()) {
        const QString path = askSavePath();
        return !path.isEmpty() && saveAs(withModelSuffix(path));
    }
    return saveAs(doc_->filePath());
}

bool MainWindow::saveAs(const QString& path)
{
    const QString why = io::saveModelFile(doc_->fileModel(), path);
    if (!why.isEmpty()) {
        showError(tr("Cannot save"), tr("%1 was not saved: %2\nYour work is still open.").arg(QDir::toNativeSeparators(path), why));
        return false;
    }
    doc_->markSaved(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    recovery_->discard();
    addRecent(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(doc_->hasErrors() ? tr("Saved %1 (it still has problems to fix before it can run)").arg(QFileInfo(path).fileName())
                                               : tr("Saved %1").arg(QFileInfo(path).fileName()),
                             5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!doc_->isModified())
        return true;
    switch (askToSave(tr("%1 has unsaved changes. Save them?").arg(doc_->displayName()))) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

void MainWindow::autosaveNow()
{
    if (!doc_->isModified())
        return;
    if (const QString why = recovery_->save(doc_->fileModel(), doc_->filePath()); !why.isEmpty())
        statusBar()->showMessage(tr("Autosave failed: %1").arg(why), 8000);
}

bool MainWindow::offerRecovery()
{
    const auto pending = recovery_->pending();
    if (pending.empty())
        return false;
    // One copy at a time, the newest: the others (other windows that crashed) stay untouched, to
    // be offered next.
    const RecoveryStore::Pending& p = pending.front();
    if (!askRestore(p)) {
        RecoveryStore::remove(p);  // declined: the user chose to let it go
        return false;
    }
    io::LoadResult r = io::loadModelFile(p.file);
    if (!r.json_ok) {
        showError(tr("Restore"), tr("The recovered copy %1 could not be read: %2. It was left where it is.")
                                     .arg(QDir::toNativeSeparators(p.file),
                                          r.problems.empty() ? QString() : QString::fromStdString(r.problems.front().message)));
        return false;
    }
    layoutMissingPositions(r.document());
    doc_->reset(std::move(r.document()), p.originalPath, std::move(r.reader_problems));
    doc_->markRestored();
    view_->fitAll();
    updateTitle();
    // Safe under this session's name before the old copy goes; if that fails, the old one stays.
    if (const QString why = recovery_->save(doc_->fileModel(), doc_->filePath()); why.isEmpty())
        RecoveryStore::remove(p);
    else
        statusBar()->showMessage(tr("Autosave failed: %1; the recovered copy stays where it was").arg(why), 8000);
    const bool restored = true;
    return restored;
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (!maybeSave()) {
        e->ignore();
        return;
    }
    recovery_->discard();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e)
{
    const auto urls = e->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    e->acceptProposedAction();
    if (maybeSave())
        openFile(urls.front().toLocalFile());
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!recentMenu_)
        return;
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent) {
        QAction* a = recentMenu_->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

}  // namespace nines::ui
