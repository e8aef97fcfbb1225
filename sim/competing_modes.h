// The long-run cycle of an instance whose failure modes compete: the mean time until the first
// mode fires, and the chance that each mode is the one. Exact for any mix of continuous and
// fixed-time distributions (numerical quadrature with Boost.Math); nullopt for empirical ones and
// when the quadrature does not converge within its bounded effort.
#pragma once

#include "model/distribution.h"

#include <optional>
#include <vector>

namespace nines::sim {

struct CompetingModes {
    double mean_up = 0.0;             // E[min over modes of the time to failure]
    std::vector<double> first;        // P(mode m fires first)
};

std::optional<CompetingModes> competingModes(const std::vector<model::Distribution>& failures);

}  // namespace nines::sim
