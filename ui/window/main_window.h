// The editor window: palette, canvas, inspector and problems around one Document, with the
// file, edit and view actions, recent files, window layout (QSettings) and autosave/recovery.
#pragma once

#include "ui/document/recovery_store.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <memory>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;
class QTimer;

namespace nines::study {
struct Evaluation;
}

namespace nines::ui {

class DiagramScene;
class DiagramView;
class Document;
class Inspector;
class Palette;
class ProblemListModel;
class ResultsView;
class RunPanel;
class ScenarioPanel;
class CompareView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options {
        QString recoveryDirectory;       // default: <app data>/recovery
        int autosaveIntervalMs = 60000;  // every minute
    };
    explicit MainWindow(Options options, QWidget* parent = nullptr);
    MainWindow() : MainWindow(Options{}) {}
    ~MainWindow() override;

    /// Opens a model file. A file that is JSON but fails validation opens with its problems
    /// listed; one that is not a model at all is refused with the reason. Returns success.
    bool openFile(const QString& path);
    /// Saves to the document's file (Save As when it has none). Returns success.
    bool save();
    bool saveAs(const QString& path);
    /// A new document: blank, or a copy of a bundled example (":/examples/NAME.nines.json").
    void newDocument(const QString& templatePath = {});
    /// Lays out every node afresh (one undo step).
    void autoLayout();
    /// Writes the recovery file now if there are unsaved changes.
    void autosaveNow();
    /// Offers to restore work left by a session that crashed; returns true if restored.
    bool offerRecovery();
    /// Writes the report of the results on show (.pdf, .html, .csv or .json). Returns success.
    bool exportReport(const QString& path);
    /// Shows the canvas (false) or the results dashboard (true).
    void showResults(bool results);
    /// Help > User Guide (F1): docs/user-guide.md in a window of its own.
    void showUserGuide();

    Document* document() const { return doc_; }
    DiagramScene* scene() const { return scene_; }
    DiagramView* view() const { return view_; }
    Inspector* inspector() const { return inspector_; }
    Palette* palette() const { return palette_; }
    QTableView* problemsView() const { return problemsView_; }
    RunPanel* runPanel() const { return run_; }
    ScenarioPanel* scenarioPanel() const { return scenarios_; }
    CompareView* compareView() const { return compare_; }
    ResultsView* resultsView() const { return results_; }
    QTabWidget* tabs() const { return tabs_; }
    RecoveryStore* recovery() const { return recovery_.get(); }
    QAction* action(const QString& objectName) const;

    /// The bundled examples, as resource paths.
    static QStringList examplePaths();
    /// A path typed in the save dialog with the model suffix: "mine" is saved as
    /// "mine.nines.json", which the Open dialog lists; a name ending in .json is kept.
    static QString withModelSuffix(const QString& path);
    /// Where the save dialog starts: the document's file, or the model's name as a file in the
    /// folder last used (the Documents folder at first), never the working directory.
    QString saveStartPath() const;
    /// The folder the Open dialog starts in, by the same rule.
    QString lastDirectory() const;

    /// Dialog hooks, replaced by tests: whether to save unsaved changes, where to save,
    /// whether to restore a recovery file, and how to show an error.
    std::function<QMessageBox::StandardButton(const QString& question)> askToSave;
    std::function<QString()> askSavePath;
    std::function<bool(const RecoveryStore::Pending&)> askRestore;
    std::function<void(const QString& title, const QString& text)> showError;
    /// Where to write a report (File > Export Report).
    std::function<QString()> askReportPath;

protected:
    void closeEvent(QCloseEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void createActions();
    static QString fileFilter();
    void createDocks();
    bool maybeSave();
    void updateTitle();
    void updateStatus();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void copySelection();
    void paste();
    void duplicate();
    void selectProblem(const QModelIndex& index);
    void showAnalysis(std::shared_ptr<const study::Evaluation> a);

    Options options_;
    Document* doc_;
    DiagramScene* scene_;
    DiagramView* view_;
    Palette* palette_;
    Inspector* inspector_;
    ProblemListModel* problems_;
    QTableView* problemsView_;
    RunPanel* run_;
    ScenarioPanel* scenarios_;
    ResultsView* results_;
    CompareView* compare_;
    bool compareAsked_ = false;  // the Compare tab's button started the run: show that tab after
    QTabWidget* tabs_;
    QLabel* statusCounts_;
    QLabel* statusZoom_;
    QMenu* recentMenu_ = nullptr;
    QTimer* autosave_;
    std::unique_ptr<RecoveryStore> recovery_;
    int pasteCount_ = 0;
    bool docksSized_ = false;
    QDialog* guide_ = nullptr;  // Help > User Guide, made when first asked for
};

}  // namespace nines::ui
