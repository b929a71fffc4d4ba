package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.Decision;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;

/**
 * {@code compare}: two recipes whose accuracies follow the direct law -log acc = A C^-alpha exactly (baseline 0),
 * recipe a with A = 50, alpha = 0.10 and recipe b with A = 500, alpha = 0.15. They cross where
 * 50 C^-0.10 = 500 C^-0.15, i.e. C^0.05 = 10, C = 1e20: a is better below, b above. Fitted on C <= 1e20 (where a
 * looks better) and held out above, the closed-form fits recover both laws, so b must be predicted (and observed)
 * best at 1e22: exp(-500 * 1e22^-0.15) = 0.778339 against exp(-50 * 1e22^-0.10) = 0.729440.
 */
class DecisionsTest {
    static final double A_AT_1E22 = Math.exp(-50 * Math.pow(1e22, -0.10));
    static final double B_AT_1E22 = Math.exp(-500 * Math.pow(1e22, -0.15));

    @TempDir
    Path dir;

    private static final String LAW = "  law l = direct_power(x: C, y: acc)\n";

    StudyResult build(String fit) throws Exception {
        return RecipeStudy.build(dir, new double[] {50, 500}, new double[] {0.10, 0.15}, LAW, fit);
    }

    List<String> errors(String fit) {
        return RecipeStudy.errors(dir, new double[] {50, 500}, new double[] {0.10, 0.15}, LAW, fit);
    }

    @Test
    void theClosedFormNumbers() {
        assertEquals(0.729440, A_AT_1E22, 5e-7);
        assertEquals(0.778339, B_AT_1E22, 5e-7);
        assertEquals(50 * Math.pow(1e20, -0.10), 500 * Math.pow(1e20, -0.15), 1e-12);
    }

    @Test
    void theRecipeThatLosesSmallIsPredictedAndObservedToWinLarge() throws Exception {
        StudyResult r = build("""
                  fit l to d by recipe
                    window C <= 1e20
                    holdout C > 1e20
                    bootstrap 200 seed 3
                    compare recipe at C == 1e22, C == 1e19, 1e24
                """);
        assertEquals(3, r.decisions().size());
        Decision at1e22 = r.decisions().get(0);
        assertEquals("C == 1e22", at1e22.at());
        assertEquals("recipe", at1e22.compare());
        assertEquals("", at1e22.context());
        assertTrue(at1e22.preferHigher(), "direct_power predicts an accuracy: higher is better");
        Decision.Choice winner = at1e22.choices().get(0);
        Decision.Choice loser = at1e22.choices().get(1);
        assertEquals("b", winner.value());
        assertEquals("recipe=b", winner.group());
        assertEquals(1, winner.rank());
        assertEquals(B_AT_1E22, winner.predicted(), 1e-9);
        assertEquals(A_AT_1E22, loser.predicted(), 1e-9);
        assertEquals(B_AT_1E22, winner.observed(), 1e-12);
        assertEquals(1, winner.runs());
        assertEquals(1, winner.observedRank());
        assertEquals(Boolean.TRUE, at1e22.winnerCorrect());
        assertEquals(Boolean.TRUE, at1e22.rankingCorrect());
        // Exact data: every resample with two distinct C refits the same law, so the ranking always holds.
        // A resample of three runs fails when one C is drawn thrice (1 in 9). Each group's resamples are drawn
        // with its own seed, so the two fits lose different resamples: the resamples counted (both refits
        // fitted) are fewer than either fit kept, and at least 200 less both fits' losses.
        FitOutcome fitA = r.fits().stream().filter(f -> f.group().equals("recipe=a")).findFirst().orElseThrow();
        FitOutcome fitB = r.fits().stream().filter(f -> f.group().equals("recipe=b")).findFirst().orElseThrow();
        int failedA = fitA.uncertainty().failed();
        int failedB = fitB.uncertainty().failed();
        assertTrue(at1e22.resamples() < 200 - Math.max(failedA, failedB), at1e22.resamples() + " usable");
        assertTrue(at1e22.resamples() >= 200 - failedA - failedB, at1e22.resamples() + " usable");
        assertTrue(failedB > 0 && failedB < 60, "about 200/9 fail");
        assertNotEquals(fitA.uncertainty().seed(), fitB.uncertainty().seed(), "each group has its own seed");
        // The winner's probability comes from the back-tests: one origin (1e19) per fit, predicting 1e20
        // exactly, so every drawn error is 0 and b wins every draw.
        assertEquals(1, fitB.backtest().origins());
        assertEquals(0, fitB.backtest().errors().get(0).error(), 1e-12);
        assertEquals(1.0, at1e22.bootstrapWinnerProbability());
        assertEquals("a", at1e22.naiveWinner(), "a is better at 1e20, the largest fitted run");
        assertEquals(Boolean.FALSE, at1e22.naiveCorrect());
        assertEquals(1, at1e22.pairs());
        assertEquals(1, at1e22.pairsCorrect());
        assertEquals(1.0, at1e22.rankingProbability());
        assertEquals(1.0, at1e22.winnerProbability());
        assertEquals(1.0, winner.probabilityBest());
        assertEquals(0.0, loser.probabilityBest());
        assertEquals(B_AT_1E22, winner.low(), 1e-9);
        assertEquals(B_AT_1E22, winner.high(), 1e-9);

        // At 1e19 recipe a is better, and the runs there were fitted, not held out: nothing to score.
        Decision at1e19 = r.decisions().get(1);
        assertEquals("a", at1e19.choices().get(0).value());
        assertEquals(Math.exp(-50 * Math.pow(1e19, -0.10)), at1e19.choices().get(0).predicted(), 1e-9);
        assertEquals(0, at1e19.choices().get(0).runs());
        assertNull(at1e19.winnerCorrect());
        assertNull(at1e19.rankingCorrect());

        // A forecast at x = 1e24: the curves there, no observation.
        Decision forecast = r.decisions().get(2);
        assertEquals(1e24, forecast.x());
        assertEquals("b", forecast.choices().get(0).value());
        assertEquals(Math.exp(-500 * Math.pow(1e24, -0.15)), forecast.choices().get(0).predicted(), 1e-9);
        assertEquals(Math.exp(-50 * Math.pow(1e24, -0.10)), forecast.choices().get(1).predicted(), 1e-9);
        assertNull(forecast.winnerCorrect());
    }

