package org.scalestudy.fit;

import java.util.Arrays;

/**
 * A box {@code lower[i] <= x[i] <= upper[i]}; either side may be infinite. Immutable.
 */
public final class Bounds {
    private final double[] lower;
    private final double[] upper;

    private Bounds(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * @throws IllegalArgumentException when the lengths differ, a bound is NaN, or a lower bound
     *                                  exceeds its upper bound
     */
    public static Bounds of(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("bounds have " + lower.length + " lower and " + upper.length
                    + " upper values");
        }
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException("bad bounds for variable " + i + ": [" + lower[i] + ", "
                        + upper[i] + "]");
            }
        }
        return new Bounds(lower.clone(), upper.clone());
    }

    /** No bounds in any of {@code n} variables. */
    public static Bounds unbounded(int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Bounds(lo, hi);
    }

    public int dimension() {
        return lower.length;
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    public double[] lower() {
        return lower.clone();
    }

    public double[] upper() {
        return upper.clone();
    }

    /** Clamps {@code x} into the box, in place, and returns it. */
    public double[] project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return x;
    }

    /** Whether {@code x} lies in the box. */
    public boolean contains(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Bounds[");
        for (int i = 0; i < lower.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return sb.append(']').toString();
    }

    /**
     * The active-set test every minimiser here shares: whether a variable at {@code x}, with the
     * objective's gradient {@code g} there, sits on a bound of {@code [lo, hi]} that the gradient pushes it
     * out of (descent would leave the box). A projected method holds such a variable for the iteration;
     * a first-order test leaves it out.
     */
    public static boolean held(double x, double g, double lo, double hi) {
        return (x <= lo && g > 0) || (x >= hi && g < 0);
    }

    /**
     * The infinity norm of the projected gradient, as scipy's L-BFGS-B {@code projgr}: each component of
     * {@code g} cut to the distance {@code x} can move against it before meeting a bound.
     */
    public static double projectedGradientNorm(double[] x, double[] g, double[] lo, double[] hi) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            norm = Math.max(norm, Math.abs(projected(x[i], g[i], lo[i], hi[i])));
        }
        return norm;
    }

    /** Component {@code g} of the projected gradient at {@code x} in {@code [lo, hi]}. */
    static double projected(double x, double g, double lo, double hi) {
        return g < 0 ? Math.max(x - hi, g) : Math.min(x - lo, g);
    }

    /** Within this relative distance of a finite bound, a value counts as on it. */
    public static final double ON_BOUND = 1e-8;

    /**
     * Which bound each value of {@code x} sits on: {@code "lower"}, {@code "upper"} or {@code ""},
     * within {@link #ON_BOUND} relative to {@code max(1, |bound|)}. A projected optimiser stops
     * exactly on an active bound, so the tolerance only absorbs rounding.
     */
    public String[] active(double[] x) {
        String[] sides = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            sides[i] = near(x[i], lower[i]) ? "lower" : near(x[i], upper[i]) ? "upper" : "";
        }
        return sides;
    }

    private static boolean near(double value, double bound) {
        return Double.isFinite(bound) && Math.abs(value - bound) <= ON_BOUND * Math.max(1, Math.abs(bound));
    }
}
