package org.scalestudy.fit;

import java.util.List;
import java.util.stream.IntStream;
import org.scalestudy.results.Optimization;

/**
 * Runs a local {@link Minimizer} from every point of a list of starts (in parallel on the common
 * fork-join pool, or sequentially) and keeps the best. The result does not depend on thread timing:
 * every start is an independent deterministic computation, and the best is chosen afterwards as the
 * lowest finite objective, ties going to the lowest start index. Immutable and thread-safe.
 */
public final class MultiStart {
    /** Starts whose objective is within this relative distance of the best count as having reached it. */
    public static final double AGREEMENT = 1e-6;

    private final Minimizer minimizer;
    private final boolean parallel;

    /** Parallel multi-start with this minimiser. */
    public MultiStart(Minimizer minimizer) {
        this(minimizer, true);
    }

    public MultiStart(Minimizer minimizer, boolean parallel) {
        this.minimizer = minimizer;
        this.parallel = parallel;
    }

    public Minimizer minimizer() {
        return minimizer;
    }

    public boolean parallel() {
        return parallel;
    }

    /**
     * The outcome of a multi-start run.
     *
     * @param best         the best start's local minimum
     * @param bestStart    its index in the list of starts
     * @param starts       how many starts were run
     * @param startsAtBest how many reached the best objective within a relative {@link #AGREEMENT}
     * @param evaluations  objective evaluations summed over all starts
     */
    public record Result(Minimum best, int bestStart, int starts, int startsAtBest, long evaluations) {
        /** This result as the results model's account of an optimisation. */
        public Optimization toOptimization(String method) {
            String message = best.message() + "; best of " + starts + " starts is start #" + bestStart + ", "
                    + startsAtBest + " of " + starts + " reached its objective (within relative "
                    + Lbfgsb.fmt(AGREEMENT) + ")";
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
        IntStream indices = IntStream.range(0, count);
        if (parallel) {
            indices = indices.parallel();
        }
        Minimum[] minima = indices.mapToObj(i -> safely(f, starts.get(i), bounds)).toArray(Minimum[]::new);

        int best = 0;
        long evaluations = 0;
        for (int i = 0; i < count; i++) {
            evaluations += minima[i].evaluations();
            if (better(minima[i].value(), minima[best].value())) {
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
        return new Result(minima[best], best, count, atBest, evaluations);
    }

    /** Strictly better: finite beats non-finite, then lower wins (so ties keep the earlier start). */
    private static boolean better(double candidate, double incumbent) {
        if (!Double.isFinite(candidate)) {
            return false;
        }
        return !Double.isFinite(incumbent) || candidate < incumbent;
    }

    private Minimum safely(Objective f, double[] start, Bounds bounds) {
        try {
            return minimizer.minimize(f, start, bounds);
        } catch (RuntimeException e) {
            return new Minimum(start, Double.NaN, false, "stopped: the objective failed: " + e.getMessage(), 0, 0,
                    Double.NaN);
        }
    }
}
