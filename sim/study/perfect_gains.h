// What making each component perfect (it never fails by itself) gains: the model simulated again
// without that component's failure modes, on the same random numbers as the base (common random
// numbers: every other component, zone and link sees the same draws), and the availability
// difference taken replication by replication. Unlike criticality x downtime it credits a
// component only with the downtime that goes away without it, so two components down together
// are not both credited with all of it.
#pragma once

#include "model/model.h"
#include "sim/run.h"

#include <atomic>
#include <map>
#include <string>

namespace nines::study {

/// The most components a model may have for one rerun each (beyond, no gains are computed: the
/// evaluation would take hundreds of runs).
inline constexpr std::size_t kMostPerfectReruns = 60;

/// Per component with failure modes: the availability gained by making it perfect, the 95%
/// paired interval (cut at 0), from reruns with the base's seed and its first replications (at
/// most 1,000, and fewer where the reruns would together exceed 5e7 events). Empty when the model
/// has more than kMostPerfectReruns components; stops (returning what it has) when cancelled.
std::map<std::string, sim::Interval> gainsIfPerfect(const model::Model& m, const sim::RunSettings& settings,
                                                    const sim::RunResult& base,
                                                    const std::atomic<bool>* cancel = nullptr);

/// The model with a component made perfect: its failure modes removed (its zones and links still
/// fail: they are not its own).
model::Model withPerfect(const model::Model& m, const std::string& componentId);

}  // namespace nines::study
