package org.scalestudy.fit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Ordinary least squares for a linear model {@code y = X beta}: minimises {@code |y - X beta|^2} in
 * closed form by a Householder QR decomposition of {@code X} (Commons Math), after scaling each
 * column to unit length so that rank deficiency is judged independently of the columns' units.
 */
public final class LeastSquares {
    /** Columns whose scaled QR pivot falls below this are taken as linearly dependent. */
    public static final double RANK_TOLERANCE = 1e-10;

    private LeastSquares() {
    }

    /**
     * @param coefficients        beta, one per column of X
     * @param residuals           y - X beta, one per row
     * @param residualSumOfSquares sum of squared residuals
     */
    public record Solution(double[] coefficients, double[] residuals, double residualSumOfSquares) {
        public Solution {
            coefficients = coefficients.clone();
            residuals = residuals.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        @Override
        public double[] residuals() {
            return residuals.clone();
        }
    }

    /**
     * Fits {@code y = X beta}.
     *
     * @param design X, one row per observation (rows x columns, rows >= columns >= 1)
     * @param y      the observations
     * @throws IllegalArgumentException when the shapes disagree, a value is not finite, or the
     *                                  columns of X are linearly dependent (the fit is not unique)
     */
    public static Solution fit(double[][] design, double[] y) {
        int rows = design.length;
        if (rows != y.length) {
            throw new IllegalArgumentException("design has " + rows + " rows, y has " + y.length);
        }
        if (rows == 0 || design[0].length == 0) {
            throw new IllegalArgumentException("empty design matrix");
        }
        int cols = design[0].length;
        if (rows < cols) {
            throw new IllegalArgumentException(cols + " coefficients need at least " + cols + " rows, got " + rows);
        }
        double[] scale = new double[cols];
        for (int i = 0; i < rows; i++) {
            if (design[i].length != cols) {
                throw new IllegalArgumentException("design row " + i + " has " + design[i].length + " columns, not "
                        + cols);
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] is not finite: " + y[i]);
            }
            for (int j = 0; j < cols; j++) {
                double v = design[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("design[" + i + "][" + j + "] is not finite: " + v);
                }
                scale[j] = Math.hypot(scale[j], v);
            }
        }
        double[][] scaled = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            if (scale[j] == 0) {
                throw new IllegalArgumentException("column " + j + " of the design is all zero");
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                scaled[i][j] = design[i][j] / scale[j];
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(scaled, false);
        DecompositionSolver solver = new QRDecomposition(x, RANK_TOLERANCE).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("the columns of the design are linearly dependent");
        }
        double[] beta = solver.solve(new ArrayRealVector(y, false)).toArray();
        for (int j = 0; j < cols; j++) {
            beta[j] /= scale[j];
        }
        double[] residuals = new double[rows];
        double rss = 0;
        for (int i = 0; i < rows; i++) {
            double fitted = 0;
            for (int j = 0; j < cols; j++) {
                fitted += design[i][j] * beta[j];
            }
            residuals[i] = y[i] - fitted;
            rss += residuals[i] * residuals[i];
        }
        return new Solution(beta, residuals, rss);
    }
}
