// Field paths: building them from ids or indices, and parsing them back.
#include "model/path.h"

#include <QTest>

#include <memory>

using namespace nines::model;

class TestPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void elementPathUsesIdWhenUnique()
    {
        const std::vector<std::string> ids{"lb", "app", "app", "", "bad id"};
        QCOMPARE(elementPath("components", ids, 0), std::string("components[lb]"));
        QCOMPARE(elementPath("components", ids, 1), std::string("components[1]"));  // duplicate
        QCOMPARE(elementPath("components", ids, 3), std::string("components[3]"));  // missing
        QCOMPARE(elementPath("components", ids, 4), std::string("components[4]"));  // invalid
    }

    // The index names items as elementPath does, finds the first of duplicates, and a copy
    // indexes its own list (its views must not point into the list it was copied from).
    void idIndexNamesLikeElementPath()
    {
        const std::vector<std::string> ids{"lb", "web", "web", "", "bad id", "a-rather-long-id-beyond-small-strings"};
        auto index = std::make_unique<IdIndex>(ids);
        for (size_t i = 0; i <= ids.size(); ++i)
            QCOMPARE(index->path("components", i), elementPath("components", ids, i));
        QCOMPARE(index->find("web"), 1);
        QCOMPARE(index->count("web"), size_t(2));
        QCOMPARE(index->find("db"), -1);
        const IdIndex copy = *index;
        index.reset();
        QCOMPARE(copy.find("a-rather-long-id-beyond-small-strings"), 5);
        QCOMPARE(copy.path("components", 0), std::string("components[lb]"));
        IdIndex moved = IdIndex(ids);
        QVERIFY(moved.contains("lb") && !moved.contains("LB"));
    }

    void joins()
    {
        QCOMPARE(joinPath("", "name"), std::string("name"));
        QCOMPARE(joinPath("components[db]", "repair"), std::string("components[db].repair"));
    }

    void parsesPaths()
    {
        auto steps = parsePath("components[db].failure_modes[crash].repair.mean_hours");
        QVERIFY(steps);
        QCOMPARE(steps->size(), size_t(4));
        QCOMPARE((*steps)[0].field, std::string("components"));
        QCOMPARE(*(*steps)[0].selector, std::string("db"));
        QCOMPARE(*(*steps)[1].selector, std::string("crash"));
        QVERIFY(!(*steps)[2].selector);
        QCOMPARE((*steps)[3].field, std::string("mean_hours"));
        auto idx = parsePath("load.daily_profile[3]");
        QVERIFY(idx);
        QCOMPARE(*(*idx)[1].selector, std::string("3"));
    }

    void rejectsMalformedPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("empty") << QString();
        QTest::newRow("unclosed") << QStringLiteral("components[db");
        QTest::newRow("empty selector") << QStringLiteral("components[]");
        QTest::newRow("trailing dot") << QStringLiteral("settings.");
        QTest::newRow("double dot") << QStringLiteral("settings..seed");
        QTest::newRow("junk after selector") << QStringLiteral("components[a]x");
    }
    void rejectsMalformedPaths()
    {
        QFETCH(QString, path);
        std::string why;
        QVERIFY(!parsePath(path.toStdString(), &why));
        QVERIFY(!why.empty());
    }

    void validIds()
    {
        QVERIFY(isValidId("eu-west-1a"));
        QVERIFY(isValidId("db.primary:5432"));
        QVERIFY(!isValidId(""));
        QVERIFY(!isValidId("a b"));
        QVERIFY(!isValidId("x[1]"));
    }
};

QTEST_GUILESS_MAIN(TestPath)
#include "tst_path.moc"
