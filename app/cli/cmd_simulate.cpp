// `nines simulate FILE`: Monte Carlo estimate of availability with confidence intervals.
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include "model/io/atomic_file.h"
#include "sim/compiled_model.h"
#include "sim/run.h"
#include "sim/simulator.h"
#include "sim/study/cap_study.h"
#include "sim/study/evaluation.h"
#include "ui/present/result_tables.h"
#include "ui/present/results_json.h"

#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace nines::app {

bool writeEventLog(const model::Model& m, const sim::CompiledModel& cm, const sim::RunSettings& s, const QString& path)
{
    // Kept in memory and written all at once: a full disk leaves no half log behind.
    QByteArray log("time_hours,event,element,instance,failure_mode,served_share\n");
    static const char* kinds[] = {"failure",  "detection",   "repair",      "failover",
                                  "outage_start", "outage_end", "buffer_full", "failover_retry"};
    static const char* domainKinds[] = {"zone", "region", "link", "shared_fate"};
    // The log is the first replication's observed window: after its warm-up, in hours from the
    // window's start.
    const double warmup = s.steady_state ? (s.warmup_hours >= 0 ? s.warmup_hours : sim::warmupFor(cm)) : 0.0;
    sim::Simulator simulator(cm);
    simulator.setTrace([&](const sim::TraceEvent& ev) {
        if (ev.hours < warmup)
            return;
        std::string element, instance, mode;
        if (ev.kind == sim::TraceEvent::BufferFull) {
            const auto& q = cm.queues[ev.element / cm.entries.size()];
            element = "queue:" + m.components[q.from].id + "->" + m.components[q.to].id;
        } else if (ev.kind == sim::TraceEvent::FailoverRetry) {
            element = m.components[ev.element].id;
        } else if (ev.kind == sim::TraceEvent::DomainDown || ev.kind == sim::TraceEvent::DomainUp) {
            const auto& d = cm.domains[ev.element];
            const std::string& id = d.kind == sim::CompiledDomain::Zone     ? m.zones[d.index].id
                                    : d.kind == sim::CompiledDomain::Region ? m.regions[d.index].id
                                    : d.kind == sim::CompiledDomain::Link   ? m.links[d.index].id
                                                                            : m.shared_fate[d.index].id;
            element = std::string(domainKinds[d.kind]) + ":" + id;
        } else {
            const std::uint32_t c = cm.instanceComponent[ev.element];
            element = m.components[c].id;
            instance = std::to_string(ev.element - cm.components[c].firstInstance);
            if (ev.kind == sim::TraceEvent::Failure)
                mode = m.components[c].failure_modes[ev.mode].id;
        }
        char line[64];
        std::snprintf(line, sizeof line, "%.6f,%s,", ev.hours - warmup, kinds[ev.kind]);
        log += line;
        log += QByteArray::fromStdString(element + "," + instance + "," + mode + ",");
        std::snprintf(line, sizeof line, "%.6g\n", ev.share);
        log += line;
    });
    simulator.setGrowthOrigin(warmup);
    simulator.reset(s.seed, 0, s.steady_state);
    simulator.runUntil(warmup + s.mission_hours);
    if (const QString why = io::writeFileAtomically(path, log); !why.isEmpty()) {
        std::cerr << "nines simulate: the event log: " << why.toStdString() << "\n";
        return false;
    }
    return true;
}

namespace {

void printSimulation(std::ostream& out, const model::Model& m, const study::Evaluation& a)
{
    const sim::RunResult& r = a.simulation;
    const sim::RunSettings& s = a.settings;
    const std::vector<study::StoreCap>& cap = a.cap;
    out << m.name << ": simulation of " << present::estimateText(s).toStdString() << "\n\n";
    printTables(out, {present::headlineTable(m, r, s, nullptr), present::componentsTable(m, r, &a),
                      present::costTable(m, r), present::capTable(m, cap), present::queuesTable(r.queues)});
    out << "Replications: " << r.replications << " (stopped by " << sim::toString(r.stop)
        << (r.partial() ? ", PARTIAL RESULT" : "") << "), seed " << s.seed << ", " << r.threads << " threads, "
        << formatFixed(static_cast<double>(r.events), 0) << " events in " << formatFixed(r.wall_seconds, 2) << " s ("
        << formatFixed(r.events_per_second() / 1e6, 1) << " million/s)\n";
}

}  // namespace

