#include "cli_util.h"

#include "exit_codes.h"

#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <csignal>
#include <iostream>

namespace nines::app {

std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& usage)
{
    parser.setApplicationDescription(usage);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        std::cerr << "nines " << args.value(0).toStdString() << ": " << parser.errorText().toStdString()
                  << "\n(see nines " << args.value(0).toStdString() << " --help)\n";
        return ExitInvalid;
    }
    if (parser.isSet(help)) {
        std::cout << parser.helpText().toStdString();
        return ExitOk;
    }
    return std::nullopt;
}

void printProblems(const QString& file, const model::Problems& problems, bool warnings)
{
    const std::string f = file.toStdString();
    for (const auto& p : problems) {
        if (p.severity == model::Severity::Error)
            std::cerr << f << ": " << p.text() << "\n";
        else if (warnings)
            std::cerr << f << ": warning: " << p.text() << "\n";
    }
}

namespace {

std::optional<model::Model> loadForCommand(const QString& file, int& exitCode)
{
    io::LoadResult res = io::loadModelFile(file);
    if (res.read_failed) {
        printProblems(file, res.problems, false);
        exitCode = ExitIoError;
        return std::nullopt;
    }
    if (!res.ok()) {
        printProblems(file, res.problems, true);
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    exitCode = ExitOk;
    return std::move(res.model);
}

}  // namespace

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}
}  // namespace

const std::atomic<bool>* cancelOnInterrupt()
{
    std::signal(SIGINT, onInterrupt);
    return &g_interrupted;
}

RunOptions::RunOptions()
    : seed(QStringLiteral("seed"), QStringLiteral("Random seed (default: the model's)."), QStringLiteral("N"))
    , replications(QStringLiteral("replications"),
                   QStringLiteral("Replications to run, or the most to run with --precision."), QStringLiteral("N"))
    , precision(QStringLiteral("precision"),
                QStringLiteral("Stop when the 95% half-width of unavailability is below this share of it (e.g. 0.05)."),
                QStringLiteral("REL"))
    , minOutages(QStringLiteral("min-outages"),
                 QStringLiteral("With --precision, also run until this many outages are seen (default: the model's, 30)."),
                 QStringLiteral("N"))
    , mission(QStringLiteral("mission-hours"), QStringLiteral("Mission time in hours."), QStringLiteral("H"))
    , threads(QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."), QStringLiteral("N"))
    , steady(QStringLiteral("steady-state"),
             QStringLiteral("Estimate a year (mission) of a system in steady service: the default, named."))
    , fromNew(QStringLiteral("from-new"),
              QStringLiteral("Estimate the first year (mission) from all new instead of a year in steady service."))
{
}

void RunOptions::addTo(QCommandLineParser& parser) const
{
    for (const auto& o : {seed, replications, precision, minOutages, mission, threads, steady, fromNew})
        parser.addOption(o);
}

std::optional<std::string> numberOption(const QCommandLineParser& parser, const QCommandLineOption& o, double lo,
                                        double hi, double& out)
{
    if (!parser.isSet(o))
        return std::nullopt;
    bool ok = false;
    const double v = parser.value(o).toDouble(&ok);
    if (!ok || !(v >= lo && v <= hi))
        return "--" + o.names().first().toStdString() + ": expected a number in [" + formatFixed(lo, 6) + ", "
               + formatFixed(hi, 0) + "], got \"" + parser.value(o).toStdString() + "\"";
    out = v;
    return std::nullopt;
}

std::optional<std::string> RunOptions::apply(const QCommandLineParser& parser, sim::RunSettings& s) const
{
    if (parser.isSet(steady) && parser.isSet(fromNew))
        return std::string("--steady-state and --from-new ask for different estimates: give one");
    if (parser.isSet(steady))
        s.steady_state = true;
    if (parser.isSet(fromNew))
        s.steady_state = false;
    double seedValue = static_cast<double>(s.seed), repsValue = s.replications, threadsValue = s.threads,
           minValue = std::round(s.min_outages);
    for (auto bad : {numberOption(parser, seed, 0, 9007199254740992.0, seedValue),
                     numberOption(parser, replications, 1, 1e8, repsValue),
                     numberOption(parser, precision, 1e-6, 0.999, s.target_relative_precision),
                     numberOption(parser, minOutages, 0, 1e6, minValue),
                     numberOption(parser, mission, 1e-3, 1e7, s.mission_hours),
                     numberOption(parser, threads, 1, 1024, threadsValue)})
        if (bad)
            return bad;
    s.seed = static_cast<std::uint64_t>(seedValue);
    s.replications = static_cast<std::uint32_t>(repsValue);
    s.threads = static_cast<unsigned>(threadsValue);
    s.min_outages = std::round(minValue);
    return std::nullopt;
}

std::optional<model::Model> loadTheFile(const QCommandLineParser& parser, const char* command, const char* usage,
                                        int& exitCode)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        std::cerr << "nines " << command << ": expected exactly one FILE (usage: " << usage << ")\n";
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    return loadForCommand(files.first(), exitCode);
}

void printJson(const QJsonObject& o)
{
    std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

void printTables(std::ostream& out, const std::vector<present::Table>& tables)
{
    for (const auto& t : tables)
        if (!t.rows.isEmpty())
            out << present::textOf(t);
}

}  // namespace nines::app
