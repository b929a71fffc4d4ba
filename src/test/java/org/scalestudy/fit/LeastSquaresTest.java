package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    @Test
    void exactDataIsFitExactly() {
        // y = 3 - 2 x1 + 0.5 x2 exactly: OLS returns those coefficients and zero residuals
        double[][] x = {{1, 0, 1}, {1, 1, 4}, {1, 2, 9}, {1, 3, 16}, {1, 5, -2}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i][0] - 2 * x[i][1] + 0.5 * x[i][2];
        }
        LeastSquares.Solution s = LeastSquares.fit(x, y);
        assertEquals(3, s.coefficients()[0], 1e-13);
        assertEquals(-2, s.coefficients()[1], 1e-13);
        assertEquals(0.5, s.coefficients()[2], 1e-13);
        assertEquals(0, s.residualSumOfSquares(), 1e-24);
    }

    @Test
    void straightLineMatchesTheTextbookFormula() {
        // slope = Sxy / Sxx, intercept = ybar - slope xbar: the normal equations of y = b0 + b1 x
        Random random = new Random(7);
        int n = 30;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            double xi = 40 + random.nextDouble() * 10; // badly centred on purpose, like log C
            x[i] = new double[] {1, xi};
            y[i] = 1.5 - 0.3 * xi + random.nextGaussian() * 0.1;
            sx += xi;
            sy += y[i];
        }
        double xbar = sx / n;
        double ybar = sy / n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i][1] - xbar) * (y[i] - ybar);
            sxx += (x[i][1] - xbar) * (x[i][1] - xbar);
        }
        double slope = sxy / sxx;
        double intercept = ybar - slope * xbar;
        LeastSquares.Solution s = LeastSquares.fit(x, y);
        assertEquals(intercept, s.coefficients()[0], 1e-10 * Math.abs(intercept));
        assertEquals(slope, s.coefficients()[1], 1e-10 * Math.abs(slope));
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i][1];
            rss += r * r;
            assertEquals(r, s.residuals()[i], 1e-10);
        }
        assertEquals(rss, s.residualSumOfSquares(), 1e-10 * rss);
    }

    @Test
    void refusesUndeterminedFits() {
        // the second column is twice the first: no unique solution
        double[][] collinear = {{1, 2}, {2, 4}, {3, 6}};
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.fit(collinear, new double[] {1, 2, 3}));
        // fewer rows than coefficients
        assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.fit(new double[][] {{1, 2}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.fit(new double[][] {{1, Double.NaN}, {1, 2}}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.fit(new double[][] {{1, 0}, {1, 0}}, new double[] {1, 2}));
    }
}
