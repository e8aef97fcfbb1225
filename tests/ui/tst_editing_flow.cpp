// The editing flow a new architect walks through (issue 19): saving names the file so that Open
// lists it and starts in a sensible folder, Ctrl+Shift+S saves as, a blank model's problem can be
// read, "the model has problems" goes once they are fixed, new cards never land on old ones, a
// long name keeps its first line, another item's form starts at its top, counts are singular
// when they are one, a card with several dependencies says how it combines them, and a card
// whose run saw no outage does not claim it never goes down.
#include "test_util.h"
#include "window_test_util.h"
#include "ui/document/document.h"
#include "ui/document/item_access.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/inspector.h"
#include "ui/editor/item_form.h"
#include "ui/editor/palette.h"
#include "ui/editor/problem_list_model.h"
#include "ui/results/run_panel.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using nines::test::quietDialogs;
using namespace nines;
using namespace nines::model;
using namespace nines::ui;

namespace {

std::vector<ComponentItem*> cards(DiagramScene* scene)
{
    std::vector<ComponentItem*> out;
    for (QGraphicsItem* item : scene->items())
        if (item->type() == ComponentItem::Type)
            out.push_back(static_cast<ComponentItem*>(item));
    return out;
}

QRectF cardRect(const ComponentItem* c)
{
    return {c->pos(), QSizeF(geometry::kNodeWidth, geometry::kNodeHeight)};
}

// Every pair of cards apart: no card hides another.
bool noCardOverlaps(DiagramScene* scene, QString* which)
{
    const auto all = cards(scene);
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = i + 1; j < all.size(); ++j)
            if (cardRect(all[i]).intersects(cardRect(all[j]))) {
                *which = QString::fromStdString(all[i]->component().id + " and " + all[j]->component().id);
                return false;
            }
    return true;
}

}  // namespace

class TestEditingFlow : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    MainWindow::Options options() const { return nines::test::windowOptions(dir_); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    // Save did not add .nines.json (Open's filter then hid the file) and started in the
    // working directory.
    void saveNamesTheFileAndStartsInDocuments()
    {
        QSettings().remove(QStringLiteral("lastDirectory"));
        MainWindow w(options());
        quietDialogs(w);
        w.newDocument();
        const QString start = w.saveStartPath();
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QCOMPARE(QFileInfo(start).absolutePath(), QFileInfo(documents.isEmpty() ? QDir::homePath() : documents).absoluteFilePath());
        QCOMPARE(QFileInfo(start).fileName(), QStringLiteral("new-system.nines.json"));  // the model's name
        QVERIFY(QFileInfo(start).absolutePath() != QDir::currentPath());

        const QString folder = dir_.path() + QStringLiteral("/models");
        QVERIFY(QDir().mkpath(folder));
        w.askSavePath = [&] { return folder + QStringLiteral("/mine"); };
        w.action(QStringLiteral("actionSave"))->trigger();
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/mine.nines.json")));
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/mine")));
        QCOMPARE(w.document()->filePath(), QFileInfo(folder + QStringLiteral("/mine.nines.json")).absoluteFilePath());

        // A name that already ends in .json is kept as typed.
        QCOMPARE(MainWindow::withModelSuffix(QStringLiteral("/a/b.json")), QStringLiteral("/a/b.json"));
        QCOMPARE(MainWindow::withModelSuffix(QStringLiteral("/a/b.nines.JSON")), QStringLiteral("/a/b.nines.JSON"));
        QCOMPARE(MainWindow::withModelSuffix(QStringLiteral("/a/b.txt")), QStringLiteral("/a/b.txt.nines.json"));
        QCOMPARE(MainWindow::withModelSuffix(QStringLiteral("/a/b.nines")), QStringLiteral("/a/b.nines.json"));

        // The next new model starts where the last one was saved.
        w.newDocument();
        QCOMPARE(QFileInfo(w.saveStartPath()).absolutePath(), QFileInfo(folder).absoluteFilePath());
        QCOMPARE(w.lastDirectory(), QFileInfo(folder).absoluteFilePath());
    }

