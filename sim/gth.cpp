#include "gth.h"

namespace nines::sim {

// Stationary distribution of an irreducible chain from the off-diagonal rates R(i, j) (a
// generator, or a transition matrix: the diagonal is ignored), by the GTH state reduction
// (Grassmann, Taksar and Heyman 1985). Written here because no library at hand has it: unlike
// an LU solve of pi Q = 0 it never subtracts, so a state with probability 1e-12 comes out
// with full relative precision, which is what high nines need. Empty when a state cannot
// reach the lower-numbered ones (not irreducible).
Eigen::VectorXd gthStationary(Eigen::MatrixXd R)
{
    const Eigen::Index n = R.rows();
    Eigen::VectorXd out = Eigen::VectorXd::Zero(n);
    if (n == 1) {
        out(0) = 1.0;
        return out;
    }
    for (Eigen::Index k = n - 1; k > 0; --k) {
        double s = 0.0;
        for (Eigen::Index j = 0; j < k; ++j)
            s += R(k, j);
        if (!(s > 0.0))
            return {};
        // Censor state k: its way back to the others is spread over them.
        for (Eigen::Index i = 0; i < k; ++i) {
            const double via = R(i, k) / s;
            if (via == 0.0)
                continue;
            for (Eigen::Index j = 0; j < k; ++j)
                if (j != i)
                    R(i, j) += via * R(k, j);
        }
        R(k, k) = s;  // kept for the back substitution
    }
    out(0) = 1.0;
    for (Eigen::Index k = 1; k < n; ++k) {
        double in = 0.0;
        for (Eigen::Index i = 0; i < k; ++i)
            in += out(i) * R(i, k);
        out(k) = in / R(k, k);
    }
    return out / out.sum();
}

}  // namespace nines::sim
