package org.scalestudy.fit;

import java.util.Arrays;

/**
 * What an optimisation reached and how, never silent about failure (compare scipy's {@code OptimizeResult}):
 * the one result of every {@link Minimizer}, of a {@link MultiStart} search and of a law's fit.
 *
 * @param method         what ran, e.g. {@code L-BFGS-B} for one minimiser, or a law's whole method line such
 *                       as {@code L-BFGS-B, Huber(0.001) summed on log L, 81 starts}
 * @param x              the solution (scipy's {@code x}): the minimiser's variables, or a law's parameters in
 *                       its {@code parameterNames()} order (NaN where a fit failed)
 * @param objective      the objective there (scipy's {@code fun})
 * @param converged      whether the convergence test was met (scipy's {@code success}), as opposed to running
 *                       out of iterations, a failed line search or a non-finite objective
 * @param message        why it stopped, for people, e.g. {@code converged: relative reduction 3e-16 <= 1e-15}
 * @param iterations     iterations of the best start, its stages (polish, finish) added ({@code nit}; 1 for a
 *                       closed form)
 * @param evaluations    objective evaluations, summed over every start and stage ({@code nfev})
 * @param starts         starting points searched (1 for one local minimisation or a closed form)
 * @param startsAtBest   how many of them reached the best objective (within {@link MultiStart#AGREEMENT})
 * @param gradientNorm   the infinity norm of the projected gradient at {@code x} (0 for a closed form)
 * @param onBound        per component of {@code x}, the bound it ended on: {@code "lower"}, {@code "upper"} or
 *                       {@code ""} (scipy's {@code active_mask}; all {@code ""} without bounds)
 * @param standardErrors per component of {@code x}, its asymptotic standard error when the fit gives one
 *                       (see {@link StandardErrors}), else NaN
 */
public record OptimizeResult(String method, double[] x, double objective, boolean converged, String message,
        int iterations, long evaluations, int starts, int startsAtBest, double gradientNorm, String[] onBound,
        double[] standardErrors) {
    public OptimizeResult {
        x = x.clone();
        onBound = onBound.clone();
        standardErrors = standardErrors.clone();
        if (onBound.length != x.length || standardErrors.length != x.length) {
            throw new IllegalArgumentException(x.length + " values but " + onBound.length + " bound sides and "
                    + standardErrors.length + " standard errors");
        }
    }

    /** One local minimisation from one start, without bounds or standard errors reported. */
    public static OptimizeResult local(String method, double[] x, double objective, boolean converged, String message,
            int iterations, long evaluations, double gradientNorm) {
        return new OptimizeResult(method, x, objective, converged, message, iterations, evaluations, 1, 1,
                gradientNorm, free(x.length), unknown(x.length));
    }

    /** A closed-form fit: one "iteration", one evaluation, one start, gradient norm 0. */
    public static OptimizeResult closedForm(String method, double[] x, double objective, String message) {
        return new OptimizeResult(method, x, objective, true, message, 1, 1, 1, 1, 0, free(x.length),
                unknown(x.length));
    }

    /** A fit that did not run (too few rows, an unusable row): {@code n} NaN values, not converged. */
    public static OptimizeResult failure(String method, int n, String message) {
        return new OptimizeResult(method, unknown(n), Double.NaN, false, message, 0, 0, 0, 0, Double.NaN, free(n),
                unknown(n));
    }

    /** The same account with another solution (e.g. the search's variables mapped to a law's parameters). */
    public OptimizeResult withX(double[] solution, String[] sides, double[] errors) {
        return new OptimizeResult(method, solution, objective, converged, message, iterations, evaluations, starts,
                startsAtBest, gradientNorm, sides, errors);
    }

    /** The same, with another solution and no bounds or standard errors reported. */
    public OptimizeResult withX(double[] solution) {
        return withX(solution, free(solution.length), unknown(solution.length));
    }

    /** The same, under another method line. */
    public OptimizeResult withMethod(String text) {
        return new OptimizeResult(text, x, objective, converged, message, iterations, evaluations, starts,
                startsAtBest, gradientNorm, onBound, standardErrors);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public String[] onBound() {
        return onBound.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Every component equal, arrays by their contents (NaN equal to NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizeResult r && java.util.Objects.equals(method, r.method) && Arrays.equals(x, r.x)
                && Double.compare(objective, r.objective) == 0 && converged == r.converged
                && java.util.Objects.equals(message, r.message) && iterations == r.iterations
                && evaluations == r.evaluations && starts == r.starts && startsAtBest == r.startsAtBest
                && Double.compare(gradientNorm, r.gradientNorm) == 0 && Arrays.equals(onBound, r.onBound)
                && Arrays.equals(standardErrors, r.standardErrors);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, Arrays.hashCode(x), objective, converged, message, iterations,
                evaluations, starts, startsAtBest, gradientNorm, Arrays.hashCode(onBound),
                Arrays.hashCode(standardErrors));
    }

    @Override
    public String toString() {
        return "OptimizeResult[method=" + method + ", x=" + Arrays.toString(x) + ", objective=" + objective
                + ", converged=" + converged + ", message=" + message + ", iterations=" + iterations + ", evaluations="
                + evaluations + ", starts=" + starts + ", startsAtBest=" + startsAtBest + ", gradientNorm="
                + gradientNorm + ", onBound=" + Arrays.toString(onBound) + ", standardErrors="
                + Arrays.toString(standardErrors) + "]";
    }

    /** A number in a message: three significant digits, e.g. {@code 3.00e-16}. */
    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private static String[] free(int n) {
        String[] sides = new String[n];
        Arrays.fill(sides, "");
        return sides;
    }

    private static double[] unknown(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
