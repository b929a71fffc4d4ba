package org.scalestudy.results;

import java.util.List;

/**
 * A joint fit ({@code share p across column}): the groups of one law that differ only in {@code column}, fitted
 * together with the {@code shared} parameters held equal, and what their other parameters say about each other.
 *
 * @param law         the law's name
 * @param dataset     the dataset's name
 * @param column      the column the groups differ in, e.g. {@code dataset}
 * @param context     the other {@code by} columns' values, e.g. {@code task=arc_easy}; "" when none
 * @param shared      the shared parameters, sorted
 * @param line        the line of the fit statement
 * @param reference   the value of {@code column} the multipliers are relative to (the first group's)
 * @param multipliers one per group, in the order the fits are listed
 */
public record SharedFit(String law, String dataset, String column, String context, List<String> shared, int line,
                        String reference, List<Multiplier> multipliers) {

    /**
     * A group's effective-compute multiplier against the reference: how many times the reference's compute it
     * needs to reach the same predicted value (above 1: it needs more, so the reference is the better choice).
     *
     * @param value      the group's value of the column
     * @param group      its group key
     * @param multiplier the multiplier; NaN when the law's shared parameters do not give one
     * @param low        its 2.5th percentile over joint bootstrap resamples (every group resampled, refitted
     *                   together); NaN without a bootstrap
     * @param high       its 97.5th percentile
     */
    public record Multiplier(String value, String group, double multiplier, double low, double high) { }
}
