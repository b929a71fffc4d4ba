package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsbTest {
    /** Rosenbrock's banana in n dimensions: sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2; minimum 0 at (1, ..., 1). */
    static final class Rosenbrock implements Objective {
        private final int n;

        Rosenbrock(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            java.util.Arrays.fill(g, 0);
            double f = 0;
            for (int i = 0; i + 1 < n; i++) {
                double u = x[i + 1] - x[i] * x[i];
                double v = 1 - x[i];
                f += 100 * u * u + v * v;
                g[i] += -400 * u * x[i] - 2 * v;
                g[i + 1] += 200 * u;
            }
            return f;
        }
    }

    /** sum (x_i - c_i)^2 * w_i. */
    static Objective quadratic(double[] c, double[] w) {
        return new Objective() {
            @Override
            public int dimension() {
                return c.length;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < c.length; i++) {
                    f += w[i] * (x[i] - c[i]) * (x[i] - c[i]);
                    g[i] = 2 * w[i] * (x[i] - c[i]);
                }
                return f;
            }
        };
    }

    @Test
    void rosenbrockFromTheClassicStart() {
        // (-1.2, 1) is the textbook start; the only minimum is (1, 1) with value 0
        OptimizeResult m = Lbfgsb.defaults().minimize(new Rosenbrock(2), new double[] {-1.2, 1}, Bounds.unbounded(2));
        assertTrue(m.converged(), m.message());
        assertEquals(1, m.x()[0], 1e-7);
        assertEquals(1, m.x()[1], 1e-7);
        assertTrue(m.objective() < 1e-14, "value " + m.objective());
        assertTrue(m.iterations() < 100, "iterations " + m.iterations());
        assertTrue(m.evaluations() >= m.iterations() + 1, "every iteration evaluates at least once, plus the start");
    }

    @Test
    void rosenbrockInTenDimensions() {
        // the n-dimensional banana also has its only minimum at (1, ..., 1) from this start
        double[] start = new double[10];
        for (int i = 0; i < start.length; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        OptimizeResult m = Lbfgsb.defaults().minimize(new Rosenbrock(10), start, Bounds.unbounded(10));
        assertTrue(m.converged(), m.message());
        for (double v : m.x()) {
            assertEquals(1, v, 1e-6);
        }
        assertTrue(m.gradientNorm() < 1e-6, "gradient " + m.gradientNorm());
    }

    @Test
    void boundedQuadraticStopsOnTheBounds() {
        // unconstrained optimum (2, -3, 0.5, 7); box [0,1] x [-1,1] x R x [-inf, 10]: the first two
        // coordinates are clipped to the nearest bound (1 and -1), the others are free
        Objective f = quadratic(new double[] {2, -3, 0.5, 7}, new double[] {1, 3, 2, 0.5});
        Bounds box = Bounds.of(new double[] {0, -1, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {1, 1, Double.POSITIVE_INFINITY, 10});
        OptimizeResult m = Lbfgsb.defaults().minimize(f, new double[] {0.5, 0.5, 0, 0}, box);
        assertTrue(m.converged(), m.message());
        assertEquals(1.0, m.x()[0], 0.0, "exactly on the upper bound");
        assertEquals(-1.0, m.x()[1], 0.0, "exactly on the lower bound");
        assertEquals(0.5, m.x()[2], 1e-9);
        assertEquals(7, m.x()[3], 1e-9);
        // value: 1*(1-2)^2 + 3*(-1+3)^2 = 1 + 12 = 13
        assertEquals(13, m.objective(), 1e-12);
        // the gradient (-2, -12, 0, 0) points out of the box at the active bounds: projected norm ~0
        assertTrue(m.gradientNorm() < 1e-9, "projected gradient " + m.gradientNorm());
    }

    @Test
    void startOutsideTheBoxIsProjected() {
        // minimum of (x - 5)^2 on [-1, 2] is the bound 2, whatever the start
        Objective f = quadratic(new double[] {5}, new double[] {1});
        OptimizeResult m = Lbfgsb.defaults().minimize(f, new double[] {-40}, Bounds.of(new double[] {-1}, new double[] {2}));
        assertEquals(2.0, m.x()[0], 0.0);
        assertTrue(m.converged(), m.message());
    }

    @Test
    void rosenbrockWithTheOptimumCutOffByABound() {
        // with x0 <= 0.5 the constrained minimum is at x0 = 0.5, x1 = 0.25 (x1 = x0^2 zeroes the first term)
        Bounds box = Bounds.of(new double[] {-5, -5}, new double[] {0.5, 5});
        OptimizeResult m = Lbfgsb.defaults().minimize(new Rosenbrock(2), new double[] {-1.2, 1}, box);
        assertTrue(m.converged(), m.message());
        assertEquals(0.5, m.x()[0], 0.0);
        assertEquals(0.25, m.x()[1], 1e-8);
        // value (1 - 0.5)^2 = 0.25
        assertEquals(0.25, m.objective(), 1e-12);
    }

    @Test
    void reportsTheIterationLimit() {
        // 3 iterations cannot solve Rosenbrock from (-1.2, 1)
        OptimizeResult m = Lbfgsb.defaults().withMaxIterations(3).minimize(new Rosenbrock(2), new double[] {-1.2, 1},
                Bounds.unbounded(2));
        assertFalse(m.converged());
        assertEquals(3, m.iterations());
        assertTrue(m.message().contains("limit of 3 iterations"), m.message());
    }

    @Test
    void reportsANonFiniteStart() {
        // log(x) is undefined at -1: nothing to do but say so
        Objective log = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = 1 / x[0];
                return Math.log(x[0]);
            }
        };
        OptimizeResult m = Lbfgsb.defaults().minimize(log, new double[] {-1}, Bounds.unbounded(1));
        assertFalse(m.converged());
        assertTrue(m.message().contains("not finite"), m.message());
    }

    @Test
    void backsOffWhereTheObjectiveIsUndefined() {
        // f = x - 2 log(x) is defined for x > 0 and minimal at x = 2; big steps towards 0 give NaN
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = 1 - 2 / x[0];
                return x[0] - 2 * Math.log(x[0]);
            }
        };
        OptimizeResult m = Lbfgsb.defaults().minimize(f, new double[] {30}, Bounds.unbounded(1));
        assertTrue(m.converged(), m.message());
        assertEquals(2, m.x()[0], 1e-8);
    }

    @Test
    void settings() {
        // scipy: factr 1e7 times machine epsilon, pgtol 1e-5
        assertEquals(1e7 * Math.ulp(1.0), Lbfgsb.scipyDefaults().ftol(), 0);
        assertEquals(1e-5, Lbfgsb.scipyDefaults().pgtol(), 0);
        assertEquals(10, Lbfgsb.defaults().memory());
        assertEquals(1e-15, Lbfgsb.defaults().ftol(), 0);
        assertThrows(IllegalArgumentException.class, () -> Lbfgsb.defaults().withMemory(0));
        assertThrows(IllegalArgumentException.class,
                () -> Lbfgsb.defaults().minimize(new Rosenbrock(2), new double[] {1, 2, 3}, Bounds.unbounded(2)));
    }

    @Test
    void projectedGradientNormFollowsScipy() {
        // at the lower bound an outward (positive) gradient does not count; inside it counts fully;
        // at the upper bound a negative gradient does not count
        double[] lo = {0, 0, 0};
        double[] hi = {1, 1, 1};
        assertEquals(0, Bounds.projectedGradientNorm(new double[] {0, 0.5, 1}, new double[] {5, 0, -7}, lo, hi), 0);
        assertEquals(0.3, Bounds.projectedGradientNorm(new double[] {0, 0.5, 1}, new double[] {5, 0.3, -7}, lo, hi),
                0);
        // inside, a gradient larger than the distance to the bound is cut to that distance (scipy's projgr)
        assertEquals(0.25, Bounds.projectedGradientNorm(new double[] {0.25}, new double[] {4}, new double[] {0},
                new double[] {1}), 0);
    }
}
