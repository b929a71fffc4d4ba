package org.scalestudy.fit;

/**
 * The Huber loss: {@code r^2 / 2} for {@code |r| <= delta}, else {@code delta (|r| - delta / 2)};
 * quadratic near zero, linear (robust to outliers) beyond {@code delta}. Continuous with a
 * continuous first derivative.
 */
public final class Huber {
    private Huber() {
    }

    public static double value(double r, double delta) {
        double a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    /** d/dr of {@link #value}: {@code r} inside {@code [-delta, delta]}, else {@code delta * sign(r)}. */
    public static double derivative(double r, double delta) {
        if (r > delta) {
            return delta;
        }
        if (r < -delta) {
            return -delta;
        }
        return r;
    }

    /** The loss summed (not averaged) over residuals. */
    public static double sum(double[] residuals, double delta) {
        double total = 0;
        for (double r : residuals) {
            total += value(r, delta);
        }
        return total;
    }
}
