// `nines report FILE -o OUT.pdf|.html|.csv|.json`: simulates the model, runs the exact solver,
// capacity and CAP analyses, and writes the report the window exports, without a display.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "model/io/scenario.h"
#include "sim/study/evaluation.h"
#include "ui/report/report.h"

#include <atomic>
#include <iostream>

namespace nines::app {

namespace {

int cmdReport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("The report to write: .pdf, .html, .csv (one file per table, "
                                                "OUT-TABLE.csv) or .json."),
                                 QStringLiteral("OUT"));
    parser.addOption(out);
    const RunOptions run;
    run.addTo(parser);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("Simulate a model and write its availability report: headline with "
                                                "confidence intervals, topology, charts, components, capacity, CAP, "
                                                "assumptions and the run settings to reproduce it.")))
        return *stop;
    if (!parser.isSet(out)) {
        std::cerr << "nines report: no output file given (usage: nines report FILE -o OUT.pdf|.html|.csv|.json)\n";
        return ExitInvalid;
    }
    const QString path = parser.value(out);
    if (!ui::reportFormatOf(path)) {
        std::cerr << "nines report: " << path.toStdString()
                  << ": the report's file name must end in .pdf, .html, .csv or .json\n";
        return ExitInvalid;
    }
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "report", "nines report FILE -o OUT", code);
    if (!loaded)
        return code;
    sim::RunSettings s = study::runSettingsOf(*loaded);
    if (auto bad = run.apply(parser, s)) {
        std::cerr << "nines report: " << *bad << "\n";
        return ExitInvalid;
    }
    const std::atomic<bool>* cancel = cancelOnInterrupt();
    const study::Evaluation a = study::evaluate(*loaded, io::designsOf(*loaded), s, cancel);
    if (a.simulation.replications == 0) {
        // A report of no replication would print figures that stand for nothing; the old report
        // (if any) is left as it was.
        std::cerr << "nines report: no replication completed"
                  << (a.simulation.stop == sim::StopReason::WallClock ? " within the time budget (settings.max_wall_seconds)"
                                                                      : " before it was cancelled")
                  << ": nothing to report, " << path.toStdString() << " not written\n";
        return ExitCancelled;
    }
    QStringList written;
    const QString why = ui::writeReport(a, path, &written);
    if (!why.isEmpty()) {
        std::cerr << "nines report: " << why.toStdString() << "\n";
        return ExitIoError;
    }
    for (const auto& f : written)
        std::cout << "wrote " << f.toStdString() << "\n";
    if (a.partial()) {
        std::cerr << "nines report: cancelled; the report holds the partial result, marked as such\n";
        return ExitCancelled;
    }
    return ExitOk;
}

}  // namespace

Command reportCommand()
{
    return {"report", "report FILE -o OUT", "simulate and write the report: .pdf, .html, .csv or .json", cmdReport};
}

}  // namespace nines::app
