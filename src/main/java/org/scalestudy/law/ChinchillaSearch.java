package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Grid;
import org.scalestudy.fit.Lbfgsb;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Newton;
import org.scalestudy.fit.Objective;
import org.scalestudy.fit.OptimizeResult;

/**
 * How {@link Chinchilla} is fitted: Besiroglu et al.'s grid of 4,500 starts over {@code (a, b, e, alpha, beta)}
 * (alpha, beta in {0, 0.5, ..., 2}, e in {-1, -0.5, ..., 1}, a, b in {0, 5, ..., 25}) searched by
 * {@link #SEARCH}, the same for the fit, every bootstrap resample and every refit of the fit-window sweep.
 *
 * <p>The objective ({@link ChinchillaObjective}) is evaluated at every start, and L-BFGS with scipy's default
 * tolerances (what Besiroglu et al.'s notebook ran) is started from the {@link #BATCH} with the lowest
 * objective, then from the next {@link #BATCH}, until at least {@link #AGREEING} of the searched starts agree on
 * the best objective (within a relative {@link MultiStart#AGREEMENT}), so a landscape where few starts find the
 * optimum is searched further, up to the whole grid. The {@link #POLISHED} best are then restarted with tight
 * tolerances ({@link Lbfgsb#defaults()}) and the best of those is finished by {@link Newton}: the summed Huber
 * objective is small, scipy's tolerances leave the best start short of the optimum, and L-BFGS with tight ones
 * still stops a little above it. Screening by the starting objective is what makes a bootstrap of full searches
 * affordable: most grid starts drift into the sub-model where one power term has vanished and cost most of the
 * exhaustive search's evaluations, while the lowest starts hold several that reach the optimum.
 * {@code ChinchillaBootstrapBench} measures how often this search reaches the exhaustive grid's optimum
 * ({@link #EXHAUSTIVE}) on resamples of Epoch AI's data.
 *
 * <p>A fit's method line is worded by the search that ran ({@link MultiStart#method}), so it cannot drift
 * from it.
 */
final class ChinchillaSearch {
    /** The best results of the screen that are polished. */
    static final int POLISHED = 10;
    /**
     * Starts searched at a time, lowest objective first. 50 (it was 200): on 200 bootstrap resamples of Epoch's runs
     * both reach the exhaustive grid's optimum on all 200 ({@code ChinchillaBootstrapBench -Dbench.batches}), and a
     * batch of 50 costs about a quarter of the L-BFGS runs.
     */
    static final int BATCH = 50;
    /** Searched starts that must agree on the best before the search stops. */
    static final int AGREEING = 3;

    /**
     * The grid searched exhaustively: every start with scipy's L-BFGS-B tolerances, as Besiroglu et al. ran it,
     * then the {@link #POLISHED} best restarted with tight tolerances and the best finished by Newton's method.
     */
    static final MultiStart<Objective> EXHAUSTIVE = new MultiStart<Objective>(Lbfgsb.scipyDefaults())
            .polishing(Lbfgsb.defaults(), POLISHED).finishing(Newton.defaults());

    /** How the grid is searched: {@link #EXHAUSTIVE}, screened (see the class comment). */
    static final MultiStart<Objective> SEARCH = EXHAUSTIVE.screening(BATCH, AGREEING);

    /**
     * Besiroglu et al.'s starting grid in the objective's variables {@code (a, b, e, alpha, beta)},
     * ordered as {@code itertools.product(alpha, beta, e, a, b)}.
     */
    private static final List<double[]> GRID = buildGrid();

    private ChinchillaSearch() {
    }

    /** The starting points, each {@code (a, b, e, alpha, beta)} (copies). */
    static List<double[]> startGrid() {
        List<double[]> copy = new ArrayList<>(GRID.size());
        for (double[] start : GRID) {
            copy.add(start.clone());
        }
        return copy;
    }

    private static List<double[]> buildGrid() {
        List<double[]> product = Grid.cartesian(Grid.steps(0, 2, 0.5), Grid.steps(0, 2, 0.5),
                Grid.steps(-1, 1, 0.5), Grid.steps(0, 25, 5), Grid.steps(0, 25, 5));
        List<double[]> starts = new ArrayList<>(product.size());
        for (double[] p : product) {
            starts.add(new double[] {p[3], p[4], p[2], p[0], p[1]});
        }
        return List.copyOf(starts);
    }

    /**
     * The method line of a fit by {@code search} with Huber threshold {@code delta}, in the search's own words,
     * e.g. {@code L-BFGS-B, Huber(0.001) summed on log L, from the lowest 50 of the 4,500-start grid at a time
     * until 3 agree, best 10 polished, the best finished by Newton}.
     */
    static String method(MultiStart<Objective> search, double delta) {
        return search.method("Huber(" + LawSupport.significant(delta, 3) + ") summed on log L",
                String.format(Locale.ROOT, "%,d-start grid", GRID.size()));
    }

    /**
     * Fits rows {@code {N, D, L}} (all usable) by {@code search} from the grid: the result's {@code x} is the
     * law's parameters {@code (E, A, B, alpha, beta)}, its method {@link #method}.
     */
    static OptimizeResult fit(MultiStart<Objective> search, double[][] rows, double delta) {
        OptimizeResult result = search.run(new ChinchillaObjective(rows, delta, true), GRID, Bounds.unbounded(5));
        return result.withMethod(method(search, delta)).withX(parameters(result.x()));
    }

    /** The law's parameters {@code (E, A, B, alpha, beta)} from the objective's variables {@code (a, b, e, alpha, beta)}. */
    static double[] parameters(double[] theta) {
        return new double[] {Math.exp(theta[2]), Math.exp(theta[0]), Math.exp(theta[1]), theta[3], theta[4]};
    }
}
