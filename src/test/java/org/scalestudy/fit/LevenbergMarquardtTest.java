package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {
    static final LevenbergMarquardt LM = LevenbergMarquardt.defaults();

    /** Rosenbrock as residuals: r = (10 (x2 - x1^2), 1 - x1), minimum 0 at (1, 1). */
    static final Residuals ROSENBROCK = new Residuals() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int count() {
            return 2;
        }

        @Override
        public double scale() {
            return 1;
        }

        @Override
        public void residuals(double[] x, double[] r, double[][] j) {
            r[0] = 10 * (x[1] - x[0] * x[0]);
            r[1] = 1 - x[0];
            if (j != null) {
                j[0][0] = -20 * x[0];
                j[0][1] = 10;
                j[1][0] = -1;
                j[1][1] = 0;
            }
        }
    };

    /** Misra1a's data (NIST StRD), y = b1 (1 - exp(-b2 x)), with b2 in units of {@code unit}. */
    static Residuals misra(double unit) {
        double[] x = {77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0};
        double[] y = {10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47,
            81.78};
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
                return 200;
            }

            @Override
            public void residuals(double[] b, double[] r, double[][] j) {
                for (int i = 0; i < x.length; i++) {
                    double e = Math.exp(-b[1] * unit * x[i]);
                    r[i] = y[i] - b[0] * (1 - e);
                    if (j != null) {
                        j[i][0] = -(1 - e);
                        j[i][1] = -b[0] * unit * x[i] * e;
                    }
                }
            }
        };
    }

    @Test
    void rosenbrockFromTheClassicStart() {
        OptimizeResult m = LM.minimize(ROSENBROCK, new double[] {-1.2, 1}, Bounds.unbounded(2));
        // a zero-residual problem: the exact minimum (1, 1) to rounding
        assertTrue(m.converged(), m.message());
        assertEquals(1, m.x()[0], 1e-12);
        assertEquals(1, m.x()[1], 1e-12);
        assertEquals(0, m.objective(), 1e-24);
    }

    @Test
    void boundsAreHonoured() {
        // With x1 <= 0.5 the minimum of 100 (x2 - x1^2)^2 + (1 - x1)^2 is at x1 = 0.5, x2 = x1^2 = 0.25,
        // where the sum of squares is (1 - 0.5)^2 = 0.25; the gradient there pushes x1 outwards only.
        Bounds box = Bounds.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {0.5, Double.POSITIVE_INFINITY});
        OptimizeResult m = LM.minimize(ROSENBROCK, new double[] {-1.2, 1}, box);
        assertTrue(m.converged(), m.message());
        assertEquals(0.5, m.x()[0]);
        assertEquals(0.25, m.x()[1], 1e-12);
        assertEquals(0.25, m.objective(), 1e-12);
        assertEquals(List.of("upper", ""), List.of(box.active(m.x())));
    }

    @Test
    void theStepsDoNotDependOnAParametersUnits() {
        // Misra1a from NIST's start 1 (b1 = 500, b2 = 1e-4) reaches the certified b2 = 5.5015643181e-4; with
        // b2 measured in units of 1e-6 (start 100) the Jacobian scaling makes it the same problem: the same
        // optimum in the new units, in as many iterations up to the last few, which run at the rounding level
        // where the two problems' arithmetic differs.
        OptimizeResult plain = LM.minimize(misra(1), new double[] {500, 1e-4}, Bounds.unbounded(2));
        OptimizeResult micro = LM.minimize(misra(1e-6), new double[] {500, 100}, Bounds.unbounded(2));
        assertTrue(plain.converged() && micro.converged(), plain.message() + " / " + micro.message());
        assertEquals(2.3894212918E+02, plain.x()[0], 2.3894212918E+02 * 1e-9);
        assertEquals(5.5015643181E-04, plain.x()[1], 5.5015643181E-04 * 1e-9);
        assertEquals(5.5015643181E+02, micro.x()[1], 5.5015643181E+02 * 1e-9);
        assertTrue(Math.abs(plain.iterations() - micro.iterations()) <= 3, plain.iterations() + " vs "
                + micro.iterations());
    }

    @Test
    void lbfgsStallsOnUnscaledParametersAndIsToldSoWhileScaledItReachesTheOptimum() {
        // The example: plain L-BFGS-B from Misra1a's start 1 moves b1 by steps sized for it and
        // b2 (4 orders of magnitude smaller) hardly at all, and stops far off; it must not say converged.
        OptimizeResult plain = Lbfgsb.defaults().minimize(misra(1), new double[] {500, 1e-4}, Bounds.unbounded(2));
        assertTrue(Math.abs(plain.x()[1] - 5.5015643181E-04) > 0.01 * 5.5015643181E-04, plain.message());
        assertFalse(plain.converged(), plain.message());
        OptimizeResult scaled = new ScaledMinimizer(Lbfgsb.defaults()).minimize(misra(1), new double[] {500, 1e-4},
                Bounds.unbounded(2));
        assertEquals(5.5015643181E-04, scaled.x()[1], 5.5015643181E-04 * 1e-6, scaled.message());
        assertEquals(2.3894212918E+02, scaled.x()[0], 2.3894212918E+02 * 1e-6, scaled.message());
    }

    @Test
    void aPointThatIsNotStationaryIsStoppedWithItsReason() {
        OptimizeResult m = new LevenbergMarquardt(1e-8, 2, 100).minimize(misra(1), new double[] {500, 1e-4},
                Bounds.unbounded(2));
        assertFalse(m.converged());
        assertTrue(m.message().startsWith("stopped: reached the limit of 2 iterations; scaled gradient "),
                m.message());
        assertTrue(m.message().contains("gradient norm") && m.message().contains("2 iterations"), m.message());
        // where the exponential has saturated (b2 = 1: exp(-b2 x) is 0 at every x), b2's column of the
        // Jacobian vanishes and no step can move it: stopped, never "converged" 100% off
        OptimizeResult saturated = LM.minimize(misra(1), new double[] {500, 1}, Bounds.unbounded(2));
        assertFalse(saturated.converged(), saturated.message());
        assertTrue(saturated.message().startsWith("stopped: "), saturated.message());
    }

    @Test
    void aParameterWithoutEffectIsNotConverged() {
        // From b2 = 10, exp(-b2 x) underflows to exactly 0 at every x >= 77.6: b2's Jacobian column is 0 and
        // every first-order test passes trivially, with b1 at its best value for a constant model; b2 is not
        // determined by anything, so the fit must say stopped, and why.
        OptimizeResult m = LM.minimize(misra(1), new double[] {500, 10}, Bounds.unbounded(2));
        assertFalse(m.converged(), m.message());
        assertTrue(m.message().startsWith("stopped: variable 2 has no effect on the residuals here"), m.message());
    }

    @Test
    void isTypedOnResiduals() throws NoSuchMethodException {
        // it minimises Residuals only, and its type says so: handing it a plain Objective does not compile
        java.lang.reflect.ParameterizedType type =
                (java.lang.reflect.ParameterizedType) LevenbergMarquardt.class.getGenericInterfaces()[0];
        assertEquals(Minimizer.class, type.getRawType());
        assertEquals(Residuals.class, type.getActualTypeArguments()[0]);
        assertEquals("minimize", LevenbergMarquardt.class.getMethod("minimize", Residuals.class, double[].class,
                Bounds.class).getName());
    }

    @Test
    void residualsAreAnObjectiveWithTheSumOfSquaresAndItsGradient() {
        double[] g = new double[2];
        // at (0, 0): r = (0, 1), J = [[0, 10], [-1, 0]]; f = 1, gradient 2 J'r = (-2, 0)
        assertEquals(1, ROSENBROCK.valueAndGradient(new double[] {0, 0}, g));
        assertEquals(-2, g[0]);
        assertEquals(0, g[1]);
        assertEquals(1, ROSENBROCK.value(new double[] {0, 0}));
    }

    @Test
    void aMultiStartOfLevenbergMarquardtCountsTheStartsThatAgree() {
        OptimizeResult r = new MultiStart<>(LM).run(misra(1), List.of(new double[] {500, 1e-4},
                new double[] {250, 5e-4}, new double[] {500, 1}), Bounds.unbounded(2));
        // NIST's two starts reach the certified RSS 0.12455138894; the saturated third does not
        assertEquals(3, r.starts());
        assertEquals(2, r.startsAtBest());
        assertEquals(1.2455138894E-01, r.objective(), 1e-10);
    }
}
