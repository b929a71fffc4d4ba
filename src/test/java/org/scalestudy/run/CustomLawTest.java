package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;

/** Laws written in the study: they fit like the built-ins and fail with diagnostics, never exceptions. */
class CustomLawTest {
    @TempDir
    Path dir;

    StudyResult build(String body) throws Exception {
        return DemoLadderStudies.build(dir, body);
    }

    List<String> errors(String body) {
        return DemoLadderStudies.errors(dir, body);
    }

    static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }

    @Test
    @Tag("full")   // 7 s: the custom law searches all 4,500 starts of the grid (no screening)
    void chinchillaWrittenByHandReproducesTheBuiltIn() throws Exception {
        StudyResult r = build("""
                  law builtin = chinchilla(N: params, D: tokens, y: value)
                  law mine = value ~ exp(e) + exp(a) / params^alpha + exp(b) / tokens^beta {
                    param a start 0 to 25 by 5
                    param b start 0 to 25 by 5
                    param e start -1 to 1 by 0.5
                    param alpha start 0 to 2 by 0.5
                    param beta start 0 to 2 by 0.5
                    residuals: log
                    loss: huber(1e-3)
                  }
                  fit builtin, mine to d where metric == "val_loss" window params <= 4e8 holdout params > 4e8
                """);
        FitOutcome builtin = r.fits().get(0);
        FitOutcome mine = r.fits().get(1);
        // Same objective (Huber(1e-3) summed over log residuals; log(e^e + e^a/N^alpha + e^b/D^beta) is
        // the built-in's logsumexp), same 4,500-point grid, both polished to tight tolerances: the
        // optima agree to the optimiser's precision.
        assertEquals(4500, mine.optimization().starts());
        assertTrue(relative(builtin.optimization().objective(), mine.optimization().objective()) < 1e-9,
                builtin.optimization().objective() + " vs " + mine.optimization().objective());
        double[] expected = {
            builtin.parameters().get(0).value(), builtin.parameters().get(1).value(),
            builtin.parameters().get(2).value(), builtin.parameters().get(3).value(),
            builtin.parameters().get(4).value()};
        // mine's parameters are (a, b, e, alpha, beta): E = e^e, A = e^a, B = e^b.
        double[] got = {
            Math.exp(mine.parameters().get(2).value()), Math.exp(mine.parameters().get(0).value()),
            Math.exp(mine.parameters().get(1).value()), mine.parameters().get(3).value(),
            mine.parameters().get(4).value()};
        for (int i = 0; i < 5; i++) {
            assertTrue(relative(expected[i], got[i]) < 1e-5, builtin.parameters().get(i).name() + ": "
                    + expected[i] + " vs " + got[i]);
        }
        // And so the holdout predictions agree.
        assertEquals(builtin.holdoutMetrics().mre(), mine.holdoutMetrics().mre(), 1e-7);
    }

    @Test
    void directPowerWrittenByHandReproducesTheBuiltIn() throws Exception {
        StudyResult r = build("""
                  law builtin = direct_power(x: C, y: value, baseline: baseline)
                  law mine = (value - baseline) / (1 - baseline) ~ exp(-A * C^(-alpha)) {
                    param A in [0, inf] start 100
                    param alpha in [0, 2] start 0.1
                    residuals: loglog
                  }
                  fit builtin, mine to d where metric == "arc_easy" and tpr == 20
                """);
        FitOutcome builtin = r.fits().get(0);
        FitOutcome mine = r.fits().get(1);
        // direct_power solves least squares on log(-log Q) = log A - alpha log C in closed form; the
        // custom law minimises the same sum of squares (log(-log) residuals) with Levenberg-Marquardt, so it
        // must land on the normal-equation solution. (No arc_easy row is within 5% of chance, so both use
        // all 10 runs.)
        assertEquals(10, builtin.fitMetrics().n());
        assertEquals(10, mine.fitMetrics().n());
        for (int i = 0; i < 2; i++) {
            assertTrue(relative(builtin.parameters().get(i).value(), mine.parameters().get(i).value()) < 1e-6,
                    builtin.parameters().get(i) + " vs " + mine.parameters().get(i));
        }
        // And so their standard errors agree: the built-in's come from the line in closed form (A's by the
        // delta method, A times that of log A), the custom law's from its Jacobian at the optimum, whose
        // column for A is 1/A times the one for log A, so the two are the same number.
        for (int i = 0; i < 2; i++) {
            double expected = builtin.parameters().get(i).standardError();
            assertTrue(expected > 0, builtin.parameters().get(i).toString());
            assertTrue(relative(expected, mine.parameters().get(i).standardError()) < 1e-5,
                    builtin.parameters().get(i) + " vs " + mine.parameters().get(i));
        }
        // The Q-space prediction times (1 - r) plus r is the accuracy the built-in predicts.
        double q = Math.exp(-mine.parameters().get(0).value()
                * Math.pow(mine.runs().get(0).x(), -mine.parameters().get(1).value()));
        assertEquals(builtin.runs().get(0).predicted(), 0.25 + 0.75 * q, 1e-6);
    }

    @Test
    void lawMistakesAreDiagnosticsAtTheirPlace() {
        List<String> e = errors("""
                  law mine = value ~ A * C^(-alpah) + E {
                    param A in [0, inf] start 10
                    param alpha in [1, 0]
                    param E start 5 to 1 by 1
                    param unused
                    residuals: logg
                    loss: huber(-1)
                    weights: C
                  }
                  fit mine to d where metric == "val_loss"
                """);
        assertEquals(List.of(
                "5:11 parameter 'alpha' appears nowhere in the formula, so no data can fix its value",
                "5:21 the bounds of 'alpha' are empty: the lower bound must be below the upper bound",
                "6:29 a start range needs from <= to and a positive step giving at most 100000 values",
                "7:11 parameter 'unused' appears nowhere in the formula, so no data can fix its value",
                "8:16 residuals are taken in identity, log or loglog space",
                "9:11 a loss is 'squares' or 'huber(delta)' with a positive delta",
                "10:5 unknown setting 'weights' of a law; did you mean 'weight'?; parameters are declared with"
                        + " 'param NAME'"), e);
    }

    @Test
    void unknownNamesAndUndefinedFormulasAreReportedAgainstTheData() {
        List<String> e = errors("""
                  law mine = value ~ A * C^(-alpah) {
                    param A start 1
                  }
                  fit mine to d where metric == "val_loss"
                """);
        assertEquals(List.of(
                "3:30 unknown name 'alpah' in law 'mine': neither a declared parameter nor a column of data 'd';"
                        + " expected one of A, C, baseline, metric, params, run, tokens, tpr, value",
                "6:7 law 'mine' cannot be fitted to data 'd' (see line 3)"), e);
        List<String> undefined = errors("""
                  law mine = value ~ log(A - C) {
                    param A start 1
                    residuals: log
                  }
                  fit mine to d where metric == "val_loss"
                """);
        // log(1 - C) is NaN for every run (C is about 1e17): the fit can never start. Reported at the
        // law (line 3), where the formula is.
        assertEquals(1, undefined.size());
        assertTrue(undefined.get(0).startsWith("3:7 law 'mine' is undefined (NaN or infinite) on the fit rows"
                + " of data 'd' from every starting point; at the first start it is NaN for run"), undefined.get(0));
    }

    @Test
    void trigonometryAndPiInALaw() throws Exception {
        // loss = E + B sin(2 pi log10(params) / P): with P in [2, 20] the sine is a smooth bump over the
        // ladder's 1.6 decades of params; what matters is that sin, cos (in the Jacobian), atan and pi
        // compile, differentiate and fit: the custom law agrees with the same law written with pi's digits
        // and with atan(1) * 4, to the optimiser's precision.
        StudyResult r = build("""
                  law a = value ~ E + B * sin(2 * pi * log10(params) / P) {
                    param E start 3
                    param B start 1
                    param P in [2, 20] start 10
                  }
                  law b = value ~ E + B * sin(2 * 3.141592653589793 * log10(params) / P) {
                    param E start 3
                    param B start 1
                    param P in [2, 20] start 10
                  }
                  law c = value ~ E + B * cos(2 * atan(1) * 4 * log10(params) / P - pi / 2) {
                    param E start 3
                    param B start 1
                    param P in [2, 20] start 10
                  }
                  fit a, b, c to d where metric == "val_loss" and tpr == 20
                """);
        FitOutcome a = r.fits().get(0);
        for (FitOutcome other : List.of(r.fits().get(1), r.fits().get(2))) {
            assertTrue(a.optimization().converged() && other.optimization().converged(),
                    a.optimization().message() + " / " + other.optimization().message());
            for (int i = 0; i < 3; i++) {
                assertTrue(relative(a.parameters().get(i).value(), other.parameters().get(i).value()) < 1e-8,
                        a.parameters() + " vs " + other.parameters());
            }
        }
    }

    @Test
    void piIsAConstantNotAParameterOrAColumn() {
        List<String> e = errors("""
                  law mine = value ~ pi * A {
                    param pi start 1
                    param A start 1
                  }
                  fit mine to d
                """);
        assertTrue(e.contains("4:11 'pi' is the constant 3.141592653589793; name the parameter otherwise"), e.toString());
    }

    @Test
    void aParameterStoppedByItsBoundIsFlagged() throws Exception {
        // The demo's val_loss falls as params^-0.3478 (DemoLadder.LOSS_ALPHA); capping alpha at 0.05
        // forces the optimum onto that upper bound; E then drops to its lower bound 0 to make up the
        // missing curvature, while A's bounds [0, 1e6] stay slack.
        StudyResult r = build("""
                  law capped = value ~ E + A / params^alpha {
                    param E in [0, 10] start 1
                    param A in [0, 1e6] start 10
                    param alpha in [0, 0.05] start 0.01
                  }
                  fit capped to d where metric == "val_loss" and tpr == 20
                """);
        FitOutcome fit = r.fits().get(0);
        assertEquals("upper", fit.parameters().get(2).onBound(), fit.parameters().toString());
        assertEquals(0.05, fit.parameters().get(2).value(), 1e-12);
        assertEquals("lower", fit.parameters().get(0).onBound(), fit.parameters().toString());
        assertEquals("", fit.parameters().get(1).onBound(), fit.parameters().toString());
    }
}