int cmdSimulate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const RunOptions run;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    const QCommandLineOption eventLog(QStringLiteral("event-log"),
                                      QStringLiteral("Write every event of the first replication (one mission "
                                                     "from all-new, same seed) to FILE as CSV."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Let --event-log replace a file that exists."));
    const QCommandLineOption slo(QStringLiteral("slo"),
                                 QStringLiteral("Exit with code 4 when availability is below this percentage."),
                                 QStringLiteral("PERCENT"));
    run.addTo(parser);
    for (const auto& o : {json, slo, eventLog, force})
        parser.addOption(o);
    if (auto stop = parseCommand(parser, args, QStringLiteral("Simulate a model's availability.")))
        return *stop;
    int code = ExitOk;
    auto loaded = loadTheFile(parser, "simulate", "nines simulate FILE [options]", code);
    if (!loaded)
        return code;
    const model::Model& m = *loaded;

    sim::RunSettings s = study::runSettingsOf(m);
    double sloValue = -1;
    std::optional<std::string> bad = run.apply(parser, s);
    if (!bad)
        bad = numberOption(parser, slo, 0.0001, 99.9999999, sloValue);
    if (bad) {
        std::cerr << "nines simulate: " << *bad << "\n";
        return ExitInvalid;
    }
    // Before the run, not after it: an existing file is somebody's, replaced only when asked.
    if (parser.isSet(eventLog) && QFileInfo::exists(parser.value(eventLog)) && !parser.isSet(force)) {
        std::cerr << "nines simulate: the event log " << parser.value(eventLog).toStdString()
                  << " exists; give --force to replace it\n";
        return ExitInvalid;
    }

    const std::atomic<bool>* cancel = cancelOnInterrupt();
    const bool showProgress = isatty(STDERR_FILENO) && !parser.isSet(json);
    const auto progress = [&](const sim::Checkpoint& cp, std::uint64_t target) {
        if (!showProgress || cp.wall_seconds < 1.0)
            return;
        const double frac = std::min(1.0, static_cast<double>(cp.replications) / static_cast<double>(target));
        const int width = 30;
        std::string bar(static_cast<std::size_t>(frac * width), '#');
        bar.resize(width, '.');
        std::fprintf(stderr, "\r[%s] %llu/%llu  availability %.6f%%  %.0f s", bar.c_str(),
                     static_cast<unsigned long long>(cp.replications), static_cast<unsigned long long>(target),
                     100.0 * cp.availability, cp.wall_seconds);
    };
    // The same evaluation the window and the report run, without the exact solver and scenarios.
    const study::Evaluation a = study::evaluate(m, {}, s, cancel, progress, {.exact = false, .comparison = false});
    const sim::RunResult& r = a.simulation;
    if (showProgress && !r.convergence.empty() && r.convergence.back().wall_seconds >= 1.0)
        std::fprintf(stderr, "\n");
    if (r.replications == 0) {
        // Figures from no replication at all would read as a perfect (or a dead) design.
        std::cerr << "nines simulate: no replication completed"
                  << (r.stop == sim::StopReason::WallClock
                          ? " within the time budget of " + formatFixed(s.max_wall_seconds, 1)
                                + " s (settings.max_wall_seconds)"
                          : std::string(" before it was cancelled"))
                  << ": nothing to estimate\n";
        return ExitCancelled;
    }

    if (parser.isSet(json)) {
        QJsonObject o = present::simulateJson(m, r, s, a.cap, a.capacity, &a.gain_if_perfect);
        if (sloValue >= 0)
            o.insert(QStringLiteral("slo"), QJsonObject{{QStringLiteral("percent"), sloValue},
                                                        {QStringLiteral("met"), r.availability.mean * 100 >= sloValue},
                                                        {QStringLiteral("interval_below"), r.availability.high * 100 < sloValue}});
        printJson(o);
    } else {
        printSimulation(std::cout, m, a);
        if (sloValue >= 0)
            std::cout << "Objective " << formatFixed(sloValue, 6) << "%: "
                      << (r.availability.mean * 100 >= sloValue ? "met" : "MISSED")
                      << (r.availability.high * 100 < sloValue ? " (the whole interval is below it)" : "") << "\n";
    }
    if (parser.isSet(eventLog) && !writeEventLog(m, sim::compile(m), s, parser.value(eventLog)))
        return ExitIoError;
    if (a.partial())
        return ExitCancelled;
    if (sloValue >= 0 && r.availability.mean * 100 < sloValue)
        return ExitSloMissed;
    return ExitOk;
}

}  // namespace nines::app
