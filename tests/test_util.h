// Helpers shared by the test suites: paths of bundled examples and test data.
#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace nines::test {

inline QString examplesDir()
{
    return QStringLiteral(NINES_RESOURCES_DIR "/examples");
}

/// The path of a bundled example: example("three-tier-web.nines.json").
inline QString example(const char* name)
{
    return examplesDir() + QLatin1Char('/') + QLatin1String(name);
}

inline QStringList exampleFiles()
{
    QStringList out;
    const QDir dir(examplesDir());
    for (const QString& f : dir.entryList({QStringLiteral("*.nines.json")}, QDir::Files, QDir::Name))
        out << dir.filePath(f);
    return out;
}

inline QString testDataDir()
{
    return QStringLiteral(NINES_TEST_DATA_DIR);
}

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

/// One case of the invalid-file corpus: a file and the problem text `nines check` must print.
struct InvalidCase {
    QString file;
    QString expected;
};

inline QList<InvalidCase> invalidCases()
{
    QList<InvalidCase> out;
    const QString dir = testDataDir() + QStringLiteral("/invalid");
    const QStringList lines = QString::fromUtf8(readAll(dir + QStringLiteral("/cases.tsv"))).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab < 0)
            continue;
        out.append({dir + QLatin1Char('/') + line.left(tab), line.mid(tab + 1).trimmed()});
    }
    return out;
}

/// Rows "file" and "expected" of a data-driven test over the invalid corpus (one failing row
/// when the corpus is missing, so that its absence cannot pass).
inline void addInvalidCaseRows()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    const QList<InvalidCase> cases = invalidCases();
    for (const auto& c : cases)
        QTest::newRow(qPrintable(QFileInfo(c.file).fileName())) << c.file << c.expected;
    if (cases.isEmpty())
        QTest::newRow("no invalid cases found") << QString() << QString();
}

#ifdef NINES_BINARY
/// What a run of the `nines` executable printed and returned. A crash or a timeout is never an
/// exit code a test expects: exitCode is then kCrashed or kTimedOut (negative, which no process
/// returns) and err says what happened, so `QCOMPARE(r.exitCode, 2)` fails on a crash by signal 2.
struct NinesRun {
    static constexpr int kTimedOut = -1;
    static constexpr int kCrashed = -2;
    int exitCode = kTimedOut;
    QByteArray out;
    QString err;
    QString outText() const { return QString::fromUtf8(out); }
};

inline NinesRun runProgram(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        return {NinesRun::kTimedOut, {}, QStringLiteral("nines did not finish within 120 s")};
    }
    if (p.exitStatus() == QProcess::CrashExit)
        return {NinesRun::kCrashed, p.readAllStandardOutput(),
                QStringLiteral("nines crashed (%1)\n").arg(p.errorString()) + QString::fromUtf8(p.readAllStandardError())};
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

inline NinesRun runNines(const QStringList& args) { return runProgram(QStringLiteral(NINES_BINARY), args); }
#endif

}  // namespace nines::test