    // QKeySequence::SaveAs is empty on a plain X11 desktop: Ctrl+Shift+S did nothing.
    void everyFileAndEditActionHasItsKey()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const std::vector<std::pair<const char*, QKeySequence>> expected = {
            {"actionNew", QKeySequence(Qt::CTRL | Qt::Key_N)},       {"actionOpen", QKeySequence(Qt::CTRL | Qt::Key_O)},
            {"actionSave", QKeySequence(Qt::CTRL | Qt::Key_S)},      {"actionSaveAs", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
            {"actionQuit", QKeySequence(Qt::CTRL | Qt::Key_Q)},      {"actionCopy", QKeySequence(Qt::CTRL | Qt::Key_C)},
            {"actionPaste", QKeySequence(Qt::CTRL | Qt::Key_V)},     {"actionCut", QKeySequence(Qt::CTRL | Qt::Key_X)},
            {"actionSelectAll", QKeySequence(Qt::CTRL | Qt::Key_A)}, {"actionUndo", QKeySequence(Qt::CTRL | Qt::Key_Z)},
        };
        for (const auto& [name, key] : expected) {
            QAction* a = w.action(QString::fromLatin1(name));
            QVERIFY2(a, name);
            QVERIFY2(a->shortcuts().contains(key), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), a->shortcut().toString())));
        }
        int asked = 0;
        w.askSavePath = [&] {
            ++asked;
            return QString();
        };
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(asked, 1);
    }

    // A blank model's one problem was cut behind a 320-pixel field column; "1 error(s)".
    void aBlankModelsProblemCanBeRead()
    {
        // A first start on a 1,280 by 720 laptop: no saved dock layout, the window that size
        // (the offscreen screen is 800 by 600, where the window would open maximized).
        QSettings().remove(QStringLiteral("window"));
        {
            QWidget laptop;
            laptop.setGeometry(0, 0, 1280, 720);
            QSettings().setValue(QStringLiteral("window/geometry"), laptop.saveGeometry());
        }
        MainWindow w(options());
        quietDialogs(w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.newDocument();
        QTableView* view = w.problemsView();
        // The docks take their default sizes once the window is shown: two fifths for the problems.
        QTRY_VERIFY2(view->viewport()->width() > 400, qPrintable(QStringLiteral("%1 in %2").arg(view->viewport()->width()).arg(w.width())));
        QCOMPARE(view->model()->rowCount(), 1);
        const QModelIndex message = view->model()->index(0, ProblemListModel::MessageColumn);
        const QString text = message.data().toString();
        QVERIFY2(text.contains(QStringLiteral("entry")), qPrintable(text));
        // The message column comes first after the severity, takes the room, and its row is as
        // tall as the wrapped text needs.
        const QRect shown = view->visualRect(message);
        QVERIFY2(shown.width() >= view->viewport()->width() / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(shown.width()).arg(view->viewport()->width())));
        QVERIFY2(shown.right() <= view->viewport()->width(), qPrintable(QStringLiteral("%1 > %2").arg(shown.right()).arg(view->viewport()->width())));
        const QFontMetrics fm(view->font());
        const QRect needed = fm.boundingRect(QRect(0, 0, shown.width() - 8, 10000), Qt::TextWordWrap, text);
        QVERIFY2(shown.height() >= needed.height(), qPrintable(QStringLiteral("%1 < %2").arg(shown.height()).arg(needed.height())));
        QVERIFY(message.data(Qt::ToolTipRole).toString().contains(text));
        // Counts in words, singular when one.
        QString status;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
            status += l->text() + QLatin1Char('|');
        QVERIFY2(status.contains(QStringLiteral("1 error")) && !status.contains(QStringLiteral("(s)"))
                     && status.contains(QStringLiteral("0 components")),
                 qPrintable(status));
    }

    // "The model has problems" stayed on the Run panel after the problem was fixed.
    void problemsMessageGoesWhenFixed()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.newDocument();
        QVERIFY(!w.runPanel()->simulate());
        QVERIFY(w.runPanel()->statusLabel()->text().contains(QStringLiteral("has problems")));
        w.scene()->createFromPalette(QStringLiteral("entry"), QPointF(0, 0));
        QVERIFY(!w.document()->hasErrors());
        // The problems are checked once the burst of edits is over (the next turn of the loop).
        QTRY_VERIFY2(!w.runPanel()->statusLabel()->text().contains(QStringLiteral("has problems")),
                     qPrintable(w.runPanel()->statusLabel()->text()));
        QVERIFY(w.runPanel()->statusLabel()->text().contains(QStringLiteral("ready")));
    }

    // Double-clicking the palette aims at the view's centre every time, and a drop may land on
    // a card: six components were added, five could be seen.
    void newCardsNeverLandOnOldOnes()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(nines::test::example("three-tier-web.nines.json")));
        QString which;
        QVERIFY2(noCardOverlaps(w.scene(), &which), qPrintable(which));
        const size_t before = w.document()->model().components.size();
        for (const char* key : {"service", "service", "database", "cache", "service", "template:component:hdd"})
            Q_EMIT w.palette()->activatedKey(QString::fromLatin1(key));
        // Dropped right on a card, twice.
        const ComponentItem* target = cards(w.scene()).front();
        const QPointF onIt = cardRect(target).center();
        w.scene()->createFromPalette(QStringLiteral("queue"), onIt);
        w.scene()->createFromPalette(QStringLiteral("queue"), onIt);
        QCOMPARE(w.document()->model().components.size(), before + 8);
        QVERIFY2(noCardOverlaps(w.scene(), &which), qPrintable(which));
        // The one dropped on a card lands beside it, not across the canvas.
        const Component& last = w.document()->model().components.back();
        QVERIFY(last.position);
        const QPointF lastCentre = QPointF(last.position->x, last.position->y) + QPointF(geometry::kNodeWidth, geometry::kNodeHeight) / 2;
        QVERIFY2(QLineF(lastCentre, onIt).length() < 3 * geometry::kNodeWidth, qPrintable(QString::number(QLineF(lastCentre, onIt).length())));

        // Dropped on a card inside a region, it lands beside it inside that region's frame.
        const std::optional<ItemRef> region = w.scene()->containerRefAt(onIt);
        if (region) {
            w.scene()->createFromPalette(QStringLiteral("service"), onIt);
            const Component& placed = w.document()->model().components.back();
            const QPointF centre = QPointF(placed.position->x, placed.position->y) + QPointF(geometry::kNodeWidth, geometry::kNodeHeight) / 2;
            QVERIFY(w.scene()->containerRefAt(centre) == region);
            QVERIFY2(noCardOverlaps(w.scene(), &which), qPrintable(which));
        }
    }

    // A long name wrapped into three lines, centred, so its first line ran under the badge on
    // the card's top.
    void aLongNameKeepsItsFirstLine()
    {
        QFont font;
        font.setPointSizeF(9.5);
        font.setBold(true);
        const double width = ComponentItem::nameArea().width();
        const QString name = QStringLiteral("Primary PostgreSQL cluster for the order and payment services in Frankfurt");
        const QStringList lines = cardNameLines(name, font, width);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.front().startsWith(QStringLiteral("Primary")), qPrintable(lines.join('|')));
        QVERIFY(lines.back().endsWith(QChar(0x2026)));  // elided
        for (const QString& l : lines)
            QVERIFY2(QFontMetricsF(font).horizontalAdvance(l) <= width + 0.5, qPrintable(l));
        // A short name stays on one line, whole; a single word longer than the card is elided.
        QCOMPARE(cardNameLines(QStringLiteral("Web"), font, width), QStringList{QStringLiteral("Web")});
        const QStringList oneWord = cardNameLines(QString(60, QLatin1Char('W')), font, width);
        QVERIFY(!oneWord.isEmpty() && oneWord.size() <= 2);
        for (const QString& l : oneWord)
            QVERIFY(QFontMetricsF(font).horizontalAdvance(l) <= width + 0.5);
        // Two lines fit the name's area, and the result badge sits above it.
        QVERIFY(QFontMetricsF(font).lineSpacing() * 2 <= ComponentItem::nameArea().height());
        QFont small;
        small.setPointSizeF(7.5);
        const QRectF badge = ComponentItem::resultPillRect(QStringLiteral("4.52 nines"), small);
        QVERIFY2(badge.bottom() <= ComponentItem::nameArea().top() + 0.5,
                 qPrintable(QStringLiteral("%1 > %2").arg(badge.bottom()).arg(ComponentItem::nameArea().top())));
    }

    // The inspector kept its scroll position when another item was selected.
    void anotherItemsFormStartsAtTheTop()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(nines::test::example("three-tier-web.nines.json")));
        w.scene()->selectRefs({{ItemKind::Component, 0}});
        QScrollBar* bar = w.inspector()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum());
        QVERIFY(bar->value() > 0);
        w.scene()->selectRefs({{ItemKind::Component, 1}});
        QCOMPARE(bar->value(), 0);
    }

    // "1 instances".
    void oneInstanceIsSingular()
    {
        MainWindow w(options());
        quietDialogs(w);
        w.newDocument();
        w.scene()->createFromPalette(QStringLiteral("service"), QPointF(0, 0));
        const int index = int(w.document()->model().components.size()) - 1;
        w.scene()->selectRefs({{ItemKind::Component, index}});
        auto* n = qobject_cast<QSpinBox*>(w.inspector()->currentForm()->fieldWidget("instances"));
        QVERIFY(n);
        QCOMPARE(w.document()->model().components[size_t(index)].instances, 1);
        QCOMPARE(n->text(), QStringLiteral("1 instance"));
        n->setValue(3);
        QCOMPARE(w.document()->model().components[size_t(index)].instances, 3);
        QCOMPARE(n->text(), QStringLiteral("3 instances"));
        w.document()->undoStack()->undo();
        QCOMPARE(n->text(), QStringLiteral("1 instance"));
    }

    // Two web servers behind a load balancer that needs all of them are in series, and nothing
    // on the canvas said so: a card with two dependencies or more now says how it combines them.
    void aFanOutSaysHowItCombines()
    {
        MainWindow w(options());
        quietDialogs(w);
        QVERIFY(w.openFile(nines::test::example("three-tier-web.nines.json")));
        const Model& m = w.document()->model();
        int checked = 0;
        for (ComponentItem* card : cards(w.scene())) {
            const Component& c = card->component();
            const auto n = std::count_if(m.dependencies.begin(), m.dependencies.end(), [&](const Dependency& d) { return d.from == c.id; });
            if (n < 2) {
                QVERIFY(card->fanOutText().isEmpty());
                continue;
            }
            ++checked;
            const QString expected = c.dependency_mode == DependencyMode::All ? QStringLiteral("all")
                                     : c.dependency_mode == DependencyMode::Any
                                         ? QStringLiteral("any")
                                         : QStringLiteral("%1 of %2").arg(c.dependency_min).arg(n);
            QCOMPARE(card->fanOutText(), expected);
            QVERIFY(card->toolTip().contains(QString::number(n)));
        }
        QVERIFY(checked > 0);

        // Two services behind a load balancer drawn from the palette: "any".
        w.newDocument();
        w.scene()->createFromPalette(QStringLiteral("load_balancer"), QPointF(0, 0));
        w.scene()->createFromPalette(QStringLiteral("service"), QPointF(300, 0));
        w.scene()->createFromPalette(QStringLiteral("service"), QPointF(300, 200));
        const Model& n = w.document()->model();
        QCOMPARE(n.components.size(), size_t(3));
        Model with = n;
        for (int i : {1, 2}) {
            Dependency d;
            d.from = n.components[0].id;
            d.to = n.components[size_t(i)].id;
            with.dependencies.push_back(d);
        }
        w.document()->reset(with, {});
        const auto all = cards(w.scene());
        const auto lb = std::find_if(all.begin(), all.end(), [](ComponentItem* c) {
            return c->component().kind == ComponentKind::LoadBalancer;
        });
        QVERIFY(lb != all.end());
        QCOMPARE((*lb)->fanOutText(), QStringLiteral("any"));
    }

    // A hot-standby pair showed "never down": a run that saw no outage has not shown that.
    void noOutageSeenIsNotNeverDown()
    {
        ComponentItem card(0);
        Component c;
        c.id = "db";
        card.setData(c, {});
        QVERIFY(card.resultText().isEmpty());
        card.setResult(1.0, 0.0, 0.0);
        QCOMPARE(card.resultText(), QStringLiteral("no outage seen"));
        card.setResult(0.9999, 1e-4, 0.0);
        QCOMPARE(card.resultText(), QStringLiteral("4 nines"));
    }
};

QTEST_MAIN(TestEditingFlow)
#include "tst_editing_flow.moc"
