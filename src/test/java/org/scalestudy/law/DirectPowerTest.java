package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.fit.OptimizeResult;

class DirectPowerTest {
    private static final Law LAW = new DirectPower().bind(Map.of("margin", 0.05));

    /** acc = r + (1 - r) exp(-A C^-alpha), the law itself, for C = 1e18 ... 1e22 (9 runs). */
    private static double[][] ladder(double a, double alpha, double r) {
        double[][] rows = new double[9][];
        for (int i = 0; i < rows.length; i++) {
            double c = Math.pow(10, 18 + 0.5 * i);
            rows[i] = new double[] {c, r + (1 - r) * Math.exp(-a * Math.pow(c, -alpha)), r};
        }
        return rows;
    }

    @Test
    void recoversNoiselessParameters() {
        // A = 60, alpha = 0.09 with a 4-way multiple-choice baseline r = 0.25 gives accuracies from
        // about 0.37 (C = 1e18) to 0.57 (C = 1e22): every row well clear of the baseline
        double a = 60;
        double alpha = 0.09;
        double[][] rows = ladder(a, alpha, 0.25);
        for (double[] row : rows) {
            assertNull(LAW.unusable(row), () -> "row " + row[0] + " should be usable");
        }
        OptimizeResult fit = LAW.fit(rows);
        // exact data: OLS in (log C, log(-log Q)) recovers the line to rounding
        assertEquals(a, fit.x()[0], 1e-9 * a);
        assertEquals(alpha, fit.x()[1], 1e-9 * alpha);
        OptimizeResult o = fit;
        assertTrue(o.converged());
        assertEquals(1, o.iterations(), "closed form");
        assertEquals(1, o.starts());
        assertEquals(1, o.startsAtBest());
        assertEquals(0, o.gradientNorm(), 0);
        assertEquals("least squares on log(-log Q)", o.method());
        assertTrue(o.objective() < 1e-24, "residual sum of squares of exact data: " + o.objective());
        // and the fitted law reproduces the accuracies
        for (double[] row : rows) {
            assertEquals(row[1], LAW.predict(fit.x(), row), 1e-12);
            assertEquals(row[1], LAW.observed(row), 0);
            assertEquals(row[0], LAW.axis(row), 0);
        }
    }

    @Test
    void olsEqualsTheNormalEquations() {
        // noisy accuracies: the fit must equal the 2x2 normal-equation solution of
        // z = b0 + b1 u, z = log(-log Q), u = log C, computed here independently:
        //   [n   Su ] [b0]   [Sz ]
        //   [Su  Suu] [b1] = [Suz]  =>  b1 = (n Suz - Su Sz) / (n Suu - Su^2), b0 = (Sz - b1 Su) / n
        Random random = new Random(20250101);
        double[][] rows = ladder(45, 0.07, 0.2);
        for (double[] row : rows) {
            row[1] += 0.01 * random.nextGaussian();
        }
        double n = rows.length;
        double su = 0;
        double sz = 0;
        double suu = 0;
        double suz = 0;
        for (double[] row : rows) {
            double u = Math.log(row[0]);
            double z = Math.log(-Math.log((row[1] - row[2]) / (1 - row[2])));
            su += u;
            sz += z;
            suu += u * u;
            suz += u * z;
        }
        double b1 = (n * suz - su * sz) / (n * suu - su * su);
        double b0 = (sz - b1 * su) / n;
        OptimizeResult fit = LAW.fit(rows);
        // A = e^b0, alpha = -b1. The normal equations lose a few digits to cancellation (u ~ 45),
        // so agreement is checked to 1e-8 relative
        assertEquals(Math.exp(b0), fit.x()[0], 1e-8 * Math.exp(b0));
        assertEquals(-b1, fit.x()[1], 1e-8 * Math.abs(b1));
        double rss = 0;
        for (double[] row : rows) {
            double z = Math.log(-Math.log((row[1] - row[2]) / (1 - row[2])));
            double r = z - b0 - b1 * Math.log(row[0]);
            rss += r * r;
        }
        assertEquals(rss, fit.objective(), 1e-8 * rss);
    }

