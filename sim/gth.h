// Stationary distribution of an irreducible Markov chain by GTH state reduction (Grassmann,
// Taksar and Heyman 1985), which keeps the relative precision of tiny probabilities.
#pragma once

#include <Eigen/Dense>

namespace nines::sim {

/// From the off-diagonal rates R(i, j) (a generator, or a transition matrix: the diagonal is
/// ignored); empty when a state cannot reach the lower-numbered ones (not irreducible).
Eigen::VectorXd gthStationary(Eigen::MatrixXd R);

}  // namespace nines::sim
