#include "run.h"

#include "model/validate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace nines::sim {

const char* toString(StopReason r)
{
    switch (r) {
    case StopReason::Replications:
        return "replications";
    case StopReason::Precision:
        return "precision";
    case StopReason::WallClock:
        return "wall_clock";
    case StopReason::Cancelled:
        return "cancelled";
    }
    return "?";
}

double ninesOf(double u)
{
    return u > 0 ? -std::log10(u) : INFINITY;
}

namespace {

/// What one sample (a mission, or a batch of a long run) contributes to the estimates.
struct Sample {
    double unavailability;  // unserved hours / hours: accumulated directly, never 1 - availability
    double outages;
    double outageHours;
    double hours;
    std::vector<double> store;  // per store: partitioned, divergent, failovers, failures (raw)
    std::vector<double> queue;  // per queue: outages, buffering hours, full hours, peak backlog (raw)
    double performability = 1.0;
    double overloadHours = 0.0;
    std::vector<double> monthUnavailability;  // per whole month of the window
    double credits = 0.0;                     // SLA credits its months earn
    double creditedMonths = 0.0;
};

struct Block {
    std::vector<Sample> samples;
    std::vector<double> criticalHours, ownDownHours;
    OutageHistogram histogram;
    std::uint64_t events = 0;
    double hours = 0.0;
    bool complete = true;
};

void simulateBlock(const CompiledModel& m, const RunSettings& s, double warmup, Simulator& sim, std::uint64_t first,
                   std::uint64_t count, const std::atomic<bool>* cancel, Block& out)
{
    const std::size_t nc = m.components.size();
    out.criticalHours.assign(nc, 0.0);
    out.ownDownHours.assign(nc, 0.0);
    Segment seg;
    auto absorb = [&](const Segment& g) {
        Sample smp{g.hours > 0 ? g.unservedHours / g.hours : 0.0, g.outages, g.outageHours, g.hours, {}, {},
                   g.demandRequests > 0 ? g.servedRequests / g.demandRequests : 1.0, g.overloadHours, {}, 0.0, 0.0};
        for (double down : g.monthUnserved) {
            smp.monthUnavailability.push_back(down / kMonthHours);
            const double share = model::creditShare(m.sla_credits, 1.0 - down / kMonthHours);
            smp.credits += share * m.monthly_fee;
            smp.creditedMonths += share > 0 ? 1.0 : 0.0;
        }
        for (std::size_t q = 0; q < m.queues.size(); ++q)
            smp.queue.insert(smp.queue.end(), {g.queueOutages[q], g.queueBufferingHours[q], g.queueFullHours[q],
                                               g.queuePeakBacklog[q]});
        for (std::size_t k = 0; k < m.stores.size(); ++k) {
            const std::uint32_t c = m.stores[k].component;
            smp.store.insert(smp.store.end(),
                             {g.partitionedHours[k], g.divergentHours[k], g.failovers[c], g.failures[c]});
        }
        out.samples.push_back(std::move(smp));
        for (std::size_t c = 0; c < nc; ++c) {
            out.criticalHours[c] += g.criticalHours[c];
            out.ownDownHours[c] += g.ownDownHours[c];
        }
        out.histogram.merge(g.outageLengths);
        out.events += g.events;
        out.hours += g.hours;
    };
    // Demand grows from the start of the observed window.
    sim.setGrowthOrigin(warmup);
    sim.setMonths(warmup, kMonthHours, static_cast<std::size_t>(std::floor(s.mission_hours / kMonthHours + 1e-9)));
    for (std::uint64_t r = first; r < first + count; ++r) {
        sim.reset(s.seed, r, s.steady_state);
        if (sim.abandoned()) {
            out.complete = false;
            return;
        }
        if (warmup > 0) {
            if (!sim.runUntil(warmup, cancel)) {
                out.complete = false;
                return;
            }
            sim.takeSegment(seg);
            out.events += seg.events;  // warm-up events are work done, though not measured
        }
        if (!sim.runUntil(warmup + s.mission_hours, cancel)) {
            out.complete = false;
            return;
        }
        sim.takeSegment(seg);
        absorb(seg);
    }
}

}  // namespace

