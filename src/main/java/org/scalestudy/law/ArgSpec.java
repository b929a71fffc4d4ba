package org.scalestudy.law;

/**
 * One argument a law accepts in a study, e.g. {@code direct_power(x: C, y: acc, baseline: 0.25)}.
 *
 * @param name         the argument's name as written in the study
 * @param kind         INPUT: an expression over data columns, evaluated per row;
 *                     OPTION: a constant number fixed for the whole fit
 * @param description  one line for diagnostics and docs
 * @param defaultValue the value when the study omits it; null makes the argument required.
 *                     For an INPUT the default is a constant for every row.
 */
public record ArgSpec(String name, Kind kind, String description, Double defaultValue) {
    public enum Kind { INPUT, OPTION }

    public boolean required() {
        return defaultValue == null;
    }

    public static ArgSpec input(String name, String description) {
        return new ArgSpec(name, Kind.INPUT, description, null);
    }

    public static ArgSpec input(String name, String description, double defaultValue) {
        return new ArgSpec(name, Kind.INPUT, description, defaultValue);
    }

    public static ArgSpec option(String name, String description, double defaultValue) {
        return new ArgSpec(name, Kind.OPTION, description, defaultValue);
    }
}
