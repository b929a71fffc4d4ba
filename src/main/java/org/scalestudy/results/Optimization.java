package org.scalestudy.results;

/**
 * How a fit's optimisation went; never silent about failure (compare scipy's OptimizeResult).
 *
 * @param method       e.g. {@code ols on log(-log Q)} or {@code L-BFGS-B, Huber(1e-3) on log L}
 * @param objective    the best objective value reached
 * @param converged    whether the best start met its convergence test
 * @param iterations   iterations of the best start (1 for closed forms)
 * @param evaluations  objective evaluations summed over all starts
 * @param starts       starting points tried (1 for closed forms)
 * @param startsAtBest how many starts reached the best objective (within a relative 1e-6)
 * @param gradientNorm projected gradient norm at the best point (0 for closed forms)
 * @param message      a human-readable account, e.g. {@code converged: relative reduction below 1e-15}
 */
public record Optimization(
        String method,
        double objective,
        boolean converged,
        int iterations,
        long evaluations,
        int starts,
        int startsAtBest,
        double gradientNorm,
        String message) {
}
