package org.scalestudy.law;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.scalestudy.results.CurvePoint;

/**
 * What the two-stage laws ({@code two_stage_linear}, {@code two_stage_logistic}) share: their
 * arguments {@code (x, loss, y)}, their row rule, and stage 1, a power law from compute to loss
 * fitted by ordinary least squares on {@code log L = s log C + i}. Stage 2 maps the observed loss to
 * the observed accuracy; a prediction chains the two, {@code acc(L-hat(C))}, so the stages' errors
 * compound (the paper's point against this route).
 */
final class LossStage {
    static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("x", "compute C (FLOPs); must be positive"),
            ArgSpec.input("loss", "the observed loss L (stage 1's target, stage 2's input); must be positive"),
            ArgSpec.input("y", "the observed accuracy (stage 2's target)"));
    static final String FORMULA = "stage 1: log L = s * log C + i";

    /** Stage 1 as a {@link LossModel}: rows {@code {C, L, acc}}, parameters {@code (s, i)}, least squares. */
    static final LossModel POWER = new LossModel() {
        @Override
        public String formula() {
            return FORMULA;
        }

        @Override
        public int inputs() {
            return 1;
        }

        @Override
        public int parameters() {
            return 2;
        }

        @Override
        public String unusable(double[] row) {
            return LossStage.unusable(row);
        }

        @Override
        public Fit fit(double[][] rows, double[] fitted) {
            Fitting.Line line = LossStage.fit(rows);
            return new Fit(new double[] {line.slope(), line.intercept()},
                    new double[] {line.slopeSe(), line.interceptSe()}, describe(line, rows.length), null);
        }

        @Override
        public double loss(double[] params, double[] row) {
            return LossStage.loss(params[0], params[1], row[0]);
        }

        @Override
        public double axis(double[] row) {
            return row[0];
        }

        @Override
        public String axisLabel(Map<String, String> inputTexts) {
            return LossStage.axisLabel(inputTexts);
        }

        @Override
        public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax,
                                      DoubleUnaryOperator accuracy) {
            return LossStage.curve(params[0], params[1], accuracy, xMin, xMax);
        }
    };

    private LossStage() {
    }

    /** Why a row {@code {x, loss, y}} cannot be fitted, or null. */
    static String unusable(double[] row) {
        String why = LawInputs.arity(row, "x", "loss", "y");
        if (why == null) {
            why = LawInputs.positive("x", row[0]);
        }
        if (why == null) {
            why = LawInputs.positive("loss", row[1]);
        }
        return why != null ? why : LawInputs.finite("accuracy", row[2]);
    }

    /**
     * Stage 1 over usable rows: the line {@code log L = s log C + i} as {@code (intercept i, slope s)}.
     *
     * @throws IllegalArgumentException when every row has the same compute
     */
    static Fitting.Line fit(double[][] rows) {
        int n = rows.length;
        double[] logC = new double[n];
        double[] logL = new double[n];
        for (int i = 0; i < n; i++) {
            logC[i] = Math.log(rows[i][0]);
            logL[i] = Math.log(rows[i][1]);
        }
        return Fitting.line(logC, logL, "x");
    }

    /** Stage 1's predicted loss at compute {@code c}: {@code exp(s log C + i)}. */
    static double loss(double s, double i, double c) {
        return Math.exp(s * Math.log(c) + i);
    }

    static String axisLabel(Map<String, String> inputTexts) {
        return LawInputs.text(inputTexts, "x");
    }

    /** One curve over compute, the accuracy of the predicted loss. */
    static List<CurvePoint> curve(double s, double i, DoubleUnaryOperator accuracy, double xMin, double xMax) {
        return CurveSeries.single(xMin, xMax, c -> accuracy.applyAsDouble(loss(s, i, c)));
    }

    /** "stage 1 (log L on log C, 9 rows): residual sum of squares 1.2e-05" */
    static String describe(Fitting.Line line, int rows) {
        return "stage 1 (least squares of log L on log C, " + rows + " rows): residual sum of squares "
                + LawSupport.significant(line.rss(), 3);
    }
}
