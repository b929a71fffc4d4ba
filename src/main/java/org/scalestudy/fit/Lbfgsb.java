package org.scalestudy.fit;

import java.util.Locale;

/**
 * A bounded limited-memory quasi-Newton minimiser: projected L-BFGS with box bounds.
 *
 * <p>Each iteration (after Kim, Sra and Dhillon, "Tackling box-constrained optimization via a new
 * projected quasi-Newton approach", 2010):
 * <ol>
 *   <li>the <em>binding</em> variables are those at a bound whose gradient pushes outwards; they
 *       are held fixed this iteration;</li>
 *   <li>the direction is the L-BFGS two-loop product {@code -H g} over the free variables (from the
 *       last {@link #memory()} curvature pairs, scaled by {@code s'y / y'y}); if it is not a descent
 *       direction the memory is dropped and steepest descent is used;</li>
 *   <li>a backtracking line search along the <em>projected</em> path {@code P(x + t d)} (first
 *       trial {@code t = 1}, or {@code 1/|d|} without curvature information; safeguarded quadratic
 *       interpolation) accepts the first point meeting the Armijo condition
 *       {@code f(x_t) <= f(x) + 1e-4 g'(x_t - x)}; should it fail, steepest descent is tried once
 *       before giving up;</li>
 *   <li>the pair {@code s = x_new - x, y = g_new - g} is stored when {@code s'y > eps y'y}.</li>
 * </ol>
 * It stops, <em>converged</em>, when the projected gradient's infinity norm (as scipy's
 * {@code projgr}) is at most {@link #pgtol()}, or when the relative reduction
 * {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most {@link #ftol()} (scipy's
 * {@code factr * eps}); and <em>not converged</em> at {@link #maxIterations()},
 * {@link #maxEvaluations()}, a non-finite objective at the start, or a failed line search whose
 * predicted reduction was still above the {@code ftol} test.
 *
 * <p>The defaults are deliberately tight ({@code ftol = 1e-15}, {@code pgtol = 1e-10}): summed
 * robust losses are small numbers, and looser defaults (scipy's {@code factr = 1e7}) stop well short
 * of the optimum. Immutable and thread-safe; every call allocates its own small workspace.
 *
 * @param memory         curvature pairs kept (about 10)
 * @param ftol           relative-reduction tolerance
 * @param pgtol          projected-gradient (infinity norm) tolerance
 * @param maxIterations  iteration limit
 * @param maxEvaluations objective evaluation limit
 */
