package org.scalestudy.fit;

/**
 * A least-squares objective given by its residuals: {@code f(x) = sum_i r_i(x)^2} over {@link #count()}
 * residuals, with their Jacobian {@code J[i][j] = d r_i / d x_j}. As an {@link Objective} it is that sum
 * (with gradient {@code 2 J'r}), so every {@link Minimizer} can minimise it; {@link LevenbergMarquardt}
 * uses the residuals themselves.
 *
 * <p>Implementations are immutable and safe for concurrent calls, as {@link Objective}s must be.
 */
public interface Residuals extends Objective {
    /** The number of residuals. */
    int count();

    /**
     * Writes the residuals at {@code x} into {@code r} (length {@link #count()}) and, when
     * {@code jacobian} is not null, their derivatives into {@code jacobian[i][j]} ({@link #count()} rows
     * of {@link #dimension()}). Non-finite values mark a point outside the model's domain.
     */
    void residuals(double[] x, double[] r, double[][] jacobian);

    /**
     * How large the quantities are that each residual is the difference of, as one Euclidean norm
     * (typically the norm of the observations in the space the residuals are taken in, weights applied).
     * The rounding error of the residual vector is about machine epsilon times this, which is as small as
     * a residual vector can be told apart from zero: {@link LevenbergMarquardt}'s convergence test
     * allows for it, so that a model fitting its data to the last digit still counts as converged.
     */
    double scale();

    @Override
    default double valueAndGradient(double[] x, double[] gradient) {
        int m = count();
        int n = dimension();
        double[] r = new double[m];
        double[][] jacobian = new double[m][n];
        residuals(x, r, jacobian);
        java.util.Arrays.fill(gradient, 0);
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += r[i] * r[i];
            for (int j = 0; j < n; j++) {
                gradient[j] += 2 * r[i] * jacobian[i][j];
            }
        }
        return sum;
    }

    @Override
    default double value(double[] x) {
        double[] r = new double[count()];
        residuals(x, r, null);
        double sum = 0;
        for (double v : r) {
            sum += v * v;
        }
        return sum;
    }
}
