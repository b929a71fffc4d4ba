package org.scalestudy.fit;

import java.util.function.ToDoubleFunction;

/**
 * An {@link Objective} whose gradient is approximated by central differences of a value-only
 * function ({@code 2n + 1} evaluations per gradient, step {@code eps^(1/3) max(1, |x_i|)}). For
 * functions without analytic derivatives, and as a baseline. The function may be evaluated up to one
 * step outside any bounds. Thread-safe when the function is.
 */
public final class FiniteDifference implements Objective {
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private final int dimension;
    private final ToDoubleFunction<double[]> function;

    private FiniteDifference(int dimension, ToDoubleFunction<double[]> function) {
        this.dimension = dimension;
        this.function = function;
    }

    public static FiniteDifference central(int dimension, ToDoubleFunction<double[]> function) {
        return new FiniteDifference(dimension, function);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] x) {
        return function.applyAsDouble(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double[] probe = x.clone();
        for (int i = 0; i < dimension; i++) {
            double h = STEP * Math.max(1, Math.abs(x[i]));
            probe[i] = x[i] + h;
            double up = function.applyAsDouble(probe);
            probe[i] = x[i] - h;
            double down = function.applyAsDouble(probe);
            probe[i] = x[i];
            gradient[i] = (up - down) / (2 * h);
        }
        return function.applyAsDouble(x);
    }
}
