package org.scalestudy.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalestudy.check.FitTask;
import org.scalestudy.results.FitOutcome;

/**
 * Runs fit tasks, taking outcomes from a {@link FitCache} when it holds them (the result is the same either
 * way: the cache stores outcomes exactly), counting which were cached and which ran, and telling a
 * {@link Progress}. Thread-safe.
 */
final class FitRunner {
    private final FitCache cache;
    private final Progress progress;
    private final AtomicInteger cached = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();

    private final boolean backtests;

    /** @param cache null for none */
    FitRunner(FitCache cache, Progress progress) {
        this(cache, progress, true);
    }

    /**
     * @param backtests false to leave the back-tests (and so the prediction intervals) out: only for measuring
     *                  what they cost ({@code IntervalCostBench}); never with a cache
     */
    FitRunner(FitCache cache, Progress progress, boolean backtests) {
        if (!backtests && cache != null) {
            throw new IllegalArgumentException("fits without back-tests must not be cached");
        }
        this.cache = cache;
        this.progress = progress;
        this.backtests = backtests;
    }

    /** @param sweep whether to run the fit-window sweep too (it is part of the outcome, so of the cache key) */
    FitOutcome fit(FitTask task, boolean sweep) {
        return fit(task, sweep, null);
    }

    /**
     * @param joint the task's joint refit ({@link JointFits}), or null. A joint fit depends on the other groups'
     *              rows too, which the cache key does not hold, so it always runs (a closed form: cheap).
     */
    FitOutcome fit(FitTask task, boolean sweep, Refit joint) {
        if (cache == null || joint != null) {
            FitOutcome outcome = Interpreter.fit(task, sweep, joint, backtests);
            ran.incrementAndGet();
            progress.fitDone(false);
            return outcome;
        }
        String key = cache.key(task, sweep);
        Optional<FitOutcome> stored = cache.load(key);
        if (stored.isPresent()) {
            cached.incrementAndGet();
            progress.fitDone(true);
            return atLine(stored.get(), task.line());
        }
        FitOutcome outcome = Interpreter.fit(task, sweep);
        cache.store(key, outcome);
        ran.incrementAndGet();
        progress.fitDone(false);
        return outcome;
    }

    int cached() {
        return cached.get();
    }

    int ran() {
        return ran.get();
    }

    /** The line is left out of the key, so that moving a fit statement does not refit it. */
    private static FitOutcome atLine(FitOutcome f, int line) {
        if (f.line() == line) {
            return f;
        }
        return f.withLine(line);
    }
}
