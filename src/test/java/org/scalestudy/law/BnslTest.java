package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalestudy.fit.Objective;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.fit.OptimizeResult;

class BnslTest {
    private static final Law LAW = new Bnsl().bind(Map.of());
    /**
     * a, b, c0, c1, d1, f1: an error-like metric, nearly flat at 0.7 below the break (c0 = 0.02), that
     * bends at d1 = 1e20 over about a decade (f1 = 0.3) into a steeper decline (c0 + c1 = 0.42), down
     * to 0.27 at 1e22.
     */
    static final double[] TRUTH = {0.2, 1.15, 0.02, 0.4, 1e20, 0.3};

    /** 25 runs, C from 1e18 to 1e22 log-spaced, y + N(0, sd). */
    static double[][] runs(double sd, long seed) {
        Random random = new Random(seed);
        double[] cs = LawTestSupport.logSpaced(1e18, 1e22, 25);
        double[][] rows = new double[cs.length][];
        for (int j = 0; j < cs.length; j++) {
            rows[j] = new double[] {cs[j], Bnsl.value(TRUTH, cs[j]) + sd * random.nextGaussian()};
        }
        return rows;
    }

    /** (a, b, c0, c1, d1, f1) as (a, log b, c0, c1, log d1, log f1), and back. */
    static double[] logScale(double[] p) {
        return new double[] {p[0], Math.log(p[1]), p[2], p[3], Math.log(p[4]), Math.log(p[5])};
    }

    static double[] expScale(double[] t) {
        return new double[] {t[0], Math.exp(t[1]), t[2], t[3], Math.exp(t[4]), Math.exp(t[5])};
    }

    @Test
    void recoversNoiselessParameters() {
        double[][] rows = runs(0, 1);
        OptimizeResult fit = LAW.fit(rows);
        // exact data: the truth has every residual 0, inside the Huber's quadratic zone, where bounded
        // L-BFGS converges superlinearly to a gradient norm <= 1e-10 or a gain < 1e-15; about 2e-10
        // relative here (the break's sharpness f1 and a the least precise). 1e-8 relative is checked
        LawTestSupport.assertRecovered("bnsl, noiseless", LAW.parameterNames(), TRUTH, fit.x(),
                LawTestSupport.relative(TRUTH, 1e-8));
        OptimizeResult o = fit;
        assertTrue(o.converged(), o.message());
        assertEquals(200, o.starts());
        for (double[] row : rows) {
            assertEquals(row[1], LAW.predict(fit.x(), row), 1e-9);
        }
    }

    @Test
    void recoversParametersFromNoisyData() {
        double sd = 0.002;
        double[][] rows = runs(sd, 20250101);
        OptimizeResult fit = LAW.fit(rows);
        assertTrue(fit.converged(), fit.message());
        // linearised standard errors (SE) of least squares with noise 0.002 in y, in the search's scales
        // (a, log b, c0, c1, log d1, log f1): 0.006, 0.05, 0.0012, 0.016, 0.03, 0.09. The Huber(1e-3) fit
        // is neither least squares nor median here (residuals ~ delta); over seeds 1 to 30 its errors are
        // 0.7 to 1.03 SE rms, the worst 2.7 SE, with about 65% of the starts at the best. 5 SE is checked
        // the landscape has other basins: here about two thirds of the random starts find the best
        // (on exact data the count means little: every objective is ~1e-20 and "within 1e-6" is strict)
        int atBest = fit.startsAtBest();
        assertTrue(atBest > 50 && atBest < 200, fit.message());
        double[] truth = logScale(TRUTH);
        double[] se = LawTestSupport.standardErrors(t -> Arrays.stream(rows).mapToDouble(r -> Bnsl.value(expScale(t), r[0]))
                .toArray(), truth, LawTestSupport.constant(rows.length, sd));
        LawTestSupport.assertRecovered("bnsl, noise sd 0.002", List.of("a", "log b", "c0", "c1", "log d1", "log f1"),
                truth, logScale(fit.x()), LawTestSupport.times(se, 5));
    }

