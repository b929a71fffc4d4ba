package org.scalestudy.results;

/**
 * An interval around a prediction, named for what it claims.
 *
 * @param kind  {@code prediction}: where a new run's observation at that x will fall, sized by the law's own
 *              back-tests ({@link PredictionSummary}); {@code confidence}: where the fitted curve lies (bootstrap)
 * @param level the share of cases it claims to contain, e.g. 0.9
 * @param low   its lower end
 * @param high  its upper end
 */
public record Interval(String kind, double level, double low, double high) {
    public static final String PREDICTION = "prediction";

    /** Whether {@code value} lies inside (ends included). */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
