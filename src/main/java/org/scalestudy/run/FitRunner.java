package org.scalestudy.run;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalestudy.check.FitTask;
import org.scalestudy.results.FitOutcome;

/**
 * Runs fit tasks, taking outcomes from a {@link FitCache} when it holds them (the result is the same either
 * way: the cache stores outcomes exactly, with their bootstrap draws), counting which were cached, which ran and
 * how many bootstrap refits ran, and telling a {@link Progress}. Joint fits are cached too (their key holds
 * their partners' inputs), and so are the joint bootstraps of their multipliers. Thread-safe.
 */
final class FitRunner {
    private final FitCache cache;
    private final Progress progress;
    private final AtomicInteger cached = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicLong refits = new AtomicLong();

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
        return fit(task, sweep, null, List.of());
    }

    /**
     * @param joint    the task's joint refit ({@link JointFits}), or null
     * @param partners the tasks it is fitted jointly with, itself included (empty: alone); part of the cache key,
     *                 since a joint fit depends on their rows too
     */
    FitOutcome fit(FitTask task, boolean sweep, Refit joint, List<FitTask> partners) {
        if (cache == null) {
            return ran(Interpreter.fit(task, sweep, joint, backtests));
        }
        String key = cache.key(task, sweep, partners);
        Optional<FitOutcome> stored = cache.load(key);
        if (stored.isPresent()) {
            cached.incrementAndGet();
            progress.fitDone(true);
            return atLine(stored.get(), task.line());
        }
        FitOutcome outcome = ran(Interpreter.fit(task, sweep, joint, true));
        cache.store(key, outcome);
        return outcome;
    }

    /** Counts a fit that ran, and its bootstrap refits. */
    private FitOutcome ran(FitOutcome outcome) {
        ran.incrementAndGet();
        if (outcome.uncertainty() != null) {
            refits.addAndGet(outcome.uncertainty().resamples());
        }
        progress.fitDone(false);
        return outcome;
    }

    /**
     * The joint bootstrap draws of {@code members}' multipliers, from the cache when it holds them, else
     * computed (and counted: one refit per resample) and stored.
     */
    double[][] jointDraws(List<FitTask> members, Supplier<double[][]> compute) {
        String key = cache == null ? null : cache.jointKey(members);
        if (key != null) {
            Optional<double[][]> stored = cache.loadRows(key);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        double[][] draws = compute.get();
        refits.addAndGet(draws.length);
        if (key != null) {
            cache.storeRows(key, draws);
        }
        return draws;
    }

    /** Bootstrap refits run so far (a joint bootstrap's resample counts once): none when every fit is cached. */
    long refits() {
        return refits.get();
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
