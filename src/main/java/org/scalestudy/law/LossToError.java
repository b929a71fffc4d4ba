package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * {@code loss_to_error}: Gadre et al. (2024), the average top-1 error of downstream tasks as a
 * function of a model's loss,
 * <pre>  Err = epsilon - k exp(-gamma L)</pre>
 * (epsilon is the error as the loss grows, typically near chance), fitted by nonlinear least squares:
 * Levenberg-Marquardt (analytic Jacobian, no bounds) on the residuals of Err, with standard errors. The
 * reference ({@code scipy.optimize.curve_fit} without an initial guess) starts from
 * {@code (epsilon, k, gamma) = (1, 1, 1)}; this law tries that start and five more, one per
 * gamma in {0.25, 0.5, 1, 2, 4} with epsilon and k solved by least squares for that gamma (the model
 * is linear in them), and keeps the best: 6 deterministic starts.
 *
 * <p>Arguments: INPUT {@code x} (the loss L, the chart's x), INPUT {@code y} (the top-1 error). A
 * row is unusable when L is not positive and finite or the error is not finite. The chart's x is the
 * loss here, not compute (the axis label says so); the curve covers the range it is asked for, on
 * the chart's log axis.
 */
public final class LossToError implements LawKind {
    public static final String NAME = "loss_to_error";
    static final String METHOD = "Levenberg-Marquardt least squares on Err";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("x", "the loss L the error is predicted from (the chart's x); must be positive"),
            ArgSpec.input("y", "the observed top-1 error"));
    private static final List<String> PARAMETERS = List.of("epsilon", "k", "gamma");
    private static final double[] GAMMAS = {0.25, 0.5, 1, 2, 4};
    private static final Bound BOUND = new Bound();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Gadre et al. (2024): top-1 error from loss, Err = epsilon - k exp(-gamma L), by nonlinear "
                + "least squares";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        LawSupport.options(this, options);
        return BOUND;
    }

    @Override
    public String toString() {
        return NAME;
    }

    static double error(double[] p, double loss) {
        return p[0] - p[1] * Math.exp(-p[2] * loss);
    }

    /** The model over {@code theta = (epsilon, k, gamma)}. */
    static final SquaredError.Model MODEL = new SquaredError.Model() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double value(double[] t, double loss, double[] gradient) {
            double e = Math.exp(-t[2] * loss);
            if (gradient != null) {
                gradient[0] = 1;
                gradient[1] = -e;
                gradient[2] = t[1] * loss * e;
            }
            return t[0] - t[1] * e;
        }
    };

    /** The starts: the reference's (1, 1, 1), then one per gamma of {@link #GAMMAS} where solvable. */
    static List<double[]> starts(double[] loss, double[] err) {
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {1, 1, 1});
        for (double gamma : GAMMAS) {
            double[] feature = new double[loss.length];
            for (int i = 0; i < loss.length; i++) {
                feature[i] = -Math.exp(-gamma * loss[i]);
            }
            try {
                Fitting.Line line = Fitting.line(feature, err, "loss");
                starts.add(new double[] {line.intercept(), line.slope(), gamma});
            } catch (IllegalArgumentException e) {
                // a single distinct loss: only the reference start
            }
        }
        return starts;
    }

    /** The law (it has no options). Rows are {@code {x, y}}. */
    private static final class Bound extends NamedLaw {
        Bound() {
            super(NAME, "Err = epsilon - k * exp(-gamma * L)", PARAMETERS);
        }

        @Override
        public String unusable(double[] row) {
            String why = LawInputs.arity(row, "x", "y");
            if (why == null) {
                why = LawInputs.positive("loss", row[0]);
            }
            return why != null ? why : LawInputs.finite("error", row[1]);
        }

        @Override
        public OptimizeResult fit(double[][] rows) {
            OptimizeResult failure = Fitting.precheck(this, rows, METHOD);
            if (failure != null) {
                return failure;
            }
            double[] loss = new double[rows.length];
            double[] err = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                loss[i] = rows[i][0];
                err[i] = rows[i][1];
            }
            List<double[]> starts = starts(loss, err);
            return Fitting.leastSquares(new SquaredError(MODEL, loss, err), starts, Bounds.unbounded(3),
                    METHOD + ", " + starts.size() + " starts", double[]::clone);
        }

        @Override
        public int minimumRows() {
            return 3;
        }

        @Override
        public double predict(double[] params, double[] row) {
            return error(params, row[0]);
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
            return LawInputs.text(inputTexts, "x") + " (loss L, not compute)";
        }

        @Override
        public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
            return CurveSeries.single(xMin, xMax, l -> error(params, l));
        }
    }
}
