package org.scalestudy.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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
 * <p>Immutable and thread-safe. The objective must allow concurrent calls (see {@link Objective}).
 */
public final class MultiStart {
    /** Starts whose objective is within this relative distance of the best count as having reached it. */
    public static final double AGREEMENT = 1e-6;

    private final Minimizer minimizer;
    private final Minimizer polisher;
    private final int polishCount;
    private final boolean parallel;
    /** Starts searched per batch when screening, or 0: every start is searched. */
    private final int batch;
    /** When screening: how many searched starts must agree on the best before the search stops. */
    private final int agreeing;
    private final Minimizer finisher;

    /** Parallel multi-start with this minimiser and no polishing. */
    public MultiStart(Minimizer minimizer) {
        this(minimizer, null, 0, true, 0, 0, null);
    }

    private MultiStart(Minimizer minimizer, Minimizer polisher, int polishCount, boolean parallel, int batch,
            int agreeing, Minimizer finisher) {
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
    public MultiStart polishing(Minimizer polisher, int count) {
        if (polisher == null || count < 1) {
            throw new IllegalArgumentException("polishing needs a minimiser and a count >= 1");
        }
        return new MultiStart(minimizer, polisher, count, parallel, batch, agreeing, finisher);
    }

    /**
     * The same, but searching only from the starts with the lowest objective: {@code batch} at a time,
     * lowest first, until at least {@code agreeing} of the searched starts (before polishing) are
     * within a relative {@link #AGREEMENT} of the best of them, or every start has been searched.
     */
    public MultiStart screening(int batch, int agreeing) {
        if (batch < 1 || agreeing < 1) {
            throw new IllegalArgumentException("screening needs a batch >= 1 and an agreement count >= 1");
        }
        return new MultiStart(minimizer, polisher, polishCount, parallel, batch, agreeing, finisher);
    }

    /** The same, but restarting {@code finisher} from the best (polished) point; kept when not worse. */
    public MultiStart finishing(Minimizer finisher) {
        if (finisher == null) {
            throw new IllegalArgumentException("finishing needs a minimiser");
        }
        return new MultiStart(minimizer, polisher, polishCount, parallel, batch, agreeing, finisher);
    }

    /** The same, searching from every start (no screening). */
    public MultiStart exhaustive() {
        return new MultiStart(minimizer, polisher, polishCount, parallel, 0, 0, finisher);
    }

    /** The same, run on the calling thread only. */
    public MultiStart sequential() {
        return new MultiStart(minimizer, polisher, polishCount, false, batch, agreeing, finisher);
    }

    public Minimizer minimizer() {
        return minimizer;
    }

    public boolean parallel() {
        return parallel;
    }

    /** Whether only the starts with the lowest objective are searched (see {@link #screening}). */
    public boolean screens() {
        return batch > 0;
    }

    /** A few words for {@link Optimization#method()}, e.g. {@code L-BFGS-B, best 10 polished}. */
    public String describe() {
        return (batch > 0 ? "the lowest " + batch + " starts at a time (until " + agreeing + " agree) by " : "")
                + minimizer.name() + (polisher == null ? "" : ", best " + polishCount + " polished by " + polisher.name())
                + (finisher == null ? "" : ", the best finished by " + finisher.name());
    }

    /**
     * The outcome of a multi-start run.
     *
     * @param best         the best start's local minimum (after polishing and finishing, if it was: then
     *                     iterations and evaluations add the stages, and the message tells each)
     * @param bestStart    its index in the list of starts
     * @param starts       how many starts were searched (all of them, unless screening left some out)
     * @param polished     how many of them were polished
     * @param startsAtBest how many reached the best objective within a relative {@link #AGREEMENT}
     * @param evaluations  objective evaluations summed over screening, all searches and polishes
     * @param candidates   how many starts were given (screening evaluated each once)
     */
    public record Result(Minimum best, int bestStart, int starts, int polished, int startsAtBest,
            long evaluations, int candidates) {
        /** This result as the results model's account of an optimisation. */
        public Optimization toOptimization(String method) {
            String searched = starts == candidates ? starts + " starts"
                    : starts + " starts (the lowest of " + candidates + " by objective)";
            String message = best.message() + "; best of " + searched
                    + (polished > 0 ? " (" + polished + " polished)" : "") + " is #" + bestStart + "; "
                    + startsAtBest + " of " + starts + " reached its objective within relative "
                    + Lbfgsb.fmt(AGREEMENT);
            return new Optimization(method, best.value(), best.converged(), best.iterations(), evaluations, starts,
                    startsAtBest, best.gradientNorm(), message);
        }
    }

    /**
     * Minimises {@code f} from each start (or, when screening, from those with the lowest objective).
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
        long evaluations = 0;
        int[] searched; // indices of the starts searched
        Minimum[] minima = new Minimum[count]; // null: not searched
        if (batch > 0 && batch < count) {
            double[] values = startValues(f, starts, bounds);
            evaluations += count;
            int[] order = byValue(values);
            int done = 0;
            while (done < count) {
                int from = done;
                int to = Math.min(count, done + batch);
                Minimum[] part = solveAll(to - from, k -> safely(minimizer, f, starts.get(order[from + k]), bounds));
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
            Minimum[] all = solveAll(count, i -> safely(minimizer, f, starts.get(i), bounds));
            System.arraycopy(all, 0, minima, 0, count);
            searched = IntStream.range(0, count).toArray();
        }
        for (int i : searched) {
            evaluations += minima[i].evaluations();
        }

        int polished = 0;
        if (polisher != null) {
            Integer[] order = Arrays.stream(searched).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> rank(minima[i].value())).thenComparing(i -> i));
            int[] chosen = new int[Math.min(polishCount, order.length)];
            for (int k = 0; k < chosen.length; k++) {
                chosen[k] = order[k];
            }
            Minimum[] refined = solveAll(chosen.length, k -> safely(polisher, f, minima[chosen[k]].x(), bounds));
            for (int k = 0; k < chosen.length; k++) {
                evaluations += refined[k].evaluations();
                minima[chosen[k]] = combine(minima[chosen[k]], refined[k], "polished");
            }
            polished = chosen.length;
        }

        int best = searched[0];
        for (int i : searched) {
            if (rank(minima[i].value()) < rank(minima[best].value())) {
                best = i;
            }
        }
        if (finisher != null && Double.isFinite(minima[best].value())) {
            Minimum finished = safely(finisher, f, minima[best].x(), bounds);
            evaluations += finished.evaluations();
            minima[best] = combine(minima[best], finished, "finished");
        }
        return new Result(minima[best], best, searched.length, polished, atBest(minima), evaluations, count);
    }

    /**
     * {@code second}, run from where {@code first} stopped, when it is not worse (with both stages'
     * iterations and evaluations, and both messages); else {@code first}.
     */
    private static Minimum combine(Minimum first, Minimum second, String stage) {
        if (rank(second.value()) > rank(first.value())) {
            return first;
        }
        return new Minimum(second.x(), second.value(), second.converged(),
                second.message() + " (" + stage + " after: " + first.message() + ")",
                first.iterations() + second.iterations(), first.evaluations() + second.evaluations(),
                second.gradientNorm());
    }

    /** How many of the searched starts (non-null) are within a relative {@link #AGREEMENT} of their best. */
    private static int atBest(Minimum[] minima) {
        double best = Double.POSITIVE_INFINITY;
        for (Minimum m : minima) {
            if (m != null) {
                best = Math.min(best, rank(m.value()));
            }
        }
        if (!Double.isFinite(best)) {
            return 0;
        }
        double tolerance = AGREEMENT * Math.abs(best);
        int at = 0;
        for (Minimum m : minima) {
            if (m != null && Math.abs(m.value() - best) <= tolerance) {
                at++;
            }
        }
        return at;
    }

    /** The objective at every start (projected into the box), in parallel when allowed. */
    private double[] startValues(Objective f, List<double[]> starts, Bounds bounds) {
        double[] values = new double[starts.size()];
        IntStream indices = IntStream.range(0, values.length);
        (parallel ? indices.parallel() : indices).forEach(i -> {
            double[] x = bounds.project(starts.get(i));
            double v;
            try {
                v = f.value(x);
            } catch (RuntimeException e) {
                v = Double.NaN;
            }
            values[i] = rank(v);
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
    private Minimum[] solveAll(int count, IntFunction<Minimum> solve) {
        Minimum[] results = new Minimum[count];
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

    private static Minimum safely(Minimizer minimizer, Objective f, double[] start, Bounds bounds) {
        try {
            return minimizer.minimize(f, start, bounds);
        } catch (RuntimeException e) {
            return new Minimum(start, Double.NaN, false, "stopped: the objective failed: " + e, 0, 0, Double.NaN);
        }
    }
}