public record Lbfgsb(int memory, double ftol, double pgtol, int maxIterations, long maxEvaluations)
        implements Minimizer {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;
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

    public Lbfgsb withMaxEvaluations(long max) {
        return new Lbfgsb(memory, ftol, pgtol, maxIterations, max);
    }

    @Override
    public String name() {
        return "L-BFGS-B";
    }

    @Override
    public Minimum minimize(Objective f, double[] start, Bounds bounds) {
        final int n = f.dimension();
        if (start.length != n || bounds.dimension() != n) {
            throw new IllegalArgumentException("objective has " + n + " variables, start " + start.length
                    + ", bounds " + bounds.dimension());
        }
        final double[] lo = bounds.lower();
        final double[] hi = bounds.upper();
        final int m = memory;

        double[] x = bounds.project(start.clone());
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        long evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Minimum(x, fx, false, "stopped: objective or gradient not finite at the start point", 0,
                    evaluations, Double.NaN);
        }
        double pgNorm = projectedGradientNorm(x, g, lo, hi);
        if (pgNorm <= pgtol) {
            return new Minimum(x, fx, true, "converged: projected gradient norm " + fmt(pgNorm) + " <= "
                    + fmt(pgtol) + " at the start point", 0, evaluations, pgNorm);
        }

        final double[][] s = new double[m][n];
        final double[][] y = new double[m][n];
        final double[] rho = new double[m];
        final double[] alphas = new double[m];
        int stored = 0;
        int newest = -1;

        double[] d = new double[n];
        double[] xt = new double[n];
        double[] gt = new double[n];
        final boolean[] fixed = new boolean[n];

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
            iteration++;
            for (int i = 0; i < n; i++) {
                fixed[i] = (x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0);
            }

            boolean steepest = stored == 0;
            double gd = 0;
            if (!steepest) {
                // two-loop recursion: d = -H q, q = g on the free variables
                for (int i = 0; i < n; i++) {
                    d[i] = fixed[i] ? 0 : g[i];
                }
                int k = newest;
                for (int j = 0; j < stored; j++) {
                    double a = rho[k] * dot(s[k], d, n);
                    alphas[k] = a;
                    axpy(-a, y[k], d, n);
                    k = (k == 0 ? m : k) - 1;
                }
                double gamma = dot(s[newest], y[newest], n) / dot(y[newest], y[newest], n);
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
                k = (newest - stored + 1 + m) % m;
                for (int j = 0; j < stored; j++) {
                    double b = rho[k] * dot(y[k], d, n);
                    axpy(alphas[k] - b, s[k], d, n);
                    k = (k + 1) % m;
                }
                for (int i = 0; i < n; i++) {
                    d[i] = fixed[i] ? 0 : -d[i];
                }
                gd = dot(g, d, n);
                if (!(gd < 0) || !allFinite(d)) {
                    steepest = true;
                    stored = 0;
                }
            }

            boolean accepted = false;
            double ft = Double.NaN;
            double predicted = Double.NaN;
            for (int attempt = 0; attempt < 2 && !accepted; attempt++) {
                if (attempt == 1) {
                    if (steepest) {
                        break;
                    }
                    steepest = true;
                    stored = 0;
                }
                if (steepest) {
                    for (int i = 0; i < n; i++) {
                        d[i] = fixed[i] ? 0 : -g[i];
                    }
                    gd = dot(g, d, n);
                }
                double t = steepest ? Math.min(1.0, 1.0 / Math.sqrt(dot(d, d, n))) : 1.0;
                predicted = -gd * t;
                for (int ls = 0; ls < MAX_BACKTRACKS && evaluations < maxEvaluations; ls++) {
                    double decrease = 0;
                    boolean moved = false;
                    for (int i = 0; i < n; i++) {
                        double v = Math.min(hi[i], Math.max(lo[i], x[i] + t * d[i]));
                        xt[i] = v;
                        moved |= v != x[i];
                        decrease += g[i] * (v - x[i]);
                    }
                    if (!moved || !(decrease < 0)) {
                        break; // the projected step vanished or is no longer downhill
                    }
                    ft = f.valueAndGradient(xt, gt);
                    evaluations++;
                    boolean finite = Double.isFinite(ft) && allFinite(gt);
                    if (finite && ft <= fx + ARMIJO * decrease) {
                        accepted = true;
                        break;
                    }
                    if (!finite) {
                        t *= 0.1;
                    } else {
                        // minimiser of the quadratic through f(x), slope gd and f(x_t), safeguarded
                        double denominator = 2 * (ft - fx - gd * t);
                        double tq = denominator > 0 ? -gd * t * t / denominator : 0.5 * t;
                        t = Math.max(0.1 * t, Math.min(0.5 * t, tq));
                    }
                }
            }

            if (!accepted) {
                double scale = Math.max(Math.abs(fx), 1.0);
                if (predicted <= ftol * scale) {
                    converged = true;
                    message = "converged: predicted reduction " + fmt(predicted / scale) + " <= ftol "
                            + fmt(ftol) + " (no further decrease found)";
                } else {
                    message = "stopped: line search found no decrease (predicted relative reduction "
                            + fmt(predicted / scale) + ")";
                }
                iteration--;
                break;
            }

            // curvature pair
            double sy = 0;
            double yy = 0;
            int slot = (newest + 1) % m;
            double[] sk = s[slot];
            double[] yk = y[slot];
            for (int i = 0; i < n; i++) {
                sk[i] = xt[i] - x[i];
                yk[i] = gt[i] - g[i];
                sy += sk[i] * yk[i];
                yy += yk[i] * yk[i];
            }
            if (sy > EPS * yy) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            }

            double fold = fx;
            double[] swap = x;
            x = xt;
            xt = swap;
            swap = g;
            g = gt;
            gt = swap;
            fx = ft;

            pgNorm = projectedGradientNorm(x, g, lo, hi);
            if (pgNorm <= pgtol) {
                converged = true;
                message = "converged: projected gradient norm " + fmt(pgNorm) + " <= pgtol " + fmt(pgtol);
                break;
            }
            double relative = (fold - fx) / Math.max(Math.max(Math.abs(fold), Math.abs(fx)), 1.0);
            if (relative <= ftol) {
                converged = true;
                message = "converged: relative reduction " + fmt(relative) + " <= ftol " + fmt(ftol);
                break;
            }
        }
        pgNorm = projectedGradientNorm(x, g, lo, hi);
        return new Minimum(x, fx, converged, message, iteration, evaluations, pgNorm);
    }

    /** The infinity norm of the projected gradient, as scipy's L-BFGS-B {@code projgr}. */
    public static double projectedGradientNorm(double[] x, double[] g, double[] lo, double[] hi) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double gi = g[i];
            if (gi < 0) {
                gi = Math.max(x[i] - hi[i], gi);
            } else {
                gi = Math.min(x[i] - lo[i], gi);
            }
            norm = Math.max(norm, Math.abs(gi));
        }
        return norm;
    }

    private static double dot(double[] a, double[] b, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += a * x[i];
        }
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
