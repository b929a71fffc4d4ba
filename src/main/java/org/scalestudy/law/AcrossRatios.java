package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Grid;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * {@code across_ratios}: Eq. 4 of Krajewski et al. (2025), the normalized accuracy across
 * tokens-per-parameter ratios,
 * <pre>  -log Q = A / N^alpha + B / D^beta,  Q = (acc - r)/(1 - r)</pre>
 * fitted as the paper does: with {@code A = e^a, B = e^b}, minimise the Huber loss (threshold
 * {@code delta}, default 1e-3) summed over runs of
 * {@code log(-log Q) - logsumexp(a - alpha log N, b - beta log D)} with L-BFGS (analytic gradient,
 * no bounds) from the 81 starts alpha, beta in {0.5, 1, 1.5}, a, b in {5, 10, 15} with scipy's
 * default tolerances, keeping the best after polishing the best 5 ({@link Fitting#SCREEN}). A
 * bootstrap resample ({@link Law#refit}) is searched the same way from the same 81 starts.
 *
 * <p>Arguments: INPUT {@code N} (parameters), INPUT {@code D} (tokens), INPUT {@code y} (accuracy),
 * INPUT {@code baseline} (r, default 0), OPTION {@code margin} (default 0.05), OPTION {@code delta}.
 * A row is unusable when N or D is not positive and finite, or by {@code direct_power}'s accuracy
 * rule ({@link NormalizedAccuracy}). Predictions are accuracies. The chart's axis is compute
 * {@code C = 6 N D}; the curve has one series per distinct ratio D/N (3 significant digits) and
 * baseline.
 */
public final class AcrossRatios implements LawKind {
    public static final String NAME = "across_ratios";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("N", "model parameters; must be positive"),
            ArgSpec.input("D", "training tokens; must be positive"),
            ArgSpec.input("y", "the observed accuracy, in [0, 1]"),
            NormalizedAccuracy.BASELINE,
            NormalizedAccuracy.MARGIN,
            ArgSpec.option("delta", "threshold of the Huber loss on log(-log Q)", 1e-3));
    private static final List<String> PARAMETERS = List.of("A", "B", "alpha", "beta");
    /** The 81 starts in the objective's variables {@code (a, b, alpha, beta)}, as product(alpha, beta, a, b). */
    private static final List<double[]> STARTS = starts();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Eq. 4 of Krajewski et al. (2025): -log Q = A/N^alpha + B/D^beta across tokens-per-parameter "
                + "ratios, Huber on log(-log Q), L-BFGS from 81 starts";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        double[] o = LawSupport.options(this, options);
        return new Bound(NormalizedAccuracy.checkMargin(o[0]), LawInputs.huberDelta(o[1]));
    }

    @Override
    public String toString() {
        return NAME;
    }

    private static List<double[]> starts() {
        List<double[]> grid = Grid.cartesian(Grid.steps(0.5, 1.5, 0.5), Grid.steps(0.5, 1.5, 0.5),
                Grid.steps(5, 15, 5), Grid.steps(5, 15, 5));
        List<double[]> starts = new ArrayList<>(grid.size());
        for (double[] g : grid) {
            starts.add(new double[] {g[2], g[3], g[0], g[1]});
        }
        return List.copyOf(starts);
    }

    /** (A, B, alpha, beta) from the search's (a, b, alpha, beta). */
    private static double[] parameters(double[] t) {
        return new double[] {Math.exp(t[0]), Math.exp(t[1]), t[2], t[3]};
    }

    static double negLogQ(double[] params, double n, double d) {
        return params[0] / Math.pow(n, params[2]) + params[1] / Math.pow(d, params[3]);
    }

    /** The law with its options fixed. Rows are {@code {N, D, y, baseline}}. */
    private static final class Bound extends NamedLaw {
        private final double margin;
        private final double delta;

        Bound(double margin, double delta) {
            super(NAME, "-log Q = A / N^alpha + B / D^beta, Q = (acc - r)/(1 - r)", PARAMETERS);
            this.margin = margin;
            this.delta = delta;
        }

        @Override
        public String unusable(double[] row) {
            String why = LawInputs.arity(row, "N", "D", "y", "baseline");
            if (why == null) {
                why = LawInputs.positive("N", row[0]);
            }
            if (why == null) {
                why = LawInputs.positive("D", row[1]);
            }
            return why != null ? why : NormalizedAccuracy.unusable(row[2], row[3], margin);
        }

        @Override
        public OptimizeResult fit(double[][] rows) {
            String method = method();
            OptimizeResult failure = Fitting.precheck(this, rows, method);
            return failure != null ? failure
                    : Fitting.search(Fitting.SCREEN, objective(rows), STARTS, Bounds.unbounded(4), method,
                            AcrossRatios::parameters);
        }

        /**
         * A bootstrap resample is searched from all 81 starts, as the original fit is (the paper's
         * procedure; it costs about 3 ms a resample), on one thread: the bootstrap runs resamples in
         * parallel.
         */
        @Override
        public OptimizeResult refit(double[][] rows, double[] fitted) {
            String method = method();
            OptimizeResult failure = Fitting.precheck(this, rows, method);
            return failure != null ? failure
                    : Fitting.search(Fitting.SCREEN.sequential(), objective(rows), STARTS, Bounds.unbounded(4), method,
                            AcrossRatios::parameters);
        }

        /**
         * Written out, not taken from {@link Fitting#SCREEN}'s {@link org.scalestudy.fit.MultiStart#method}, which
         * would add the polish of the best 5 that this line has always left out: changing it changes the
         * published sites' text.
         */
        private String method() {
            return "L-BFGS-B, " + LogSumExpHuber.objective(delta, "log(-log Q)") + ", " + STARTS.size() + " starts";
        }

        /** Huber on log(-log Q) vs logsumexp(a - alpha log N, b - beta log D) over (a, b, alpha, beta). */
        private LogSumExpHuber objective(double[][] rows) {
            int n = rows.length;
            double[] target = new double[n];
            double[] logN = new double[n];
            double[] logD = new double[n];
            for (int i = 0; i < n; i++) {
                logN[i] = Math.log(rows[i][0]);
                logD[i] = Math.log(rows[i][1]);
                target[i] = NormalizedAccuracy.linearised(rows[i][2], rows[i][3]);
            }
            return new LogSumExpHuber(4, target, List.of(
                    LogSumExpHuber.Term.power(0, 2, logN), LogSumExpHuber.Term.power(1, 3, logD)), delta);
        }

        @Override
        public int minimumRows() {
            return 4;
        }

        @Override
        public double predict(double[] params, double[] row) {
            return NormalizedAccuracy.accuracy(negLogQ(params, row[0], row[1]), row[3]);
        }

        @Override
        public double observed(double[] row) {
            return row[2];
        }

        @Override
        public double axis(double[] row) {
            return LawSupport.compute(row);
        }

        @Override
        public String axisLabel(Map<String, String> inputTexts) {
            return LawSupport.COMPUTE_LABEL;
        }

        @Override
        public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
            List<double[]> settings = CurveSeries.settings(rows, row -> row.length == 4 && row[0] > 0 && row[1] > 0
                    ? new double[] {LawSupport.round(row[1] / row[0], 3), row[3]} : null);
            boolean severalBaselines = settings.stream().mapToDouble(s -> s[1]).distinct().count() > 1;
            double[] xs = CurveSeries.grid(xMin, xMax);
            List<CurvePoint> points = new ArrayList<>(xs.length * settings.size());
            for (double[] s : settings) {
                double ratio = s[0];
                String series = "D/N = " + LawSupport.significant(ratio, 3)
                        + (severalBaselines ? ", " + CurveSeries.baselineLabel(s[1]) : "");
                for (double c : xs) {
                    double n = Math.sqrt(c / (6 * ratio));
                    points.add(new CurvePoint(series, c, NormalizedAccuracy.accuracy(negLogQ(params, n, ratio * n), s[1])));
                }
            }
            return List.copyOf(points);
        }

        @Override
        public String toString() {
            return NAME + "(margin: " + margin + ", delta: " + delta + ")";
        }
    }
}
