package org.scalestudy.law;

import org.scalestudy.fit.Residuals;

/**
 * Nonlinear least squares for a model of one variable, {@code y ~ m(theta, x)}: the objective
 * {@code sum_i (y_i - m(theta, x_i))^2} (summed) with its analytic gradient
 * {@code -2 sum_i r_i dm/dtheta}; as {@link Residuals}, {@code r_i = y_i - m(theta, x_i)} with Jacobian
 * {@code -dm/dtheta}, for Levenberg-Marquardt. Immutable and thread-safe when the model is.
 */
final class SquaredError implements Residuals {
    /** A model with its parameter gradient. Implementations are stateless. */
    interface Model {
        int dimension();

        /** {@code m(theta, x)}, writing {@code dm/dtheta} into {@code gradient} when it is not null. */
        double value(double[] theta, double x, double[] gradient);
    }

    private final Model model;
    private final double[] x;
    private final double[] y;

    SquaredError(Model model, double[] x, double[] y) {
        this.model = model;
        this.x = x.clone();
        this.y = y.clone();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public int count() {
        return x.length;
    }

    @Override
    public double scale() {
        double norm = 0;
        for (double v : y) {
            norm = Math.hypot(norm, v);
        }
        return norm;
    }

    @Override
    public void residuals(double[] theta, double[] r, double[][] jacobian) {
        double[] dm = jacobian == null ? null : new double[model.dimension()];
        for (int i = 0; i < x.length; i++) {
            r[i] = y[i] - model.value(theta, x[i], dm);
            if (jacobian != null) {
                for (int j = 0; j < dm.length; j++) {
                    jacobian[i][j] = -dm[j];
                }
            }
        }
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        int n = model.dimension();
        java.util.Arrays.fill(gradient, 0);
        double[] dm = new double[n];
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - model.value(theta, x[i], dm);
            f += r * r;
            for (int j = 0; j < n; j++) {
                gradient[j] -= 2 * r * dm[j];
            }
        }
        return f;
    }
}
