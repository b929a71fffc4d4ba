package org.scalestudy.fit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The damped Gauss-Newton step over the free parameters: {@code p = D^-1 q} with {@code q} minimising
 * {@code |J D^-1 q + r|^2 + mu |q|^2}, i.e. {@code q = -V diag(s / (s^2 + mu)) U'r} from the SVD
 * {@code J D^-1 = U S V'}, which is computed once per Jacobian and serves every {@code mu}: the step of
 * {@link LevenbergMarquardt}.
 */
final class DampedStep {
    /** Scaled singular values below this fraction of the largest are left out of a step. */
    private static final double RANK = 1e-15;

    final double[] s;
    final double[] utr;
    final double[][] v;
    final double[] scale;
    final int k;

    DampedStep(double[][] jac, double[] r, double[] diag, int[] free, int k) {
        int m = r.length;
        this.k = k;
        this.scale = new double[k];
        double[][] a = new double[m][k];
        for (int q = 0; q < k; q++) {
            scale[q] = diag[free[q]];
            for (int i = 0; i < m; i++) {
                a[i][q] = jac[i][free[q]] / scale[q];
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(a, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(matrix);
        s = svd.getSingularValues();
        double[][] u = svd.getU().getData();
        v = svd.getV().getData();
        utr = new double[s.length];
        for (int c = 0; c < s.length; c++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += u[i][c] * r[i];
            }
            utr[c] = sum;
        }
    }

    /** Whether the last {@link #solve} took the Gauss-Newton step (mu = 0). */
    boolean gaussNewton;

    /** |q(mu)|^2 for the damped step q(mu) = -V diag(s / (s^2 + mu)) U'r. */
    double norm2(double mu) {
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            if (usable(c)) {
                double w = s[c] * utr[c] / (s[c] * s[c] + mu);
                sum += w * w;
            }
        }
        return sum;
    }

    /** d |q(mu)|^2 / d mu. */
    double slope(double mu) {
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            if (usable(c)) {
                double d = s[c] * s[c] + mu;
                sum -= 2 * s[c] * s[c] * utr[c] * utr[c] / (d * d * d);
            }
        }
        return sum;
    }

    /** Singular values below the rank tolerance are left out of the Gauss-Newton step. */
    boolean usable(int c) {
        return s[c] > RANK * s[0];
    }

    /**
     * The step in the free parameters, unscaled, whose scaled length is at most about {@code delta}:
     * the Gauss-Newton step when it is that short, else the damped step with {@code |q(mu)|} within
     * 10% of {@code delta} (Moré's {@code lmpar}, solved by safeguarded Newton steps on
     * {@code 1/delta - 1/|q(mu)|}, with the SVD in place of MINPACK's QR).
     */
    double[] solve(double delta) {
        double mu = 0;
        gaussNewton = Math.sqrt(norm2(0)) <= 1.1 * delta;
        if (!gaussNewton) {
            double gradient = 0; // |A'r|, so that |q(mu)| <= |A'r| / mu
            for (int c = 0; c < s.length; c++) {
                gradient = Math.hypot(gradient, s[c] * utr[c]);
            }
            double low = 0;
            double high = gradient / delta;
            mu = Math.max(high * 1e-3, Double.MIN_NORMAL);
            for (int it = 0; it < 40; it++) {
                double norm = Math.sqrt(norm2(mu));
                if (Math.abs(norm - delta) <= 0.1 * delta || high - low <= 1e-15 * high) {
                    break;
                }
                if (norm > delta) {
                    low = mu;
                } else {
                    high = mu;
                }
                // Newton on psi(mu) = 1/delta - 1/|q|: psi' = (d|q|^2/dmu) / (2 |q|^3)
                double psi = 1 / delta - 1 / norm;
                double dpsi = slope(mu) / (2 * norm * norm * norm);
                double next = mu - psi / dpsi;
                mu = next > low && next < high ? next : Math.max(Math.sqrt(Math.max(low, 1e-300) * high),
                        low + 1e-3 * (high - low));
            }
        }
        double[] p = new double[k];
        for (int c = 0; c < s.length; c++) {
            if (!usable(c)) {
                continue;
            }
            double w = -s[c] * utr[c] / (s[c] * s[c] + mu);
            for (int q = 0; q < k; q++) {
                p[q] += v[q][c] * w;
            }
        }
        for (int q = 0; q < k; q++) {
            p[q] /= scale[q];
        }
        return p;
    }
}