double warmupFor(const CompiledModel& m)
{
    // Every failure clock starts as one running since long ago (Sampler::residual; competing
    // clocks of one instance from its age, stationaryResiduals), which is the stationary state
    // of an instance that alternates on its own, given that it is up. What that start leaves
    // out settles on the time scale of being down: repairs (and waiting for a crew),
    // detection, failovers, zone outages, queue backlogs. Five of the longest of those make
    // the start's effect on a year's figures negligible (it decays at least geometrically).
    double down = 0.0;
    std::vector<double> crewWork(m.crewSizes.size(), 0.0);
    for (const auto& cc : m.components) {
        double longest = 0.0;
        for (std::uint32_t k = cc.firstMode; k < cc.firstMode + cc.modeCount; ++k)
            longest = std::max(longest, m.modes[k].detection_hours + m.modes[k].repair.mean);
        down = std::max(down, longest);
        if (cc.standby)
            down = std::max({down, cc.failover_hours + cc.domainDetection_hours});
        if (cc.crew >= 0)
            crewWork[static_cast<std::size_t>(cc.crew)] += cc.instances * longest;
    }
    // A crew smaller than what it repairs makes repairs wait: its busy periods are longer.
    for (std::size_t k = 0; k < crewWork.size(); ++k)
        if (m.crewSizes[k] > 0)
            down = std::max(down, crewWork[k] / m.crewSizes[k]);
    for (const auto& d : m.domains)
        down = std::max(down, d.repair.mean);
    double warmup = 5.0 * down;
    // What the start leaves out on the time scale of the renewal cycles. Every instance starts
    // up, in the stationary state of an up instance; a real one is down a share u of the time,
    // so failures come at first about u too often, and with clocks that have memory that
    // deviation returns with every cycle, damping by about rho = exp(-2 pi^2 cv^2) per cycle
    // (cv: the failure clock's coefficient of variation). Enough cycles bring it below 1e-3 of
    // the figure: ln(u / 1e-3) / (2 pi^2 cv^2). Spares whose clocks stop or slow while they
    // wait (warm, cold) age by which instance serves: at least 0.25 / cv^2 cycles (below 1%)
    // and 3. At most 30 cycles either way.
    constexpr double kTwoPi2 = 19.739208802178716;
    auto cyclesFor = [&](double mean, double downMean, double cv2, bool roles) {
        const double u = downMean / (mean + downMean);
        double n = u > 1e-3 ? std::ceil(std::log(u / 1e-3) / (kTwoPi2 * std::max(cv2, 1e-9))) : 0.0;
        if (roles)
            n = std::max({n, 3.0, std::ceil(0.25 / std::max(cv2, 1e-9))});
        return std::min(n, 30.0) * (mean + downMean);
    };
    for (const auto& cc : m.components) {
        if (!cc.memoryModes)
            continue;
        // The instance's cycle: up until the first of its clocks fires (rates add), then down
        // for that mode's detection and repair. Its up time is nearly exponential where the
        // exponential clocks fire most (cv^2 near 1), like the memory clocks where they do.
        double rate = 0.0, expRate = 0.0, down = 0.0, cv2 = INFINITY;
        for (std::uint32_t k = cc.firstMode; k < cc.firstMode + cc.modeCount; ++k) {
            const CompiledMode& mode = m.modes[k];
            if (!(mode.failure.mean > 0) || !std::isfinite(mode.failure.mean))
                continue;
            const double r = 1.0 / mode.failure.mean;
            rate += r;
            down += r * (mode.detection_hours + mode.repair.mean);
            if (mode.failure.kind == Sampler::Exponential)
                expRate += r;
            for (const Sampler* s : {&mode.failure, &mode.dormant})
                if (s->kind != Sampler::Exponential && s->kind != Sampler::Never)
                    cv2 = std::min(cv2, s->cv2);
        }
        if (rate <= 0 || !std::isfinite(cv2))
            continue;
        const double share = expRate / rate;
        warmup = std::max(warmup, cyclesFor(1.0 / rate, down / rate, share + (1.0 - share) * cv2,
                                            cc.standby && cc.standbyKind != model::StandbyKind::Hot));
    }
    for (const auto& d : m.domains)
        if (d.failure.kind != Sampler::Exponential && d.failure.kind != Sampler::Never)
            warmup = std::max(warmup, cyclesFor(d.failure.mean, d.repair.mean, d.failure.cv2, false));
    // Whole days, so the observed window starts at midnight like a run from new.
    return std::ceil(warmup / 24.0) * 24.0;
}