    @Test
    void preferLowerTurnsTheRankingOverAndWithoutABootstrapThereAreNoProbabilities() throws Exception {
        StudyResult r = build("""
                  fit l to d by recipe
                    window C <= 1e20
                    holdout C > 1e20
                    compare recipe at C == 1e22 prefer lower
                """);
        Decision d = r.decisions().get(0);
        assertEquals("a", d.choices().get(0).value());
        assertEquals(Boolean.TRUE, d.winnerCorrect(), "a's observed accuracy is the lower one too");
        assertEquals(0, d.resamples());
        assertTrue(Double.isNaN(d.rankingProbability()));
        assertTrue(Double.isNaN(d.choices().get(0).low()));
    }

    @Test
    void mistakesArePointedAt() {
        assertEquals(List.of("6:13 'compare' ranks the groups of a column the fit groups by; this fit has no 'by':"
                + " add 'by recipe'"), errors("  fit l to d\n    holdout C > 1e20\n    compare recipe at 1e22"));
        assertEquals(List.of("4:32 'compare' ranks the groups of a column the fit groups by; 'recipes' is not one"
                        + " (this fit groups by recipe); did you mean 'recipe'?"),
                errors("  fit l to d by recipe compare recipes at 1e22"));
        assertEquals(List.of("4:42 a 'compare' target is a number (a value of the law's x, e.g. 1e22) or a condition"
                        + " selecting runs (e.g. params == 1.4e9), but this is text"),
                errors("  fit l to d by recipe compare recipe at \"x\""));
        assertEquals(List.of("4:42 this 'compare' target selects no run of data 'd'"),
                errors("  fit l to d by recipe compare recipe at C > 1e30"));
        assertEquals(List.of("4:42 a 'compare' target that is a number is a value of the law's x, a positive number"
                + " such as 1e22"), errors("  fit l to d by recipe compare recipe at -1"));
        assertEquals(List.of("4:54 'prefer' takes 'higher' or 'lower' (which value of the law's prediction is the"
                + " better choice), not 'sideways'"), errors("  fit l to d by recipe compare recipe at 1e22 prefer sideways"));
        assertEquals(List.of("5:24 law 'm' (custom) does not say whether a higher prediction is better; add"
                + " 'prefer higher' or 'prefer lower' to this 'compare'"),
                errors("  law m = acc ~ exp(-A * C^(-alpha)) { param A start 50 param alpha start 0.1 }\n"
                        + "  fit m to d by recipe compare recipe at 1e22"));
    }

    /** docs/results-json.md documents every key a decision writes to results.json (as ResultsJsonDocTest does for the rest). */
    @Test
    void everyKeyOfADecisionIsDocumented() throws Exception {
        StudyResult r = build("""
                  fit l to d by recipe
                    window C <= 1e20
                    holdout C > 1e20
                    bootstrap 50 seed 1
                    compare recipe at C == 1e22
                """);
        com.fasterxml.jackson.databind.JsonNode decision = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(org.scalestudy.report.ResultsJson.write(r)).get("decisions").get(0);
        String readme = Files.readString(Path.of("docs/results-json.md"));
        java.util.Set<String> keys = new java.util.TreeSet<>();
        decision.fieldNames().forEachRemaining(keys::add);
        decision.get("choices").get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(31, keys.size());
        for (String key : keys) {
            assertTrue(readme.contains("| `" + key + "` |"), "docs/results-json.md does not document key " + key);
        }
    }
}
