#include "run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
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
    double availability;
    double outages;
    double outageHours;
    double hours;
    std::vector<double> store;  // per store: partitioned, divergent, failovers, failures (raw)
    std::vector<double> queue;  // per queue: outages, buffering hours, full hours, peak backlog (raw)
    double performability = 1.0;
    double overloadHours = 0.0;
};

struct Block {
    std::vector<Sample> samples;
    std::vector<double> criticalHours, ownDownHours;
    OutageHistogram histogram;
    std::uint64_t events = 0;
    double hours = 0.0;
    bool complete = true;
};

/// Warm-up for steady-state runs: long enough for the slowest process of the model to forget
/// that everything started new (three of its mean times), between one and ten batches.
double chooseWarmup(const CompiledModel& m, double batch)
{
    double slowest = 0.0;
    for (const auto& mode : m.modes)
        slowest = std::max({slowest, mode.failure.mean, mode.repair.mean, mode.detection_hours});
    for (const auto& d : m.domains)
        slowest = std::max({slowest, d.failure.mean, d.repair.mean});
    return std::clamp(3.0 * slowest, batch, 10.0 * batch);
}

void simulateBlock(const CompiledModel& m, const RunSettings& s, Simulator& sim, std::uint64_t first,
                   std::uint64_t count, const std::atomic<bool>* cancel, Block& out)
{
    const std::size_t nc = m.components.size();
    out.criticalHours.assign(nc, 0.0);
    out.ownDownHours.assign(nc, 0.0);
    Segment seg;
    auto absorb = [&](const Segment& g) {
        Sample smp{g.availability(), g.outages, g.outageHours, g.hours, {}, {},
                   g.demandRequests > 0 ? g.servedRequests / g.demandRequests : 1.0, g.overloadHours};
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
    sim.setGrowth(!s.steady_state);
    for (std::uint64_t r = first; r < first + count; ++r) {
        sim.reset(s.seed, r);
        if (!s.steady_state) {
            if (!sim.runUntil(s.mission_hours, cancel)) {
                out.complete = false;
                return;
            }
            sim.takeSegment(seg);
            absorb(seg);
            continue;
        }
        const double batch = s.batch_hours > 0 ? s.batch_hours : s.mission_hours;
        const double warmup = s.warmup_hours > 0 ? s.warmup_hours : chooseWarmup(m, batch);
        if (!sim.runUntil(warmup, cancel)) {
            out.complete = false;
            return;
        }
        sim.takeSegment(seg);
        out.events += seg.events;  // warm-up events are work done, though not measured
        for (std::uint32_t b = 1; b <= s.batches_per_replication; ++b) {
            if (!sim.runUntil(warmup + b * batch, cancel)) {
                out.complete = false;
                return;
            }
            sim.takeSegment(seg);
            absorb(seg);
        }
    }
}

}  // namespace

RunResult runSimulation(const CompiledModel& model, const RunSettings& settings, const std::atomic<bool>* cancel,
                        const ProgressFn& progress)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

    RunResult res;
    res.steady_state = settings.steady_state;
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = settings.threads ? settings.threads : hw;
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

    auto worker = [&] {
        Simulator sim(model);
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
            simulateBlock(model, settings, sim, first, std::min(block, total - first), &abortWork, out);
            {
                std::lock_guard lock(mu);
                done.emplace(b, std::move(out));
            }
            cv.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back(worker);

    RunningStats avail, outages, sla;
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
            while (!done.count(b)) {
                cv.wait_for(lock, std::chrono::milliseconds(5));
                if (cancel && cancel->load(std::memory_order_relaxed))
                    break;
            }
            if (!done.count(b)) {
                lock.unlock();
                stopWorkers(StopReason::Cancelled);
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
            avail.add(smp.availability);
            outages.add(smp.outages * 8760.0 / smp.hours);
            sla.add(smp.availability < settings.sla_availability ? 1.0 : 0.0);
            res.downtime_minutes.push_back((1.0 - smp.availability) * 525600.0);
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

        const Interval iv = confidenceInterval(avail, 0.95);
        Checkpoint cp{avail.count(), iv.mean, iv.low, iv.high, elapsed()};
        res.convergence.push_back(cp);
        if (progress)
            progress(cp, settings.steady_state ? total * settings.batches_per_replication : total);

        if (b + 1 == blocks)
            break;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            stopWorkers(StopReason::Cancelled);
            break;
        }
        const double u = 1.0 - iv.mean;
        if (settings.target_relative_precision > 0 && avail.count() >= 2 * block && u > 0
            && iv.halfWidth() / u <= settings.target_relative_precision) {
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

    res.replications = avail.count();
    res.availability = confidenceInterval(avail, 0.95);
    res.availability_stderr = avail.standardError();
    res.unavailability = {1.0 - res.availability.mean, 1.0 - res.availability.high, 1.0 - res.availability.low};
    res.downtime_minutes_per_year = {res.unavailability.mean * 525600.0, res.unavailability.low * 525600.0,
                                     res.unavailability.high * 525600.0};
    res.downtime_p50 = percentile(res.downtime_minutes, 0.50);
    res.downtime_p90 = percentile(res.downtime_minutes, 0.90);
    res.downtime_p99 = percentile(res.downtime_minutes, 0.99);
    res.outages_per_year = confidenceInterval(outages, 0.95);
    res.mean_outage_minutes = outageCount > 0 ? outageHours / outageCount * 60.0 : 0.0;
    Interval slaIv = confidenceInterval(sla, 0.95);
    slaIv.low = std::max(0.0, slaIv.low);
    slaIv.high = std::min(1.0, slaIv.high);
    res.sla_miss_probability = slaIv;
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
        sr.partitioned_hours_per_year = confidenceInterval(storeStats[4 * k], 0.95);
        sr.divergent_hours_per_year = confidenceInterval(storeStats[4 * k + 1], 0.95);
        sr.failovers_per_year = confidenceInterval(storeStats[4 * k + 2], 0.95);
        sr.failures_per_year = confidenceInterval(storeStats[4 * k + 3], 0.95);
        res.stores.push_back(sr);
    }
    for (std::size_t q = 0; q < model.queues.size(); ++q) {
        const CompiledQueue& cq = model.queues[q];
        QueueResult qr;
        qr.from = model.componentIds[cq.from];
        qr.to = model.componentIds[cq.to];
        qr.buffer_messages = cq.buffer_messages;
        qr.messages_per_hour = cq.messages_per_hour;
        qr.consumer_outages_per_year = confidenceInterval(queueStats[4 * q], 0.95);
        qr.buffering_hours_per_year = confidenceInterval(queueStats[4 * q + 1], 0.95);
        qr.full_hours_per_year = confidenceInterval(queueStats[4 * q + 2], 0.95);
        qr.peak_backlog = confidenceInterval(queueStats[4 * q + 3], 0.95);
        qr.peak_backlog_max = queuePeakMax[q];
        auto times = [&](const Interval& iv) {
            return Interval{iv.mean * cq.messages_per_hour, iv.low * cq.messages_per_hour, iv.high * cq.messages_per_hour};
        };
        qr.messages_delayed_per_year = times(qr.buffering_hours_per_year);
        qr.messages_lost_per_year = times(qr.full_hours_per_year);
        res.queues.push_back(qr);
    }
    res.capacity_modelled = model.hasCapacity;
    res.performability = confidenceInterval(performability, 0.95);
    res.overload_hours_per_year = confidenceInterval(overload, 0.95);
    res.simulated_hours = hours;
    res.wall_seconds = elapsed();
    return res;
}

}  // namespace nines::sim
