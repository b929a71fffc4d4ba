package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.scalestudy.fit.LeastSquares;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * {@code direct_power}: Eq. 2 of Krajewski et al. (2025), a power law in compute for the normalized
 * accuracy {@code Q = (acc - r) / (1 - r)} of a benchmark with random-guess accuracy {@code r}:
 * <pre>  -log Q = A * C^(-alpha),  so  acc = r + (1 - r) exp(-A C^(-alpha))</pre>
 * fitted, as the paper does, by ordinary least squares on the linearised form
 * {@code log(-log Q) = log A - alpha log C}.
 *
 * <p>Arguments (positional order): INPUT {@code x} (compute C), INPUT {@code y} (accuracy),
 * INPUT {@code baseline} (r, default 0), OPTION {@code margin} (default 0.05). A row is unusable
 * for fitting when {@code acc < r (1 + margin)} (within 5% of chance, the paper's rule), when
 * {@code Q} is not in (0, 1), when {@code x <= 0}, or when anything is not finite.
 *
 * <p>{@link Law#minimumRows()} is 2: the law has two parameters and a straight line through two
 * points in {@code (log C, log(-log Q))} is well defined; with exactly two rows the fit interpolates
 * them (zero residual), which the report's row count makes visible.
 */
public final class DirectPower implements LawKind {
    public static final String NAME = "direct_power";
    static final String METHOD = "least squares on log(-log Q)";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("x", "compute C (FLOPs), the power law's variable; must be positive"),
            ArgSpec.input("y", "the observed accuracy, in [0, 1]"),
            ArgSpec.input("baseline", "random-guess accuracy r of the benchmark, in [0, 1)", 0),
            ArgSpec.option("margin", "rows with accuracy below baseline * (1 + margin) are left out of the fit",
                    0.05));
    private static final List<String> PARAMETERS = List.of("A", "alpha");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Eq. 2 of Krajewski et al. (2025): -log Q = A * C^(-alpha) for the normalized accuracy "
                + "Q = (acc - r)/(1 - r), fitted by least squares on log(-log Q)";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        double margin = LawSupport.options(this, options)[0];
        if (!Double.isFinite(margin) || margin < 0) {
            throw new IllegalArgumentException("margin must be a finite number >= 0, got " + margin);
        }
        return new Bound(margin);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The law with its margin fixed. Rows are {@code {x, y, baseline}}. */
    private static final class Bound extends NamedLaw implements JointFit {
        private final double margin;

        Bound(double margin) {
            super(NAME, "-log Q = A * C^(-alpha), Q = (acc - r)/(1 - r)", PARAMETERS);
            this.margin = margin;
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
            int n = rows.length;
            if (n < minimumRows()) {
                return LawSupport.failure(2, METHOD, "not fitted: needs at least " + minimumRows() + " rows, got " + n);
            }
            double[] u = new double[n];
            double[] z = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                String why = unusable(rows[i]);
                if (why != null) {
                    return LawSupport.failure(2, METHOD, "not fitted: row " + (i + 1) + " is unusable: " + why);
                }
                u[i] = Math.log(rows[i][0]);
                z[i] = NormalizedAccuracy.linearised(rows[i][1], rows[i][2]);
                mean += u[i];
            }
            mean /= n;
            double[][] design = new double[n][];
            boolean spread = false;
            for (int i = 0; i < n; i++) {
                design[i] = new double[] {1, u[i] - mean};
                spread |= u[i] != u[0];
            }
            if (!spread) {
                return LawSupport.failure(2, METHOD, "not fitted: every row has the same x, so alpha is undetermined");
            }
            LeastSquares.Solution solution;
            try {
                solution = LeastSquares.fit(design, z);
            } catch (IllegalArgumentException e) {
                return LawSupport.failure(2, METHOD, "not fitted: " + e.getMessage());
            }
            double[] c = solution.coefficients();
            double alpha = -c[1];
            double a = Math.exp(c[0] - c[1] * mean);
            OptimizeResult closed = OptimizeResult.closedForm(METHOD, new double[] {a, alpha},
                    solution.residualSumOfSquares(), "closed form: ordinary least squares on log(-log Q) = log A - alpha"
                    + " log C over " + n + " rows");
            // Standard errors of the line (centred, so intercept and slope are uncorrelated): log A = c0 - c1 mean
            // has variance s^2 (1/n + mean^2 / Sxx), and A's is A times log A's to first order (delta method).
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxx += design[i][1] * design[i][1];
            }
            double variance = n > 2 ? solution.residualSumOfSquares() / (n - 2) : Double.NaN;
            double[] se = {a * Math.sqrt(variance * (1.0 / n + mean * mean / sxx)), Math.sqrt(variance / sxx)};
            return closed.withX(new double[] {a, alpha}, new String[] {"", ""}, se);
        }

        @Override
        public int minimumRows() {
            return 2;
        }

        /**
         * Ordinary least squares on log(-log Q) = log A_g - alpha_g log C over every group's rows at once, with one
         * column for a shared parameter and one per group for the others (solved by {@link LeastSquares}); with
         * alpha shared, the groups' lines are parallel in (log C, log(-log Q)).
         */
        @Override
        public List<OptimizeResult> fitJointly(List<double[][]> groups, java.util.Set<String> shared) {
            int g = groups.size();
            boolean shareA = shared.contains("A");
            boolean shareAlpha = shared.contains("alpha");
            int aColumns = shareA ? 1 : g;
            int columns = aColumns + (shareAlpha ? 1 : g);
            List<double[]> design = new ArrayList<>();
            List<Double> z = new ArrayList<>();
            double mean = 0;
            int n = 0;
            for (double[][] rows : groups) {
                for (double[] row : rows) {
                    mean += Math.log(row[0]);
                    n++;
                }
            }
            mean /= Math.max(1, n);
            String method = METHOD + ", " + String.join(" and ", new java.util.TreeSet<>(shared)) + " shared by "
                    + g + " groups";
            for (int k = 0; k < g; k++) {
                double[][] rows = groups.get(k);
                if (rows.length == 0) {
                    return failures(g, method, "not fitted: group " + (k + 1) + " has no usable row");
                }
                for (double[] row : rows) {
                    String why = unusable(row);
                    if (why != null) {
                        return failures(g, method, "not fitted: a row of group " + (k + 1) + " is unusable: " + why);
                    }
                    double[] d = new double[columns];
                    d[shareA ? 0 : k] = 1;
                    d[aColumns + (shareAlpha ? 0 : k)] = Math.log(row[0]) - mean;
                    design.add(d);
                    z.add(NormalizedAccuracy.linearised(row[1], row[2]));
                }
            }
            if (design.size() <= columns) {
                return failures(g, method, "not fitted: " + design.size() + " rows for " + columns + " parameters");
            }
            LeastSquares.Solution solution;
            try {
                solution = LeastSquares.fit(design.toArray(double[][]::new), z.stream().mapToDouble(Double::doubleValue)
                        .toArray());
            } catch (IllegalArgumentException e) {
                return failures(g, method, "not fitted: " + e.getMessage());
            }
            double[] c = solution.coefficients();
            OptimizeResult closed = OptimizeResult.closedForm(method, new double[0], solution.residualSumOfSquares(),
                    "closed form: ordinary least squares over " + design.size() + " rows of " + g + " groups");
            List<OptimizeResult> out = new ArrayList<>(g);
            for (int k = 0; k < g; k++) {
                double intercept = c[shareA ? 0 : k];
                double slope = c[aColumns + (shareAlpha ? 0 : k)];
                out.add(closed.withX(new double[] {Math.exp(intercept - slope * mean), -slope}));
            }
            return out;
        }

        private static List<OptimizeResult> failures(int groups, String method, String message) {
            List<OptimizeResult> out = new ArrayList<>(groups);
            for (int k = 0; k < groups; k++) {
                out.add(LawSupport.failure(2, method, message));
            }
            return out;
        }

        /** With alpha shared: A_o C_o^-alpha = A_r C_r^-alpha gives C_o / C_r = (A_o / A_r)^(1 / alpha). */
        @Override
        public double computeMultiplier(double[] reference, double[] other, java.util.Set<String> shared) {
            if (!shared.contains("alpha")) {
                return Double.NaN;
            }
            return Math.pow(other[0] / reference[0], 1 / reference[1]);
        }

        @Override
        public double predict(double[] params, double[] row) {
            return accuracy(params[0], params[1], row[0], row[2]);
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
            String x = inputTexts.get("x");
            return x == null || x.isBlank() ? "x" : x.strip();
        }

        @Override
        public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
            TreeSet<Double> baselines = new TreeSet<>();
            for (double[] row : rows) {
                if (row.length == 3 && Double.isFinite(row[2])) {
                    baselines.add(row[2] + 0.0); // + 0.0 folds -0.0 into 0.0
                }
            }
            if (baselines.isEmpty()) {
                baselines.add(0.0);
            }
            double[] xs = LawSupport.logGrid(xMin, xMax, LawSupport.CURVE_POINTS);
            List<CurvePoint> points = new ArrayList<>(xs.length * baselines.size());
            for (double r : baselines) {
                String series = baselines.size() == 1 ? "" : "r = " + LawSupport.significant(r, 3);
                for (double x : xs) {
                    points.add(new CurvePoint(series, x, accuracy(params[0], params[1], x, r)));
                }
            }
            return List.copyOf(points);
        }

        @Override
        public String toString() {
            return NAME + "(margin: " + margin + ")";
        }
    }

    static double accuracy(double a, double alpha, double x, double r) {
        return r + (1 - r) * Math.exp(-a * Math.pow(x, -alpha));
    }
}
