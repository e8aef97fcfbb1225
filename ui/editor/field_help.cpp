#include "ui/editor/field_help.h"

#include <QObject>

#include <map>
#include <string_view>

namespace nines::ui {

namespace {

// "failure_modes[crash].repair" -> "failure_modes[].repair": the help does not depend on which one.
std::string pattern(std::string_view path)
{
    std::string out;
    bool inSelector = false;
    for (char ch : path) {
        if (ch == '[') {
            inSelector = true;
            out += "[]";
        } else if (ch == ']') {
            inSelector = false;
        } else if (!inSelector) {
            out += ch;
        }
    }
    return out;
}

}  // namespace

QString fieldHelp(const std::string& path)
{
    // Meaning first, then the unit; the words of docs/user-guide.md and docs/file-format.md.
    static const std::map<std::string, const char*> help = {
        // The model.
        {"name", "The name shown on the canvas, in results and in reports."},
        {"description", "Free text about the design or the item: what it is, what it assumes."},
        {"id", "A short unique identifier (letters, digits, '-' and '_'). Dependencies, scenarios and field "
               "paths refer to the item by it."},
        {"settings.mission_hours", "How long each simulated period lasts, in hours: 8,760 is a year. Downtime "
                                   "and outages are reported per such period."},
        {"settings.replications", "How many independent periods to simulate. More replications give narrower "
                                  "confidence intervals (the half-width falls as one over the square root)."},
        {"settings.target_relative_precision", "Stop as soon as the 95% confidence interval of the unavailability "
                                               "is narrower than this share of it (0.1 = plus or minus 10%); 0 runs "
                                               "every replication. A share, no unit."},
        {"settings.min_outages", "With a target precision: the outages a run must see before it may stop, so that "
                                 "a lucky start cannot end it early. A count."},
        {"settings.max_wall_seconds", "The longest a run may take, in seconds of real time; 0 for no limit. A run "
                                      "stopped by it reports what it has, marked partial."},
        {"settings.seed", "The seed of the random numbers: the same model, seed and replications give the same "
                          "figures on any machine and any number of threads."},
        {"settings.sla_target_percent", "The availability the design must reach (the SLA or SLO), in percent: "
                                        "99.95 allows about 4.4 hours of downtime a year."},
        {"settings.target_utilisation_percent", "How busy an instance may be at peak before its tier counts as "
                                                "full, in percent of its capacity (80 leaves 20% headroom)."},
        {"settings.overload_counts_as_down", "Whether time a tier spends above its capacity counts as downtime. "
                                             "Off, overload is reported apart."},
        {"settings.downtime_cost_per_minute", "What a minute of downtime costs the business, in the model's "
                                              "currency; it prices the expected downtime in the cost of ownership."},
        {"settings.horizon_years", "The years over which cost of ownership adds purchase, running cost, downtime "
                                   "cost and SLA credits."},
        {"settings.monthly_fee", "What customers pay a month, in the model's currency: SLA credits are shares of "
                                 "it."},
        {"settings.sla_credits", "The SLA's credit schedule: below each monthly availability, the share of the "
                                 "monthly fee given back."},
        {"settings.currency", "The currency every cost is in (a code such as USD or EUR); only a label."},
        {"load", "Whether the model has a load: a demand at peak that the components' capacity must carry."},
        {"load.peak_rps", "The demand at the busiest hour, in requests per second, arriving at the entries."},
        {"load.yearly_growth_percent", "How fast the demand grows, in percent a year: the capacity view shows "
                                       "when each tier runs out."},
        {"load.daily_profile", "The demand over a day as 24 shares of the peak, one per hour."},
        // A component.
        {"kind", "What the component is (entry, load balancer, service, database, cache, queue, storage, DNS): it "
                 "sets its icon and its defaults."},
        {"template", "The catalogue template the component follows: its failure and repair figures come with "
                     "their public sources."},
        {"instances", "n: how many instances the component runs (replicas, nodes, servers)."},
        {"required", "k: how many of the n instances must be healthy for the component to serve (k of n). "
                     "1 of 2 survives one failure; 2 of 3 is a majority quorum."},
        {"redundancy", "Active: every instance serves and k of n must be up. Standby: k serve and the others "
                       "wait to take over, with a failover that takes time and may fail."},
        {"standby.kind", "Hot: the spare runs and is in sync, it takes over fast. Warm: it runs but must catch up; "
                         "it can fail while idle. Cold: it must be started first."},
        {"standby.failover.type", "How long a failover takes: a fixed time or a distribution (exponential, "
                                  "lognormal, uniform)."},
        {"standby.failover_seconds", "How long a failover takes, in seconds, during which the group is down."},
        {"standby.failover.seconds", "How long a failover takes, in seconds, during which the group is down."},
        {"standby.failover.mean_seconds", "The mean time a failover takes, in seconds."},
        {"standby.failover.min_seconds", "The shortest a failover takes, in seconds."},
        {"standby.failover.max_seconds", "The longest a failover takes, in seconds."},
        {"standby.failover.sigma", "The spread of a lognormal failover time (the sigma of its logarithm; 0.5 is "
                                   "moderate, 1 wide). No unit."},
        {"standby.failover_retry_seconds", "After a failover fails, how long until it is tried again, in seconds; "
                                           "empty: it is not retried."},
        {"standby.failover_success_probability", "The chance that a failover works, between 0 and 1: 0.99 means "
                                                 "one in a hundred needs a repair instead."},
        {"standby.fail_over_on_zone_loss", "Whether the group fails over when the primary's zone, region or "
                                           "shared-fate group goes out; off, the primary waits for its zone."},
        {"standby.detection_seconds", "How long a zone loss takes to notice before the failover starts, in "
                                      "seconds."},
        {"dependency_mode", "How the component's dependencies combine: it serves only while all serve, while any "
                            "one does (a load balancer's backends), or while at least m do."},
        {"dependency_min", "m: how many of its dependencies must serve, with \"at least m\"."},
        {"capacity_rps", "What one instance can serve, in requests per second at full utilisation."},
        {"cost", "What the item costs: a purchase (capital expense) and a yearly running cost, in the model's "
                 "currency."},
        {"cost.purchase_per_instance", "What one instance costs to buy or set up, in the model's currency, once."},
        {"cost.yearly_per_instance", "What one instance costs to run for a year, in the model's currency."},
        {"support", "A support contract: repairs take this share of their time (0.5 halves them) for a yearly "
                    "fee."},
        {"zones", "The zones the instances are placed in, round robin: a zone outage takes its instances down "
                  "together."},
        {"repair_crew", "The repair crew that fixes this component: a crew repairs only so many at a time, and "
                        "the others wait."},
        {"traffic_share", "The share of the demand that arrives at this entry, between 0 and 1."},
        {"entry_node", "The network hub or zone where this entry's traffic arrives; links decide what it can "
                       "reach when the network partitions."},
        {"data_store.replication", "How writes reach the replicas: synchronously (no data lost on failover, "
                                   "slower) or asynchronously (the replication lag can be lost)."},
        {"data_store.replication_lag_seconds", "How far the asynchronous replicas lag behind, in seconds: what a "
                                               "failover loses."},
        {"data_store.consistency", "CP: during a partition only the side with a majority serves (no divergence). "
                                   "AP: every side serves and the replicas may diverge."},
        {"data_store.write_rate_per_second", "Writes per second: with the replication lag it gives the writes a "
                                             "failover loses."},
        // A failure mode.
        {"failure_modes[].id", "A short identifier of this way of failing (crash, disk, host)."},
        {"failure_modes[].name", "The failure mode's name in results and reports."},
        {"failure_modes[].failure", "The time to failure of one instance in this mode, in hours: the MTBF for an "
                                    "exponential (8,760 h is once a year), or a Weibull or lognormal for wear-out."},
        {"failure_modes[].repair", "The repair time, in hours: the MTTR from the failure being noticed to the "
                                   "instance serving again."},
        {"failure_modes[].detection_seconds", "How long a failure goes unnoticed, in seconds, before the repair "
                                              "(or a failover) starts: monitoring and alerting delay."},
        {"failure_modes[].dormant_failure", "For a warm spare: its time to failure while idle, in hours; it is "
                                            "found failed only when it is needed."},
        // A dependency.
        {"type", "Synchronous: the caller serves only while the callee does. Asynchronous: through a queue, the "
                 "caller keeps serving while the buffer lasts."},
        {"calls_per_request", "Calls to the callee for each request the caller serves: the load passed on."},
        {"buffer_messages", "How many messages the queue holds while the consumer is down, after which the "
                            "producer is blocked."},
        {"message_rate_per_second", "Messages a second into the queue; empty: the caller's demand times the "
                                    "calls per request."},
        // Zones, regions, links.
        {"region", "The region this zone belongs to: a region outage takes all its zones down."},
        {"outage", "How often the item goes out and for how long: the time between outages and the outage length, "
                   "in hours."},
        {"from", "One end of the link (a zone, region or hub)."},
        {"to", "The other end of the link."},
    };
    if (auto it = help.find(pattern(path)); it != help.end())
        return QObject::tr(it->second);
    return {};
}

}  // namespace nines::ui
