#include "data_loss.h"

namespace nines::sim {

using namespace nines::model;

DataLoss dataLoss(const Component& c, double eventsPerYear)
{
    DataLoss d;
    if (!c.data_store)
        return d;
    const DataStore& ds = *c.data_store;
    switch (ds.replication) {
    case Replication::None:
        d.note = "not replicated: one copy, nothing to lose in a failover, nothing to fail over to";
        return d;
    case Replication::Sync:
        d.note = "synchronous replication: no acknowledged write is lost";
        return d;
    case Replication::Async:
        break;
    }
    d.asynchronous = true;
    d.rpo_seconds = ds.replication_lag_seconds;
    d.rpo_writes = ds.replication_lag_seconds * ds.write_rate_per_second;
    if (c.redundancy == RedundancyMode::Standby) {
        // The writes of the last lag seconds on the primary are lost when a spare takes over.
        d.per_event_writes = d.rpo_writes;
        d.note = "asynchronous replication: each failover loses the writes of the last replication lag";
    } else {
        // Writes spread over the replicas; a failed replica loses its share of the last lag.
        d.per_event_writes = d.rpo_writes / c.instances;
        d.note = "asynchronous replication: each replica failure loses its share of the writes of the last "
                 "replication lag";
    }
    d.per_year_writes = eventsPerYear * d.per_event_writes;
    return d;
}

}  // namespace nines::sim
