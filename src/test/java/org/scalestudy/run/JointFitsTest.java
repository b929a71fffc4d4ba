package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.SharedFit;
import org.scalestudy.results.StudyResult;

/**
 * {@code share alpha across recipe}: two recipes whose accuracies follow Eq. 2 exactly with one exponent,
 * -log acc = A C^-0.1, A = 50 for recipe a and 80 for recipe b, at C = 1e18 .. 1e22. The joint fit must recover
 * alpha = 0.1 and both A's, and b's effective-compute multiplier against a: A_b C_b^-alpha = A_a C_a^-alpha gives
 * C_b / C_a = (80 / 50)^(1 / 0.1) = 1.6^10 = 109.95.
 */
class JointFitsTest {
    @TempDir
    Path dir;

    private static final String LAWS = "  law l = direct_power(x: C, y: acc)\n  law b = bnsl(x: C, y: acc)\n";

    StudyResult build(String fit) throws Exception {
        return RecipeStudy.build(dir, new double[] {50, 80}, new double[] {0.1, 0.1}, LAWS, fit);
    }

    List<String> errors(String fit) {
        return RecipeStudy.errors(dir, new double[] {50, 80}, new double[] {0.1, 0.1}, LAWS, fit);
    }

    @Test
    void aSharedExponentIsRecoveredWithEachRecipesOwnAAndTheirComputeMultiplier() throws Exception {
        StudyResult r = build("""
                  fit l to d by recipe
                    window C <= 1e20
                    holdout C > 1e20
                    bootstrap 100 seed 2
                    share alpha across recipe
                """);
        FitOutcome a = r.fits().get(0);
        FitOutcome b = r.fits().get(1);
        assertEquals(0.1, a.parameters().get(1).value(), 1e-12);
        assertEquals(0.1, b.parameters().get(1).value(), 1e-12);
        assertEquals(50, a.parameters().get(0).value(), 1e-9);
        assertEquals(80, b.parameters().get(0).value(), 1e-9);
        assertEquals("least squares on log(-log Q), alpha shared by 2 groups", a.optimization().method());
        // three fit runs each, but one parameter of their own: not degenerate
        assertEquals("", a.degenerate());
        SharedFit shared = r.sharedFits().get(0);
        assertEquals(List.of("alpha"), shared.shared());
        assertEquals("a", shared.reference());
        assertEquals(1.0, shared.multipliers().get(0).multiplier(), 1e-12);
        double expected = Math.pow(1.6, 10);
        assertEquals(109.95116, expected, 1e-5);
        assertEquals(expected, shared.multipliers().get(1).multiplier(), 1e-9 * expected);
        // exact data: every joint resample refits the same lines
        assertEquals(expected, shared.multipliers().get(1).low(), 1e-9 * expected);
        assertEquals(expected, shared.multipliers().get(1).high(), 1e-9 * expected);
        // the held-out runs are predicted exactly
        assertEquals(0, b.holdoutMetrics().mae(), 1e-12);
    }

    /** 'share' and 'across' are words of the clause only: a law (or column) may still be called so. */
    @Test
    void aLawNamedAcrossOrShareStillWorks() throws Exception {
        StudyResult r = build("""
                  law across = direct_power(x: C, y: acc)
                  law share = direct_power(x: C, y: acc)
                  fit across, share to d by recipe
                    window C <= 1e20
                    share alpha across recipe
                """);
        assertEquals(4, r.fits().size());
        assertEquals("across", r.fits().get(0).law());
        assertEquals(0.1, r.fits().get(3).parameters().get(1).value(), 1e-12);
    }

    @Test
    void shareNamesAByColumnParametersTheLawHasAndALawThatCanBeFittedJointly() {
        assertEquals(List.of("6:24 'share ... across run' needs 'run' among the fit's 'by' columns (recipe)"),
                errors("  fit l to d by recipe\n    share alpha across run"));
        assertEquals(List.of("6:11 law 'l' has no parameter 'alpah'; did you mean 'alpha'?"),
                errors("  fit l to d by recipe\n    share alpah across recipe"));
        assertEquals(List.of("6:5 law 'b' (bnsl) cannot share parameters across groups; 'share' fits direct_power"
                + " jointly"), errors("  fit b to d by recipe\n    share c0 across recipe"));
        assertEquals(List.of("6:17 unexpected 'over'; expected 'across' (share PARAMETER, ... across COLUMN)"),
                errors("  fit l to d by recipe\n    share alpha over recipe"));
        assertEquals(List.of("7:5 this fit already has a 'share' clause (line 6); name every shared parameter in one"),
                errors("  fit l to d by recipe\n    share alpha across recipe\n    share A across recipe"));
    }
}
