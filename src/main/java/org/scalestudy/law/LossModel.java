package org.scalestudy.law;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.fit.OptimizeResult;

/**
 * Stage 1 of a two-stage law ({@link TwoStageLaw}): the loss from a row's leading inputs. A row is
 * {@code {inputs..., L, acc}}; the model's parameters come first in the law's. Two models:
 * {@link LossStage#POWER} ({@code log L = s log C + i}, the Krajewski et al. two-stage route) and
 * {@link ChinchillaLoss} ({@code L = E + A/N^alpha + B/D^beta}, the two-step route of Bhagia et al. 2024).
 */
interface LossModel {
    /** The stage's formula, e.g. {@code stage 1: log L = s * log C + i}. */
    String formula();

    /** How many inputs precede the loss in a row. */
    int inputs();

    /** How many parameters the stage has (the first of the law's). */
    int parameters();

    /** Why a whole row {@code {inputs..., L, acc}} cannot be fitted, or null. */
    String unusable(double[] row);

    /**
     * Fits the stage to usable rows.
     *
     * @param fitted the original fit's parameters for a refit (a bootstrap resample, a back-test), else null
     * @throws IllegalArgumentException when the rows cannot determine the stage
     */
    Fit fit(double[][] rows, double[] fitted);

    /** The stage's loss for a row, from the law's parameters. */
    double loss(double[] params, double[] row);

    /** The chart's x of a row. */
    double axis(double[] row);

    String axisLabel(Map<String, String> inputTexts);

    /** The curve of {@code accuracy(loss)} over the chart's axis. */
    List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax, DoubleUnaryOperator accuracy);

    /**
     * A fitted stage 1.
     *
     * @param params         its parameters
     * @param standardErrors theirs (NaN where none)
     * @param description    what the law's message says of it
     * @param search         its search, when it is one (null for a closed form)
     */
    record Fit(double[] params, double[] standardErrors, String description, OptimizeResult search) { }
}
