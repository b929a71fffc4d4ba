package org.scalestudy.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs a local {@link Minimizer} from every point of a list of starts and keeps the best; optionally
 * <em>polishes</em> the few best results with a second, tighter minimiser started where they
 * stopped (the common "screen loosely, finish tightly" pattern: scipy's {@code polish} in
 * differential evolution, for one). Starts run in parallel unless {@link #sequential()} is asked for.
 *
 * <p>Two more stages are optional. <em>Screening</em> ({@link #screening}) is the reduced sample of
 * multi-level single linkage (Rinnooy Kan and Timmer, 1987): the objective is evaluated at every
 * start, and local searches run only from the starts with the lowest values, a batch at a time in
 * that order, until at least a given number of the searched starts agree on the best objective (or
 * every start has been searched). A grid start's value is a cheap predictor of where its search
 * ends: on Epoch AI's Chinchilla data, the 200 lowest of the 4,500 grid starts hold about 10 to 20 of those
 * reaching the best optimum, while most of the others drift into sub-models with a vanished term
 * (see {@code ChinchillaBootstrapBench} for the measured agreement with the exhaustive grid).
 * <em>Finishing</em> ({@link #finishing}) restarts one more minimiser (e.g. {@link Newton}) from the
 * best polished point, for the last digits a quasi-Newton polish leaves.
 *
 * <p>The result does not depend on thread timing: every start (and every polish) is an independent
 * deterministic computation, and the best is chosen afterwards as the lowest finite objective, ties
 * going to the lowest start index; screening ranks the starts by value, ties by index, and decides
 * after each whole batch. A start "reached the best" when its final objective (after
 * polishing, for polished starts) is within a relative {@link #AGREEMENT} of the best. Parallel
 * runs schedule starts dynamically over the threads of the pool they run on.
 *
 * <p>{@link #run} returns the best start's {@link OptimizeResult}, with the evaluations of every start and
 * stage summed, the starts searched and at the best counted, and a message that tells the search's
 * outcome after the best start's own; {@link #method} words the search for a fit's method line, so that
 * what a report says was run is what ran.
 *
 * <p>Immutable and thread-safe. The objective must allow concurrent calls (see {@link Objective}).
 *
 * @param <F> the objectives searched: any {@link Objective}, or {@link Residuals} for least squares
 */
public final class MultiStart<F extends Objective> {
    /** Starts whose objective is within this relative distance of the best count as having reached it. */
    public static final double AGREEMENT = 1e-6;

    private final Minimizer<? super F> minimizer;
    private final Minimizer<? super F> polisher;
    private final int polishCount;
    private final boolean parallel;
    /** Starts searched per batch when screening, or 0: every start is searched. */
    private final int batch;
    /** When screening: how many searched starts must agree on the best before the search stops. */
    private final int agreeing;
    private final Minimizer<? super F> finisher;

    /** Parallel multi-start with this minimiser and no polishing. */
    public MultiStart(Minimizer<? super F> minimizer) {
        this(minimizer, null, 0, true, 0, 0, null);
    }

    private MultiStart(Minimizer<? super F> minimizer, Minimizer<? super F> polisher, int polishCount,
            boolean parallel, int batch, int agreeing, Minimizer<? super F> finisher) {
        if (minimizer == null || polishCount < 0 || (polisher == null) != (polishCount == 0)) {
            throw new IllegalArgumentException("a minimiser is required, and a polisher with a positive count");
        }
        this.minimizer = minimizer;
        this.polisher = polisher;
        this.polishCount = polishCount;
        this.parallel = parallel;
        this.batch = batch;
        this.agreeing = agreeing;
        this.finisher = finisher;
    }

    /** The same, but also restarting {@code polisher} from the {@code count} best results. */
    public MultiStart<F> polishing(Minimizer<? super F> polisher, int count) {
        if (polisher == null || count < 1) {
            throw new IllegalArgumentException("polishing needs a minimiser and a count >= 1");
        }
        return new MultiStart<>(minimizer, polisher, count, parallel, batch, agreeing, finisher);
    }

    /**
     * The same, but searching only from the starts with the lowest objective: {@code batch} at a time,
     * lowest first, until at least {@code agreeing} of the searched starts (before polishing) are
     * within a relative {@link #AGREEMENT} of the best of them, or every start has been searched.
     */
    public MultiStart<F> screening(int batch, int agreeing) {
        if (batch < 1 || agreeing < 1) {
            throw new IllegalArgumentException("screening needs a batch >= 1 and an agreement count >= 1");
        }
        return new MultiStart<>(minimizer, polisher, polishCount, parallel, batch, agreeing, finisher);
    }

    /** The same, but restarting {@code finisher} from the best (polished) point; kept when not worse. */
    public MultiStart<F> finishing(Minimizer<? super F> finisher) {
        if (finisher == null) {
            throw new IllegalArgumentException("finishing needs a minimiser");
        }
        return new MultiStart<>(minimizer, polisher, polishCount, parallel, batch, agreeing, finisher);
    }

    /** The same, searching from every start (no screening). */
    public MultiStart<F> exhaustive() {
        return new MultiStart<>(minimizer, polisher, polishCount, parallel, 0, 0, finisher);
    }

    /** The same, run on the calling thread only. */
    public MultiStart<F> sequential() {
        return new MultiStart<>(minimizer, polisher, polishCount, false, batch, agreeing, finisher);
    }

    public Minimizer<? super F> minimizer() {
        return minimizer;
    }

    public boolean parallel() {
        return parallel;
    }

    /**
     * A fit's method line for this search: the minimiser, what it minimises, and how the starts are searched,
     * e.g. {@code L-BFGS-B, Huber(0.001) summed on log L, 81 starts}, or, screening, polishing and finishing,
     * {@code L-BFGS-B, Huber(0.001) summed on log L, from the lowest 50 of the 4,500-start grid at a time until 3
     * agree, best 10 polished, the best finished by Newton}.
     *
     * @param objective what is minimised, e.g. {@code Huber(0.001) summed on log L}
     * @param starts    the starts, as a noun phrase: {@code 81 starts}, {@code 4,500-start grid}
     */
    public String method(String objective, String starts) {
        return minimizer.name() + ", " + objective + ", "
                + (batch > 0 ? "from the lowest " + batch + " of the " + starts + " at a time until " + agreeing + " agree"
                        : starts)
                + (polisher == null ? "" : ", best " + polishCount + " polished")
                + (finisher == null ? "" : ", the best finished by " + finisher.name());
    }

    /**
     * Minimises {@code f} from each start (or, when screening, from those with the lowest objective).
     *
     * The best start's result (after polishing and finishing, if it was: then its iterations add the stages, and
     * its message tells each), with the evaluations of screening and of every search and stage summed, the
     * starts searched (all of them, unless screening left some out), how many of them reached the best
     * objective within a relative {@link #AGREEMENT}, and the search's account after the best start's message:
     * which start was best, how many were polished, of how many given. Its method is the minimiser's name;
     * a law puts its {@link #method} line in its place.
     *
     * @throws IllegalArgumentException when there are no starts or a start has the wrong dimension
     */
    public OptimizeResult run(F f, List<double[]> starts, Bounds bounds) {
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
        long evaluations = 0;
        int[] searched; // indices of the starts searched
        OptimizeResult[] minima = new OptimizeResult[count]; // null: not searched
        if (batch > 0 && batch < count) {
            double[] values = startValues(f, starts, bounds);
            evaluations += count;
            int[] order = byValue(values);
            int done = 0;
            while (done < count) {
                int from = done;
                int to = Math.min(count, done + batch);
                OptimizeResult[] part = solveAll(to - from, k -> safely(minimizer, f, starts.get(order[from + k]), bounds));
                for (int k = 0; k < part.length; k++) {
                    minima[order[from + k]] = part[k];
                }
                done = to;
                if (atBest(minima) >= agreeing) {
                    break;
                }
            }
            searched = Arrays.copyOf(order, done);
            Arrays.sort(searched);
        } else {
            OptimizeResult[] all = solveAll(count, i -> safely(minimizer, f, starts.get(i), bounds));
            System.arraycopy(all, 0, minima, 0, count);
            searched = IntStream.range(0, count).toArray();
        }
        for (int i : searched) {
            evaluations += minima[i].evaluations();
        }

        int polished = 0;
        if (polisher != null) {
            Integer[] order = Arrays.stream(searched).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> rank(minima[i].objective())).thenComparing(i -> i));
            int[] chosen = new int[Math.min(polishCount, order.length)];
            for (int k = 0; k < chosen.length; k++) {
                chosen[k] = order[k];
            }
            OptimizeResult[] refined = solveAll(chosen.length, k -> safely(polisher, f, minima[chosen[k]].x(), bounds));
            for (int k = 0; k < chosen.length; k++) {
                evaluations += refined[k].evaluations();
                minima[chosen[k]] = combine(minima[chosen[k]], refined[k], "polished");
            }
            polished = chosen.length;
        }

        int best = searched[0];
        for (int i : searched) {
            if (rank(minima[i].objective()) < rank(minima[best].objective())) {
                best = i;
            }
        }
        if (finisher != null && Double.isFinite(minima[best].objective())) {
            OptimizeResult finished = safely(finisher, f, minima[best].x(), bounds);
            evaluations += finished.evaluations();
            minima[best] = combine(minima[best], finished, "finished");
        }
        OptimizeResult top = minima[best];
        int at = atBest(minima);
        String searchedText = searched.length == count ? count + " starts"
                : searched.length + " starts (the lowest of " + count + " by objective)";
        String message = top.message() + "; best of " + searchedText + (polished > 0 ? " (" + polished + " polished)" : "")
                + " is #" + best + "; " + at + " of " + searched.length + " reached its objective within relative "
                + OptimizeResult.fmt(AGREEMENT);
        return new OptimizeResult(minimizer.name(), top.x(), top.objective(), top.converged(), message,
                top.iterations(), evaluations, searched.length, at, top.gradientNorm(), bounds.active(top.x()),
                top.standardErrors());
    }

    /**
     * {@code second}, run from where {@code first} stopped, when it is not worse (with both stages'
     * iterations and evaluations, and both messages); else {@code first}.
     */
    private static OptimizeResult combine(OptimizeResult first, OptimizeResult second, String stage) {
        if (rank(second.objective()) > rank(first.objective())) {
            return first;
        }
        return OptimizeResult.local(second.method(), second.x(), second.objective(), second.converged(),
                second.message() + " (" + stage + " after: " + first.message() + ")",
                first.iterations() + second.iterations(), first.evaluations() + second.evaluations(),
                second.gradientNorm());
    }

    /** How many of the searched starts (non-null) are within a relative {@link #AGREEMENT} of their best. */
    private static int atBest(OptimizeResult[] minima) {
        double best = Double.POSITIVE_INFINITY;
        for (OptimizeResult m : minima) {
            if (m != null) {
                best = Math.min(best, rank(m.objective()));
            }
        }
        if (!Double.isFinite(best)) {
            return 0;
        }
        double tolerance = AGREEMENT * Math.abs(best);
        int at = 0;
        for (OptimizeResult m : minima) {
            if (m != null && Math.abs(m.objective() - best) <= tolerance) {
                at++;
            }
        }
        return at;
    }

    /** Starts whose objective values one call to {@link Objective#values} computes, when screening. */
    static final int SCREEN_CHUNK = 500;

    /**
     * The objective at every start (projected into the box), by {@link Objective#values} on chunks of
     * {@link #SCREEN_CHUNK} starts, the chunks in parallel when allowed.
     */
    private double[] startValues(Objective f, List<double[]> starts, Bounds bounds) {
        double[] values = new double[starts.size()];
        List<double[]> projected = new ArrayList<>(starts.size());
        for (double[] start : starts) {
            projected.add(bounds.project(start));
        }
        int chunks = (values.length + SCREEN_CHUNK - 1) / SCREEN_CHUNK;
        IntStream indices = IntStream.range(0, chunks);
        (parallel ? indices.parallel() : indices).forEach(c -> {
            int from = c * SCREEN_CHUNK;
            double[] part = f.values(projected.subList(from, Math.min(values.length, from + SCREEN_CHUNK)));
            for (int k = 0; k < part.length; k++) {
                values[from + k] = rank(part[k]);
            }
        });
        return values;
    }

    /** The indices 0 ... n-1 ordered by value (non-finite last), ties by index. */
    private static int[] byValue(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> values[i]).thenComparing(i -> i));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code solve(0 ... count-1)}, each result in its own slot. In parallel, one worker per thread
     * of the pool it runs on (outside a pool: of the common pool, plus the caller) takes the next index
     * from a shared counter until none is left: dynamic scheduling, because the cost of a start varies a lot and costly starts cluster
     * in a grid (a parallel stream's few coarse chunks left one thread idle for a third of the time).
     * Which thread solves which index does not affect any result.
     */
    private OptimizeResult[] solveAll(int count, IntFunction<OptimizeResult> solve) {
        OptimizeResult[] results = new OptimizeResult[count];
        // The pool this runs on (the run stage's own, sized to the machine), else the common pool and the caller.
        int threads = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool().getParallelism()
                : ForkJoinPool.getCommonPoolParallelism() + 1;
        int workers = Math.min(count, threads);
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

    private static <F extends Objective> OptimizeResult safely(Minimizer<? super F> minimizer, F f, double[] start,
            Bounds bounds) {
        try {
            return minimizer.minimize(f, start, bounds);
        } catch (RuntimeException e) {
            return OptimizeResult.local(minimizer.name(), start, Double.NaN, false, "stopped: the objective failed: " + e,
                    0, 0, Double.NaN);
        }
    }
}
