package org.scalestudy.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.scalestudy.results.Optimization;

/**
 * Runs a local {@link Minimizer} from every point of a list of starts and keeps the best; optionally
 * <em>polishes</em> the few best results with a second, tighter minimiser started where they
 * stopped (the common "screen loosely, finish tightly" pattern: scipy's {@code polish} in
 * differential evolution, for one). Starts run in parallel unless {@link #sequential()} is asked for.
 *
 * <p>The result does not depend on thread timing: every start (and every polish) is an independent
 * deterministic computation, and the best is chosen afterwards as the lowest finite objective, ties
 * going to the lowest start index. A start "reached the best" when its final objective (after
 * polishing, for polished starts) is within a relative {@link #AGREEMENT} of the best. Parallel
 * runs schedule starts dynamically over the common pool's threads and the caller's.
 *
 * <p>Immutable and thread-safe. The objective must allow concurrent calls (see {@link Objective}).
 */
public final class MultiStart {
    /** Starts whose objective is within this relative distance of the best count as having reached it. */
    public static final double AGREEMENT = 1e-6;

    private final Minimizer minimizer;
    private final Minimizer polisher;
    private final int polishCount;
    private final boolean parallel;

    /** Parallel multi-start with this minimiser and no polishing. */
    public MultiStart(Minimizer minimizer) {
        this(minimizer, null, 0, true);
    }

    private MultiStart(Minimizer minimizer, Minimizer polisher, int polishCount, boolean parallel) {
        if (minimizer == null || polishCount < 0 || (polisher == null) != (polishCount == 0)) {
            throw new IllegalArgumentException("a minimiser is required, and a polisher with a positive count");
        }
        this.minimizer = minimizer;
        this.polisher = polisher;
        this.polishCount = polishCount;
        this.parallel = parallel;
    }

    /** The same, but also restarting {@code polisher} from the {@code count} best results. */
    public MultiStart polishing(Minimizer polisher, int count) {
        if (polisher == null || count < 1) {
            throw new IllegalArgumentException("polishing needs a minimiser and a count >= 1");
        }
        return new MultiStart(minimizer, polisher, count, parallel);
    }

    /** The same, run on the calling thread only. */
    public MultiStart sequential() {
        return new MultiStart(minimizer, polisher, polishCount, false);
    }

    public Minimizer minimizer() {
        return minimizer;
    }

    public boolean parallel() {
        return parallel;
    }

    /** A few words for {@link Optimization#method()}, e.g. {@code L-BFGS-B, best 10 polished}. */
    public String describe() {
        return minimizer.name() + (polisher == null ? "" : ", best " + polishCount + " polished by " + polisher.name());
    }

    /**
     * The outcome of a multi-start run.
     *
     * @param best         the best start's local minimum (after polishing, if it was polished: then
     *                     iterations and evaluations add both stages, and the message tells both)
     * @param bestStart    its index in the list of starts
     * @param starts       how many starts were run
     * @param polished     how many of them were polished
     * @param startsAtBest how many reached the best objective within a relative {@link #AGREEMENT}
     * @param evaluations  objective evaluations summed over all starts and polishes
     */
    public record Result(Minimum best, int bestStart, int starts, int polished, int startsAtBest,
            long evaluations) {
        /** This result as the results model's account of an optimisation. */
        public Optimization toOptimization(String method) {
            String message = best.message() + "; best of " + starts + " starts"
                    + (polished > 0 ? " (" + polished + " polished)" : "") + " is #" + bestStart + "; "
                    + startsAtBest + " of " + starts + " reached its objective within relative "
                    + Lbfgsb.fmt(AGREEMENT);
            return new Optimization(method, best.value(), best.converged(), best.iterations(), evaluations, starts,
                    startsAtBest, best.gradientNorm(), message);
        }
    }

    /**
     * Minimises {@code f} from each start.
     *
     * @throws IllegalArgumentException when there are no starts or a start has the wrong dimension
     */
    public Result run(Objective f, List<double[]> starts, Bounds bounds) {
        int count = starts.size();
        if (count == 0) {
            throw new IllegalArgumentException("no starting points");
        }
        for (double[] start : starts) {
            if (start.length != f.dimension()) {
                throw new IllegalArgumentException("a starting point has " + start.length + " values; the objective "
                        + f.dimension() + " variables");
            }
        }
        Minimum[] minima = solveAll(count, i -> safely(minimizer, f, starts.get(i), bounds));
        long evaluations = 0;
        for (Minimum minimum : minima) {
            evaluations += minimum.evaluations();
        }

        int polished = 0;
        if (polisher != null) {
            Integer[] order = new Integer[count];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> rank(minima[i].value())).thenComparing(i -> i));
            int[] chosen = new int[Math.min(polishCount, count)];
            for (int k = 0; k < chosen.length; k++) {
                chosen[k] = order[k];
            }
            Minimum[] refined = solveAll(chosen.length, k -> safely(polisher, f, minima[chosen[k]].x(), bounds));
            for (int k = 0; k < chosen.length; k++) {
                Minimum first = minima[chosen[k]];
                Minimum second = refined[k];
                evaluations += second.evaluations();
                if (rank(second.value()) <= rank(first.value())) {
                    minima[chosen[k]] = new Minimum(second.x(), second.value(), second.converged(),
                            second.message() + " (polished after: " + first.message() + ")",
                            first.iterations() + second.iterations(), first.evaluations() + second.evaluations(),
                            second.gradientNorm());
                }
            }
            polished = chosen.length;
        }

        int best = 0;
        for (int i = 1; i < count; i++) {
            if (rank(minima[i].value()) < rank(minima[best].value())) {
                best = i;
            }
        }
        double bestValue = minima[best].value();
        int atBest = 0;
        if (Double.isFinite(bestValue)) {
            double tolerance = AGREEMENT * Math.abs(bestValue);
            for (Minimum minimum : minima) {
                if (Math.abs(minimum.value() - bestValue) <= tolerance) {
                    atBest++;
                }
            }
        }
        return new Result(minima[best], best, count, polished, atBest, evaluations);
    }

    /**
     * {@code solve(0 ... count-1)}, each result in its own slot. In parallel, one worker per thread
     * of the common pool (plus the caller) takes the next index from a shared counter until none is
     * left: dynamic scheduling, because the cost of a start varies a lot and costly starts cluster
     * in a grid (a parallel stream's few coarse chunks left one thread idle for a third of the time).
     * Which thread solves which index does not affect any result.
     */
    private Minimum[] solveAll(int count, IntFunction<Minimum> solve) {
        Minimum[] results = new Minimum[count];
        int workers = Math.min(count, ForkJoinPool.getCommonPoolParallelism() + 1);
        if (!parallel || workers <= 1) {
            for (int i = 0; i < count; i++) {
                results[i] = solve.apply(i);
            }
            return results;
        }
        AtomicInteger next = new AtomicInteger();
        IntStream.range(0, workers).parallel().forEach(worker -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                results[i] = solve.apply(i);
            }
        });
        return results;
    }

    /** Orders objective values: finite ones by value, then everything else. */
    private static double rank(double value) {
        return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
    }

    private static Minimum safely(Minimizer minimizer, Objective f, double[] start, Bounds bounds) {
        try {
            return minimizer.minimize(f, start, bounds);
        } catch (RuntimeException e) {
            return new Minimum(start, Double.NaN, false, "stopped: the objective failed: " + e, 0, 0, Double.NaN);
        }
    }
}
