package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.StudyResult;

/**
 * Joint fits are cached (issue 18) and their key holds their partners' inputs: two recipes fitted with
 * {@code share alpha across recipe} and 100 bootstrap resamples each (plus the joint bootstrap of the multiplier).
 */
class JointFitCacheTest {
    private static final String LAWS = "  law l = direct_power(x: C, y: acc)\n";
    private static final String FIT = """
              fit l to d by recipe
                bootstrap 100 seed 2
                share alpha across recipe
            """;

    @TempDir
    Path dir;

    private Pipeline.Run cached(Path cache) throws Exception {
        Pipeline.Checked checked = Pipeline.check(StudyFiles.find(List.of(dir.resolve("t.study"))));
        return Pipeline.run(checked, new FitCache(cache, "test"), Progress.NONE);
    }

    @Test
    void aCachedJointFitRunsNothingAndAPartnersChangeRefitsBoth() throws Exception {
        Path cache = dir.resolve("cache");
        StudyResult reference = RecipeStudy.build(dir, new double[] {50, 80}, new double[] {0.1, 0.1}, LAWS, FIT);
        Pipeline.Run cold = cached(cache);
        // Two fits, each 100 resamples, and the joint bootstrap of the multiplier: 100 more.
        assertEquals(List.of(2, 0, 300L), List.of(cold.ranFits(), cold.cachedFits(), cold.bootstrapRefits()));
        assertEquals(reference, cold.results().get(0), "the cache does not change a result");

        Pipeline.Run warm = cached(cache);
        assertEquals(List.of(0, 2, 0L), List.of(warm.ranFits(), warm.cachedFits(), warm.bootstrapRefits()));
        assertEquals(reference, warm.results().get(0), "the same results from the cache, draws included");

        // Only recipe b's runs change, yet a's fit shares alpha with them: both refit, and the multiplier's
        // joint bootstrap runs again.
        StudyResult changed = RecipeStudy.build(dir, new double[] {50, 90}, new double[] {0.1, 0.1}, LAWS, FIT);
        Pipeline.Run again = cached(cache);
        assertEquals(List.of(2, 0, 300L), List.of(again.ranFits(), again.cachedFits(), again.bootstrapRefits()));
        assertEquals(changed, again.results().get(0));
    }
}
