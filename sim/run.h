// Runs replications of a model on all cores and merges them, in replication order, into
// estimates with confidence intervals. The same seed gives the same numbers on any number
// of threads; a run can be watched and cancelled.
#pragma once

#include "compiled_model.h"
#include "month_histogram.h"
#include "simulator.h"
#include "statistics.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace nines::sim {

/// A calendar month as SLAs count it: a twelfth of 8,760 h.
inline constexpr double kMonthHours = 730.0;

struct RunSettings {
    std::uint64_t seed = 1;
    std::uint32_t replications = 1000;  // budget; with a precision target, the most to run
    double target_relative_precision = 0.0;  // half-width / mean of unavailability at 95%
    double mission_hours = 8760.0;
    double max_wall_seconds = 0.0;  // 0: none
    unsigned threads = 0;           // 0: all cores
    /// A year in steady service (the default): each replication starts every clock in
    /// equilibrium, runs a warm-up and observes one window of mission_hours. false: the first
    /// mission_hours from all new.
    bool steady_state = true;
    double warmup_hours = -1.0;  // steady state: negative chooses (warmupFor)
    double sla_availability = 0.999;
    /// Precision-based stopping also waits for this many outages: an interval from fewer may
    /// be too narrow (few outages make the spread of the windows' downtime a poor guess).
    double min_outages = 30;
    /// Replications are merged and the stopping rule checked in blocks of this many.
    std::uint32_t block = 32;
};

/// A moment of a running estimate, for progress displays and convergence charts.
struct Checkpoint {
    std::uint64_t replications = 0;
    double availability = 1.0;
    double ci_low = 1.0;
    double ci_high = 1.0;
    double wall_seconds = 0.0;
};

enum class StopReason { Replications, Precision, WallClock, Cancelled };
const char* toString(StopReason r);

struct ComponentResult {
    std::string id;
    double criticality = 0.0;        // share of downtime it alone kept the system down
    double own_availability = 1.0;   // time its own group served every entry it serves
    double own_unavailability = 0.0; // the rest, accumulated as down time (never 1 - A: keeps its digits)
};

/// Per data store: time partitioned and divergent, and the failovers and failures that lose
/// unreplicated writes, per year of 8,760 h, each with its 95% interval.
struct StoreResult {
    std::string id;
    Interval partitioned_hours_per_year;
    Interval divergent_hours_per_year;
    Interval failovers_per_year;
    Interval failures_per_year;
};

/// Per asynchronous dependency through a queue (as the first entry sees its consumer), per year.
struct QueueResult {
    std::string from, to;
    double buffer_messages = 0.0;
    double messages_per_hour = 0.0;
    Interval consumer_outages_per_year;
    Interval buffering_hours_per_year;  // consumer down, backlog fits: messages delayed
    Interval full_hours_per_year;       // buffer full: messages lost, the caller is down
    Interval messages_delayed_per_year;
    Interval messages_lost_per_year;
    Interval peak_backlog;              // per mission (batch): the largest backlog
    double peak_backlog_max = 0.0;      // over the whole run
};

struct RunResult {
    bool steady_state = true;
    double warmup_hours = 0.0;       // steady state: simulated before each observed window
    std::uint64_t replications = 0;  // replications merged: independent observed windows
    StopReason stop = StopReason::Replications;
    /// Cancelled, or stopped (by its time budget) before one replication was complete: no figure
    /// of a partial run stands for the design.
    bool partial() const { return stop == StopReason::Cancelled || replications == 0; }

    Interval availability;
    double availability_stderr = 0.0;  // standard error of the mean, for intervals at other levels
    Interval unavailability;
    Interval downtime_minutes_per_year;
    double downtime_p50 = 0.0, downtime_p90 = 0.0, downtime_p99 = 0.0;
    Interval outages_per_year;         // exact Poisson (observed: outages seen)
    Interval mean_outage_minutes;      // total outage time / number of outages (NaN: none seen)
    Interval sla_miss_probability;     // share of windows below the SLA target, Clopper-Pearson
    double observed_outages = 0.0;     // outages seen in all observed windows
    // Calendar months of 730 h (whole months of each window; none for windows shorter):
    double months = 0.0;                        // months observed
    Interval sla_miss_probability_month;        // share of months below the SLA target
    Interval worst_month_downtime_minutes;      // per window: its worst month's downtime
    double month_downtime_p50 = 0.0, month_downtime_p90 = 0.0, month_downtime_p99 = 0.0;
    MonthHistogram month_downtime;              // every month's downtime, for histograms
    /// SLA credits paid back a year (the schedule's share of the monthly fee for each month
    /// below a threshold), Student-t over the windows; `observed` counts the credited months.
    /// Only with a schedule, a fee and whole months (`credits_modelled`).
    bool credits_modelled = false;
    Interval sla_credits_per_year;
    double relative_precision = 0.0;   // half-width / mean of the unavailability reached
    std::vector<ComponentResult> components;
    std::vector<StoreResult> stores;
    std::vector<QueueResult> queues;
    bool capacity_modelled = false;
    Interval performability;             // share of the demand actually served
    Interval overload_hours_per_year;    // some tier's demand above its capacity
    OutageHistogram outage_lengths;
    std::vector<double> downtime_minutes;  // per replication (one number each), for histograms
    std::vector<Checkpoint> convergence;

    std::uint64_t events = 0;
    unsigned threads = 1;
    double wall_seconds = 0.0;
    double events_per_second() const { return wall_seconds > 0 ? static_cast<double>(events) / wall_seconds : 0.0; }
    double simulated_hours = 0.0;
};

/// Called from the merging thread after each block; keep it short.
using ProgressFn = std::function<void(const Checkpoint& now, std::uint64_t target)>;

RunResult runSimulation(const CompiledModel& model, const RunSettings& settings,
                        const std::atomic<bool>* cancel = nullptr, const ProgressFn& progress = {});

/// The warm-up a steady-state replication runs before its observed window: long enough for
/// what the equilibrium start leaves out to settle (docs/engine.md, "Estimates").
double warmupFor(const CompiledModel& model);

/// Nines of an unavailability: -log10(U); +infinity when U is 0.
double ninesOf(double unavailability);

}  // namespace nines::sim