/// The Student-t interval of a mean, cut to the range the figure cannot leave (a share in [0, 1],
/// hours a year in [0, 8,760]): a bound outside it would claim what cannot happen.
static Interval meanInterval(const RunningStats& s, double lo, double hi)
{
    Interval iv = confidenceInterval(s, 0.95);
    iv.low = std::clamp(iv.low, lo, hi);
    iv.high = std::clamp(iv.high, lo, hi);
    return iv;
}

/// An exact interval widened to the Student-t interval across the windows (cut to [lo, hi]) where
/// that is wider: the exact one assumes independent events, which bursts or an outage crossing
/// into the next month break.
static Interval widenedAcrossWindows(Interval iv, const RunningStats& perWindow, double lo, double hi)
{
    if (iv.observed > 0 && perWindow.count() >= 2) {
        const Interval t = meanInterval(perWindow, lo, hi);
        iv.low = std::min(iv.low, t.low);
        iv.high = std::max(iv.high, t.high);
    }
    return iv;
}

/// Events a year, from each window's rate over `years` observed in all: exact Poisson from the
/// total count, widened across the windows.
static Interval countInterval(const RunningStats& perYear, double years)
{
    const double count = std::round(perYear.mean() * years);  // the windows' counts, summed
    return widenedAcrossWindows(poissonRateInterval(count, years, 0.95), perYear, 0.0,
                                std::numeric_limits<double>::infinity());
}

