// Data an asynchronously replicated store loses: the writes not yet replicated when its
// primary (standby group) or one of its replicas (active group) fails and another takes over.
#pragma once

#include "model/model.h"

#include <string>

namespace nines::sim {

struct DataLoss {
    bool asynchronous = false;
    double per_event_writes = 0.0;  // lost per failover (standby) or per replica failure (active)
    double per_year_writes = 0.0;   // expected, given the events per year
    double rpo_seconds = 0.0;       // worst case: the replication lag
    double rpo_writes = 0.0;        // worst case: lag x write rate
    std::string note;
};

/// `eventsPerYear`: completed failovers for a standby store, instance failures for an active one.
DataLoss dataLoss(const model::Component& store, double eventsPerYear);

}  // namespace nines::sim
