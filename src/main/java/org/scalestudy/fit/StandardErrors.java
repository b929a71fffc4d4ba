package org.scalestudy.fit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Asymptotic standard errors of a least-squares fit: the square roots of the diagonal of
 * {@code s^2 (J'J)^-1}, with {@code J} the Jacobian of the residuals at the optimum and
 * {@code s^2 = |r|^2 / (m - k)} the residual variance on {@code m - k} degrees of freedom (the
 * definition NIST's StRD certifies its standard deviations by). {@code (J'J)^-1} comes from a singular
 * value decomposition of {@code J} with its columns scaled to unit length, never from the normal
 * equations.
 *
 * <p>A parameter on a bound of the search is held there: it gets no standard error (NaN) and does not
 * count among the {@code k} estimated ones. All are NaN when there are no degrees of freedom left, a
 * value is not finite, or {@code J} is rank deficient (a singular value below {@link #RANK_TOLERANCE} of
 * the largest): then some combination of parameters is not determined by the data.
 */
public final class StandardErrors {
    /** Scaled singular values below this fraction of the largest count as zero. */
    public static final double RANK_TOLERANCE = 1e-13;

    private StandardErrors() {
    }

    /**
     * @param onBound per parameter, {@code "lower"}, {@code "upper"} or {@code ""} (as {@link Bounds#active})
     */
    public static double[] of(Residuals f, double[] x, String[] onBound) {
        int n = f.dimension();
        int m = f.count();
        double[] se = new double[n];
        java.util.Arrays.fill(se, Double.NaN);
        int[] free = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (onBound[j].isEmpty()) {
                free[k++] = j;
            }
        }
        if (k == 0 || m <= k) {
            return se;
        }
        double[] r = new double[m];
        double[][] jac = new double[m][n];
        f.residuals(x, r, jac);
        double rss = 0;
        for (double v : r) {
            rss += v * v;
        }
        double[][] a = new double[m][k];
        double[] scale = new double[k];
        for (int q = 0; q < k; q++) {
            for (int i = 0; i < m; i++) {
                scale[q] = Math.hypot(scale[q], jac[i][free[q]]);
            }
            if (!(scale[q] > 0) || !Double.isFinite(scale[q])) {
                return se;
            }
            for (int i = 0; i < m; i++) {
                a[i][q] = jac[i][free[q]] / scale[q];
            }
        }
        if (!Double.isFinite(rss)) {
            return se;
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        double[] s = svd.getSingularValues();
        if (s.length < k || !(s[k - 1] > RANK_TOLERANCE * s[0])) {
            return se;
        }
        double[][] v = svd.getV().getData();
        double variance = rss / (m - k);
        for (int q = 0; q < k; q++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double w = v[q][c] / s[c];
                sum += w * w;
            }
            se[free[q]] = Math.sqrt(variance * sum) / scale[q];
        }
        return se;
    }
}
