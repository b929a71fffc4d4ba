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

class TwoStageLinearTest {
    private static final Law LAW = new TwoStageLinear().bind(Map.of());
    /**
     * s, i, a, b: the loss falls from 3.53 (C = 1e18) to 2.22 (1e22) and the accuracy rises from 0.19
     * to 0.71 along it.
     */
    static final double[] TRUTH = {-0.05, 3.332, 1.6, -0.4};

    /**
     * 13 runs, C from 1e18 to 1e22 log-spaced. Each run's loss deviates from the power law by a factor
     * exp(N(0, lossSd)) (seed-to-seed variation), and its accuracy follows its actual loss, plus
     * N(0, accSd) (benchmark noise): the process the two stages model.
     */
    static double[][] ladder(double lossSd, double accSd, long seed) {
        Random random = new Random(seed);
        double[] cs = LawTestSupport.logSpaced(1e18, 1e22, 13);
        double[][] rows = new double[cs.length][];
        for (int k = 0; k < cs.length; k++) {
            double loss = LossStage.loss(TRUTH[0], TRUTH[1], cs[k]) * Math.exp(lossSd * random.nextGaussian());
            rows[k] = new double[] {cs[k], loss, TRUTH[2] + TRUTH[3] * loss + accSd * random.nextGaussian()};
        }
        return rows;
    }

    @Test
    void recoversNoiselessParameters() {
        double[][] rows = ladder(0, 0, 1);
        OptimizeResult fit = LAW.fit(rows);
        // exact data, two closed forms: recovered to rounding, 1e-10 relative
        LawTestSupport.assertRecovered("two_stage_linear, noiseless", LAW.parameterNames(), TRUTH, fit.x(),
                LawTestSupport.relative(TRUTH, 1e-10));
        OptimizeResult o = fit;
        assertTrue(o.converged());
        assertTrue(o.message().contains("stage 1") && o.message().contains("stage 2"), o.message());
        for (double[] row : rows) {
            // the composed prediction reproduces exact data
            assertEquals(row[2], LAW.predict(fit.x(), row), 1e-12);
            assertEquals(row[0], LAW.axis(row), 0);
            assertEquals(row[2], LAW.observed(row), 0);
        }
    }

    @Test
    void recoversParametersFromNoisyRuns() {
        double lossSd = 0.005;
        double accSd = 0.01;
        double[][] rows = ladder(lossSd, accSd, 20250101);
        OptimizeResult fit = LAW.fit(rows);
        // each stage is ordinary least squares with independent noise, so its standard errors (SE) are
        // exact: s 0.0005, i 0.022 (noise 0.005 in log L); a 0.020, b 0.007 (noise 0.01 in acc). Over
        // seeds 1 to 60 the errors are 0.93 to 1.02 SE rms, the worst 3.3 SE; 4 SE is checked
        double[] se1 = LawTestSupport.standardErrors(t -> Arrays.stream(rows).mapToDouble(
                row -> t[0] * Math.log(row[0]) + t[1]).toArray(), new double[] {TRUTH[0], TRUTH[1]},
                LawTestSupport.constant(rows.length, lossSd));
        double[] se2 = LawTestSupport.standardErrors(t -> Arrays.stream(rows).mapToDouble(
                row -> t[0] + t[1] * row[1]).toArray(), new double[] {TRUTH[2], TRUTH[3]},
                LawTestSupport.constant(rows.length, accSd));
        double[] se = {se1[0], se1[1], se2[0], se2[1]};
        LawTestSupport.assertRecovered("two_stage_linear, loss sd 0.5%, acc sd 0.01", LAW.parameterNames(), TRUTH,
                fit.x(), LawTestSupport.times(se, 4));
    }

    @Test
    void saysWhyRowsAreUnusable() {
        assertNull(LAW.unusable(new double[] {1e20, 2.8, 0.5}));
        assertEquals("x is not positive", LAW.unusable(new double[] {0, 2.8, 0.5}));
        assertEquals("loss is not positive", LAW.unusable(new double[] {1e20, 0, 0.5}));
        assertEquals("loss is not a finite number", LAW.unusable(new double[] {1e20, Double.NaN, 0.5}));
        assertEquals("accuracy is not a finite number", LAW.unusable(new double[] {1e20, 2.8, Double.NaN}));
        assertEquals("expected 3 inputs (x, loss, y), got 2", LAW.unusable(new double[] {1e20, 2.8}));
    }

    @Test
    void neverThrowsOnPoorInput() {
        assertEquals(4, LAW.minimumRows());
        assertTrue(LAW.fit(new double[][] {{1e20, 2.8, 0.5}}).message().contains("at least 4 rows"));
        double[][] sameC = {{1e20, 2.8, 0.5}, {1e20, 2.9, 0.5}, {1e20, 3.0, 0.4}, {1e20, 3.1, 0.4}};
        OptimizeResult f1 = LAW.fit(sameC);
        assertFalse(f1.converged());
        assertEquals("not fitted: stage 1: every row has the same x, so the slope is undetermined",
                f1.message());
        double[][] sameLoss = {{1e19, 2.8, 0.5}, {1e20, 2.8, 0.5}, {1e21, 2.8, 0.4}, {1e22, 2.8, 0.4}};
        assertEquals("not fitted: stage 2: every row has the same loss, so the slope is undetermined",
                LAW.fit(sameLoss).message());
    }

    @Test
    void curveComposesTheStages() {
        List<CurvePoint> curve = LAW.curve(TRUTH, ladder(0, 0, 1), 1e18, 1e23);
        assertEquals(60, curve.size());
        for (CurvePoint p : curve) {
            assertEquals("", p.series());
            assertEquals(1.6 - 0.4 * Math.exp(3.332) * Math.pow(p.x(), -0.05), p.y(), 1e-12);
        }
        assertEquals(List.of("s", "i", "a", "b"), LAW.parameterNames());
        assertEquals("stage 1: log L = s * log C + i; stage 2: acc = a + b * L", LAW.formula());
        assertEquals(List.of("x", "loss", "y"), new TwoStageLinear().args().stream().map(ArgSpec::name).toList());
        assertEquals("C", LAW.axisLabel(Map.of("x", "C", "loss", "val_loss")));
    }
}
