package org.scalestudy.results;

/**
 * A fitted parameter, with its bootstrap percentile interval (NaN when the fit has no bootstrap).
 */
public record ParameterValue(String name, double value, double low, double high) {
    public ParameterValue(String name, double value) {
        this(name, value, Double.NaN, Double.NaN);
    }
}
