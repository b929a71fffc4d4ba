package org.scalestudy.fit;

import static org.scalestudy.fit.OptimizeResult.fmt;
import static org.scalestudy.fit.Vectors.allFinite;
import static org.scalestudy.fit.Vectors.dot;

/**
 * A bounded limited-memory quasi-Newton minimiser: projected L-BFGS with box bounds.
 *
 * <p>Each iteration (a projected quasi-Newton method in the style of Kim, Sra and Dhillon,
 * "Tackling box-constrained optimization via a new projected quasi-Newton approach", 2010):
 * <ol>
 *   <li>the <em>binding</em> variables, those at a bound whose gradient pushes outwards, are held
 *       fixed for the iteration;</li>
 *   <li>the direction is the L-BFGS two-loop product {@code d = -H g} over the free variables (the
 *       last {@link #memory()} curvature pairs, initial scaling {@code s'y / y'y}), with components
 *       that would leave the box at once dropped; if it is not a descent direction the memory is
 *       cleared and steepest descent is used;</li>
 *   <li>a line search along the <em>projected</em> path {@code x(t) = P(x + t d)} looks for a step
 *       meeting the weak Wolfe conditions: sufficient decrease {@code f(x(t)) <= f(x) + 1e-4 g'(x(t) - x)}
 *       and curvature {@code phi'(t) >= 0.9 phi'(0)}, where {@code phi'} is the slope along the
 *       path. It expands the step while the slope stays steep and otherwise narrows a bracket by
 *       safeguarded cubic interpolation; the first trial is {@code t = 1} ({@code 1/|d|} without
 *       curvature information). If no step decreases the objective, steepest descent is tried
 *       once before giving up;</li>
 *   <li>the pair {@code s = x_new - x, y = g_new - g} is stored when {@code s'y > eps y'y}.</li>
 * </ol>
 * It stops, <em>converged</em>, when the projected gradient's infinity norm (as scipy's
 * {@code projgr}) is at most {@link #pgtol()}; when the relative reduction
 * {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most {@link #ftol()} (scipy's
 * {@code factr * eps}), or no decrease can be found although the predicted one is already below that
 * test, it stops converged only if the {@link #scaledGradient} passes {@link #GTOL} too, and otherwise
 * <em>stopped</em> with both numbers in the message; and <em>not converged</em> at {@link #maxIterations()},
 * {@link #maxEvaluations()}, a non-finite objective or gradient at the start, or a failed line
 * search.
 *
 * <p>The {@link #defaults()} are deliberately tight ({@code ftol = 1e-15}, {@code pgtol = 1e-10}):
 * summed robust losses are small numbers, and scipy's defaults ({@link #scipyDefaults()},
 * {@code factr = 1e7}) can stop short of the optimum. Immutable and thread-safe; every call
 * allocates its own small workspace.
 *
 * @param memory         curvature pairs kept (about 10)
 * @param ftol           relative-reduction tolerance
 * @param pgtol          projected-gradient (infinity norm) tolerance
 * @param maxIterations  iteration limit
 * @param maxEvaluations objective evaluation limit
 */
