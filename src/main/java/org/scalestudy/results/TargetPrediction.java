package org.scalestudy.results;

/**
 * The law's prediction at a target the study names ({@code predict 1e23}).
 *
 * @param series   the curve series it lies on ("" for a law with one curve, e.g. {@code D/N = 20})
 * @param x        the target, on the chart's axis (e.g. compute)
 * @param low      the lower end of the bootstrap's confidence interval of the curve there (NaN without one)
 * @param high     its upper end
 * @param interval the prediction interval of a run at the target (null when the law has no back-tests)
 */
public record TargetPrediction(String series, double x, double predicted, double low, double high,
                               Interval interval) {
    /** A target without a prediction interval. */
    public TargetPrediction(String series, double x, double predicted, double low, double high) {
        this(series, x, predicted, low, high, null);
    }

    /** This target with a prediction interval. */
    public TargetPrediction withInterval(Interval newInterval) {
        return new TargetPrediction(series, x, predicted, low, high, newInterval);
    }
}
