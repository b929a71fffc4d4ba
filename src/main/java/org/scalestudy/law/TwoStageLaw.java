package org.scalestudy.law;

import java.util.List;
import java.util.Map;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * What the two-stage laws share: rows {@code {x, loss, y}}; stage 1 ({@link LossStage}) fits
 * {@code log L = s log C + i}, stage 2 the accuracy from the observed loss; a prediction chains them.
 * The parameters start with {@code (s, i)}; the law needs a row per parameter.
 */
abstract class TwoStageLaw extends NamedLaw {
    private final List<String> parameters;
    private final String method;

    /**
     * @param stage2     stage 2's formula, e.g. {@code acc = a + b * L}
     * @param parameters all parameters, {@code s, i} first
     * @param method     the fit's method line
     */
    TwoStageLaw(String kind, String stage2, List<String> parameters, String method) {
        super(kind, LossStage.FORMULA + "; stage 2: " + stage2, parameters);
        this.parameters = parameters;
        this.method = method;
    }

    /** Fits stage 2 to the observed loss {@code l} and accuracy {@code acc}, stage 1 being {@code loss}. */
    abstract OptimizeResult fitStage2(Fitting.Line loss, double[] l, double[] acc);

    /** Stage 2's accuracy at loss {@code l}. */
    abstract double accuracy(double[] params, double l);

    @Override
    public String unusable(double[] row) {
        return LossStage.unusable(row);
    }

    @Override
    public OptimizeResult fit(double[][] rows) {
        OptimizeResult failure = Fitting.precheck(this, rows, method);
        if (failure != null) {
            return failure;
        }
        Fitting.Line loss;
        try {
            loss = LossStage.fit(rows);
        } catch (IllegalArgumentException e) {
            return LawSupport.failure(parameters.size(), method, "not fitted: stage 1: " + e.getMessage());
        }
        double[] l = new double[rows.length];
        double[] acc = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            l[k] = rows[k][1];
            acc[k] = rows[k][2];
        }
        return fitStage2(loss, l, acc);
    }

    @Override
    public int minimumRows() {
        return parameters.size();
    }

    @Override
    public double predict(double[] params, double[] row) {
        return accuracy(params, LossStage.loss(params[0], params[1], row[0]));
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
        return LossStage.axisLabel(inputTexts);
    }

    @Override
    public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
        return LossStage.curve(params[0], params[1], l -> accuracy(params, l), xMin, xMax);
    }
}
