package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardErrorsTest {
    /** A straight line y = a + b x as residuals; its standard errors have a closed form. */
    static Residuals line(double[] x, double[] y) {
        return new Residuals() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public int count() {
                return x.length;
            }

            @Override
            public double scale() {
                return 1;
            }

            @Override
            public void residuals(double[] p, double[] r, double[][] j) {
                for (int i = 0; i < x.length; i++) {
                    r[i] = y[i] - (p[0] + p[1] * x[i]);
                    if (j != null) {
                        j[i][0] = -1;
                        j[i][1] = -x[i];
                    }
                }
            }
        };
    }

    @Test
    void aStraightLineHasTheTextbookStandardErrors() {
        // y = 1 + 2x + e at x = 1..5 with e = (0.1, -0.2, 0.1, 0.1, -0.1) (mean 0). Least squares: mean x = 3,
        // Sxx = 10, b = 2 + sum (x - 3) e / Sxx = 2 + (-0.2 + 0.2 + 0 + 0.1 - 0.2) / 10 = 1.99,
        // a = mean y - 3 b = 7 - 5.97 = 1.03; s^2 = RSS / 3; se(b) = s / sqrt(Sxx), se(a) = s sqrt(1/5 + 9/10).
        double[] x = {1, 2, 3, 4, 5};
        double[] e = {0.1, -0.2, 0.1, 0.1, -0.1};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 1 + 2 * x[i] + e[i];
        }
        double a = 1.03;
        double b = 1.99;
        double rss = 0;
        for (int i = 0; i < 5; i++) {
            double r = y[i] - a - b * x[i];
            rss += r * r;
        }
        double s = Math.sqrt(rss / 3);
        double[] se = StandardErrors.of(line(x, y), new double[] {a, b}, new String[] {"", ""});
        assertEquals(s * Math.sqrt(1.0 / 5 + 9.0 / 10), se[0], 1e-14);
        assertEquals(s / Math.sqrt(10), se[1], 1e-14);
    }

    @Test
    void noneOnABoundWithoutDegreesOfFreedomOrWhenUndetermined() {
        double[] x = {1, 2, 3};
        double[] y = {1, 2.5, 2.9};
        double[] onBound = StandardErrors.of(line(x, y), new double[] {0, 1}, new String[] {"lower", ""});
        // a held on its bound: no error for it; b alone has 2 degrees of freedom
        assertTrue(Double.isNaN(onBound[0]));
        assertTrue(onBound[1] > 0);
        // two rows, two parameters: no degrees of freedom
        double[] exact = StandardErrors.of(line(new double[] {1, 2}, new double[] {1, 2}), new double[] {0, 1},
                new String[] {"", ""});
        assertTrue(Double.isNaN(exact[0]) && Double.isNaN(exact[1]));
        // every x equal: the slope is not determined by the data (J is rank deficient)
        double[] flat = StandardErrors.of(line(new double[] {2, 2, 2}, y), new double[] {0, 1}, new String[] {"", ""});
        assertTrue(Double.isNaN(flat[0]) && Double.isNaN(flat[1]));
    }
}
