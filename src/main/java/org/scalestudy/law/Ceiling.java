package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Grid;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * {@code ceiling}: Eq. 6 of Krajewski et al. (2025), a power law in compute with an irreducible
 * term, so that the normalized accuracy saturates below 1:
 * <pre>  -log Q = A / C^alpha + E,  Q = (acc - r)/(1 - r),  Q_max = exp(-E)</pre>
 * fitted as the paper does: with {@code A = e^a, E = e^e}, minimise the Huber loss (threshold
 * {@code delta}, default 1e-3) summed over runs of {@code log(-log Q) - logsumexp(a - alpha log C, e)}
 * with L-BFGS (analytic gradient, no bounds) from 150 starts, keeping the best. The paper does not
 * list its 150 starts; this law uses the deterministic grid alpha in {0.05, 0.1, 0.2, 0.3, 0.5, 1},
 * a in {0, 5, 10, 15, 20}, e in {-4, -3, -2, -1, 0} (6 x 5 x 5; e = -4 is a ceiling Q_max = 0.98,
 * e = 0 one of 0.37), ordered as product(alpha, a, e).
 * A bootstrap resample ({@link Law#refit}) is searched as the fit is, from all 150 starts (on the calling
 * thread, since resamples run in parallel); the original optimum is not used as a start.
 *
 * <p>Arguments: INPUT {@code x} (compute C), INPUT {@code y} (accuracy), INPUT {@code baseline}
 * (r, default 0), OPTION {@code margin} (default 0.05), OPTION {@code delta}. Rows are unusable by
 * {@code direct_power}'s rules. The parameters are A, alpha, E; the ceiling Q_max = exp(-E) follows
 * from E (the formula says so). Predictions are accuracies; one curve series per baseline.
 */
public final class Ceiling implements LawKind {
    public static final String NAME = "ceiling";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("x", "compute C (FLOPs), the power law's variable; must be positive"),
            ArgSpec.input("y", "the observed accuracy, in [0, 1]"),
            NormalizedAccuracy.BASELINE,
            NormalizedAccuracy.MARGIN,
            ArgSpec.option("delta", "threshold of the Huber loss on log(-log Q)", 1e-3));
    private static final List<String> PARAMETERS = List.of("A", "alpha", "E");
    /** The 150 starts in the objective's variables {@code (a, e, alpha)}. */
    private static final List<double[]> STARTS = starts();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Eq. 6 of Krajewski et al. (2025): -log Q = A/C^alpha + E, a ceiling Q_max = exp(-E), "
                + "Huber on log(-log Q), L-BFGS from 150 starts";
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

    /** The starting grid, each {@code (a, e, alpha)} (copies). */
    static List<double[]> startGrid() {
        return STARTS.stream().map(double[]::clone).toList();
    }

    private static List<double[]> starts() {
        List<double[]> grid = Grid.cartesian(new double[] {0.05, 0.1, 0.2, 0.3, 0.5, 1}, Grid.steps(0, 20, 5),
                Grid.steps(-4, 0, 1));
        List<double[]> starts = new ArrayList<>(grid.size());
        for (double[] g : grid) {
            starts.add(new double[] {g[1], g[2], g[0]});
        }
        return List.copyOf(starts);
    }

    /** (A, alpha, E) from the search's (a, e, alpha). */
    private static double[] parameters(double[] t) {
        return new double[] {Math.exp(t[0]), t[2], Math.exp(t[1])};
    }

    static double accuracy(double[] params, double c, double r) {
        return NormalizedAccuracy.accuracy(params[0] / Math.pow(c, params[1]) + params[2], r);
    }

    /** The law with its options fixed. Rows are {@code {x, y, baseline}}. */
    private static final class Bound extends NamedLaw {
        private final double margin;
        private final double delta;

        Bound(double margin, double delta) {
            super(NAME, "-log Q = A / C^alpha + E, Q = (acc - r)/(1 - r), so Q_max = exp(-E)", PARAMETERS);
            this.margin = margin;
            this.delta = delta;
        }

        @Override
        public String unusable(double[] row) {
            String why = LawInputs.arity(row, "x", "y", "baseline");
            if (why == null) {
                why = LawInputs.positive("x", row[0]);
            }
            return why != null ? why : NormalizedAccuracy.unusable(row[1], row[2], margin);
        }

        @Override
        public OptimizeResult fit(double[][] rows) {
            return fit(rows, Fitting.SEARCH);
        }

        /** The fit's search from all 150 starts, on the calling thread: {@code fitted} is not used. */
        @Override
        public OptimizeResult refit(double[][] rows, double[] fitted) {
            return fit(rows, Fitting.SEARCH.sequential());
        }

        private OptimizeResult fit(double[][] rows, MultiStart<Objective> search) {
            String method = search.method(LogSumExpHuber.objective(delta, "log(-log Q)"), STARTS.size() + " starts");
            OptimizeResult failure = Fitting.precheck(this, rows, method);
            return failure != null ? failure
                    : Fitting.search(search, objective(rows), STARTS, Bounds.unbounded(3), method, Ceiling::parameters);
        }

        /** Huber on log(-log Q) vs logsumexp(a - alpha log C, e) over (a, e, alpha). */
        private LogSumExpHuber objective(double[][] rows) {
            int n = rows.length;
            double[] target = new double[n];
            double[] logC = new double[n];
            for (int i = 0; i < n; i++) {
                logC[i] = Math.log(rows[i][0]);
                target[i] = NormalizedAccuracy.linearised(rows[i][1], rows[i][2]);
            }
            return new LogSumExpHuber(3, target, List.of(
                    LogSumExpHuber.Term.power(0, 2, logC), LogSumExpHuber.Term.constant(1)), delta);
        }

        @Override
        public int minimumRows() {
            return 3;
        }

        @Override
        public double predict(double[] params, double[] row) {
            return accuracy(params, row[0], row[2]);
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
            List<double[]> baselines = CurveSeries.baselines(rows, 2);
            double[] xs = CurveSeries.grid(xMin, xMax);
            List<CurvePoint> points = new ArrayList<>(xs.length * baselines.size());
            for (double[] r : baselines) {
                String series = baselines.size() == 1 ? "" : CurveSeries.baselineLabel(r[0]);
                for (double c : xs) {
                    points.add(new CurvePoint(series, c, accuracy(params, c, r[0])));
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
