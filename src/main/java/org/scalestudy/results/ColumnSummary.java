package org.scalestudy.results;

/**
 * A column's range. For text columns min and max are NaN and {@code distinct} counts values.
 *
 * @param name     column name
 * @param numeric  true when every value is a number
 * @param derived  true when the study computed it ({@code let})
 * @param min      smallest finite value (NaN for text)
 * @param max      largest finite value (NaN for text)
 * @param distinct number of distinct values
 */
public record ColumnSummary(String name, boolean numeric, boolean derived, double min, double max, int distinct) {
}
