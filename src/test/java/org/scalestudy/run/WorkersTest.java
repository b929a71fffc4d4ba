package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.StudyResult;

/**
 * Every core (issue 18): the run stage works on its own pool, a worker per processor, and leaves the common
 * ForkJoin pool (one worker fewer than the processors) alone.
 */
class WorkersTest {
    @TempDir
    Path dir;

    @Test
    void thePoolHasAWorkerPerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Workers.parallelism());
    }

    @Test
    void aBuildWithBootstrapAndBackTestsRunsNothingOnTheCommonPool() throws Exception {
        // The control: a parallel stream started outside the run stage is run in part by the common pool's
        // workers (64 tasks of 5 ms: the caller cannot finish them alone before a worker takes some), which the
        // pool counts as steals once each worker is done; so the count below can see a stray parallel stream.
        long control = ForkJoinPool.commonPool().getStealCount();
        IntStream.range(0, 64).parallel().forEach(i -> pause(5));
        assertTrue(settled(control) > control, "the control stream used the common pool");

        long before = ForkJoinPool.commonPool().getStealCount();
        // Two recipes of Eq. 2, each fitted with 200 bootstrap resamples (parallel), back-tests (parallel over
        // origins) and a multi-start search: every parallel step of the run stage.
        StudyResult result = RecipeStudy.build(dir, new double[] {3, 4}, new double[] {0.05, 0.06},
                "  law direct = direct_power(x: C, y: acc, baseline: 0)\n",
                "  fit direct to d by recipe\n    holdout C > 1e21\n    bootstrap 200 seed 3\n    predict 1e23\n");
        assertEquals(2, result.fits().size());
        assertEquals(200, result.fits().get(0).draws().count(), "the draws are kept with the fit");
        assertEquals(before, settled(before), "tasks run on the common pool");
    }

    /** The common pool's steal count once it has moved from {@code from}, or after 2 s when it does not. */
    private static long settled(long from) {
        for (int i = 0; i < 40 && ForkJoinPool.commonPool().getStealCount() == from; i++) {
            pause(50);
        }
        return ForkJoinPool.commonPool().getStealCount();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
