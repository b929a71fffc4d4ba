package org.scalestudy.law;

import java.util.List;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * A law bound to its options. A "row" here is a {@code double[]} holding the law's INPUT
 * arguments for one data row, in the order of {@link LawKind#args()} (options skipped).
 * Implementations are immutable and thread-safe.
 */
public interface Law {
    /** The {@link LawKind#name()} it came from. */
    String kind();

    /** Plain-text formula, e.g. {@code -log Q = A * C^(-alpha), Q = (acc - r)/(1 - r)}. */
    String formula();

    /** Parameter names in the order of every {@code double[] params}. */
    List<String> parameterNames();

    /** Why this row cannot be used to fit (e.g. "acc within 5% of baseline"), or null if it can. */
    String unusable(double[] row);

    /**
     * Fits the law to these rows (all usable). Must not throw on a well-formed input of at
     * least {@link #minimumRows()} rows; failure to converge is reported in the result.
     */
    OptimizeResult fit(double[][] rows);

    /**
     * Fits again, on a resample of the rows (or a narrower fit window), knowing the original fit's
     * parameters: what the bootstrap and the fit-window sweep call. It must search as {@link #fit} does,
     * so that the intervals describe the fitting procedure the study declares, not the basin of the
     * original optimum (a warm start from {@code fitted} can stop in a worse local optimum on a resample;
     * {@code ChinchillaBootstrapBench} measures how often on Epoch AI's data). A law may run that search on
     * the calling thread, since resamples already run in parallel. By default the fit itself.
     */
    default OptimizeResult refit(double[][] rows, double[] fitted) {
        return fit(rows);
    }

    /** The fewest rows a fit needs. */
    int minimumRows();

    /** The law's prediction of {@link #observed(double[])} for this row. */
    double predict(double[] params, double[] row);

    /** The observed value of this row that predictions are compared with (accuracy, loss). */
    double observed(double[] row);

    /** The chart's x value of this row (compute, usually). */
    double axis(double[] row);

    /**
     * The chart's x-axis label, given the source text the study bound to each INPUT argument
     * (by argument name), e.g. {@code C} or {@code 6 * N * D}.
     */
    String axisLabel(java.util.Map<String, String> inputTexts);

    /**
     * The fitted curve for the chart over {@code [xMin, xMax]} on a log grid (about 60 points per
     * series), one series per distinct setting of inputs other than the axis when the law has
     * more than one (e.g. one per tokens-per-parameter ratio for a law in N and D).
     *
     * @param rows the rows in the fit's scope, to find those settings
     */
    List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax);

    /**
     * For a loss law in model size N and tokens D: the allocation of compute {@code C = 6 N D} that
     * minimises the predicted loss; null for every other law (the default).
     */
    default Allocation computeOptimal(double[] params, double compute) {
        return null;
    }
}
