#include "main_window.h"

#include "ui/editor/auto_layout.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/diagram_scene.h"
#include "ui/scenarios/compare_view.h"
#include "ui/editor/diagram_view.h"
#include "ui/editor/edit_target_bar.h"
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
#include "ui/present/number_format.h"
#include "user_guide.h"
#include "wheel_guard.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDialog>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QVBoxLayout>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QWhatsThis>

namespace nines::ui {

using namespace nines::model;

namespace {

QString exampleTitle(const QString& path)
{
    QString name = QFileInfo(path).fileName();
    name.chop(int(QStringLiteral(".nines.json").size()));
    name.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

// The platform's key for a standard action, or the usual one where the platform has none: on a
// plain X11 desktop QKeySequence::SaveAs is empty, and Ctrl+Shift+S did nothing.
QKeySequence standardKey(QKeySequence::StandardKey key, QKeyCombination fallback)
{
    const QList<QKeySequence> bound = QKeySequence::keyBindings(key);
    return bound.isEmpty() ? QKeySequence(fallback) : bound.front();
}
}  // namespace

MainWindow::MainWindow(Options options, QWidget* parent)
    : QMainWindow(parent)
    , options_(std::move(options))
    , doc_(new Document(this))
    , scene_(new DiagramScene(doc_, this))
    , view_(new DiagramView(scene_, this))
    , palette_(new Palette(this))
    , inspector_(new Inspector(doc_, this))
    , problems_(new ProblemListModel(this))
    , problemsView_(new QTableView(this))
    , run_(new RunPanel(doc_, this))
    , scenarios_(new ScenarioPanel(doc_, this))
    , results_(new ResultsView(this))
    , compare_(new CompareView(doc_, this))
    , tabs_(new QTabWidget(this))
    , statusCounts_(new QLabel(this))
    , statusZoom_(new QLabel(this))
    , autosave_(new QTimer(this))
    , recovery_(std::make_unique<RecoveryStore>(options_.recoveryDirectory))
{
    setObjectName(QStringLiteral("MainWindow"));
    WheelGuard::install();  // before any field is polished (shown)
    // The design and its results share the centre: the results dashboard needs the room.
    // The design tab: what the editors work on (base or scenario) above the canvas.
    auto* design = new QWidget(this);
    auto* designBox = new QVBoxLayout(design);
    designBox->setContentsMargins(0, 0, 0, 0);
    designBox->setSpacing(0);
    designBox->addWidget(new EditTargetBar(doc_, design));
    designBox->addWidget(view_, 1);
    tabs_->addTab(design, tr("Design"));
    tabs_->addTab(results_, tr("Results"));
    tabs_->addTab(compare_, tr("Compare"));
    tabs_->setDocumentMode(true);
    setCentralWidget(tabs_);
    setAcceptDrops(true);
    setWindowIcon(namedIcon(QStringLiteral("region")));
    createDocks();
    createActions();
    statusBar()->addPermanentWidget(statusCounts_);
    statusBar()->addPermanentWidget(statusZoom_);

    askToSave = [this](const QString& question) {
        return QMessageBox::question(this, tr("Unsaved changes"), question,
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    askSavePath = [this] {
        // The dialog adds the suffix itself, so that it asks before replacing the file that is
        // actually written ("mine" is saved as mine.nines.json).
        QFileDialog dialog(this, tr("Save model"), saveStartPath(), fileFilter());
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(QStringLiteral("nines.json"));
        return dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty() ? dialog.selectedFiles().front() : QString();
    };
    askRestore = [this](const RecoveryStore::Pending& p) {
        const QString what = p.originalPath.isEmpty() ? tr("an unsaved model") : QDir::toNativeSeparators(p.originalPath);
        return QMessageBox::question(this, tr("Restore unsaved work?"),
                                     tr("Nines did not close properly last time. Unsaved changes to %1 from %2 were kept. "
                                        "Restore them?").arg(what, QLocale().toString(p.savedAt.toLocalTime(), QLocale::ShortFormat)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
               == QMessageBox::Yes;
    };
    showError = [this](const QString& title, const QString& text) { QMessageBox::warning(this, title, text); };
    askReportPath = [this] {
        const QString base = QFileInfo(doc_->filePath()).completeBaseName();
        return QFileDialog::getSaveFileName(this, tr("Export Report"), base.isEmpty() ? tr("report.pdf") : base + QStringLiteral(".pdf"),
                                            tr("PDF report (*.pdf);;HTML report (*.html);;CSV tables (*.csv);;JSON (*.json)"));
    };
    connect(run_, &RunPanel::finished, this, [this](std::shared_ptr<const study::Evaluation> a) { showAnalysis(std::move(a)); });
    connect(compare_, &CompareView::compareRequested, this, [this] {
        compareAsked_ = true;
        if (!run_->simulate())
            compareAsked_ = false;
    });
    connect(run_, &RunPanel::started, this, [this] { statusBar()->showMessage(tr("Simulating..."), 3000); });

    connect(scene_, &DiagramScene::selectedRefsChanged, this, [this] { inspector_->setSelection(scene_->selectedRefs()); });
    connect(scene_, &DiagramScene::message, this, [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    connect(view_, &DiagramView::zoomChanged, this, [this](double z) { statusZoom_->setText(tr("Zoom %1%").arg(qRound(z * 100))); });
    connect(doc_, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(doc_, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(doc_, &Document::editTargetChanged, this, [this] {
        updateTitle();
        showResults(false);
    });
    connect(doc_, &Document::modelChanged, this, &MainWindow::updateStatus);
    connect(doc_, &Document::modelChanged, this, [this] {
        // Results belong to the model they were computed for; run settings are not the design.
        if (auto a = results_->analysis())
            results_->setStale(!study::sameDesign(a->model, doc_->fileModel()));
    });
    connect(doc_, &Document::documentReset, this, [this] {
        run_->discard();  // a run of the previous document must not land on this one
        showAnalysis(nullptr);
    });
    connect(doc_, &Document::problemsChanged, this, [this] {
        problems_->setProblems(doc_->problems());
        updateStatus();
    });
    connect(palette_, &Palette::activatedKey, this, [this](const QString& key) {
        scene_->createFromPalette(key, view_->mapToScene(view_->viewport()->rect().center()));
    });
    connect(autosave_, &QTimer::timeout, this, &MainWindow::autosaveNow);
    autosave_->start(options_.autosaveIntervalMs);

    QSettings settings;
    // 1,400 by 900; on a smaller screen (a 1,280 by 720 laptop) maximized, so that the frame
    // fits too. A size saved on another screen is brought back onto this one by restoreGeometry.
    const QSize preferred(1400, 900);
    resize(preferred);
    const QByteArray saved = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (saved.isEmpty()) {
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            const QSize room = screen->availableGeometry().size();
            if (room.width() < preferred.width() || room.height() < preferred.height()) {
                resize(preferred.boundedTo(room));
                setWindowState(windowState() | Qt::WindowMaximized);
            }
        }
    }
    restoreGeometry(saved);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    rebuildRecentMenu();
    newDocument();
}

MainWindow::~MainWindow()
{
    // The document goes first among the children: the views must stop listening before.
    scene_->blockSignals(true);
    doc_->blockSignals(true);
}

void MainWindow::createDocks()
{
    auto* paletteDock = new QDockWidget(tr("Palette"), this);
    paletteDock->setObjectName(QStringLiteral("PaletteDock"));
    paletteDock->setWidget(palette_);
    palette_->setMinimumWidth(220);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("InspectorDock"));
    inspectorDock->setWidget(inspector_);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    auto* scenarioDock = new QDockWidget(tr("Scenarios"), this);
    scenarioDock->setObjectName(QStringLiteral("ScenarioDock"));
    scenarioDock->setWidget(scenarios_);
    addDockWidget(Qt::RightDockWidgetArea, scenarioDock);
    tabifyDockWidget(inspectorDock, scenarioDock);
    inspectorDock->raise();

    problemsView_->setModel(problems_);
    problemsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    problemsView_->setSelectionMode(QAbstractItemView::SingleSelection);
    // The problem takes the room and wraps (on a new model it was cut behind a wide field
    // column); the field path after it, whole on hover.
    problemsView_->horizontalHeader()->setStretchLastSection(false);
    problemsView_->horizontalHeader()->setSectionResizeMode(ProblemListModel::MessageColumn, QHeaderView::Stretch);
    problemsView_->verticalHeader()->hide();
    problemsView_->setWordWrap(true);
    problemsView_->setColumnWidth(ProblemListModel::SeverityColumn, 70);
    problemsView_->setColumnWidth(ProblemListModel::PathColumn, 110);
    problemsView_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const auto fitRows = [this] {
        if (problems_->rowCount() <= 200)  // measuring thousands of rows on every edit would drag
            problemsView_->resizeRowsToContents();
    };
    connect(problems_, &QAbstractItemModel::modelReset, problemsView_, fitRows);
    connect(problemsView_->horizontalHeader(), &QHeaderView::sectionResized, problemsView_, fitRows);
    auto* problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("ProblemsDock"));
    problemsDock->setWidget(problemsView_);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    auto* runDock = new QDockWidget(tr("Run"), this);
    runDock->setObjectName(QStringLiteral("RunDock"));
    runDock->setWidget(run_);
    addDockWidget(Qt::BottomDockWidgetArea, runDock);
    splitDockWidget(problemsDock, runDock, Qt::Horizontal);

    connect(problemsView_, &QTableView::clicked, this, &MainWindow::selectProblem);
    connect(problemsView_, &QTableView::activated, this, &MainWindow::selectProblem);
}

QAction* MainWindow::action(const QString& objectName) const { return findChild<QAction*>(objectName); }

void MainWindow::createActions()
{
    auto make = [this](const QString& name, const QString& text, QKeySequence key, auto slot, const QString& icon = {}) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        if (!icon.isEmpty())
            a->setIcon(QIcon::fromTheme(icon));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(make(QStringLiteral("actionNew"), tr("&New"), standardKey(QKeySequence::New, Qt::CTRL | Qt::Key_N), [this] {
        if (maybeSave())
            newDocument();
    }, QStringLiteral("document-new")));
    QMenu* fromExample = file->addMenu(tr("New from &Example"));
    for (const QString& path : examplePaths()) {
        QAction* a = fromExample->addAction(exampleTitle(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                newDocument(path);
        });
    }
    file->addAction(make(QStringLiteral("actionOpen"), tr("&Open..."), standardKey(QKeySequence::Open, Qt::CTRL | Qt::Key_O), [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open model"), lastDirectory(), fileFilter());
        if (!path.isEmpty())
            openFile(path);
    }, QStringLiteral("document-open")));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(make(QStringLiteral("actionSave"), tr("&Save"), standardKey(QKeySequence::Save, Qt::CTRL | Qt::Key_S), [this] { save(); },
                         QStringLiteral("document-save")));
    file->addAction(make(QStringLiteral("actionSaveAs"), tr("Save &As..."), standardKey(QKeySequence::SaveAs, Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] {
        const QString path = askSavePath();
        if (!path.isEmpty())
            saveAs(withModelSuffix(path));
    }));
    file->addSeparator();
    file->addAction(make(QStringLiteral("actionExportReport"), tr("&Export Report..."), QKeySequence(Qt::CTRL | Qt::Key_E), [this] {
        if (!results_->analysis()) {
            showError(tr("Export Report"), tr("There are no results to report yet: simulate the model first (F5)."));
            return;
        }
        const QString path = askReportPath();
        if (!path.isEmpty())
            exportReport(path);
    }));
    file->addSeparator();
    file->addAction(make(QStringLiteral("actionQuit"), tr("&Quit"), standardKey(QKeySequence::Quit, Qt::CTRL | Qt::Key_Q), [this] { close(); }));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(standardKey(QKeySequence::Undo, Qt::CTRL | Qt::Key_Z));
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    addAction(undo);
    addAction(redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(make(QStringLiteral("actionCut"), tr("Cu&t"), standardKey(QKeySequence::Cut, Qt::CTRL | Qt::Key_X), [this] {
        copySelection();
        deleteItems(doc_, scene_->selectedRefs());
    }));
    edit->addAction(make(QStringLiteral("actionCopy"), tr("&Copy"), standardKey(QKeySequence::Copy, Qt::CTRL | Qt::Key_C), [this] { copySelection(); }));
    edit->addAction(make(QStringLiteral("actionPaste"), tr("&Paste"), standardKey(QKeySequence::Paste, Qt::CTRL | Qt::Key_V), [this] { paste(); }));
    edit->addAction(make(QStringLiteral("actionDuplicate"), tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                         [this] { duplicate(); }));
    edit->addAction(make(QStringLiteral("actionDelete"), tr("&Delete"), standardKey(QKeySequence::Delete, Qt::Key_Delete),
                         [this] { deleteItems(doc_, scene_->selectedRefs()); }));
    edit->addSeparator();
    edit->addAction(make(QStringLiteral("actionSelectAll"), tr("Select &All"), standardKey(QKeySequence::SelectAll, Qt::CTRL | Qt::Key_A), [this] {
        for (auto* item : scene_->items())
            if (modelItem(item))
                item->setSelected(true);
    }));

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = make(QStringLiteral("actionZoomIn"), tr("Zoom &In"), QKeySequence::ZoomIn, [this] { view_->zoomIn(); },
                           QStringLiteral("zoom-in"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    QAction* zoomOut = make(QStringLiteral("actionZoomOut"), tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { view_->zoomOut(); },
                            QStringLiteral("zoom-out"));
    zoomOut->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    QAction* fit = make(QStringLiteral("actionFit"), tr("&Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0),
                        [this] { view_->fitAll(); }, QStringLiteral("zoom-fit-best"));
    viewMenu->addAction(zoomIn);
    viewMenu->addAction(zoomOut);
    viewMenu->addAction(fit);
    viewMenu->addSeparator();
    QAction* connectMode = make(QStringLiteral("actionConnect"), tr("&Connect Mode"), QKeySequence(Qt::Key_C),
                                [this](bool on) { scene_->setConnectMode(on); });
    connectMode->setCheckable(true);
    connectMode->setIcon(namedIcon(QStringLiteral("connect")));
    connectMode->setToolTip(tr("Drag from a component to another to add a dependency, or between zones to add a link (C)"));
    QAction* snap = make(QStringLiteral("actionSnap"), tr("&Snap to Grid"), {}, [this](bool on) { scene_->setSnapToGrid(on); });
    snap->setCheckable(true);
    snap->setChecked(true);
    QAction* layout = make(QStringLiteral("actionLayout"), tr("&Automatic Layout"), QKeySequence(Qt::CTRL | Qt::Key_L),
                           [this] { autoLayout(); });
    layout->setIcon(namedIcon(QStringLiteral("layout")));
    viewMenu->addAction(connectMode);
    viewMenu->addAction(snap);
    viewMenu->addAction(layout);
    viewMenu->addSeparator();
    for (auto* dock : findChildren<QDockWidget*>())
        viewMenu->addAction(dock->toggleViewAction());

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    QAction* simulate = make(QStringLiteral("actionSimulate"), tr("&Simulate"), QKeySequence(Qt::Key_F5), [this] { run_->simulate(); },
                             QStringLiteral("media-playback-start"));
    runMenu->addAction(simulate);
    runMenu->addAction(make(QStringLiteral("actionAnalyze"), tr("&Analyze Exactly"), QKeySequence(Qt::Key_F6),
                            [this] { run_->analyzeExact(); }));
    runMenu->addAction(make(QStringLiteral("actionCancelRun"), tr("&Cancel Run"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                            [this] { run_->cancel(); }));
    runMenu->addSeparator();
    runMenu->addAction(make(QStringLiteral("actionShowResults"), tr("Show &Results"), QKeySequence(Qt::CTRL | Qt::Key_R),
                            [this] { showResults(tabs_->currentWidget() != results_); }));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(make(QStringLiteral("actionUserGuide"), tr("&User Guide"), QKeySequence(Qt::Key_F1),
                         [this] { showUserGuide(); }, QStringLiteral("help-contents")));
    QAction* whatsThis = QWhatsThis::createAction(this);
    whatsThis->setObjectName(QStringLiteral("actionWhatsThis"));
    whatsThis->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));
    addAction(whatsThis);
    help->addAction(whatsThis);
    help->addSeparator();
    help->addAction(tr("&About Nines"), this, [this] {
        QMessageBox::about(this, tr("About Nines"),
                           tr("<b>Nines %1</b><p>Capacity planning and availability simulation for system "
                              "architects: how many nines a design delivers, with confidence intervals.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("MainToolBar"));
    tools->setIconSize(QSize(20, 20));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(action(QStringLiteral("actionNew")));
    tools->addAction(action(QStringLiteral("actionOpen")));
    tools->addAction(action(QStringLiteral("actionSave")));
    tools->addSeparator();
    tools->addAction(undo);
    tools->addAction(redo);
    tools->addSeparator();
    tools->addAction(connectMode);
    tools->addAction(layout);
    tools->addAction(fit);
    tools->addAction(zoomIn);
    tools->addAction(zoomOut);
    tools->addSeparator();
    tools->addAction(simulate);
}

void MainWindow::showAnalysis(std::shared_ptr<const study::Evaluation> a)
{
    std::map<std::string, DiagramScene::ComponentResult> onCanvas;
    if (a)
        for (const auto& c : a->simulation.components)
            onCanvas[c.id] = {c.own_availability, c.own_unavailability, c.criticality};
    scene_->setResults(std::move(onCanvas));
    results_->setAnalysis(a);
    compare_->setAnalysis(a);
    if (a) {
        results_->setStale(!study::sameDesign(a->model, doc_->fileModel()));
        if (compareAsked_ && a->comparison)
            tabs_->setCurrentWidget(compare_);
        else
            showResults(true);
    }
    compareAsked_ = false;
}

void MainWindow::showResults(bool results)
{
    tabs_->setCurrentWidget(results ? static_cast<QWidget*>(results_) : static_cast<QWidget*>(view_));
}

bool MainWindow::exportReport(const QString& path)
{
    const auto a = results_->analysis();
    if (!a) {
        showError(tr("Export Report"), tr("There are no results to report yet."));
        return false;
    }
    if (a->simulation.replications == 0) {
        // As `nines report`: a report of no replication would print figures that stand for nothing.
        showError(tr("Export Report"), tr("The last run finished no replication, so there are no figures to report. "
                                          "Simulate again with a larger time budget."));
        return false;
    }
    QStringList written;
    const QString why = writeReport(*a, path, &written);
    if (!why.isEmpty()) {
        showError(tr("Export Report"), tr("The report could not be written: %1").arg(why));
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(written.join(QStringLiteral(", "))), 8000);
    return true;
}

void MainWindow::autoLayout()
{
    const Model laid = layoutAll(doc_->model());
    std::vector<MovedItem> moves;
    for (int k : {int(ItemKind::Component), int(ItemKind::Zone), int(ItemKind::Region), int(ItemKind::Hub)})
        for (int i = 0; i < itemCount(laid, ItemKind(k)); ++i) {
            if (const auto p = positionOf(itemAt(laid, {ItemKind(k), i})))
                moves.push_back({{ItemKind(k), i}, *p, std::nullopt});
        }
    moveItems(doc_, moves, tr("Automatic layout"));
    view_->fitAll();
}

void MainWindow::showEvent(QShowEvent* e)
{
    QMainWindow::showEvent(e);
    // Default dock sizes, once the window has its geometry (a restored state keeps its own).
    if (!docksSized_ && !QSettings().contains(QStringLiteral("window/state"))) {
        docksSized_ = true;
        QTimer::singleShot(0, this, [this] {  // after the first layout pass
            resizeDocks({findChild<QDockWidget*>(QStringLiteral("ProblemsDock"))}, {120}, Qt::Vertical);
            resizeDocks({findChild<QDockWidget*>(QStringLiteral("InspectorDock"))}, {400}, Qt::Horizontal);
            // Problems beside the Run panel: two fifths, so that a problem reads in a line or two.
            resizeDocks({findChild<QDockWidget*>(QStringLiteral("ProblemsDock")), findChild<QDockWidget*>(QStringLiteral("RunDock"))},
                        {width() * 2 / 5, width() * 3 / 5}, Qt::Horizontal);
            view_->fitAll();
        });
    }
}

void MainWindow::showUserGuide()
{
    if (!guide_)
        guide_ = createUserGuide(this);
    guide_->show();
    guide_->raise();
    guide_->activateWindow();
}

void MainWindow::updateTitle()
{
    const QString scenario = doc_->editTargetName();
    setWindowTitle(scenario.isEmpty() ? tr("%1[*] \u2014 Nines").arg(doc_->displayName())
                                      : tr("%1[*] \u2014 scenario %2 \u2014 Nines").arg(doc_->displayName(), scenario));
    setWindowModified(doc_->isModified());
}

void MainWindow::updateStatus()
{
    const Model& m = doc_->model();
    const int errors = problems_->errorCount(), warnings = problems_->warningCount();
    using present::plural;
    using present::qs;
    statusCounts_->setText(tr("%1, %2, %3  |  %4")
                               .arg(qs(plural(double(m.components.size()), "component", "components")),
                                    qs(plural(double(m.dependencies.size()), "dependency", "dependencies")),
                                    qs(plural(double(m.zones.size()), "zone", "zones")),
                                    errors == 0 && warnings == 0 ? tr("no problems")
                                    : errors == 0                ? qs(plural(warnings, "warning", "warnings"))
                                                                 : qs(plural(errors, "error", "errors"))));
}

void MainWindow::copySelection()
{
    const QByteArray fragment = copyFragment(doc_->model(), scene_->selectedRefs());
    if (fragment.isEmpty())
        return;
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kFragmentMime), fragment);
    data->setText(QString::fromUtf8(fragment));  // readable in a text editor, pasteable back
    QApplication::clipboard()->setMimeData(data);
    pasteCount_ = 0;
}

void MainWindow::paste()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (!data)
        return;
    QByteArray fragment = data->data(QString::fromLatin1(kFragmentMime));
    if (fragment.isEmpty())
        fragment = data->text().toUtf8();
    ++pasteCount_;
    const double shift = 40.0 * pasteCount_;
    const auto refs = pasteFragment(doc_, fragment, {shift, shift});
    if (refs.empty())
        statusBar()->showMessage(tr("The clipboard holds nothing Nines can paste"), 5000);
    else
        scene_->selectRefs(refs);
}

void MainWindow::duplicate()
{
    const QByteArray fragment = copyFragment(doc_->model(), scene_->selectedRefs());
    if (fragment.isEmpty())
        return;
    const auto refs = pasteFragment(doc_, fragment, {40, 40});
    scene_->selectRefs(refs);
}

void MainWindow::selectProblem(const QModelIndex& index)
{
    const std::string path = index.data(ProblemListModel::PathRole).toString().toStdString();
    const auto ref = itemOfPath(doc_->model(), path);
    if (!ref)
        return;
    if (ref->kind == ItemKind::Crew || ref->kind == ItemKind::SharedFate) {
        // Not on the canvas: crews are edited with the model's settings.
        scene_->clearSelection();
        inspector_->setSelection({});
        return;
    }
    if (auto* item = scene_->graphicsItem(*ref)) {
        scene_->selectRefs({*ref});
        view_->ensureVisible(item, 60, 60);
    } else {
        inspector_->setSelection({*ref});
    }
    if (auto* form = inspector_->currentForm()) {
        const std::string base = itemPath(doc_->model(), *ref);
        std::string rest = path.size() > base.size() + 1 ? path.substr(base.size() + 1) : std::string();
        // Focus the field, or the closest enclosing field that has a row.
        while (!rest.empty()) {
            if (QWidget* w = form->fieldWidget(rest)) {
                w->setFocus(Qt::OtherFocusReason);
                inspector_->ensureWidgetVisible(w);
                break;
            }
            const auto cut = rest.find_last_of(".[");
            rest = cut == std::string::npos ? std::string() : rest.substr(0, cut);
        }
    }
}

}  // namespace nines::ui
