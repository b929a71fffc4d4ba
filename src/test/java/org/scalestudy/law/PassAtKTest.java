package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.fit.OptimizeResult;

class PassAtKTest {
    private static final Law LAW = new PassAtK().bind(Map.of());
    /**
     * A, alpha, beta, delta (the paper's signs: the score grows with C and k, so alpha, beta < 0). With
     * r = 0, pass@1 runs from 0.08 (C = 1e18) to 0.53 (1e22) and pass@64 from 0.37 to 0.80.
     */
    static final double[] TRUTH = {Math.exp(7.13), -0.15, -0.3, 0.001};
    static final double[] KS = {1, 2, 4, 8, 16, 32, 64};

    /** 9 computes from 1e18 to 1e22 (log-spaced) x k in {1, 2, ..., 64}: 63 rows, score + N(0, sd). */
    static double[][] ladder(double sd, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (double c : LawTestSupport.logSpaced(1e18, 1e22, 9)) {
            for (double k : KS) {
                rows.add(new double[] {c, k, PassAtK.accuracy(TRUTH, c, k, 0) + sd * random.nextGaussian(), 0});
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** (A, alpha, beta, delta) with log A in place of A: the fit's linear coefficients. */
    static double[] logScale(double[] p) {
        return new double[] {Math.log(p[0]), p[1], p[2], p[3]};
    }

    @Test
    void recoversNoiselessParameters() {
        double[][] rows = ladder(0, 1);
        for (double[] row : rows) {
            assertNull(LAW.unusable(row));
        }
        OptimizeResult fit = LAW.fit(rows);
        // exact data and a closed form: the line is recovered to rounding (the centred QR solve loses
        // only a few digits), 1e-10 relative
        LawTestSupport.assertRecovered("pass_at_k, noiseless", LAW.parameterNames(), TRUTH, fit.x(),
                LawTestSupport.relative(TRUTH, 1e-10));
        OptimizeResult o = fit;
        assertTrue(o.converged());
        assertEquals(1, o.starts());
        assertEquals("least squares on log(-log Q)", o.method());
        assertTrue(o.objective() < 1e-20, "rss " + o.objective());
        for (double[] row : rows) {
            assertEquals(row[2], LAW.predict(fit.x(), row), 1e-12);
        }
    }

    @Test
    void recoversParametersFromNoisyScores() {
        double sd = 0.005;
        double[][] rows = ladder(sd, 20250101);
        OptimizeResult fit = LAW.fit(rows);
        // the model is linear in (log A, alpha, beta, delta), so the sandwich standard errors (SE) of
        // least squares with the noise carried into log(-log Q) (sd / |(acc - r) log Q|) are exact to
        // first order in the noise: about 0.06, 0.0013, 0.026, 0.0006. Over seeds 1 to 60 the errors are
        // 1.05 SE rms, the worst 2.6 SE; 4 SE is checked (a linear fit has no Huber inefficiency to allow for)
        double[] truth = logScale(TRUTH);
        double[] noise = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double q = rows[i][2];
            noise[i] = sd / Math.abs(q * Math.log(q));
        }
        double[] se = LawTestSupport.standardErrors(p -> linearised(p, rows), truth, noise);
        LawTestSupport.assertRecovered("pass_at_k, score noise sd 0.005", List.of("log A", "alpha", "beta", "delta"),
                truth, logScale(fit.x()), LawTestSupport.times(se, 4));
    }

    /** log(-log Q) at each row for coefficients (log A, alpha, beta, delta). */
    static double[] linearised(double[] t, double[][] rows) {
        double[] z = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double u = Math.log(rows[i][0]);
            double v = Math.log(rows[i][1]);
            z[i] = t[0] + t[1] * u + t[2] * v + t[3] * u * v;
        }
        return z;
    }

    @Test
    void saysWhyRowsAreUnusable() {
        assertNull(LAW.unusable(new double[] {1e20, 1, 0.5, 0}));
        assertEquals("k is below 1", LAW.unusable(new double[] {1e20, 0.5, 0.5, 0}));
        assertEquals("k is not a finite number", LAW.unusable(new double[] {1e20, Double.NaN, 0.5, 0}));
        assertEquals("x is not positive", LAW.unusable(new double[] {0, 1, 0.5, 0}));
        assertEquals("accuracy at or below the baseline (Q <= 0)", LAW.unusable(new double[] {1e20, 1, 0, 0}));
        assertEquals("accuracy within 5% of the baseline", LAW.unusable(new double[] {1e20, 1, 0.26, 0.25}));
        assertEquals("expected 4 inputs (x, k, y, baseline), got 3", LAW.unusable(new double[] {1e20, 1, 0.5}));
    }

    @Test
    void neverThrowsOnPoorInput() {
        assertEquals(4, LAW.minimumRows());
        OptimizeResult few = LAW.fit(new double[][] {{1e20, 1, 0.5, 0}, {1e21, 1, 0.6, 0}, {1e21, 2, 0.7, 0}});
        assertTrue(few.message().contains("at least 4 rows"));
        // one k only: beta and delta are undetermined
        OptimizeResult oneK = LAW.fit(new double[][] {{1e19, 1, 0.4, 0}, {1e20, 1, 0.5, 0}, {1e21, 1, 0.6, 0},
            {1e22, 1, 0.7, 0}});
        assertFalse(oneK.converged());
        assertTrue(oneK.message().contains("two distinct x and two distinct k"),
                oneK.message());
        assertTrue(Double.isNaN(oneK.x()[2]));
        OptimizeResult bad = LAW.fit(new double[][] {{1e19, 1, 0.4, 0}, {1e20, 2, 0.5, 0}, {1e21, 4, 0.6, 0},
            {1e22, 8, 1.0, 0}});
        assertTrue(bad.message().contains("row 4 is unusable: accuracy >= 1"));
    }

    @Test
    void curveHasOneSeriesPerK() {
        List<CurvePoint> curve = LAW.curve(TRUTH, ladder(0, 1), 1e18, 1e23);
        assertEquals(7 * 60, curve.size());
        // sorted numerically, not as text: k = 1, 2, 4, ..., 64
        assertEquals("k = 1", curve.get(0).series());
        assertEquals("k = 2", curve.get(60).series());
        assertEquals("k = 64", curve.get(6 * 60).series());
        CurvePoint p = curve.get(6 * 60 + 10);
        assertEquals(PassAtK.accuracy(TRUTH, p.x(), 64, 0), p.y(), 0);
    }

    @Test
    void describesItself() {
        LawKind kind = new PassAtK();
        assertEquals(List.of("x", "k", "y", "baseline", "margin"), kind.args().stream().map(ArgSpec::name).toList());
        assertEquals(List.of("A", "alpha", "beta", "delta"), LAW.parameterNames());
        assertTrue(LAW.formula().startsWith("log(-log Q) = log A + alpha * log C + beta * log k + delta * log C * log k"));
        assertEquals("C", LAW.axisLabel(Map.of("x", "C", "k", "k")));
        assertThrows(IllegalArgumentException.class, () -> kind.bind(Map.of("margin", Double.NaN)));
    }
}
