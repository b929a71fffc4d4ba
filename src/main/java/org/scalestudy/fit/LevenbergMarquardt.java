package org.scalestudy.fit;

import static org.scalestudy.fit.OptimizeResult.fmt;
import static org.scalestudy.fit.Vectors.allFinite;
import static org.scalestudy.fit.Vectors.norm;
import static org.scalestudy.fit.Vectors.sumOfSquares;

/**
 * Levenberg–Marquardt for {@link Residuals}, with Jacobian scaling and box bounds: the method made for
 * least squares, as Moré describes it ("The Levenberg-Marquardt algorithm: implementation and theory",
 * 1978) and MINPACK's {@code lmder} implements it, with an SVD for the steps and an active set for the
 * bounds.
 *
 * <p>Each iteration, at {@code x} with residuals {@code r} and Jacobian {@code J}:
 * <ol>
 *   <li><em>scaling</em>: {@code D_j} is the largest norm column {@code j} of {@code J} has had so far
 *       (MINPACK's {@code mode 1}), so the steps do not depend on the units of the parameters (b1 ~ 1e2
 *       beside b2 ~ 1e-4, or A ~ 1e3 beside alpha ~ 0.3);</li>
 *   <li><em>active set</em>: a parameter on a bound whose gradient {@code J'r} pushes it outwards is held
 *       for the iteration;</li>
 *   <li><em>step</em>: within a trust region {@code |D p| <= delta}, {@code p} minimises
 *       {@code |J p + r|^2 + mu |D p|^2} over the free parameters, with {@code mu = 0} (Gauss-Newton) when
 *       that step fits in the region and otherwise {@code mu} chosen so that {@code |D p|} is within 10% of
 *       {@code delta} ({@code lmpar}); both from a singular value decomposition of {@code J D^-1}, never
 *       the normal equations, so the condition number is not squared. The trial point is {@code x + p}
 *       projected into the box;</li>
 *   <li><em>acceptance</em>: the step is taken when the actual reduction of the sum of squares is more than
 *       1e-4 of the one the linear model predicts; {@code delta} shrinks when that ratio is below 1/4
 *       and grows to twice the step when it is above 3/4, as in {@code lmder}. The first {@code delta}
 *       is the scaled start's length (scipy's {@code trf} starts so; {@code lmder}'s 100 times that
 *       overshoots into regions where an exponential saturates, as on BoxBOD from its first start).</li>
 * </ol>
 * Near the optimum of a problem with large residuals, Gauss-Newton converges only linearly and its
 * reductions sink below the rounding of the sum of squares while the parameters still move in their
 * sixth digit (ENSO, Misra1a): when the predicted and the actual reduction are both within that
 * rounding, a step is taken if it lowers the scaled gradient, and the iterations end when it does not.
 * They also end when the trust region shrinks below {@link #XTOL} of the scaled parameters, or no step
 * is left. Only then is the verdict given, by a <em>scaled first-order optimality test</em>: for every
 * free parameter, {@code |J_j'r| <= |J_j| (gtol |r| + noise)}, where {@code noise} is {@link #NOISE}
 * times machine epsilon times {@link Residuals#scale()}, the rounding floor of the residuals.
 * {@code |J_j'r| / (|J_j| |r|)} is the cosine between the residuals and the parameter's column: it does
 * not change when a parameter or the data is rescaled, and is 0 exactly at a stationary point. A fit
 * that passes is <em>converged</em>; one that does not (or that ran out of iterations, or left the
 * model's domain) is <em>stopped</em>, and its message says why, with the scaled gradient, the gradient
 * norm and the iterations. A free parameter whose Jacobian column is exactly 0 (an exponential underflowed,
 * as {@code exp(-b C)} does at C ~ 1e21) passes any first-order test without being determined by the
 * data: such a fit is stopped too, and says which.
 *
 * <p>Immutable and thread-safe. It minimises {@link Residuals}, not any {@link Objective}: the type says so.
 *
 * @param gtol           the scaled-gradient tolerance of the verdict
 * @param maxIterations  iteration limit (accepted and rejected steps)
 * @param maxEvaluations residual evaluations limit
 */
