package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalestudy.fit.LeastSquares;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * {@code pass_at_k}: Eq. 5 of Krajewski et al. (2025), the normalized pass@k score as a function of
 * compute C and the number of samples k,
 * <pre>  log(-log Q) = log A + alpha log C + beta log k + delta log C log k,  Q = (acc - r)/(1 - r)</pre>
 * fitted, as the paper does, by ordinary least squares (closed form). The signs are the paper's:
 * alpha and beta come out negative when the score grows with compute and with k. Internally log C
 * and log k are centred before the QR solve (log C is about 46, so the raw columns are nearly
 * collinear with the intercept); the coefficients are mapped back exactly.
 *
 * <p>Arguments: INPUT {@code x} (compute C), INPUT {@code k} (samples, at least 1), INPUT {@code y}
 * (the pass@k score), INPUT {@code baseline} (r, default 0), OPTION {@code margin} (default 0.05). A
 * row is unusable when C is not positive, k is below 1, or by {@code direct_power}'s accuracy rule.
 * The fit needs at least two distinct C and two distinct k. The curve has one series per distinct
 * k ("k = 1", ...), and per baseline when the rows have several.
 */
public final class PassAtK implements LawKind {
    public static final String NAME = "pass_at_k";
    static final String METHOD = "least squares on log(-log Q)";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("x", "compute C (FLOPs); must be positive"),
            ArgSpec.input("k", "the number of samples k of pass@k; at least 1"),
            ArgSpec.input("y", "the observed pass@k score, in [0, 1]"),
            NormalizedAccuracy.BASELINE,
            NormalizedAccuracy.MARGIN);
    private static final List<String> PARAMETERS = List.of("A", "alpha", "beta", "delta");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Eq. 5 of Krajewski et al. (2025): log(-log Q) = log A + alpha log C + beta log k "
                + "+ delta log C log k for pass@k, by least squares";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        return new Bound(NormalizedAccuracy.checkMargin(LawSupport.options(this, options)[0]));
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** {@code log(-log Q)} at compute {@code c} and {@code k} samples. */
    static double linearised(double[] params, double c, double k) {
        double u = Math.log(c);
        double v = Math.log(k);
        return Math.log(params[0]) + params[1] * u + params[2] * v + params[3] * u * v;
    }

    static double accuracy(double[] params, double c, double k, double r) {
        return NormalizedAccuracy.accuracy(Math.exp(linearised(params, c, k)), r);
    }

    /** The law with its margin fixed. Rows are {@code {x, k, y, baseline}}. */
    private static final class Bound extends NamedLaw {
        private final double margin;

        Bound(double margin) {
            super(NAME, "log(-log Q) = log A + alpha * log C + beta * log k + delta * log C * log k, Q = (acc - r)/(1 - r)", PARAMETERS);
            this.margin = margin;
        }

        @Override
        public String unusable(double[] row) {
            String why = LawInputs.arity(row, "x", "k", "y", "baseline");
            if (why == null) {
                why = LawInputs.positive("x", row[0]);
            }
            if (why == null) {
                why = LawInputs.finite("k", row[1]);
            }
            if (why == null && row[1] < 1) {
                why = "k is below 1";
            }
            return why != null ? why : NormalizedAccuracy.unusable(row[2], row[3], margin);
        }

        @Override
        public OptimizeResult fit(double[][] rows) {
            OptimizeResult failure = Fitting.precheck(this, rows, METHOD);
            if (failure != null) {
                return failure;
            }
            int n = rows.length;
            double[] u = new double[n];
            double[] v = new double[n];
            double[] z = new double[n];
            double uMean = 0;
            double vMean = 0;
            for (int i = 0; i < n; i++) {
                u[i] = Math.log(rows[i][0]);
                v[i] = Math.log(rows[i][1]);
                z[i] = NormalizedAccuracy.linearised(rows[i][2], rows[i][3]);
                uMean += u[i];
                vMean += v[i];
            }
            uMean /= n;
            vMean /= n;
            double[][] design = new double[n][];
            for (int i = 0; i < n; i++) {
                double du = u[i] - uMean;
                double dv = v[i] - vMean;
                design[i] = new double[] {1, du, dv, du * dv};
            }
            LeastSquares.Solution solution;
            try {
                solution = LeastSquares.fit(design, z);
            } catch (IllegalArgumentException e) {
                return LawSupport.failure(4, METHOD, "not fitted: the rows need at least two distinct x and two "
                        + "distinct k (" + e.getMessage() + ")");
            }
            // z = c0 + c1 (u - U) + c2 (v - V) + c3 (u - U)(v - V), expanded in u, v and u v
            double[] c = solution.coefficients();
            double logA = c[0] - c[1] * uMean - c[2] * vMean + c[3] * uMean * vMean;
            double alpha = c[1] - c[3] * vMean;
            double beta = c[2] - c[3] * uMean;
            return OptimizeResult.closedForm(METHOD, new double[] {Math.exp(logA), alpha, beta, c[3]},
                    solution.residualSumOfSquares(), "closed form: ordinary least squares on log(-log Q) = log A "
                            + "+ alpha log C + beta log k + delta log C log k over " + n + " rows");
        }

        @Override
        public int minimumRows() {
            return 4;
        }

        @Override
        public double predict(double[] params, double[] row) {
            return accuracy(params, row[0], row[1], row[3]);
        }

        @Override
        public double observed(double[] row) {
            return row[2];
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
            List<double[]> settings = CurveSeries.settings(rows,
                    row -> row.length == 4 && row[1] >= 1 ? new double[] {row[1], row[3]} : null);
            boolean severalBaselines = settings.stream().mapToDouble(s -> s[1]).distinct().count() > 1;
            double[] xs = CurveSeries.grid(xMin, xMax);
            List<CurvePoint> points = new ArrayList<>(xs.length * settings.size());
            for (double[] s : settings) {
                String series = "k = " + LawSupport.significant(s[0], 6)
                        + (severalBaselines ? ", " + CurveSeries.baselineLabel(s[1]) : "");
                for (double c : xs) {
                    points.add(new CurvePoint(series, c, accuracy(params, c, s[0], s[1])));
                }
            }
            return List.copyOf(points);
        }

        @Override
        public String toString() {
            return NAME + "(margin: " + margin + ")";
        }
    }
}
