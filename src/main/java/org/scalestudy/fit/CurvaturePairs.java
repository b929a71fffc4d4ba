package org.scalestudy.fit;

import static org.scalestudy.fit.Vectors.axpy;
import static org.scalestudy.fit.Vectors.dot;

/**
 * The memory of {@link Lbfgsb}: the last {@code m} curvature pairs {@code s = x_new - x, y = g_new - g}, and the
 * two-loop recursion that multiplies a vector by the inverse-Hessian approximation they define (Nocedal and
 * Wright, algorithm 7.4, initial scaling {@code s'y / y'y} of the newest pair). Mutable; one per minimisation.
 */
final class CurvaturePairs {
    private static final double EPS = Math.ulp(1.0);

    private final int m;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alphas;
    private int stored;
    private int newest = -1;

    CurvaturePairs(int m, int n) {
        this.m = m;
        s = new double[m][n];
        y = new double[m][n];
        rho = new double[m];
        alphas = new double[m];
    }

    boolean isEmpty() {
        return stored == 0;
    }

    /** Forgets every pair: the next direction is steepest descent. */
    void clear() {
        stored = 0;
    }

    /** Keeps the pair from {@code (x, g)} to {@code (xNew, gNew)} when {@code s'y > eps y'y}, over the oldest when full. */
    void store(double[] x, double[] xNew, double[] g, double[] gNew) {
        int n = x.length;
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double si = xNew[i] - x[i];
            double yi = gNew[i] - g[i];
            sy += si * yi;
            yy += yi * yi;
        }
        if (sy > EPS * yy) {
            int slot = (newest + 1) % m;
            for (int i = 0; i < n; i++) {
                s[slot][i] = xNew[i] - x[i];
                y[slot][i] = gNew[i] - g[i];
            }
            rho[slot] = 1.0 / sy;
            newest = slot;
            stored = Math.min(stored + 1, m);
        }
    }

    /** {@code d := H d} in place, H the inverse-Hessian approximation (at least one pair must be stored). */
    void multiply(double[] d) {
        int k = newest;
        for (int j = 0; j < stored; j++) {
            double a = rho[k] * dot(s[k], d);
            alphas[k] = a;
            axpy(-a, y[k], d);
            k = (k == 0 ? m : k) - 1;
        }
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        for (int i = 0; i < d.length; i++) {
            d[i] *= gamma;
        }
        k = (newest - stored + 1 + m) % m;
        for (int j = 0; j < stored; j++) {
            double b = rho[k] * dot(y[k], d);
            axpy(alphas[k] - b, s[k], d);
            k = (k + 1) % m;
        }
    }
}
