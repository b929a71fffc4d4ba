package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.fit.OptimizeResult;

class LossToErrorTest {
    private static final Law LAW = new LossToError().bind(Map.of());
    /**
     * epsilon, k, gamma, in the range of Gadre et al.'s fits: over losses 2.6 to 4.6 the average top-1
     * error rises from 0.61 to 0.81 towards epsilon = 0.85.
     */
    static final double[] TRUTH = {0.85, 2.2, 0.85};

    /** 12 runs with losses evenly spaced from 2.6 to 4.6, error + N(0, sd). */
    static double[][] runs(double sd, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[12][];
        for (int j = 0; j < 12; j++) {
            double loss = 2.6 + 2.0 * j / 11;
            rows[j] = new double[] {loss, LossToError.error(TRUTH, loss) + sd * random.nextGaussian()};
        }
        return rows;
    }

    @Test
    void recoversNoiselessParameters() {
        double[][] rows = runs(0, 1);
        OptimizeResult fit = LAW.fit(rows);
        // least squares on exact data: L-BFGS stops when a step gains < 1e-15 in the summed squares or
        // the gradient norm is <= 1e-10; about 5e-12 relative here. 1e-9 relative is checked
        LawTestSupport.assertRecovered("loss_to_error, noiseless", LAW.parameterNames(), TRUTH, fit.x(),
                LawTestSupport.relative(TRUTH, 1e-9));
        OptimizeResult o = fit;
        assertTrue(o.converged(), o.message());
        assertEquals(6, o.starts(), "the reference's (1, 1, 1) and one per gamma in {0.25, 0.5, 1, 2, 4}");
        assertEquals("Levenberg-Marquardt least squares on Err, 6 starts", o.method());
        for (double[] row : rows) {
            assertEquals(row[1], LAW.predict(fit.x(), row), 1e-9);
            assertEquals(row[0], LAW.axis(row), 0);
            assertEquals(row[1], LAW.observed(row), 0);
        }
    }

    @Test
    void recoversParametersFromNoisyErrors() {
        double sd = 0.003;
        double[][] rows = runs(sd, 20250101);
        OptimizeResult fit = LAW.fit(rows);
        assertTrue(fit.converged(), fit.message());
        // linearised standard errors (SE) of least squares with noise 0.003 in Err: epsilon 0.0075, k 0.26,
        // gamma 0.055 (k and gamma trade off). Over seeds 1 to 60 the errors are 0.98 to 1.12 SE rms, the
        // worst 2.9 SE, and all 6 starts reach the same optimum; 5 SE is checked (first-order yardstick)
        double[] se = LawTestSupport.standardErrors(p -> Arrays.stream(rows).mapToDouble(r -> LossToError.error(p, r[0]))
                .toArray(), TRUTH, LawTestSupport.constant(rows.length, sd));
        LawTestSupport.assertRecovered("loss_to_error, error noise sd 0.003", LAW.parameterNames(), TRUTH,
                fit.x(), LawTestSupport.times(se, 5));
    }

    @Test
    void gradientIsAnalytic() {
        double[][] rows = runs(0.003, 3);
        SquaredError f = new SquaredError(LossToError.MODEL, Arrays.stream(rows).mapToDouble(r -> r[0]).toArray(),
                Arrays.stream(rows).mapToDouble(r -> r[1]).toArray());
        // (epsilon, k, gamma): the truth, the reference's start (1, 1, 1), a fast and a slow decay
        for (double[] t : new double[][] {{0.85, 2.2, 0.85}, {1, 1, 1}, {0.7, 50, 3}, {2, -1, 0.05}}) {
            LawTestSupport.assertGradient(f, t);
        }
    }

    @Test
    void startsIncludeTheReferenceAndSolveTheLinearPart() {
        double[][] rows = runs(0, 1);
        double[] loss = Arrays.stream(rows).mapToDouble(r -> r[0]).toArray();
        double[] err = Arrays.stream(rows).mapToDouble(r -> r[1]).toArray();
        List<double[]> starts = LossToError.starts(loss, err);
        assertEquals(List.of(1.0, 1.0, 1.0), Arrays.stream(starts.get(0)).boxed().toList(), "curve_fit's default p0");
        assertEquals(6, starts.size());
        // for gamma = 1 the best epsilon, k make Err - (epsilon - k e^-L) orthogonal to (1, e^-L)
        double[] s = starts.get(3);
        assertEquals(1, s[2], 0);
        double r1 = 0;
        double r2 = 0;
        for (int j = 0; j < loss.length; j++) {
            double res = err[j] - LossToError.error(s, loss[j]);
            r1 += res;
            r2 += res * Math.exp(-loss[j]);
        }
        assertEquals(0, r1, 1e-12);
        assertEquals(0, r2, 1e-12);
        // one distinct loss: only the reference start remains
        assertEquals(1, LossToError.starts(new double[] {3, 3, 3}, new double[] {0.7, 0.7, 0.7}).size());
    }

    @Test
    void saysWhyRowsAreUnusableAndNeverThrows() {
        assertNull(LAW.unusable(new double[] {3.0, 0.7}));
        assertEquals("loss is not positive", LAW.unusable(new double[] {0, 0.7}));
        assertEquals("loss is not a finite number", LAW.unusable(new double[] {Double.NaN, 0.7}));
        assertEquals("error is not a finite number", LAW.unusable(new double[] {3.0, Double.NEGATIVE_INFINITY}));
        assertEquals("expected 2 inputs (x, y), got 3", LAW.unusable(new double[] {3.0, 0.7, 1}));
        assertEquals(3, LAW.minimumRows());
        OptimizeResult few = LAW.fit(new double[][] {{3, 0.7}, {4, 0.8}});
        assertFalse(few.converged());
        assertTrue(few.message().contains("at least 3 rows"));
        // one distinct loss: not identifiable, but a report
        OptimizeResult same = LAW.fit(new double[][] {{3, 0.7}, {3, 0.72}, {3, 0.71}});
        assertEquals(3, same.x().length);
    }

    @Test
    void curveOverTheLossRangeAskedFor() {
        List<CurvePoint> curve = LAW.curve(TRUTH, runs(0, 1), 2.6, 4.6);
        assertEquals(60, curve.size());
        assertEquals(2.6, curve.get(0).x(), 0);
        assertEquals(4.6, curve.get(59).x(), 0);
        for (CurvePoint p : curve) {
            assertEquals(0.85 - 2.2 * Math.exp(-0.85 * p.x()), p.y(), 1e-15);
        }
        // one point when asked for one (the bootstrap's targets)
        assertEquals(1, LAW.curve(TRUTH, runs(0, 1), 3.3, 3.3).size());
        assertEquals("val_loss (loss L, not compute)", LAW.axisLabel(Map.of("x", "val_loss", "y", "err")));
        assertEquals("Err = epsilon - k * exp(-gamma * L)", LAW.formula());
        assertEquals(List.of("epsilon", "k", "gamma"), LAW.parameterNames());
    }
}
