package org.scalestudy.law;

import java.util.List;
import java.util.Map;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;

/**
 * {@code chinchilla}: the loss law of Hoffmann et al. (2022), Approach 3,
 * <pre>  L(N, D) = E + A / N^alpha + B / D^beta</pre>
 * fitted as Besiroglu et al. (2024) replicate it: with {@code A = e^a, B = e^b, E = e^e}, minimise
 * the Huber loss (threshold {@code delta}, default 1e-3) <em>summed</em> over runs of
 * {@code log L - logsumexp(a - alpha log N, b - beta log D, e)} ({@link ChinchillaObjective}) with L-BFGS
 * (analytic gradient, no bounds) from every point of their grid of 4,500 starts, keeping the best; how the grid
 * is searched is {@link ChinchillaSearch}'s, and a fit's method line is that search's own description.
 *
 * <p>Arguments: INPUT {@code N} (parameters), INPUT {@code D} (training tokens), INPUT {@code y}
 * (loss), OPTION {@code delta}. Rows with a non-positive or non-finite N, D or L are unusable.
 * The chart's axis is compute {@code C = 6 N D} ({@link ChinchillaCurve}); compute is allocated by Hoffmann et
 * al.'s closed form ({@link ChinchillaLaw#computeOptimal}).
 *
 * <p>This class is the law's kind and its public entry points (the search, the grid, the objective, the
 * parameter map and the allocation), for other stages and laws that build on the Chinchilla form; the law
 * itself is {@link ChinchillaLaw}.
 */
public final class Chinchilla implements LawKind {
    public static final String NAME = "chinchilla";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("N", "model parameters"),
            ArgSpec.input("D", "training tokens"),
            ArgSpec.input("y", "the observed loss L"),
            ArgSpec.option("delta", "threshold of the Huber loss on log L", 1e-3));

    /** The best results of the screen that are polished ({@link ChinchillaSearch#POLISHED}). */
    public static final int POLISHED = ChinchillaSearch.POLISHED;
    /** Starts searched at a time, lowest objective first ({@link ChinchillaSearch#BATCH}). */
    public static final int BATCH = ChinchillaSearch.BATCH;
    /** Searched starts that must agree on the best before the search stops ({@link ChinchillaSearch#AGREEING}). */
    public static final int AGREEING = ChinchillaSearch.AGREEING;
    /** The grid searched exhaustively, the reference {@link #SEARCH} is measured against. */
    public static final MultiStart<Objective> EXHAUSTIVE = ChinchillaSearch.EXHAUSTIVE;
    /** How the grid is searched (see {@link ChinchillaSearch}). */
    public static final MultiStart<Objective> SEARCH = ChinchillaSearch.SEARCH;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Chinchilla loss law L = E + A/N^alpha + B/D^beta (Hoffmann et al. 2022), fitted as "
                + "Besiroglu et al. (2024): Huber on log L, L-BFGS from 4,500 starts";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        double delta = LawSupport.options(this, options)[0];
        if (!Double.isFinite(delta) || delta <= 0) {
            throw new IllegalArgumentException("delta must be a finite number > 0, got " + delta);
        }
        return new ChinchillaLaw(delta);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The 4,500 starting points, each {@code (a, b, e, alpha, beta)} (copies). */
    public static List<double[]> startGrid() {
        return ChinchillaSearch.startGrid();
    }

    /**
     * The fit's objective over {@code (a, b, e, alpha, beta)} for these rows ({@code {N, D, L}}, all
     * usable): {@code sum_i Huber_delta(log L_i - logsumexp(a - alpha log N_i, b - beta log D_i, e))}.
     */
    public static Objective objective(double[][] rows, double delta) {
        return new ChinchillaObjective(rows, delta, true);
    }

    /**
     * The same objective with every row evaluated on its own, even when rows repeat, as before repeats
     * were merged: the benchmarks' baseline for "today's" speed. Same values to rounding.
     */
    public static Objective objectiveEveryRow(double[][] rows, double delta) {
        return new ChinchillaObjective(rows, delta, false);
    }

    /** The law's parameters {@code (E, A, B, alpha, beta)} from the objective's variables. */
    public static double[] parameters(double[] theta) {
        return ChinchillaSearch.parameters(theta);
    }

    /** See {@link Law#computeOptimal}; null when alpha or beta is not positive. */
    public static Allocation optimum(double[] params, double compute) {
        return ChinchillaLaw.optimum(params, compute);
    }

    /** The predicted loss {@code E + A / N^alpha + B / D^beta} for {@code params = (E, A, B, alpha, beta)}. */
    static double loss(double[] params, double n, double d) {
        return ChinchillaLaw.loss(params, n, d);
    }
}
