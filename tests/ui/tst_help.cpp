// Help inside the program (issue 19): every field of the inspector, for every kind of item of the
// bundled examples and for the model's own settings, says what it means and in which unit, as a
// tooltip and as "What's This"; Help > User Guide (F1) shows docs/user-guide.md, with its
// pictures, in the window.
#include "test_util.h"
#include "window_test_util.h"
#include "ui/document/document.h"
#include "ui/document/item_access.h"
#include "ui/editor/diagram_scene.h"
#include "ui/editor/inspector.h"
#include "ui/editor/item_form.h"
#include "ui/editor/palette.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace nines;
using namespace nines::model;
using namespace nines::ui;

class TestHelp : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    MainWindow::Options options() const { return nines::test::windowOptions(dir_); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void everyFieldSaysWhatItMeans_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* name : {"three-tier-web.nines.json", "two-region-active-active.nines.json", "shared-fate.nines.json",
                                 "cloud-from-catalogue.nines.json", "queue-pipeline.nines.json", "three-zone-quorum.nines.json"})
            QTest::newRow(name) << nines::test::example(name);
    }

    void everyFieldSaysWhatItMeans()
    {
        QFETCH(QString, file);
        MainWindow w(options());
        nines::test::quietDialogs(w);
        QVERIFY(w.openFile(file));
        const Model& m = w.document()->model();
        std::vector<std::vector<ItemRef>> selections{{}};
        auto add = [&](ItemKind kind, size_t count) {
            for (size_t i = 0; i < count; ++i)
                selections.push_back({{kind, int(i)}});
        };
        add(ItemKind::Component, m.components.size());
        add(ItemKind::Dependency, m.dependencies.size());
        add(ItemKind::Zone, m.zones.size());
        add(ItemKind::Region, m.regions.size());
        add(ItemKind::Link, m.links.size());
        add(ItemKind::Hub, m.hubs.size());
        QStringList missing;
        int fields = 0;
        for (const auto& refs : selections) {
            w.scene()->selectRefs(refs);
            w.inspector()->setSelection(refs);
            ItemForm* form = refs.empty() ? w.inspector()->modelForm() : w.inspector()->currentForm();
            QVERIFY(form);
            for (const std::string& path : form->fieldPaths()) {
                QWidget* field = form->fieldWidget(path);
                QVERIFY(field);
                ++fields;
                if (field->whatsThis().trimmed().isEmpty() || field->toolTip().trimmed().isEmpty())
                    missing << QString::fromStdString(path);
            }
        }
        missing.removeDuplicates();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
        QVERIFY(fields > 20);
    }

    // Palette names were cut by the dock ("Managed DB, single z..."): every entry says on hover
    // what it is, its whole name included.
    void everyPaletteEntryHasItsWholeNameOnHover()
    {
        MainWindow w(options());
        int entries = 0;
        for (QTreeWidgetItemIterator it(w.palette()->tree()); *it; ++it) {
            if (Palette::keyOf(*it).isEmpty())
                continue;  // a group heading
            ++entries;
            const QString tip = (*it)->toolTip(0);
            QVERIFY2(tip.contains((*it)->text(0).toHtmlEscaped()) || tip.contains((*it)->text(0)), qPrintable((*it)->text(0)));
        }
        QVERIFY(entries > 15);
    }

    void theGuideOpensOnF1()
    {
        MainWindow w(options());
        nines::test::quietDialogs(w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* guide = w.action(QStringLiteral("actionUserGuide"));
        QVERIFY(guide);
        QVERIFY(guide->shortcuts().contains(QKeySequence(Qt::Key_F1)));
        QTest::keyClick(&w, Qt::Key_F1);
        QTextBrowser* browser = nullptr;
        QTRY_VERIFY((browser = w.findChild<QTextBrowser*>(QStringLiteral("userGuide"))) && browser->isVisible());
        const QString text = browser->document()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Getting started")), qPrintable(text.left(200)));
        QVERIFY(text.contains(QStringLiteral("MTBF")));
        // Every picture the guide shows is found (a missing one draws as an empty box).
        const QString markdown = browser->document()->toMarkdown();
        static const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\(([^)]+)\\)"));
        int images = 0;
        for (auto it = image.globalMatch(markdown); it.hasNext();) {
            const QString src = it.next().captured(1);
            ++images;
            const QVariant picture = browser->loadResource(QTextDocument::ImageResource, QUrl(src));
            QVERIFY2(picture.isValid() && !picture.value<QByteArray>().isEmpty(), qPrintable(src));
        }
        QVERIFY(images >= 5);
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