public record Lbfgsb(int memory, double ftol, double pgtol, int maxIterations, long maxEvaluations)
        implements Minimizer<Objective> {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_TRIALS = 30;
    private static final double EXPAND = 4;
    private static final double EPS = Math.ulp(1.0);

    public Lbfgsb {
        if (memory < 1 || !(ftol >= 0) || !(pgtol >= 0) || maxIterations < 0 || maxEvaluations < 1) {
            throw new IllegalArgumentException("bad L-BFGS-B settings: memory " + memory + ", ftol " + ftol
                    + ", pgtol " + pgtol + ", maxIterations " + maxIterations + ", maxEvaluations "
                    + maxEvaluations);
        }
    }

    /** memory 10, ftol 1e-15, pgtol 1e-10, 15,000 iterations, 30,000 evaluations. */
    public static Lbfgsb defaults() {
        return new Lbfgsb(10, 1e-15, 1e-10, 15_000, 30_000);
    }

    /**
     * scipy's {@code minimize(method="L-BFGS-B")} defaults: memory 10, {@code factr = 1e7} (ftol
     * 2.2e-9), pgtol 1e-5, 15,000 iterations and evaluations.
     */
    public static Lbfgsb scipyDefaults() {
        return new Lbfgsb(10, 1e7 * EPS, 1e-5, 15_000, 15_000);
    }

    public Lbfgsb withMemory(int m) {
        return new Lbfgsb(m, ftol, pgtol, maxIterations, maxEvaluations);
    }

    public Lbfgsb withFtol(double tol) {
        return new Lbfgsb(memory, tol, pgtol, maxIterations, maxEvaluations);
    }

    public Lbfgsb withPgtol(double tol) {
        return new Lbfgsb(memory, ftol, tol, maxIterations, maxEvaluations);
    }

    public Lbfgsb withMaxIterations(int max) {
        return new Lbfgsb(memory, ftol, pgtol, max, maxEvaluations);
    }

    @Override
    public String name() {
        return "L-BFGS-B";
    }

    @Override
    public OptimizeResult minimize(Objective f, double[] start, Bounds bounds) {
        Minimizer.checkDimensions(f.dimension(), start, bounds);
        return new Run(f, bounds).minimize(start);
    }

    /**
     * The scaled first-order test that a stop on the relative reduction must pass to count as converged:
     * {@link #scaledGradient} at most this. A reduction test alone also stops on a plateau far from the
     * optimum (the line search's steps, not the gradient, have become small).
     */
    public static final double GTOL = 1e-6;

    /**
     * The projected gradient scaled to relative changes of the parameters and of the objective:
     * {@code max_j |pg_j| max(|x_j|, 1) / max(|f|, 1)}, the relative change of {@code f} per relative change
     * of each parameter (Dennis and Schnabel's relative gradient, section 7.2, with typical sizes 1: an
     * objective near 0, as of a law that fits its data exactly, is judged by its absolute change).
     */
    public static double scaledGradient(double[] x, double[] g, double[] lo, double[] hi, double f) {
        double scaled = 0;
        for (int i = 0; i < x.length; i++) {
            double gi = Bounds.projected(x[i], g[i], lo[i], hi[i]);
            scaled = Math.max(scaled, Math.abs(gi) * Math.max(Math.abs(x[i]), 1));
        }
        return scaled / Math.max(Math.abs(f), 1);
    }

    private static String verdict(boolean converged, String why, double scaled) {
        return converged ? "converged: " + why + "; scaled gradient " + fmt(scaled) + " <= " + fmt(GTOL)
                : "stopped: " + why + ", but the scaled gradient " + fmt(scaled) + " > " + fmt(GTOL)
                + " (not a stationary point)";
    }

    /** The state of one minimisation. */
    private final class Run {
        final Objective f;
        final int n;
        final double[] lo;
        final double[] hi;
        final Bounds bounds;
        final CurvaturePairs pairs;
        final boolean[] fixed;
        double[] d;
        double[] xt;
        double[] gt;
        double[] xLo;
        double[] gLo;
        long evaluations;
        // outcome of the last line search
        double ft;
        double predicted;

        Run(Objective f, Bounds bounds) {
            this.f = f;
            this.n = f.dimension();
            this.lo = bounds.lower();
            this.hi = bounds.upper();
            this.bounds = bounds;
            pairs = new CurvaturePairs(memory, n);
            fixed = new boolean[n];
            d = new double[n];
            xt = new double[n];
            gt = new double[n];
            xLo = new double[n];
            gLo = new double[n];
        }

        OptimizeResult minimize(double[] start) {
            double[] x = bounds.project(start.clone());
            double[] g = new double[n];
            double fx = f.valueAndGradient(x, g);
            evaluations = 1;
            if (!Double.isFinite(fx) || !allFinite(g)) {
                return result(x, fx, false, "stopped: objective or gradient not finite at the start point", 0,
                        Double.NaN);
            }
            double pgNorm = Bounds.projectedGradientNorm(x, g, lo, hi);
            if (pgNorm <= pgtol) {
                return result(x, fx, true, "converged: projected gradient norm " + fmt(pgNorm)
                        + " <= pgtol " + fmt(pgtol) + " at the start point", 0, pgNorm);
            }
            int iteration = 0;
            boolean converged = false;
            String message;
            while (true) {
                if (iteration >= maxIterations) {
                    message = "stopped: reached the limit of " + maxIterations + " iterations";
                    break;
                }
                if (evaluations >= maxEvaluations) {
                    message = "stopped: reached the limit of " + maxEvaluations + " evaluations";
                    break;
                }
                for (int i = 0; i < n; i++) {
                    fixed[i] = Bounds.held(x[i], g[i], lo[i], hi[i]);
                }
                boolean accepted = false;
                if (!pairs.isEmpty()) {
                    double gd = quasiNewtonDirection(x, g);
                    if (gd < 0 && allFinite(d)) {
                        accepted = lineSearch(x, g, fx, gd, 1.0);
                    }
                    if (!accepted) {
                        pairs.clear(); // the memory misleads: start afresh from steepest descent
                    }
                }
                if (!accepted) {
                    double gd = steepestDirection(g);
                    accepted = gd < 0 && lineSearch(x, g, fx, gd, Math.min(1.0, 1.0 / Math.sqrt(-gd)));
                }
                if (!accepted) {
                    double scale = Math.max(Math.abs(fx), 1.0);
                    if (predicted <= ftol * scale) {
                        double scaled = scaledGradient(x, g, lo, hi, fx);
                        converged = scaled <= GTOL;
                        message = verdict(converged, "predicted relative reduction " + fmt(predicted / scale)
                                + " <= ftol " + fmt(ftol) + " and no further decrease found", scaled);
                    } else {
                        message = "stopped: the line search found no decrease (predicted relative reduction "
                                + fmt(predicted / scale) + ")";
                    }
                    break;
                }
                iteration++;

                pairs.store(x, xt, g, gt);

                double fold = fx;
                double[] swap = x;
                x = xt;
                xt = swap;
                swap = g;
                g = gt;
                gt = swap;
                fx = ft;

                pgNorm = Bounds.projectedGradientNorm(x, g, lo, hi);
                if (pgNorm <= pgtol) {
                    converged = true;
                    message = "converged: projected gradient norm " + fmt(pgNorm) + " <= pgtol " + fmt(pgtol);
                    break;
                }
                double relative = (fold - fx) / Math.max(Math.max(Math.abs(fold), Math.abs(fx)), 1.0);
                if (relative <= ftol) {
                    double scaled = scaledGradient(x, g, lo, hi, fx);
                    converged = scaled <= GTOL;
                    message = verdict(converged, "relative reduction " + fmt(relative) + " <= ftol " + fmt(ftol),
                            scaled);
                    break;
                }
            }
            return result(x, fx, converged, message, iteration, Bounds.projectedGradientNorm(x, g, lo, hi));
        }

        OptimizeResult result(double[] x, double fx, boolean converged, String message, int iterations,
                double gradientNorm) {
            return OptimizeResult.local(name(), x, fx, converged, message, iterations, evaluations, gradientNorm);
        }

        /** d = -H g over the free variables (two-loop recursion); returns g'd. */
        double quasiNewtonDirection(double[] x, double[] g) {
            for (int i = 0; i < n; i++) {
                d[i] = fixed[i] ? 0 : g[i];
            }
            pairs.multiply(d);
            for (int i = 0; i < n; i++) {
                d[i] = fixed[i] ? 0 : -d[i];
            }
            dropOutward(x);
            return dot(g, d);
        }

        /** d = -g over the free variables; returns g'd. */
        double steepestDirection(double[] g) {
            for (int i = 0; i < n; i++) {
                d[i] = fixed[i] ? 0 : -g[i];
            }
            return dot(g, d);
        }

        /** Zeroes components of d that would immediately leave the box. */
        void dropOutward(double[] x) {
            for (int i = 0; i < n; i++) {
                if (Bounds.held(x[i], -d[i], lo[i], hi[i])) {
                    d[i] = 0;
                }
            }
        }

        /**
         * Weak Wolfe search on the projected path from x along d; on success xt, gt and ft hold the
         * accepted point. Sets {@link #predicted} to the first-order reduction of the first trial.
         */
        boolean lineSearch(double[] x, double[] g, double fx, double gd, double t0) {
            double t = t0;
            predicted = -gd * t0;
            double tLo = 0;
            double fLo = fx;
            double dLo = gd;
            boolean haveLo = false;
            double tHi = Double.POSITIVE_INFINITY;
            double fHi = Double.NaN;
            double dHi = Double.NaN;
            for (int trial = 0; trial < MAX_TRIALS && evaluations < maxEvaluations; trial++) {
                double decrease = 0;
                boolean moved = false;
                for (int i = 0; i < n; i++) {
                    double v = Math.min(hi[i], Math.max(lo[i], x[i] + t * d[i]));
                    xt[i] = v;
                    moved |= v != x[i];
                    decrease += g[i] * (v - x[i]);
                }
                if (!moved || (haveLo && t <= tLo)) {
                    break; // the step has shrunk to nothing
                }
                double value = f.valueAndGradient(xt, gt);
                evaluations++;
                boolean finite = Double.isFinite(value) && allFinite(gt);
                double slope = finite ? pathSlope(x, t) : Double.NaN;
                if (!finite || value > fx + C1 * decrease || (haveLo && value >= fLo)) {
                    tHi = t;
                    fHi = finite ? value : Double.NaN;
                    dHi = slope;
                } else if (slope < C2 * gd) {
                    // sufficient decrease but still steeply downhill: remember, then look further
                    tLo = t;
                    fLo = value;
                    dLo = slope;
                    haveLo = true;
                    System.arraycopy(xt, 0, xLo, 0, n);
                    System.arraycopy(gt, 0, gLo, 0, n);
                    if (!moved(t * EXPAND, x, xt)) {
                        break; // every variable is already against a bound
                    }
                } else {
                    ft = value;
                    return true;
                }
                t = next(tLo, fLo, dLo, tHi, fHi, dHi);
            }
            if (haveLo) {
                double[] swap = xt;
                xt = xLo;
                xLo = swap;
                swap = gt;
                gt = gLo;
                gLo = swap;
                ft = fLo;
                return true;
            }
            return false;
        }

        /** Whether a step of t from x moves anywhere other than where xt already is. */
        boolean moved(double t, double[] x, double[] current) {
            for (int i = 0; i < n; i++) {
                if (Math.min(hi[i], Math.max(lo[i], x[i] + t * d[i])) != current[i]) {
                    return true;
                }
            }
            return false;
        }

        /** The slope at t along the projected path: gt'd over the components not yet clamped. */
        double pathSlope(double[] x, double t) {
            double slope = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i] + t * d[i];
                if (v > lo[i] && v < hi[i]) {
                    slope += gt[i] * d[i];
                }
            }
            return slope;
        }

        /** The next trial step: expansion without an upper bracket, else safeguarded cubic interpolation. */
        double next(double tLo, double fLo, double dLo, double tHi, double fHi, double dHi) {
            if (tHi == Double.POSITIVE_INFINITY) {
                return tLo * EXPAND;
            }
            double width = tHi - tLo;
            double candidate = Double.NaN;
            if (Double.isFinite(fHi) && Double.isFinite(dHi)) {
                double d1 = dLo + dHi - 3 * (fLo - fHi) / (tLo - tHi);
                double radicand = d1 * d1 - dLo * dHi;
                if (radicand >= 0) {
                    double d2 = Math.sqrt(radicand);
                    candidate = tHi - width * (dHi + d2 - d1) / (dHi - dLo + 2 * d2);
                }
            } else if (!Double.isFinite(fHi)) {
                candidate = tLo + 0.1 * width; // beyond the domain: retreat fast
            }
            double lower = tLo + 0.1 * width;
            double upper = tHi - 0.1 * width;
            if (!(candidate >= lower && candidate <= upper)) {
                candidate = Double.isFinite(fHi) ? tLo + 0.5 * width : lower;
            }
            return candidate;
        }
    }
}
