package org.scalestudy.results;

/**
 * One row in a fit's scope.
 *
 * @param id        the run's id (the data's {@code run} column, else {@code row N})
 * @param role      what the run is to the fit
 * @param x         the chart's x value (e.g. compute)
 * @param observed  the observed value (e.g. accuracy, loss)
 * @param predicted the law's prediction (NaN when the law cannot predict this row)
 * @param note      why a row is excluded ("" otherwise), e.g. {@code outside fit window}
 * @param interval  for a held-out run, the prediction interval of its observation (null otherwise, and when
 *                  the law has no back-tests to size one)
 */
public record RunRow(String id, Role role, double x, double observed, double predicted, String note,
                     Interval interval) {
    /** A row without an interval. */
    public RunRow(String id, Role role, double x, double observed, double predicted, String note) {
        this(id, role, x, observed, predicted, note, null);
    }

    /** This row with a prediction interval. */
    public RunRow withInterval(Interval newInterval) {
        return new RunRow(id, role, x, observed, predicted, note, newInterval);
    }
}
