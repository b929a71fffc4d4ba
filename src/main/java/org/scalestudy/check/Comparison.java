package org.scalestudy.check;

import java.util.List;

/**
 * One decision to make from a fit: the groups of one law that differ only in one {@code by} column (the
 * choices, e.g. the datasets) and agree on the others (the context, e.g. {@code task=arc_easy}), ranked by the
 * law's prediction at each target. Made from a {@code compare} clause; evaluated by {@code run.Decisions}.
 *
 * @param law          the law's name
 * @param dataset      the dataset's name
 * @param column       the compared column
 * @param context      the other group columns' values, e.g. {@code task=arc_easy}; "" when there are none
 * @param line         the line of the {@code compare} clause
 * @param preferHigher whether a higher prediction is the better choice
 * @param targets      where the choices are compared, in clause order
 * @param choices      one per value of the column, in the order the fits are listed
 */
public record Comparison(String law, String dataset, String column, String context, int line,
                         boolean preferHigher, List<Target> targets, List<Choice> choices) {

    /**
     * Where to compare.
     *
     * @param label the target as written, e.g. {@code params == 1.4e9} or {@code 1e22}
     * @param x     a value of the law's x for a forecast; NaN when the target is a condition selecting runs
     */
    public record Target(String label, double x) {
        public boolean selectsRuns() {
            return Double.isNaN(x);
        }
    }

    /**
     * One choice: its fit, and per target the rows of that fit the target selects.
     *
     * @param value the compared column's value, e.g. {@code c4_original}
     * @param task  the fit of this law to this choice's group
     * @param rows  per target, positions in {@code task.rows()} the condition selects (empty for a forecast)
     */
    public record Choice(String value, FitTask task, List<int[]> rows) { }
}