    @Test
    void gradientIsAnalytic() {
        Objective f = Bnsl.objective(runs(0.002, 3), 1e-3);
        double u0 = Math.log(1e20);
        // (a, b', c0, c1, log d1, log f1): near the truth, sharp and smooth breaks, negative exponents
        for (double[] t : new double[][] {{0.2, 1.15 * Math.exp(-0.02 * u0), 0.02, 0.4, u0, Math.log(0.3)},
                {0.5, -0.3, 0.5, -0.5, 44, Math.log(0.05)}, {0, 1, 1, 1, 50, Math.log(5)}, {0.9, 0.1, 0, 2, 42, 0}}) {
            LawTestSupport.assertGradient(f, t);
        }
    }

    @Test
    void isDeterministic() {
        double[][] rows = runs(0.002, 7);
        Law fewer = new Bnsl().bind(Map.of("starts", 40.0));
        OptimizeResult first = fewer.fit(rows);
        OptimizeResult second = fewer.fit(rows);
        assertTrue(Arrays.equals(first.x(), second.x()), "same seed, same starts, same fit");
        assertEquals(first, second);
        assertEquals(40, first.starts());
    }

    @Test
    void valueIsTheFormula() {
        double c = 3e20;
        double expected = 0.2 + 1.15 * Math.pow(c, -0.02) * Math.pow(1 + Math.pow(c / 1e20, 1 / 0.3), -0.4 * 0.3);
        assertEquals(expected, Bnsl.value(TRUTH, c), 1e-14);
        // a negative b (a rising metric such as accuracy) and b = 0 work too
        double[] rising = {0.8, -1.15, 0.02, 0.4, 1e20, 0.3};
        assertEquals(0.8 - (expected - 0.2), Bnsl.value(rising, c), 1e-14);
        assertEquals(0.8, Bnsl.value(new double[] {0.8, 0, 0.02, 0.4, 1e20, 0.3}, c), 0);
    }

    @Test
    void saysWhyRowsAreUnusableAndNeverThrows() {
        assertNull(LAW.unusable(new double[] {1e20, 0.5}));
        assertNull(LAW.unusable(new double[] {1e20, -3}), "y may be any finite number");
        assertEquals("x is not positive", LAW.unusable(new double[] {0, 0.5}));
        assertEquals("y is not a finite number", LAW.unusable(new double[] {1e20, Double.NaN}));
        assertEquals("expected 2 inputs (x, y), got 1", LAW.unusable(new double[] {1e20}));
        assertEquals(6, LAW.minimumRows());
        OptimizeResult few = LAW.fit(Arrays.copyOf(runs(0, 1), 5));
        assertFalse(few.converged());
        assertTrue(few.message().contains("at least 6 rows"));
        // six runs at one compute, all with the same value: a report, not an exception
        double[][] same = new double[6][];
        Arrays.fill(same, new double[] {1e20, 0.5});
        assertEquals(6, new Bnsl().bind(Map.of("starts", 5.0)).fit(same).x().length);
    }

    @Test
    void optionsAndLabels() {
        LawKind kind = new Bnsl();
        assertEquals(List.of("x", "y", "starts", "delta"), kind.args().stream().map(ArgSpec::name).toList());
        assertEquals(200.0, kind.args().get(2).defaultValue());
        assertThrows(IllegalArgumentException.class, () -> kind.bind(Map.of("starts", 0.0)));
        assertThrows(IllegalArgumentException.class, () -> kind.bind(Map.of("starts", 2.5)));
        assertThrows(IllegalArgumentException.class, () -> kind.bind(Map.of("delta", 0.0)));
        assertEquals(List.of("a", "b", "c0", "c1", "d1", "f1"), LAW.parameterNames());
        assertEquals("y = a + b * C^(-c0) * (1 + (C/d1)^(1/f1))^(-c1*f1)", LAW.formula());
        List<CurvePoint> curve = LAW.curve(TRUTH, runs(0, 1), 1e18, 1e23);
        assertEquals(60, curve.size());
        assertEquals(Bnsl.value(TRUTH, 1e23), curve.get(59).y(), 0);
    }
}
