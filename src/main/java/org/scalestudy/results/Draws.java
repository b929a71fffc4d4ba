package org.scalestudy.results;

import java.util.Arrays;

/**
 * The parameters of every bootstrap resample of a fit, in resample order, kept with the fit so that whatever
 * else needs them (the decisions' winner shares) reuses them instead of refitting. A failed refit's draw holds
 * non-finite values. Compared by value (IEEE bits, so NaN equals NaN), unlike a bare array.
 *
 * @param parameters how many parameters each draw holds
 * @param values     draw {@code b}'s parameter {@code p} at {@code b * parameters + p}
 */
public record Draws(int parameters, double[] values) {
    /** No draws (a fit without a bootstrap, or an outcome that did not keep them). */
    public static final Draws NONE = new Draws(0, new double[0]);

    public Draws {
        if (parameters < 0 || (parameters == 0 ? values.length != 0 : values.length % parameters != 0)) {
            throw new IllegalArgumentException(values.length + " values are not whole draws of " + parameters);
        }
    }

    /** The draws of {@code rows} (each as long as the first; an empty array gives {@link #NONE}). */
    public static Draws of(double[][] rows) {
        if (rows.length == 0) {
            return NONE;
        }
        int k = rows[0].length;
        double[] values = new double[rows.length * k];
        for (int b = 0; b < rows.length; b++) {
            if (rows[b].length != k) {
                throw new IllegalArgumentException("draw " + b + " has " + rows[b].length + " values, not " + k);
            }
            System.arraycopy(rows[b], 0, values, b * k, k);
        }
        return new Draws(k, values);
    }

    /** How many resamples were drawn. */
    public int count() {
        return parameters == 0 ? 0 : values.length / parameters;
    }

    /** Every draw as its own array, in resample order (copies). */
    public double[][] rows() {
        double[][] out = new double[count()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = Arrays.copyOfRange(values, b * parameters, (b + 1) * parameters);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Draws d && d.parameters == parameters && Arrays.equals(d.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * parameters + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Draws[" + count() + " of " + parameters + "]";
    }
}
