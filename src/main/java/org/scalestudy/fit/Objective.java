package org.scalestudy.fit;

import java.util.List;

/**
 * A smooth function of {@link #dimension()} real variables to minimise, with an analytic gradient.
 *
 * <p>Implementations used with {@link MultiStart} are called from several threads at once and must
 * therefore be safe for concurrent calls: keep the data immutable and do not share scratch arrays
 * between calls. Neither method may keep or modify {@code x}.
 *
 * <p>Objectives that sum a loss over data points should return the <em>sum</em>, not the mean:
 * the minimisers' tolerances are tuned for objectives of natural size (see {@link Lbfgsb}).
 */
public interface Objective {
    /** The number of variables. */
    int dimension();

    /** The objective's value at {@code x}; NaN or an infinity marks a point outside the domain. */
    default double value(double[] x) {
        return valueAndGradient(x, new double[dimension()]);
    }

    /**
     * The objective's value at {@code x}, writing its gradient into {@code gradient} (of length
     * {@link #dimension()}, owned by the caller, contents on entry undefined).
     */
    double valueAndGradient(double[] x, double[] gradient);

    /**
     * The values at many points (a grid of starts, say), each exactly what {@link #value} gives there, or NaN where
     * it throws. An objective whose points share work (grid points repeat coordinates) overrides it to do that work
     * once per call.
     */
    default double[] values(List<double[]> points) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = value(points.get(i));
            } catch (RuntimeException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
