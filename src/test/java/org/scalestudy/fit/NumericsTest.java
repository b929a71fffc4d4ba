package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Huber, LogSumExp, FastExp, FiniteDifference, Grid. */
class NumericsTest {
    @Test
    void huberIsQuadraticThenLinear() {
        double d = 1e-3;
        // inside: r^2 / 2 = 0.5 * 3.6e-7
        assertEquals(1.8e-7, Huber.value(6e-4, d), 1e-20);
        assertEquals(2e-4, Huber.derivative(2e-4, d), 0);
        // outside: delta (|r| - delta/2) = 1e-3 * (0.05 - 0.0005)
        assertEquals(1e-3 * 0.0495, Huber.value(-0.05, d), 1e-18);
        assertEquals(-1e-3, Huber.derivative(-0.05, d), 0);
        assertEquals(1e-3, Huber.derivative(7, d), 0);
        // continuous at the threshold: both formulas give delta^2 / 2
        assertEquals(0.5 * d * d, Huber.value(d, d), 1e-22);
        assertEquals(Huber.value(Math.nextUp(d), d), Huber.value(d, d), 1e-18);
        // summed, not averaged
        assertEquals(Huber.value(0.1, d) + Huber.value(-2e-4, d), Huber.sum(new double[] {0.1, -2e-4}, d), 0);
    }

    @Test
    void logSumExpIsStable() {
        // log(e^1000 + e^1000) = 1000 + log 2, which exp() alone would overflow
        assertEquals(1000 + Math.log(2), LogSumExp.of(1000, 1000), 1e-12);
        // log(e^-1000 + e^-1001) = -1000 + log(1 + 1/e)
        assertEquals(-1000 + Math.log1p(Math.exp(-1)), LogSumExp.of(-1000, -1001), 1e-12);
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), LogSumExp.of(1, 2, 3), 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of());
        assertTrue(Double.isNaN(LogSumExp.of(1, Double.NaN)));
        double[] w = new double[3];
        double v = LogSumExp.withWeights(new double[] {1, 2, 3}, w);
        assertEquals(LogSumExp.of(1, 2, 3), v, 0);
        // softmax weights: exp(z_i - lse), summing to 1
        assertEquals(1, w[0] + w[1] + w[2], 1e-15);
        assertEquals(Math.exp(2 - v), w[1], 1e-15);
        double[] big = {800, 800};
        assertEquals(800 + Math.log(2), LogSumExp.withWeights(big, big), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, big, 0, "weights may overwrite the input");
    }

    @Test
    void fastExpIsWithinTwoUlpOfStrictMath() {
        Random random = new Random(42);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = (random.nextDouble() - 0.5) * 1400;
            double exact = StrictMath.exp(x);
            worst = Math.max(worst, Math.abs(FastExp.exp(x) - exact) / Math.ulp(exact));
        }
        for (int i = 0; i < 100_000; i++) {
            double x = (random.nextDouble() - 0.5) * 2; // where the polynomial does the work
            double exact = StrictMath.exp(x);
            worst = Math.max(worst, Math.abs(FastExp.exp(x) - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
        assertEquals(1.0, FastExp.exp(0), 0);
        assertEquals(Math.E, FastExp.exp(1), Math.ulp(Math.E));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(1000), 0);
        assertEquals(0.0, FastExp.exp(-1000), 0);
        assertEquals(StrictMath.exp(-705), FastExp.exp(-705), 0, "outside the fast range it is StrictMath");
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
    }

    @Test
    void finiteDifferencesMatchAnalyticGradients() {
        // f = x^2 y + sin y: gradient (2xy, x^2 + cos y)
        Objective f = FiniteDifference.central(2, p -> p[0] * p[0] * p[1] + Math.sin(p[1]));
        double[] g = new double[2];
        double v = f.valueAndGradient(new double[] {1.5, -0.7}, g);
        assertEquals(1.5 * 1.5 * -0.7 + Math.sin(-0.7), v, 0);
        assertEquals(2 * 1.5 * -0.7, g[0], 1e-9);
        assertEquals(1.5 * 1.5 + Math.cos(-0.7), g[1], 1e-9);
        assertEquals(v, f.value(new double[] {1.5, -0.7}), 0);
    }

    @Test
    void gridsAreInclusiveAndOrderedLikeItertoolsProduct() {
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, Grid.steps(0, 2, 0.5), 0);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, Grid.steps(-1, 1, 0.5), 0);
        // 0.1 steps: each value computed as from + k*step, the last one included despite rounding
        assertEquals(11, Grid.steps(0, 1, 0.1).length);
        List<double[]> product = Grid.cartesian(new double[] {1, 2}, new double[] {10, 20, 30});
        assertEquals(6, product.size());
        // the first axis varies slowest
        assertArrayEquals(new double[] {1, 10}, product.get(0), 0);
        assertArrayEquals(new double[] {1, 20}, product.get(1), 0);
        assertArrayEquals(new double[] {2, 30}, product.get(5), 0);
        assertThrows(IllegalArgumentException.class, () -> Grid.steps(0, 1, 0));
    }

    @Test
    void boundsValidateAndProject() {
        Bounds b = Bounds.of(new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {1, 3});
        assertArrayEquals(new double[] {1, -50}, b.project(new double[] {7, -50}), 0);
        assertTrue(b.contains(new double[] {0, 3}));
        assertThrows(IllegalArgumentException.class, () -> Bounds.of(new double[] {2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Bounds.of(new double[] {Double.NaN}, new double[] {1}));
    }
}
