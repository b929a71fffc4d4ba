package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.scalestudy.fit.OptimizeResult;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The closed-form laws equal the normal-equation solution {@code beta = (X'X)^-1 X'y}, computed here
 * independently (Commons Math's LU on X'X; the laws use a centred QR solve), on noisy data.
 */
class NormalEquationsTest {
    /** Relative agreement required. */
    private static final double TOLERANCE = 1e-10;

    /** (X'X)^-1 X'y by LU on the normal equations. */
    static double[] normalEquations(double[][] x, double[] y) {
        RealMatrix design = new Array2DRowRealMatrix(x, false);
        RealMatrix xtx = design.transpose().multiply(design);
        return new LUDecomposition(xtx).getSolver().solve(design.transpose().operate(new ArrayRealVector(y, false)))
                .toArray();
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.abs(expected), what);
    }

    @Test
    void directPowerIsOrdinaryLeastSquares() {
        // Eq. 2 on 9 noisy accuracies (sd 0.01, r = 0.25): z = log(-log Q) = log A - alpha log C.
        // With X = [1, log C], cond(X'X) is about 5e5, so the normal equations keep about 11 digits (they
        // agree with the law's centred QR to ~1e-13 here): 1e-10 relative is a fair bar
        Random random = new Random(20250101);
        double[][] rows = new double[9][];
        double[][] x = new double[9][];
        double[] z = new double[9];
        for (int i = 0; i < 9; i++) {
            double c = Math.pow(10, 18 + 0.5 * i);
            double acc = 0.25 + 0.75 * Math.exp(-45 * Math.pow(c, -0.07)) + 0.01 * random.nextGaussian();
            rows[i] = new double[] {c, acc, 0.25};
            x[i] = new double[] {1, Math.log(c)};
            z[i] = Math.log(-Math.log((acc - 0.25) / 0.75));
        }
        double[] beta = normalEquations(x, z);
        OptimizeResult fit = new DirectPower().bind(Map.of()).fit(rows);
        assertRelative(Math.exp(beta[0]), fit.x()[0], "A = exp(beta0)");
        assertRelative(-beta[1], fit.x()[1], "alpha = -beta1");
        assertRelative(rss(x, z, beta), fit.objective(), "residual sum of squares");
    }

    @Test
    void passAtKIsOrdinaryLeastSquares() {
        // Eq. 5 on the 63-row ladder with score noise sd 0.005: z = b0 + b1 u + b2 v + b3 u v, u = log C,
        // v = log k. The raw columns (u ~ 46, u v up to 210) give cond(X'X) ~ 1e7, and the small delta
        // then comes out of the normal equations to only ~1e-10; so here X is built from centred u and v
        // (1, u - U, v - V, (u - U)(v - V): the same column space, so the same least-squares fit) and the
        // coefficients are expanded back to the raw ones:
        // b3 = c3, b2 = c2 - c3 U, b1 = c1 - c3 V, b0 = c0 - c1 U - c2 V + c3 U V
        double[][] rows = PassAtKTest.ladder(0.005, 20250101);
        int n = rows.length;
        double mu = 0;
        double mv = 0;
        for (double[] row : rows) {
            mu += Math.log(row[0]) / n;
            mv += Math.log(row[1]) / n;
        }
        double[][] x = new double[n][];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double du = Math.log(rows[i][0]) - mu;
            double dv = Math.log(rows[i][1]) - mv;
            x[i] = new double[] {1, du, dv, du * dv};
            z[i] = Math.log(-Math.log(rows[i][2]));
        }
        double[] c = normalEquations(x, z);
        double logA = c[0] - c[1] * mu - c[2] * mv + c[3] * mu * mv;
        OptimizeResult fit = new PassAtK().bind(Map.of()).fit(rows);
        double[] p = fit.x();
        assertRelative(logA, Math.log(p[0]), "log A");
        assertRelative(c[1] - c[3] * mv, p[1], "alpha");
        assertRelative(c[2] - c[3] * mu, p[2], "beta");
        assertRelative(c[3], p[3], "delta");
        assertRelative(rss(x, z, c), fit.objective(), "residual sum of squares");
    }

    @Test
    void twoStageLinearIsTwoOrdinaryLeastSquares() {
        // both stages are straight lines; each must equal its own 2 x 2 normal equations
        double[][] rows = TwoStageLinearTest.ladder(0.005, 0.01, 20250101);
        int n = rows.length;
        double[][] x1 = new double[n][];
        double[] y1 = new double[n];
        double[][] x2 = new double[n][];
        double[] y2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = new double[] {1, Math.log(rows[i][0])};
            y1[i] = Math.log(rows[i][1]);
            x2[i] = new double[] {1, rows[i][1]};
            y2[i] = rows[i][2];
        }
        double[] loss = normalEquations(x1, y1);
        double[] acc = normalEquations(x2, y2);
        OptimizeResult fit = new TwoStageLinear().bind(Map.of()).fit(rows);
        double[] p = fit.x();
        assertRelative(loss[1], p[0], "s");
        assertRelative(loss[0], p[1], "i");
        assertRelative(acc[0], p[2], "a");
        assertRelative(acc[1], p[3], "b");
        assertRelative(rss(x2, y2, acc), fit.objective(), "stage 2 residual sum of squares");
    }

    private static double rss(double[][] x, double[] y, double[] beta) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i];
            for (int j = 0; j < beta.length; j++) {
                r -= x[i][j] * beta[j];
            }
            sum += r * r;
        }
        return sum;
    }
}
