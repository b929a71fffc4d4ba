package org.scalestudy.run;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * The threads the run stage works on: one pool with a worker per available processor. Parallel streams started
 * inside it (fits, bootstrap resamples, back-test origins) run on its workers. The common pool has one worker
 * fewer than there are processors, so on 2 cores a build used little more than one (measured by
 * {@code IntervalCostBench}). Results do not depend on the pool: every parallel step combines its parts in order.
 */
final class Workers {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private Workers() {
    }

    /** How many workers the pool has: one per available processor. */
    static int parallelism() {
        return POOL.getParallelism();
    }

    /** {@code work}'s value, computed on the pool (directly when already on it). */
    static <T> T call(Supplier<T> work) {
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == POOL) {
            return work.get();
        }
        return POOL.submit(work::get).join();
    }
}