RunResult runSimulation(const CompiledModel& model, const RunSettings& settings, const std::atomic<bool>* cancel,
                        const ProgressFn& progress)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

    RunResult res;
    res.steady_state = settings.steady_state;
    const double warmup = !settings.steady_state     ? 0.0
                          : settings.warmup_hours >= 0 ? settings.warmup_hours
                                                       : warmupFor(model);
    res.warmup_hours = warmup;
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    // Each worker keeps the state of every instance, failure mode and timer: no more workers
    // than fit in kWorkerMemory together, and always one.
    constexpr double kWorkerMemory = 8.0 * 1024 * 1024 * 1024;
    const double perWorker = Simulator::bytesFor(model);
    const unsigned fit = static_cast<unsigned>(std::clamp(kWorkerMemory / std::max(perWorker, 1.0), 1.0, 1024.0));
    const unsigned threads = std::min(settings.threads ? settings.threads : hw, fit);
    res.threads = threads;
    const std::uint64_t total = std::max<std::uint32_t>(1, settings.replications);
    const std::uint64_t block = std::max<std::uint32_t>(1, settings.block);
    const std::uint64_t blocks = (total + block - 1) / block;

    std::mutex mu;
    std::condition_variable cv;
    std::map<std::uint64_t, Block> done;
    std::uint64_t nextBlock = 0;  // guarded by mu
    std::uint64_t merged = 0;     // blocks merged, guarded by mu
    bool stop = false;            // guarded by mu
    std::atomic<bool> abortWork{false};
    const std::uint64_t window = 4ull * threads;  // how far workers may run ahead of the merge

    auto work = [&](Simulator& sim) {
        if (sim.abandoned())
            return;
        while (true) {
            std::uint64_t b;
            {
                std::unique_lock lock(mu);
                cv.wait(lock, [&] { return stop || nextBlock >= blocks || nextBlock < merged + window; });
                if (stop || nextBlock >= blocks)
                    return;
                b = nextBlock++;
            }
            Block out;
            const std::uint64_t first = b * block;
            simulateBlock(model, settings, warmup, sim, first, std::min(block, total - first), &abortWork, out);
            {
                std::lock_guard lock(mu);
                done.emplace(b, std::move(out));
            }
            cv.notify_all();
        }
    };
    auto worker = [&] {
        auto sim = std::make_unique<Simulator>(model, &abortWork);
        work(*sim);
        // A stopped run returns at once: the simulator of a model of millions of instances
        // takes a quarter of a second a gigabyte to free, so a cancelled or timed-out run leaves
        // that to a thread of its own (it touches nothing but its own memory).
        if (abortWork.load())
            std::thread([dead = std::move(sim)] {}).detach();
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back(worker);

    RunningStats unavail, outages;
    RatioStats outageLength;   // outage hours over outages, per window
    double misses = 0.0;       // windows below the SLA target
    double downWindows = 0.0;  // windows with any downtime
    double months = 0.0, monthMisses = 0.0;
    RunningStats monthMissShare, worstMonth;  // per window: share of its months missed, its worst month
    RunningStats creditsPerYear;              // per window with whole months
    double creditedMonths = 0.0;
    std::vector<RunningStats> storeStats(4 * model.stores.size());
    std::vector<RunningStats> queueStats(4 * model.queues.size());
    std::vector<double> queuePeakMax(model.queues.size(), 0.0);
    RunningStats performability, overload;
    double outageHours = 0.0, outageCount = 0.0, hours = 0.0;
    std::vector<double> critical(model.components.size(), 0.0), ownDown(model.components.size(), 0.0);
    res.stop = StopReason::Replications;

    auto stopWorkers = [&](StopReason why) {
        res.stop = why;
        {
            std::lock_guard lock(mu);
            stop = true;
        }
        abortWork = true;
        cv.notify_all();
    };

    for (std::uint64_t b = 0; b < blocks; ++b) {
        Block blk;
        {
            std::unique_lock lock(mu);
            // The time budget is kept while a block runs too: one block of a model with very
            // many events can take longer than the whole budget.
            bool outOfTime = false;
            while (!done.count(b)) {
                cv.wait_for(lock, std::chrono::milliseconds(5));
                if (cancel && cancel->load(std::memory_order_relaxed))
                    break;
                if (settings.max_wall_seconds > 0 && elapsed() >= settings.max_wall_seconds) {
                    outOfTime = true;
                    break;
                }
            }
            if (!done.count(b)) {
                lock.unlock();
                stopWorkers(outOfTime ? StopReason::WallClock : StopReason::Cancelled);
                break;
            }
            blk = std::move(done[b]);
            done.erase(b);
        }
        if (!blk.complete) {
            stopWorkers(StopReason::Cancelled);
            break;
        }
        for (const Sample& smp : blk.samples) {
            unavail.add(smp.unavailability);
            outages.add(smp.outages * 8760.0 / smp.hours);
            misses += smp.unavailability > 1.0 - settings.sla_availability ? 1.0 : 0.0;
            downWindows += smp.unavailability > 0.0 ? 1.0 : 0.0;
            outageLength.add(smp.outageHours, smp.outages);
            if (!smp.monthUnavailability.empty()) {
                double missed = 0.0, worst = 0.0;
                for (double mu : smp.monthUnavailability) {
                    missed += mu > 1.0 - settings.sla_availability ? 1.0 : 0.0;
                    worst = std::max(worst, mu);
                    res.month_downtime.add(mu * kMonthHours * 60.0);
                }
                creditsPerYear.add(smp.credits * 12.0 / static_cast<double>(smp.monthUnavailability.size()));
                creditedMonths += smp.creditedMonths;
                months += static_cast<double>(smp.monthUnavailability.size());
                monthMisses += missed;
                monthMissShare.add(missed / static_cast<double>(smp.monthUnavailability.size()));
                worstMonth.add(worst * kMonthHours * 60.0);
            }
            res.downtime_minutes.push_back(smp.unavailability * 525600.0);
            outageHours += smp.outageHours;
            outageCount += smp.outages;
            performability.add(smp.performability);
            overload.add(smp.overloadHours * 8760.0 / smp.hours);
            for (std::size_t k = 0; k < smp.store.size(); ++k)
                storeStats[k].add(smp.store[k] * 8760.0 / smp.hours);
            for (std::size_t k = 0; k < smp.queue.size(); ++k) {
                const bool peak = k % 4 == 3;
                queueStats[k].add(peak ? smp.queue[k] : smp.queue[k] * 8760.0 / smp.hours);
                if (peak)
                    queuePeakMax[k / 4] = std::max(queuePeakMax[k / 4], smp.queue[k]);
            }
        }
        for (std::size_t c = 0; c < critical.size(); ++c) {
            critical[c] += blk.criticalHours[c];
            ownDown[c] += blk.ownDownHours[c];
        }
        res.outage_lengths.merge(blk.histogram);
        res.events += blk.events;
        hours += blk.hours;
        {
            std::lock_guard lock(mu);
            merged = b + 1;
        }
        cv.notify_all();

        const Interval uv = confidenceInterval(unavail, 0.95);
        Checkpoint cp{unavail.count(), 1.0 - uv.mean, 1.0 - uv.high, 1.0 - uv.low, elapsed()};
        res.convergence.push_back(cp);
        if (progress)
            progress(cp, total);

        if (b + 1 == blocks)
            break;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            stopWorkers(StopReason::Cancelled);
            break;
        }
        const double u = uv.mean;
        // A precise-looking interval from a handful of outages is not trusted: precision also
        // needs the minimum number of outages seen.
        if (settings.target_relative_precision > 0 && unavail.count() >= 2 * block && u > 0
            && outageCount >= settings.min_outages && uv.halfWidth() / u <= settings.target_relative_precision) {
            stopWorkers(StopReason::Precision);
            break;
        }
        if (settings.max_wall_seconds > 0 && elapsed() >= settings.max_wall_seconds) {
            stopWorkers(StopReason::WallClock);
            break;
        }
    }
    {
        std::lock_guard lock(mu);
        stop = true;
    }
    abortWork = true;
    cv.notify_all();
    for (auto& t : pool)
        t.join();

    res.replications = unavail.count();
    const double n = static_cast<double>(res.replications);
    res.unavailability = confidenceInterval(unavail, 0.95);
    res.unavailability.low = std::max(0.0, res.unavailability.low);
    res.unavailability.high = std::min(1.0, res.unavailability.high);
    if (downWindows == 0.0 && n > 0) {
        // No downtime seen: a window's unserved share lies in [0, 1], so its mean is at most the
        // probability that a window holds any downtime, which the rule of three bounds.
        const Interval any = proportionInterval(0.0, n, 0.95);
        res.unavailability = {0.0, 0.0, any.high, 0.0};
    }
    res.observed_outages = outageCount;
    res.relative_precision = res.unavailability.mean > 0 ? res.unavailability.halfWidth() / res.unavailability.mean : 0.0;
    res.availability = {1.0 - res.unavailability.mean, 1.0 - res.unavailability.high, 1.0 - res.unavailability.low,
                        res.unavailability.observed};
    res.availability_stderr = unavail.standardError();
    res.downtime_minutes_per_year = {res.unavailability.mean * 525600.0, res.unavailability.low * 525600.0,
                                     res.unavailability.high * 525600.0, res.unavailability.observed};
    res.downtime_p50 = percentile(res.downtime_minutes, 0.50);
    res.downtime_p90 = percentile(res.downtime_minutes, 0.90);
    res.downtime_p99 = percentile(res.downtime_minutes, 0.99);
    const double years = hours / 8760.0;
    res.outages_per_year = countInterval(outages, years);
    const Interval len = ratioInterval(outageLength, 0.95);
    res.mean_outage_minutes = {len.mean * 60.0, len.low * 60.0, len.high * 60.0, len.observed};
    res.sla_miss_probability = proportionInterval(misses, n, 0.95);
    // Months: Clopper-Pearson over all of them, widened across the windows (the months of one
    // window are not independent: a long outage can cross from one into the next).
    res.months = months;
    res.sla_miss_probability_month =
        widenedAcrossWindows(proportionInterval(monthMisses, months, 0.95), monthMissShare, 0.0, 1.0);
    res.worst_month_downtime_minutes = meanInterval(worstMonth, 0.0, kMonthHours * 60.0);
    if (res.unavailability.nothingObserved() && months > 0)  // a worst month holds at most a month
        res.worst_month_downtime_minutes = {0.0, 0.0, res.unavailability.high * kMonthHours * 60.0, 0.0};
    res.month_downtime_p50 = res.month_downtime.percentile(0.50);
    res.month_downtime_p90 = res.month_downtime.percentile(0.90);
    res.month_downtime_p99 = res.month_downtime.percentile(0.99);
    res.credits_modelled = !model.sla_credits.empty() && model.monthly_fee > 0 && months > 0;
    if (res.credits_modelled) {
        double most = 0.0;  // the largest credit a month can earn
        for (const auto& step : model.sla_credits)
            most = std::max(most, step.credit_percent / 100.0 * model.monthly_fee);
        res.sla_credits_per_year = meanInterval(creditsPerYear, 0.0, 12.0 * most);
        res.sla_credits_per_year.observed = creditedMonths;
        if (creditedMonths == 0.0) {
            // No month credited: a window pays at most 12 x the largest credit a year, and the
            // rule of three bounds the probability that a window pays anything.
            const Interval any = proportionInterval(0.0, static_cast<double>(creditsPerYear.count()), 0.95);
            res.sla_credits_per_year = {0.0, 0.0, any.high * 12.0 * most, 0.0};
        }
    }
    for (std::size_t c = 0; c < model.components.size(); ++c) {
        ComponentResult cr;
        cr.id = model.componentIds[c];
        cr.criticality = outageHours > 0 ? critical[c] / outageHours : 0.0;
        cr.own_availability = hours > 0 ? 1.0 - ownDown[c] / hours : 1.0;
        cr.own_unavailability = hours > 0 ? ownDown[c] / hours : 0.0;
        res.components.push_back(cr);
    }
    for (std::size_t k = 0; k < model.stores.size(); ++k) {
        StoreResult sr;
        sr.id = model.componentIds[model.stores[k].component];
        sr.partitioned_hours_per_year = meanInterval(storeStats[4 * k], 0.0, 8760.0);
        sr.divergent_hours_per_year = meanInterval(storeStats[4 * k + 1], 0.0, 8760.0);
        sr.failovers_per_year = countInterval(storeStats[4 * k + 2], years);
        sr.failures_per_year = countInterval(storeStats[4 * k + 3], years);
        res.stores.push_back(sr);
    }
    for (std::size_t q = 0; q < model.queues.size(); ++q) {
        const CompiledQueue& cq = model.queues[q];
        QueueResult qr;
        qr.from = model.componentIds[cq.from];
        qr.to = model.componentIds[cq.to];
        qr.buffer_messages = cq.buffer_messages;
        qr.messages_per_hour = cq.messages_per_hour;
        qr.consumer_outages_per_year = countInterval(queueStats[4 * q], years);
        qr.buffering_hours_per_year = meanInterval(queueStats[4 * q + 1], 0.0, 8760.0);
        qr.full_hours_per_year = meanInterval(queueStats[4 * q + 2], 0.0, 8760.0);
        qr.peak_backlog = meanInterval(queueStats[4 * q + 3], 0.0, cq.buffer_messages);
        qr.peak_backlog_max = queuePeakMax[q];
        auto times = [&](const Interval& iv) {
            return Interval{iv.mean * cq.messages_per_hour, iv.low * cq.messages_per_hour, iv.high * cq.messages_per_hour};
        };
        qr.messages_delayed_per_year = times(qr.buffering_hours_per_year);
        qr.messages_lost_per_year = times(qr.full_hours_per_year);
        res.queues.push_back(qr);
    }
    res.capacity_modelled = model.hasCapacity;
    res.performability = meanInterval(performability, 0.0, 1.0);
    res.overload_hours_per_year = meanInterval(overload, 0.0, 8760.0);
    res.simulated_hours = hours;
    res.wall_seconds = elapsed();
    return res;
}

}  // namespace nines::sim
