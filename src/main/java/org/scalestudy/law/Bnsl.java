package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Huber;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.fit.StrictLog1p;
import org.scalestudy.results.CurvePoint;

/**
 * {@code bnsl}: the broken neural scaling law of Caballero et al. (2023) with one break, Eq. 1 of
 * Krajewski et al. (2025):
 * <pre>  y = a + b C^(-c0) (1 + (C/d1)^(1/f1))^(-c1 f1)</pre>
 * a power law of exponent c0 that bends, around compute d1 and over a width set by f1, to exponent
 * c0 + c1. Fitted as the reference does, with a Huber loss (threshold {@code delta}, default 1e-3)
 * on y summed over runs, from many random starts, keeping the best; the reference's basin hopping is
 * replaced by {@code starts} (default 200) independent starts drawn from a fixed seed, so a build is
 * deterministic. Each start runs bounded L-BFGS with an analytic gradient.
 *
 * <p>The search works in well-scaled variables {@code (a, b', c0, c1, log d1, log f1)}, where
 * {@code b' = b C0^(-c0)} is b at the geometric-mean compute C0 of the rows (C^(-c0) alone is about
 * 1e-3 to 1e-20 at realistic compute) and the bend is evaluated as {@code exp(-c1 f1 softplus((log C -
 * log d1)/f1))} so that no power overflows. Bounds: c0, c1 in [-5, 5], f1 in [0.01, 100], log d1 within
 * the rows' log-compute range widened by that range on each side (a break further out cannot be
 * seen in the data); a and b' are free. Random starts: a uniform over [min y - w, max y + w] and b'
 * over [-2w, 2w] (w = max y - min y), c0 over [0, 1], c1 over [-1, 1], log d1 over the rows'
 * log-compute range, log f1 over [log 0.05, log 5]. A bootstrap resample (and a refit of the
 * fit-window sweep, {@link Law#refit}) is searched the same way, from its own rows' random starts drawn
 * from the same seed, on one thread (the bootstrap runs resamples in parallel).
 *
 * <p>Arguments: INPUT {@code x} (compute C), INPUT {@code y} (the metric: loss, error or accuracy),
 * OPTION {@code starts}, OPTION {@code delta}. A row is unusable when C is not positive and finite
 * or y is not finite. At least 6 rows (one per parameter).
 */
