// `nines catalogue`: the listing, one template's values with their sources, the JSON, and
// docs/catalogue.md, which must be exactly what the catalogue file generates.
#include "test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace nines::test;

class TestCatalogueCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void docsMatchTheCatalogue()
    {
        const NinesRun r = runNines({QStringLiteral("catalogue"), QStringLiteral("--markdown")});
        QCOMPARE(r.exitCode, 0);
        QFile f(QStringLiteral(NINES_RESOURCES_DIR "/../docs/catalogue.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray docs = f.readAll();
        if (docs != r.out) {
            // Name the first line that differs, so that the fix is obvious.
            const QList<QByteArray> a = docs.split('\n'), b = r.out.split('\n');
            qsizetype i = 0;
            while (i < a.size() && i < b.size() && a[i] == b[i])
                ++i;
            QFAIL(qPrintable(QStringLiteral("docs/catalogue.md differs from `nines catalogue --markdown` at line %1 "
                                            "(run scripts/catalogue-docs.sh):\n  docs:      %2\n  generated: %3")
                                 .arg(i + 1)
                                 .arg(QString::fromUtf8(i < a.size() ? a[i] : QByteArray("(end)")),
                                      QString::fromUtf8(i < b.size() ? b[i] : QByteArray("(end)")))));
        }
    }

    void listingAndDetail()
    {
        NinesRun r = runNines({QStringLiteral("catalogue")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("availability-zone"));
        QVERIFY(r.out.contains("one unit up"));
        r = runNines({QStringLiteral("catalogue"), QStringLiteral("rack")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("outage.failure = exponential, mean 9,860 h"), r.out.constData());
        QVERIFY(r.out.contains("source: rack outages"));
        r = runNines({QStringLiteral("catalogue"), QStringLiteral("floppy")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("there is no template \"floppy\"")));
    }

    void jsonHoldsEveryValueWithItsOrigin()
    {
        const NinesRun r = runNines({QStringLiteral("catalogue"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("nines-catalogue/1"));
        const QJsonArray templates = root.value(QStringLiteral("templates")).toArray();
        QVERIFY(templates.size() >= 20);
        QCOMPARE(root.value(QStringLiteral("sources")).toArray().size(), 40);
        for (const QJsonValue& t : templates) {
            const QJsonArray values = t.toObject().value(QStringLiteral("values")).toArray();
            QVERIFY(!values.isEmpty());
            for (const QJsonValue& v : values) {
                const QJsonObject o = v.toObject();
                QVERIFY(!o.value(QStringLiteral("text")).toString().isEmpty());
                QVERIFY(o.contains(QStringLiteral("assumption")) != o.contains(QStringLiteral("sources")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCatalogueCli)
#include "tst_catalogue_cli.moc"
