// Engine benchmarks (QBENCHMARK; not run by ctest, run by scripts/bench.sh). Prints events per
// second for (a) 10 components in series and a minimal hand-written loop of the same model,
// side by side, and (b) the three-tier example scaled to 200 components, on 1 and on all
// threads; also the cancel latency and memory against the number of replications.
#include "model/io/model_file.h"
#include "sim/compiled_model.h"
#include "sim/random.h"
#include "sim/run.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <queue>
#include <sys/resource.h>
#include <unistd.h>
#include <thread>

using namespace nines;
using namespace nines::model;

namespace {

Model series10()
{
    Model m;
    m.name = "series of 10";
    Component e;
    e.id = "users";
    e.kind = ComponentKind::Entry;
    e.traffic_share = 1;
    m.components.push_back(e);
    for (int i = 0; i < 10; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.failure_modes = {{"f", "", Distribution::exponential(1000), Distribution::exponential(10), 0, {}}};
        m.components.push_back(c);
        m.dependencies.push_back({"", "users", c.id, 1.0, DependencyType::Sync, {}, {}});
    }
    return m;
}

Model makeScaledThreeTier(int copies)
{
    const io::LoadResult res = io::loadModelFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/three-tier-web.nines.json"));
    Model base = *res.model;
    Model m = base;
    m.components.clear();
    m.dependencies.clear();
    m.scenarios.clear();
    std::string entry;
    for (const auto& c : base.components)
        if (c.kind == ComponentKind::Entry) {
            m.components.push_back(c);
            entry = c.id;
        }
    for (int k = 0; k < copies; ++k) {
        const std::string suffix = "-" + std::to_string(k);
        for (auto c : base.components) {
            if (c.kind == ComponentKind::Entry)
                continue;
            c.id += suffix;
            m.components.push_back(c);
        }
        for (auto d : base.dependencies) {
            if (d.from != entry)
                d.from += suffix;
            d.to += suffix;
            m.dependencies.push_back(d);
        }
    }
    return m;
}

double eventsPerSecond(const sim::CompiledModel& cm, unsigned threads, std::uint32_t reps, sim::RunResult* out = nullptr)
{
    sim::RunSettings s;
    s.replications = reps;
    s.threads = threads;
    const sim::RunResult r = sim::runSimulation(cm, s);
    if (out)
        *out = r;
    return r.events_per_second();
}

/// The minimal hand-written loop: 10 exponential components in series, next event by linear
/// scan, downtime accumulated; the same events as the engine counts (failures and repairs).
double minimalLoop(std::uint64_t replications, std::uint64_t& events, double& availability)
{
    QElapsedTimer t;
    t.start();
    events = 0;
    double down = 0;
    for (std::uint64_t r = 0; r < replications; ++r) {
        sim::Stream s(sim::mix64(r + 1));
        double next[10];
        bool up[10];
        int nDown = 0;
        for (int i = 0; i < 10; ++i) {
            next[i] = -1000.0 * std::log(s.uniformOpen0());
            up[i] = true;
        }
        double now = 0, lastChange = 0;
        while (true) {
            int k = 0;
            for (int i = 1; i < 10; ++i)
                if (next[i] < next[k])
                    k = i;
            if (next[k] >= 8760.0)
                break;
            now = next[k];
            if (nDown > 0)
                down += now - lastChange;
            lastChange = now;
            if (up[k]) {
                up[k] = false;
                ++nDown;
                next[k] = now - 10.0 * std::log(s.uniformOpen0());
            } else {
                up[k] = true;
                --nDown;
                next[k] = now - 1000.0 * std::log(s.uniformOpen0());
            }
            ++events;
        }
        if (nDown > 0)
            down += 8760.0 - lastChange;
    }
    availability = 1.0 - down / (8760.0 * static_cast<double>(replications));
    return static_cast<double>(events) / (static_cast<double>(t.nsecsElapsed()) * 1e-9);
}

/// The same minimal loop with the usual future-event set of a DES, a binary heap
/// (std::priority_queue with lazy deletion is not needed: every component has one pending event).
double minimalHeapLoop(std::uint64_t replications, std::uint64_t& events)
{
    QElapsedTimer t;
    t.start();
    events = 0;
    struct Ev {
        double time;
        int component;
        bool operator>(const Ev& o) const { return time > o.time; }
    };
    std::vector<Ev> storage;
    storage.reserve(16);
    double down = 0;
    for (std::uint64_t r = 0; r < replications; ++r) {
        sim::Stream s(sim::mix64(r + 1));
        std::priority_queue<Ev, std::vector<Ev>, std::greater<Ev>> q(std::greater<Ev>(), storage);
        bool up[10];
        int nDown = 0;
        for (int i = 0; i < 10; ++i) {
            q.push({-1000.0 * std::log(s.uniformOpen0()), i});
            up[i] = true;
        }
        double lastChange = 0;
        while (q.top().time < 8760.0) {
            const Ev e = q.top();
            q.pop();
            if (nDown > 0)
                down += e.time - lastChange;
            lastChange = e.time;
            if (up[e.component]) {
                up[e.component] = false;
                ++nDown;
                q.push({e.time - 10.0 * std::log(s.uniformOpen0()), e.component});
            } else {
                up[e.component] = true;
                --nDown;
                q.push({e.time - 1000.0 * std::log(s.uniformOpen0()), e.component});
            }
            ++events;
        }
    }
    (void)down;
    return static_cast<double>(events) / (static_cast<double>(t.nsecsElapsed()) * 1e-9);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

long maxRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/// The resident memory now (the peak above only grows).
long currentRssKb()
{
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

class BenchEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seriesOfTen()
    {
        // The machine's speed drifts by tens of percent over seconds (other tenants of the host),
        // so the engine and the two minimal loops take turns in short rounds and every round
        // compares them under the same conditions: the ratios are the figures to trust.
        const sim::CompiledModel cm = sim::compile(series10());
        constexpr int kRounds = 12;
        constexpr std::uint32_t kReps = 3000;
        std::vector<double> engine, scan, heap, scanRatio, heapRatio;
        double availability = 0, loopAvailability = 0;
        QBENCHMARK_ONCE {
            for (int round = 0; round < kRounds; ++round) {
                sim::RunResult r;
                engine.push_back(eventsPerSecond(cm, 1, kReps, &r));
                std::uint64_t events = 0;
                scan.push_back(minimalLoop(kReps, events, loopAvailability));
                heap.push_back(minimalHeapLoop(kReps, events));
                scanRatio.push_back(scan.back() / engine.back());
                heapRatio.push_back(heap.back() / engine.back());
                availability = r.availability.mean;
            }
        }
        qInfo("(a) 10 in series, 1 thread, %d rounds of %u replications: engine %.1f M events/s (median; best round "
              "%.1f, worst %.1f); minimal loop with a binary heap %.1f M, %.2fx the engine (median of rounds; %.2f-%.2f); "
              "minimal loop scanning its timers %.1f M, %.2fx (%.2f-%.2f) (availability: engine %.6f, loop %.6f)",
              kRounds, kReps, median(engine) / 1e6, *std::max_element(engine.begin(), engine.end()) / 1e6,
              *std::min_element(engine.begin(), engine.end()) / 1e6, median(heap) / 1e6, median(heapRatio),
              *std::min_element(heapRatio.begin(), heapRatio.end()), *std::max_element(heapRatio.begin(), heapRatio.end()),
              median(scan) / 1e6, median(scanRatio), *std::min_element(scanRatio.begin(), scanRatio.end()),
              *std::max_element(scanRatio.begin(), scanRatio.end()), availability, loopAvailability);
        const double two = eventsPerSecond(cm, 2, 40000);
        qInfo("(a) 10 in series, 2 threads: %.1f M events/s", two / 1e6);
    }

    void twoThreadsAgainstTwoProcesses()
    {
        // Two independent single-thread simulators side by side (as two processes would run)
        // against the engine's own 2-thread run, in alternating rounds (see seriesOfTen).
        const sim::CompiledModel cm = sim::compile(series10());
        std::vector<double> ratio, independentRates, engineRates;
        for (int round = 0; round < 6; ++round) {
            std::atomic<std::uint64_t> events{0};
            QElapsedTimer t;
            t.start();
            auto alone = [&](std::uint64_t offset) {
                sim::Simulator sim(cm);
                sim::Segment seg;
                std::uint64_t n = 0;
                for (std::uint64_t r = 0; r < 4000; ++r) {
                    sim.reset(1, offset + r);
                    sim.runUntil(8760.0);
                    sim.takeSegment(seg);
                    n += seg.events;
                }
                events += n;
            };
            std::thread a(alone, 0), b(alone, 4000);
            a.join();
            b.join();
            independentRates.push_back(static_cast<double>(events) / (static_cast<double>(t.nsecsElapsed()) * 1e-9));
            engineRates.push_back(eventsPerSecond(cm, 2, 8000));
            ratio.push_back(engineRates.back() / independentRates.back());
        }
        qInfo("(a) 2 independent single-thread simulators: %.1f M events/s; engine on 2 threads: %.1f M events/s "
              "(%.0f%%, median of 6 alternating rounds; %.0f-%.0f%%)",
              median(independentRates) / 1e6, median(engineRates) / 1e6, 100 * median(ratio),
              100 * *std::min_element(ratio.begin(), ratio.end()), 100 * *std::max_element(ratio.begin(), ratio.end()));
    }

    void scaledThreeTier()
    {
        const Model m = makeScaledThreeTier(50);
        const sim::CompiledModel cm = sim::compile(m);
        double one = 0, all = 0;
        QBENCHMARK_ONCE {
            one = eventsPerSecond(cm, 1, 400);
            all = eventsPerSecond(cm, 0, 800);
        }
        qInfo("(b) three-tier x50 (%zu components, %zu instances): 1 thread %.1f M events/s, all %u threads %.1f M "
              "events/s (%.2fx)",
              m.components.size(), cm.instanceCount(), one / 1e6, std::thread::hardware_concurrency(), all / 1e6,
              all / one);
    }

    void simulatedYearsPerSecond()
    {
        const io::LoadResult res = io::loadModelFile(QStringLiteral(NINES_RESOURCES_DIR "/examples/three-tier-web.nines.json"));
        const sim::CompiledModel cm = sim::compile(*res.model);
        sim::RunSettings s;
        s.replications = 20000;
        const sim::RunResult r = sim::runSimulation(cm, s);
        qInfo("three-tier example: %.0f simulated years/s on %u threads (%.1f M events/s)",
              r.simulated_hours / 8760.0 / r.wall_seconds, r.threads, r.events_per_second() / 1e6);
    }

    void cancelLatency()
    {
        const sim::CompiledModel cm = sim::compile(makeScaledThreeTier(50));
        sim::RunSettings s;
        s.replications = 100000000;
        s.steady_state = true;
        std::atomic<bool> cancel{false};
        double worst = 0;
        for (int i = 0; i < 5; ++i) {
            cancel = false;
            QElapsedTimer since;
            std::thread t([&] { sim::runSimulation(cm, s, &cancel); });
            QThread::msleep(200);
            since.start();
            cancel = true;
            t.join();
            worst = std::max(worst, static_cast<double>(since.nsecsElapsed()) * 1e-6);
        }
        qInfo("cancel: worst of 5 runs returned %.1f ms after the request (promise: 100 ms)", worst);
        // The promise is 100 ms; the bound is generous (a loaded 2-core host stalls threads), so
        // it fails only when cancelling no longer works within a block of replications.
        QVERIFY2(worst < 1000.0, qPrintable(QStringLiteral("cancel took %1 ms").arg(worst)));
    }

    // Ten million instances: how long compiling and setting up take, what an instance costs in
    // memory per worker thread, and how soon a cancel during set-up returns (the promise: 100 ms).
    void setUpOfTenMillionInstances()
    {
        Model m = series10();
        m.components.resize(2);
        m.dependencies.resize(1);
        m.components[1].instances = 10000000;
        m.components[1].required = 9000000;
        QElapsedTimer t;
        t.start();
        const long rssStart = maxRssKb();
        const sim::CompiledModel cm = sim::compile(m);
        const double compileMs = t.nsecsElapsed() * 1e-6;
        const long rssCompiled = maxRssKb();
        t.restart();
        {
            auto one = std::make_unique<sim::Simulator>(cm);
            const double setUpMs = t.nsecsElapsed() * 1e-6;
            const long rssSetUp = maxRssKb();
            t.restart();
            one->reset(1, 0, true);
            const double resetMs = t.nsecsElapsed() * 1e-6;
            t.restart();
            one.reset();
            qInfo("10,000,000 instances: compile %.0f ms (%.0f bytes an instance), set-up of one worker %.0f ms (%.0f "
                  "bytes an instance; Simulator::bytesFor estimates %.0f), a replication's reset %.0f ms, freeing the "
                  "worker %.0f ms",
                  compileMs, (rssCompiled - rssStart) * 1024.0 / 1e7, setUpMs, (rssSetUp - rssCompiled) * 1024.0 / 1e7,
                  sim::Simulator::bytesFor(cm) / 1e7, resetMs, t.nsecsElapsed() * 1e-6);
        }
        {
            // Two million instances of four failure modes: what
            // a worker holds against Simulator::bytesFor, which caps the workers of a run.
            Model four = series10();
            four.components.resize(2);
            four.dependencies.resize(1);
            four.components[1].instances = 2000000;
            four.components[1].required = 1800000;
            const FailureMode mode = four.components[1].failure_modes.front();
            for (int k = 1; k < 4; ++k) {
                four.components[1].failure_modes.push_back(mode);
                four.components[1].failure_modes.back().id = "mode" + std::to_string(k);
            }
            const sim::CompiledModel cm4 = sim::compile(four);
            const long before = currentRssKb();
            auto one = std::make_unique<sim::Simulator>(cm4);
            qInfo("2,000,000 instances of 4 failure modes: a worker holds %.0f bytes an instance (Simulator::bytesFor "
                  "estimates %.0f)",
                  (currentRssKb() - before) * 1024.0 / 2e6, sim::Simulator::bytesFor(cm4) / 2e6);
        }
        sim::RunSettings s;
        s.replications = 100;
        s.threads = 2;
        double worst = 0;
        for (int delay : {20, 150, 400, 900}) {
            std::atomic<bool> cancel{false};
            QElapsedTimer since;
            std::thread run([&] { sim::runSimulation(cm, s, &cancel); });
            QThread::msleep(static_cast<unsigned long>(delay));
            since.start();
            cancel = true;
            run.join();
            const double ms = since.nsecsElapsed() * 1e-6;
            qInfo("cancel %d ms into set-up and first replications: returned %.1f ms after the request", delay, ms);
            worst = std::max(worst, ms);
        }
        // The promise is 100 ms; generous bound as above.
        QVERIFY2(worst < 1000.0, qPrintable(QStringLiteral("cancel took %1 ms").arg(worst)));
    }

    void memoryFlatInReplications()
    {
        const sim::CompiledModel cm = sim::compile(series10());
        eventsPerSecond(cm, 0, 2000);
        const long before = maxRssKb();
        eventsPerSecond(cm, 0, 200000);
        const long after = maxRssKb();
        qInfo("memory: peak RSS %ld KiB after 2,000 replications, %ld KiB after 200,000 more (+%ld KiB, one double "
              "per replication = %ld KiB)",
              before, after, after - before, 200000L * 8 / 1024);
        // One number a replication is 1.6 MiB for 200,000; 32 MiB allows for the allocator and
        // fails when a run starts keeping per-replication records or an event log.
        QVERIFY2(after - before < 32 * 1024, qPrintable(QStringLiteral("+%1 KiB").arg(after - before)));
    }
};

QTEST_GUILESS_MAIN(BenchEngine)
#include "bench_engine.moc"