public final class Bnsl implements LawKind {
    public static final String NAME = "bnsl";
    /** The seed of the random starts; fixed, so that the same rows give the same fit. */
    static final long SEED = 20221026L;
    private static final int MAX_STARTS = 100_000;
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("x", "compute C (FLOPs); must be positive"),
            ArgSpec.input("y", "the observed metric (loss, error or accuracy)"),
            ArgSpec.option("starts", "how many random starting points (from a fixed seed) the search tries, "
                    + "1 to " + MAX_STARTS, 200),
            ArgSpec.option("delta", "threshold of the Huber loss on y", 1e-3));
    private static final List<String> PARAMETERS = List.of("a", "b", "c0", "c1", "d1", "f1");
    private static final double EXPONENT_BOUND = 5;
    private static final double LOG_F1_LOW = Math.log(0.01);
    private static final double LOG_F1_HIGH = Math.log(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Broken neural scaling law (Caballero et al. 2023; Eq. 1 of Krajewski et al. 2025), one break, "
                + "Huber on y from seeded random starts";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        double[] o = LawSupport.options(this, options);
        double starts = o[0];
        double delta = o[1];
        if (!(starts >= 1 && starts <= MAX_STARTS) || starts != Math.rint(starts)) {
            throw new IllegalArgumentException("starts must be a whole number from 1 to " + MAX_STARTS + ", got "
                    + starts);
        }
        return new Bound((int) starts, LawInputs.huberDelta(delta));
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The law's value for {@code params = (a, b, c0, c1, d1, f1)} at compute {@code c}. */
    static double value(double[] p, double c) {
        double u = Math.log(c);
        double f1 = p[5];
        double logT = -p[2] * u - p[3] * f1 * Logistic.softplus((u - Math.log(p[4])) / f1);
        double b = p[1];
        return b == 0 ? p[0] : p[0] + Math.signum(b) * Math.exp(Math.log(Math.abs(b)) + logT);
    }

    /**
     * The fit's objective over {@code (a, b', c0, c1, log d1, log f1)} for these rows ({@code {x, y}},
     * all usable), with {@code b'} taken at the geometric-mean compute of the rows.
     */
    static Objective objective(double[][] rows, double delta) {
        return new Problem(rows).objective(delta);
    }

    /**
     * One set of rows in the search's variables {@code (a, b', c0, c1, log d1, log f1)}: the
     * objective, the box, the random starts, and the map to and from the law's parameters.
     */
    private static final class Problem {
        private final double[] u;
        private final double[] y;
        private final double u0;
        private final double uMin;
        private final double uMax;
        private final double yMin;
        private final double yMax;

        Problem(double[][] rows) {
            int n = rows.length;
            u = new double[n];
            y = new double[n];
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double yLo = Double.POSITIVE_INFINITY;
            double yHi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                u[i] = Math.log(rows[i][0]);
                y[i] = rows[i][1];
                sum += u[i];
                lo = Math.min(lo, u[i]);
                hi = Math.max(hi, u[i]);
                yLo = Math.min(yLo, y[i]);
                yHi = Math.max(yHi, y[i]);
            }
            u0 = sum / n;
            uMin = lo;
            uMax = hi;
            yMin = yLo;
            yMax = yHi;
        }

        Objective objective(double delta) {
            return new HuberObjective(u, y, u0, delta);
        }

        Bounds bounds() {
            double span = Math.max(uMax - uMin, 1);
            return Bounds.of(
                    new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, -EXPONENT_BOUND, -EXPONENT_BOUND,
                            uMin - span, LOG_F1_LOW},
                    new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, EXPONENT_BOUND, EXPONENT_BOUND,
                            uMax + span, LOG_F1_HIGH});
        }

        /** {@code count} starts drawn from {@link #SEED} (see the class comment for the ranges). */
        List<double[]> randomStarts(int count) {
            double w = yMax > yMin ? yMax - yMin : Math.max(1, Math.abs(yMax));
            Random random = new Random(SEED);
            List<double[]> points = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                points.add(new double[] {
                        yMin - w + 3 * w * random.nextDouble(),
                        -2 * w + 4 * w * random.nextDouble(),
                        random.nextDouble(),
                        -1 + 2 * random.nextDouble(),
                        uMin + (uMax - uMin) * random.nextDouble(),
                        Math.log(0.05) + Math.log(100) * random.nextDouble()});
            }
            return points;
        }

        /** The law's {@code (a, b, c0, c1, d1, f1)} from the search's variables. */
        double[] parameters(double[] t) {
            return new double[] {t[0], t[1] * Math.exp(t[2] * u0), t[2], t[3], Math.exp(t[4]), Math.exp(t[5])};
        }
    }

    /** The law with its options fixed. Rows are {@code {x, y}}. */
    private static final class Bound extends NamedLaw {
        private final int starts;
        private final double delta;

        Bound(int starts, double delta) {
            super(NAME, "y = a + b * C^(-c0) * (1 + (C/d1)^(1/f1))^(-c1*f1)", PARAMETERS);
            this.starts = starts;
            this.delta = delta;
        }

        @Override
        public String unusable(double[] row) {
            String why = LawInputs.arity(row, "x", "y");
            if (why == null) {
                why = LawInputs.positive("x", row[0]);
            }
            return why != null ? why : LawInputs.finite("y", row[1]);
        }

        @Override
        public OptimizeResult fit(double[][] rows) {
            return fit(rows, Fitting.SEARCH);
        }

        /** The fit's search, from {@code starts} random starts, on the calling thread: {@code fitted} is not used. */
        @Override
        public OptimizeResult refit(double[][] rows, double[] fitted) {
            return fit(rows, Fitting.SEARCH.sequential());
        }

        private OptimizeResult fit(double[][] rows, MultiStart<Objective> search) {
            String method = search.method(LogSumExpHuber.objective(delta, "y over (a, b, c0, c1, log d1, log f1)"),
                    starts + " seeded random starts");
            OptimizeResult failure = Fitting.precheck(this, rows, method);
            if (failure != null) {
                return failure;
            }
            Problem problem = new Problem(rows);
            return Fitting.search(search, problem.objective(delta), problem.randomStarts(starts), problem.bounds(),
                    method, problem::parameters);
        }

        @Override
        public int minimumRows() {
            return 6;
        }

        @Override
        public double predict(double[] params, double[] row) {
            return value(params, row[0]);
        }

        @Override
        public double observed(double[] row) {
            return row[1];
        }

        @Override
        public double axis(double[] row) {
            return row[0];
        }

        @Override
        public String axisLabel(Map<String, String> inputTexts) {
            return LawInputs.text(inputTexts, "x");
        }

        @Override
        public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
            return CurveSeries.single(xMin, xMax, c -> value(params, c));
        }

        @Override
        public String toString() {
            return NAME + "(starts: " + starts + ", delta: " + delta + ")";
        }
    }

    /**
     * {@code sum_i Huber_delta(y_i - a - b' exp(logT_i))} over {@code (a, b', c0, c1, log d1, log f1)},
     * {@code logT = -c0 (u - u0) - c1 f1 softplus((u - log d1)/f1)}, {@code u = log C}. With
     * {@code z = (u - log d1)/f1} and {@code sigma} the logistic function, d logT / d(c0, c1, log d1,
     * log f1) = {@code (-(u - u0), -f1 softplus(z), c1 sigma(z), -c1 f1 (softplus(z) - z sigma(z)))}.
     */
    private static final class HuberObjective implements Objective {
        private final double[] u;
        private final double[] y;
        private final double u0;
        private final double delta;

        HuberObjective(double[] u, double[] y, double u0, double delta) {
            this.u = u;
            this.y = y;
            this.u0 = u0;
            this.delta = delta;
        }

        @Override
        public int dimension() {
            return 6;
        }

        @Override
        public double valueAndGradient(double[] t, double[] g) {
            double a = t[0];
            double b = t[1];
            double c0 = t[2];
            double c1 = t[3];
            double logD1 = t[4];
            double f1 = Math.exp(t[5]);
            double f = 0;
            double g0 = 0;
            double g1 = 0;
            double g2 = 0;
            double g3 = 0;
            double g4 = 0;
            double g5 = 0;
            for (int i = 0; i < u.length; i++) {
                double z = (u[i] - logD1) / f1;
                // Logistic.softplus(z) and Logistic.sigmoid(z) to the bit, sharing their exponential
                double e = Math.exp(z > 0 ? -z : z);
                double sp = z > 0 ? z + StrictLog1p.log1p(e) : StrictLog1p.log1p(e);
                double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
                double centred = u[i] - u0;
                double term = Math.exp(-c0 * centred - c1 * f1 * sp);
                double r = y[i] - (a + b * term);
                f += Huber.value(r, delta);
                double h = Huber.derivative(r, delta);
                double bt = b * term;
                g0 -= h;
                g1 -= h * term;
                g2 += h * bt * centred;
                g3 += h * bt * f1 * sp;
                g4 -= h * bt * c1 * sigma;
                g5 += h * bt * c1 * f1 * (sp - z * sigma);
            }
            g[0] = g0;
            g[1] = g1;
            g[2] = g2;
            g[3] = g3;
            g[4] = g4;
            g[5] = g5;
            return f;
        }
    }
}
