package org.scalestudy.results;

/**
 * A fitted parameter, with its bootstrap percentile interval (NaN when the fit has no bootstrap).
 *
 * @param onBound       the bound of the search the value ended on ({@code "lower"} or {@code "upper"}), or
 *                      {@code ""}: a value on a bound was stopped by it, not found by the data
 * @param standardError the asymptotic standard error of a least-squares fit, from the Jacobian at the
 *                      optimum; NaN for other fits, and for a value on a bound
 */
public record ParameterValue(String name, double value, double low, double high, String onBound,
                             double standardError) {
    public ParameterValue(String name, double value) {
        this(name, value, Double.NaN, Double.NaN, "", Double.NaN);
    }

    /** A parameter without a standard error. */
    public ParameterValue(String name, double value, double low, double high, String onBound) {
        this(name, value, low, high, onBound, Double.NaN);
    }
}
