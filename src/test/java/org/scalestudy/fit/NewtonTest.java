package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewtonTest {
    /** f = (x - 3)^2 + 10 (y + 2)^2 + (x - 3)(y + 2): a convex quadratic with its minimum 0 at (3, -2). */
    private static final Objective QUADRATIC = new Objective() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double u = p[0] - 3;
            double v = p[1] + 2;
            g[0] = 2 * u + v;
            g[1] = 20 * v + u;
            return u * u + 10 * v * v + u * v;
        }
    };

    /** Rosenbrock's function, minimum 0 at (1, 1). */
    private static final Objective ROSENBROCK = new Objective() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            g[0] = -400 * x * (y - x * x) - 2 * (1 - x);
            g[1] = 200 * (y - x * x);
            return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
        }
    };

    @Test
    void aQuadraticIsSolvedByItsFirstStep() {
        // the central-difference Hessian of a quadratic's gradient is exact up to rounding, so the first
        // full step lands on (3, -2); the next cannot lower the objective
        OptimizeResult m = Newton.defaults().minimize(QUADRATIC, new double[] {10, 7}, Bounds.unbounded(2));
        assertEquals(3, m.x()[0], 1e-9);
        assertEquals(-2, m.x()[1], 1e-9);
        assertTrue(m.objective() < 1e-18, "value " + m.objective());
        assertTrue(m.converged(), m.message());
        assertTrue(m.iterations() <= 2, "iterations " + m.iterations());
    }

    @Test
    void rosenbrockFromNearbyConvergesToTheMinimum() {
        // Newton converges quadratically once near (1, 1): to the last digits from a point 0.1 away
        OptimizeResult m = Newton.defaults().minimize(ROSENBROCK, new double[] {0.9, 0.85}, Bounds.unbounded(2));
        assertEquals(1, m.x()[0], 1e-9);
        assertEquals(1, m.x()[1], 1e-9);
        assertTrue(m.objective() < 1e-20, "value " + m.objective());
        assertTrue(m.converged(), m.message());
    }

    @Test
    void aBoundHoldsAVariableWhereTheGradientPushesOut() {
        // the quadratic's minimum x = 3 lies outside x <= 1: x stays at the bound, and y is the best
        // for x = 1, i.e. 20 (y + 2) + (1 - 3) = 0, y = -1.9; the projected gradient is then zero
        Bounds box = Bounds.of(new double[] {-5, -5}, new double[] {1, 5});
        OptimizeResult m = Newton.defaults().minimize(QUADRATIC, new double[] {0, 0}, box);
        assertEquals(1, m.x()[0], 0);
        assertEquals(-1.9, m.x()[1], 1e-9);
        assertTrue(m.gradientNorm() < 1e-9, "projected gradient " + m.gradientNorm());
    }

    @Test
    void finishesWhatLbfgsLeavesOnASummedHuberLoss() {
        // Huber(delta) of y - (a + b t) summed over a line with one residual pinned near the kink: L-BFGS
        // with tight tolerances stops a little above the minimum; Newton, from there, gets no higher and
        // brings the gradient down to rounding
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = {0.1, 1.2, 1.9, 3.3, 3.9, 5.2, 5.8, 7.3};
        double delta = 0.05;
        Objective huber = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                double f = 0;
                g[0] = 0;
                g[1] = 0;
                for (int i = 0; i < t.length; i++) {
                    double r = y[i] - p[0] - p[1] * t[i];
                    f += Huber.value(r, delta);
                    double h = Huber.derivative(r, delta);
                    g[0] -= h;
                    g[1] -= h * t[i];
                }
                return f;
            }
        };
        OptimizeResult polished = Lbfgsb.defaults().minimize(huber, new double[] {0, 0}, Bounds.unbounded(2));
        OptimizeResult finished = Newton.defaults().minimize(huber, polished.x(), Bounds.unbounded(2));
        assertTrue(finished.objective() <= polished.objective());
        assertTrue(finished.gradientNorm() <= Math.max(1e-15, polished.gradientNorm()),
                finished.gradientNorm() + " vs " + polished.gradientNorm());
        assertTrue(finished.converged(), finished.message());
    }

    @Test
    void aNonFiniteStartIsReported() {
        Objective nan = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                g[0] = Double.NaN;
                return Double.NaN;
            }
        };
        OptimizeResult m = Newton.defaults().minimize(nan, new double[] {1}, Bounds.unbounded(1));
        assertFalse(m.converged());
        assertTrue(m.message().contains("not finite"), m.message());
        assertThrows(IllegalArgumentException.class, () -> new Newton(0));
    }
}