    @Test
    void saysWhyRowsAreUnusable() {
        // baseline 0.25 with the default 5% margin: accuracy must reach 0.2625
        assertTrue(LAW.unusable(new double[] {1e20, 0.26, 0.25}).contains("within 5% of the baseline"));
        assertNull(LAW.unusable(new double[] {1e20, 0.2625, 0.25}));
        assertTrue(LAW.unusable(new double[] {1e20, 0.25, 0.25}).contains("at or below the baseline"));
        assertTrue(LAW.unusable(new double[] {1e20, 0.1, 0.25}).contains("at or below the baseline"));
        assertTrue(LAW.unusable(new double[] {1e20, 1.0, 0.25}).contains(">= 1"));
        assertTrue(LAW.unusable(new double[] {0, 0.5, 0.25}).contains("x is not positive"));
        assertTrue(LAW.unusable(new double[] {Double.NaN, 0.5, 0.25}).contains("not a finite"));
        assertTrue(LAW.unusable(new double[] {1e20, Double.POSITIVE_INFINITY, 0.25}).contains("not a finite"));
        assertTrue(LAW.unusable(new double[] {1e20, 0.5, 1.0}).contains("baseline"));
        // baseline 0 (the default): any accuracy in (0, 1) works
        assertNull(LAW.unusable(new double[] {1e20, 0.01, 0}));
        assertTrue(LAW.unusable(new double[] {1e20, 0, 0}).contains("at or below the baseline"));
        // margin 0 keeps rows just above the baseline
        Law noMargin = new DirectPower().bind(Map.of("margin", 0.0));
        assertNull(noMargin.unusable(new double[] {1e20, 0.26, 0.25}));
    }

    @Test
    void neverThrowsOnPoorInput() {
        // too few rows, all x equal, unusable rows: a non-converged report with NaN parameters
        OptimizeResult one = LAW.fit(new double[][] {{1e20, 0.5, 0.25}});
        assertFalse(one.converged());
        assertTrue(Double.isNaN(one.x()[0]) && Double.isNaN(one.x()[1]));
        assertTrue(one.message().contains("at least 2 rows"));
        OptimizeResult same = LAW.fit(new double[][] {{1e20, 0.5, 0.25}, {1e20, 0.6, 0.25}});
        assertFalse(same.converged());
        assertTrue(same.message().contains("same x"));
        OptimizeResult bad = LAW.fit(new double[][] {{1e20, 0.5, 0.25}, {1e21, 0.1, 0.25}});
        assertFalse(bad.converged());
        assertTrue(bad.message().contains("row 2"));
        // two rows are enough: the line through them
        OptimizeResult two = LAW.fit(new double[][] {{1e20, 0.5, 0.25}, {1e21, 0.6, 0.25}});
        assertTrue(two.converged());
        assertEquals(2, LAW.minimumRows());
    }

    @Test
    void curveOnALogGrid() {
        double[] params = {60, 0.09};
        List<CurvePoint> curve = LAW.curve(params, ladder(60, 0.09, 0.25), 1e18, 1e23);
        assertEquals(60, curve.size());
        assertEquals(1e18, curve.get(0).x(), 0);
        assertEquals(1e23, curve.get(59).x(), 0);
        // evenly spaced in log: the ratio of neighbours is 10^(5/59)
        assertEquals(Math.pow(10, 5.0 / 59), curve.get(1).x() / curve.get(0).x(), 1e-12);
        for (CurvePoint p : curve) {
            assertEquals("", p.series());
            assertEquals(0.25 + 0.75 * Math.exp(-60 * Math.pow(p.x(), -0.09)), p.y(), 1e-15);
        }
        // two baselines among the rows: one series each, named by r
        double[][] mixed = {{1e20, 0.5, 0.25}, {1e21, 0.7, 0.5}};
        List<CurvePoint> two = LAW.curve(params, mixed, 1e18, 1e23);
        assertEquals(120, two.size());
        assertEquals("r = 0.25", two.get(0).series());
        assertEquals("r = 0.5", two.get(60).series());
        assertTrue(LAW.curve(params, mixed, 0, 1e23).isEmpty(), "no log grid through 0");
    }

    @Test
    void describesItself() {
        LawKind kind = new DirectPower();
        assertEquals("direct_power", kind.name());
        assertEquals(List.of("x", "y", "baseline", "margin"), kind.args().stream().map(ArgSpec::name).toList());
        assertEquals(0.0, kind.args().get(2).defaultValue());
        assertEquals(0.05, kind.args().get(3).defaultValue());
        assertEquals(ArgSpec.Kind.OPTION, kind.args().get(3).kind());
        assertTrue(kind.args().get(0).required());
        assertEquals("direct_power", LAW.kind());
        assertEquals(List.of("A", "alpha"), LAW.parameterNames());
        assertEquals("-log Q = A * C^(-alpha), Q = (acc - r)/(1 - r)", LAW.formula());
        assertEquals("6 * N * D", LAW.axisLabel(Map.of("x", "6 * N * D", "y", "acc")));
        assertEquals("x", LAW.axisLabel(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> kind.bind(Map.of("margin", -0.1)));
        assertThrows(IllegalArgumentException.class, () -> kind.bind(Map.of("delta", 1.0)));
        // options default when absent
        assertNull(kind.bind(Map.of()).unusable(new double[] {1e20, 0.2625, 0.25}));
    }
}
