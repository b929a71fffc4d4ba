package org.scalestudy.law;

import org.scalestudy.fit.OptimizeResult;
import java.util.List;
import java.util.Map;
import org.scalestudy.results.CurvePoint;

/**
 * What the two-stage laws share: rows {@code {inputs..., loss, y}}; stage 1 (a {@link LossModel}: {@code log L =
 * s log C + i} for {@code two_stage_linear} and {@code two_stage_logistic}, the Chinchilla form in N and D for
 * {@code two_stage_chinchilla}) fits the loss, stage 2 the accuracy from the observed loss; a prediction chains
 * them. The parameters start with stage 1's; the law needs a row per parameter.
 */
abstract class TwoStageLaw extends NamedLaw {
    private final List<String> parameters;
    private final String method;
    final LossModel stage1;

    /**
     * @param stage1     stage 1
     * @param stage2     stage 2's formula, e.g. {@code acc = a + b * L}
     * @param parameters all parameters, stage 1's first
     * @param method     the fit's method line
     */
    TwoStageLaw(String kind, LossModel stage1, String stage2, List<String> parameters, String method) {
        super(kind, stage1.formula() + "; stage 2: " + stage2, parameters);
        this.parameters = parameters;
        this.method = method;
        this.stage1 = stage1;
    }

    /** Fits stage 2 to the observed loss {@code l} and accuracy {@code acc}, stage 1 being {@code loss}. */
    abstract OptimizeResult fitStage2(LossModel.Fit loss, double[] l, double[] acc);

    /** Stage 2's accuracy at loss {@code l}. */
    abstract double accuracy(double[] params, double l);

    @Override
    public String unusable(double[] row) {
        return stage1.unusable(row);
    }

    @Override
    public OptimizeResult fit(double[][] rows) {
        return fit(rows, null);
    }

    /** A refit runs stage 1's whole search again, as the fit does ({@link Law#refit}). */
    @Override
    public OptimizeResult refit(double[][] rows, double[] fitted) {
        return fit(rows, fitted);
    }

    private OptimizeResult fit(double[][] rows, double[] fitted) {
        OptimizeResult failure = Fitting.precheck(this, rows, method);
        if (failure != null) {
            return failure;
        }
        LossModel.Fit loss;
        try {
            loss = stage1.fit(rows, fitted);
        } catch (IllegalArgumentException e) {
            return LawSupport.failure(parameters.size(), method, "not fitted: stage 1: " + e.getMessage());
        }
        int at = stage1.inputs();
        double[] l = new double[rows.length];
        double[] acc = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            l[k] = rows[k][at];
            acc[k] = rows[k][at + 1];
        }
        return fitStage2(loss, l, acc);
    }

    @Override
    public int minimumRows() {
        return parameters.size();
    }

    @Override
    public double predict(double[] params, double[] row) {
        return accuracy(params, stage1.loss(params, row));
    }

    @Override
    public double observed(double[] row) {
        return row[stage1.inputs() + 1];
    }

    @Override
    public double axis(double[] row) {
        return stage1.axis(row);
    }

    @Override
    public String axisLabel(Map<String, String> inputTexts) {
        return stage1.axisLabel(inputTexts);
    }

    @Override
    public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
        return stage1.curve(params, rows, xMin, xMax, l -> accuracy(params, l));
    }
}