public record LevenbergMarquardt(double gtol, int maxIterations, long maxEvaluations)
        implements Minimizer<Residuals> {
    /** Steps shorter than this, relative to the scaled parameters, end the iterations. */
    public static final double XTOL = 1e-14;
    /** The residuals' rounding floor, in units of machine epsilon times {@link Residuals#scale()}. */
    public static final double NOISE = 64;
    private static final double EPS = Math.ulp(1.0);
    /** The first trust region is this times the scaled start (MINPACK's {@code factor}, 100 there). */
    private static final double FACTOR = 1;

    public LevenbergMarquardt {
        if (!(gtol > 0) || maxIterations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("bad Levenberg-Marquardt settings: gtol " + gtol + ", maxIterations "
                    + maxIterations + ", maxEvaluations " + maxEvaluations);
        }
    }

    /** gtol 1e-8 (the cosine between residuals and every column), 5,000 iterations, 10,000 evaluations. */
    public static LevenbergMarquardt defaults() {
        return new LevenbergMarquardt(1e-8, 5_000, 10_000);
    }

    @Override
    public String name() {
        return "Levenberg-Marquardt";
    }

    @Override
    public OptimizeResult minimize(Residuals f, double[] start, Bounds bounds) {
        Minimizer.checkDimensions(f.dimension(), start, bounds);
        return new Run(f, bounds).minimize(start);
    }

    /**
     * The verdict's scaled gradient at a point: the largest over free parameters of
     * {@code |J_j'r| / (|J_j| (|r| + noise / gtol))}; at most {@code gtol} exactly when the first-order
     * test passes. A parameter on a bound with its gradient pushing outwards counts as 0, as does one
     * the residuals do not depend on.
     */
    static double scaledGradient(double[] x, double[] r, double[][] jacobian, double[] lo, double[] hi,
            double noise, double gtol) {
        double rNorm = norm(r);
        double scaled = 0;
        for (int j = 0; j < x.length; j++) {
            double g = 0;
            double column = 0;
            for (int i = 0; i < r.length; i++) {
                g += jacobian[i][j] * r[i];
                column += jacobian[i][j] * jacobian[i][j];
            }
            column = Math.sqrt(column);
            if (Bounds.held(x[j], g, lo[j], hi[j]) || column == 0) {
                continue;
            }
            scaled = Math.max(scaled, Math.abs(g) / (column * (rNorm + noise / gtol)));
        }
        return scaled;
    }

    /** The state of one minimisation. */
    private final class Run {
        final Residuals f;
        final int n;
        final int m;
        final double[] lo;
        final double[] hi;
        final double noise;
        long evaluations;

        Run(Residuals f, Bounds bounds) {
            this.f = f;
            this.n = f.dimension();
            this.m = f.count();
            this.lo = bounds.lower();
            this.hi = bounds.upper();
            this.noise = NOISE * EPS * f.scale();
        }

        OptimizeResult minimize(double[] start) {
            double[] x = start.clone();
            for (int j = 0; j < n; j++) {
                x[j] = Math.min(hi[j], Math.max(lo[j], x[j]));
            }
            double[] r = new double[m];
            double[][] jac = new double[m][n];
            f.residuals(x, r, jac);
            evaluations = 1;
            double fx = sumOfSquares(r);
            if (!Double.isFinite(fx) || !allFinite(jac)) {
                return OptimizeResult.local(name(), x, fx, false, "stopped: residuals or Jacobian not finite at the"
                        + " start point", 0, evaluations, Double.NaN);
            }
            double[] diag = new double[n];
            double[] rTrial = new double[m];
            double[] xTrial = new double[n];
            double[][] jacTrial = new double[m][n];
            double delta = Double.NaN;
            int iteration = 0;
            String why;
            outer:
            while (true) {
                if (fx == 0) {
                    why = "the residuals are all zero";
                    break;
                }
                // scaling and the free parameters
                int[] free = new int[n];
                int k = 0;
                for (int j = 0; j < n; j++) {
                    double column = 0;
                    double g = 0;
                    for (int i = 0; i < m; i++) {
                        column += jac[i][j] * jac[i][j];
                        g += jac[i][j] * r[i];
                    }
                    diag[j] = Math.max(diag[j], Math.sqrt(column));
                    if (!Bounds.held(x[j], g, lo[j], hi[j]) && diag[j] > 0) {
                        free[k++] = j;
                    }
                }
                if (k == 0) {
                    why = "every parameter is held by a bound or has no effect";
                    break;
                }
                double xNorm = 0;
                for (int j = 0; j < n; j++) {
                    xNorm = Math.hypot(xNorm, diag[j] * x[j]);
                }
                if (Double.isNaN(delta)) {
                    delta = xNorm > 0 ? FACTOR * xNorm : FACTOR;
                }
                DampedStep step = new DampedStep(jac, r, diag, free, k);
                while (true) {
                    if (iteration >= maxIterations) {
                        why = "reached the limit of " + maxIterations + " iterations";
                        break outer;
                    }
                    if (evaluations >= maxEvaluations) {
                        why = "reached the limit of " + maxEvaluations + " evaluations";
                        break outer;
                    }
                    iteration++;
                    trialPoint(step, delta, x, r, jac, diag, free, k, xTrial);
                    double stepNorm = 0;
                    for (int j = 0; j < n; j++) {
                        stepNorm = Math.hypot(stepNorm, diag[j] * (xTrial[j] - x[j]));
                    }
                    if (iteration == 1) {
                        delta = Math.min(delta, stepNorm);
                    }
                    if (stepNorm == 0) {
                        why = "no step improves the fit any further";
                        break outer;
                    }
                    // predicted reduction of the linear model at the (projected) step s: -2 (Js)'r - |Js|^2
                    double[] js = product(jac, x, xTrial);
                    double predicted = 0;
                    for (int i = 0; i < m; i++) {
                        predicted -= js[i] * (2 * r[i] + js[i]);
                    }
                    f.residuals(xTrial, rTrial, null);
                    evaluations++;
                    double fTrial = sumOfSquares(rTrial);
                    double actual = Double.isFinite(fTrial) ? fx - fTrial : Double.NEGATIVE_INFINITY;
                    double ratio = predicted > 0 ? actual / predicted : 0;
                    // Near the optimum of a problem with large residuals, Gauss-Newton converges only linearly
                    // and its reductions sink below the rounding of the sum of squares before the parameters
                    // settle: there the step is judged by the scaled gradient instead.
                    double rounding = 2 * Math.sqrt(fx) * EPS * f.scale() + 4 * EPS * fx;
                    if (predicted <= rounding && Math.abs(actual) <= rounding) {
                        f.residuals(xTrial, rTrial, jacTrial);
                        evaluations++;
                        double now = scaledGradient(x, r, jac, lo, hi, noise, gtol);
                        if (allFinite(jacTrial) && scaledGradient(xTrial, rTrial, jacTrial, lo, hi, noise, gtol) < now) {
                            System.arraycopy(xTrial, 0, x, 0, n);
                            System.arraycopy(rTrial, 0, r, 0, m);
                            for (int i = 0; i < m; i++) {
                                System.arraycopy(jacTrial[i], 0, jac[i], 0, n);
                            }
                            fx = fTrial;
                            continue outer;
                        }
                        why = "no step improves the fit any further (the change of the sum of squares is below its"
                                + " rounding, and the gradient no longer falls)";
                        break outer;
                    }
                    // the trust region, as MINPACK's lmder
                    if (ratio <= 0.25) {
                        double temp = 0.5;
                        double directional = -predicted; // first-order change along s is about -2|Js|^2 - ...
                        if (actual < 0 && Double.isFinite(actual)) {
                            temp = 0.5 * directional / (directional + 0.5 * actual);
                        }
                        if (!Double.isFinite(fTrial) || fTrial >= 100 * fx || !(temp >= 0.1)) {
                            temp = 0.1;
                        }
                        delta = temp * Math.min(delta, stepNorm / 0.1);
                    } else if (step.gaussNewton || ratio >= 0.75) {
                        delta = stepNorm / 0.5;
                    }
                    if (ratio >= 1e-4) {
                        System.arraycopy(xTrial, 0, x, 0, n);
                        System.arraycopy(rTrial, 0, r, 0, m);
                        fx = fTrial;
                        f.residuals(x, r, jac);
                        evaluations++;
                        if (!allFinite(jac)) {
                            return verdict(x, r, jac, fx, iteration, "the Jacobian is not finite at an accepted point");
                        }
                        if (delta <= XTOL * xNorm) {
                            why = "no step improves the fit any further (trust region " + fmt(delta)
                                    + " of the scaled parameters' " + fmt(xNorm) + ")";
                            break outer;
                        }
                        continue outer;
                    }
                    if (delta <= XTOL * xNorm || predicted <= EPS * EPS * fx) {
                        why = "no step improves the fit any further";
                        break outer;
                    }
                }
            }
            return verdict(x, r, jac, fx, iteration, why);
        }

        /**
         * The trial point {@code x + p} in the box. Where the step would cross bounds, those parameters stop
         * on them and the step of the others is solved again for the residuals that move leaves
         * ({@code r + J_held (bound - x)}), within the same trust region, until no more bounds are met: a
         * projected step alone can lose most of its length to one clipped parameter and stall the rest.
         */
        void trialPoint(DampedStep first, double delta, double[] x, double[] r, double[][] jac, double[] diag, int[] free,
                int k, double[] xTrial) {
            System.arraycopy(x, 0, xTrial, 0, n);
            DampedStep step = first;
            int[] active = free.clone();
            int count = k;
            while (true) {
                double[] p = step.solve(delta);
                int kept = 0;
                int[] next = new int[count];
                for (int q = 0; q < count; q++) {
                    int j = active[q];
                    double v = x[j] + p[q];
                    if (v < lo[j] || v > hi[j]) {
                        xTrial[j] = v < lo[j] ? lo[j] : hi[j];
                    } else {
                        xTrial[j] = v;
                        next[kept++] = j;
                    }
                }
                if (kept == count || kept == 0) {
                    return;
                }
                double[] moved = r.clone();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        if (xTrial[j] != x[j] && (xTrial[j] == lo[j] || xTrial[j] == hi[j])) {
                            moved[i] += jac[i][j] * (xTrial[j] - x[j]);
                        }
                    }
                }
                for (int q = 0; q < kept; q++) {
                    xTrial[next[q]] = x[next[q]];
                }
                active = next;
                count = kept;
                step = new DampedStep(jac, moved, diag, active, count);
            }
        }

        /** Converged exactly when the scaled first-order test passes at x. */
        OptimizeResult verdict(double[] x, double[] r, double[][] jac, double fx, int iterations, String why) {
            double scaled = scaledGradient(x, r, jac, lo, hi, noise, gtol);
            double[] g = new double[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    g[j] += 2 * jac[i][j] * r[i];
                }
            }
            double gradientNorm = Bounds.projectedGradientNorm(x, g, lo, hi);
            int dead = -1;
            for (int j = 0; j < n && dead < 0; j++) {
                boolean zero = true;
                for (int i = 0; i < m && zero; i++) {
                    zero = jac[i][j] == 0;
                }
                if (zero && !Bounds.held(x[j], g[j], lo[j], hi[j])) {
                    dead = j;
                }
            }
            boolean converged = scaled <= gtol && Double.isFinite(fx) && dead < 0;
            String stopped = dead >= 0 ? "variable " + (dead + 1) + " has no effect on the residuals here (its"
                    + " Jacobian column is 0: an exponential has underflowed, or a factor vanished), so the data do not"
                    + " determine it" : why + "; scaled gradient " + fmt(scaled) + " > gtol " + fmt(gtol);
            String message = (converged ? "converged: scaled gradient " + fmt(scaled) + " <= gtol "
                    + fmt(gtol) : "stopped: " + stopped) + ", gradient norm " + fmt(gradientNorm) + ", " + iterations
                    + " iteration" + (iterations == 1 ? "" : "s") + " (" + (converged ? why + ")" : "not a stationary"
                    + " point)");
            return OptimizeResult.local(name(), x, fx, converged, message, iterations, evaluations, gradientNorm);
        }

        /** J (xTrial - x). */
        double[] product(double[][] jac, double[] x, double[] xTrial) {
            double[] out = new double[m];
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += jac[i][j] * (xTrial[j] - x[j]);
                }
                out[i] = sum;
            }
            return out;
        }
    }
}
