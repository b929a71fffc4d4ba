package org.scalestudy.run;

import org.scalestudy.results.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalestudy.check.Comparison;
import org.scalestudy.check.FitTask;
import org.scalestudy.law.Law;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.Decision;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.ParameterValue;

/**
 * Evaluates the {@link Comparison}s of a study once its fits are done: per target, the choices ranked by the
 * fitted law's prediction; the probability that the predicted winner is best, from the law's back-tested errors;
 * the share of bootstrap resamples in which the ranking (and the winner) holds; the naive single-scale pick; and,
 * where the target's runs were held out, the observed ranking and whether each rule was right.
 *
 * <p>Resample {@code b} of every choice is the resample {@code b} of its fit's bootstrap (its own seed,
 * {@link Bootstrap#seedOf}, so the same draws as its intervals), and the choices' resamples are independent, so
 * each resample gives one joint draw of the predictions. The draws are those kept with the fit
 * ({@link org.scalestudy.results.Uncertainty#draws()}, cached with it), so deciding refits nothing. Ties rank
 * the choice listed first higher (in the prediction and the observations); in a resample, the ranking holds only when every choice is strictly better than the next, and a tie for best counts for no one.
 */
final class Decisions {
    private Decisions() {
    }

    /** Draws behind a back-tested winner probability. */
    static final int DRAWS = 20_000;

    /**
     * The decisions of {@code comparisons}; {@code fits.get(i)} is the outcome of {@code tasks.get(i)}, with its
     * bootstrap draws kept (a task fitted jointly kept the draws of its joint refits).
     */
    static List<Decision> of(List<Comparison> comparisons, List<FitTask> tasks, List<FitOutcome> fits) {
        Map<FitTask, FitOutcome> outcomes = new IdentityHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            outcomes.put(tasks.get(i), fits.get(i));
        }
        Map<FitTask, double[][]> draws = new IdentityHashMap<>();
        List<Decision> out = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            for (int t = 0; t < comparison.targets().size(); t++) {
                Comparison.Target target = comparison.targets().get(t);
                if (target.selectsRuns()) {
                    out.add(decide(comparison, t, "", outcomes, draws, fits));
                } else {
                    for (String series : series(comparison, target.x(), outcomes)) {
                        out.add(decide(comparison, t, series, outcomes, draws, fits));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The curve series the choices' laws draw at {@code x}, in order of first appearance. */
    private static Set<String> series(Comparison comparison, double x, Map<FitTask, FitOutcome> outcomes) {
        Set<String> out = new LinkedHashSet<>();
        for (Comparison.Choice choice : comparison.choices()) {
            FitTask task = choice.task();
            for (CurvePoint p : task.law().curve(fitted(outcomes.get(task)), task.rows(), x, x)) {
                out.add(p.series());
            }
        }
        return out.isEmpty() ? Set.of("") : out;
    }

    /** Per choice: the prediction, the prediction in each resample (null without a bootstrap), the observation. */
    private record Values(double[] predicted, double[][] resampled, double[] observed, int[] runs) { }

    /** Over the resamples in which every ranked choice has a finite prediction: how often what held. */
    private record Sampling(int usable, int rankingHolds, int[] best) {
        double share(int count) {
            return usable > 0 ? (double) count / usable : Double.NaN;
        }
    }

    private static Decision decide(Comparison comparison, int t, String series, Map<FitTask, FitOutcome> outcomes,
                                   Map<FitTask, double[][]> drawsOf, List<FitOutcome> fits) {
        Comparison.Target target = comparison.targets().get(t);
        List<Comparison.Choice> choices = comparison.choices();
        int n = choices.size();
        boolean higher = comparison.preferHigher();
        Values values = values(comparison, t, series, outcomes, drawsOf);
        int[] ranked = order(values.predicted(), all(n), higher);
        int[] rank = ranks(ranked, n);
        Sampling sampling = sample(values.resampled(), ranked, rank, higher);

        // The observed ranking, when every ranked choice has held-out runs at the target.
        boolean scored = ranked.length >= 2 && Arrays.stream(ranked).allMatch(c -> Double.isFinite(values.observed()[c]));
        int[] seen = scored ? order(values.observed(), ranked, higher) : new int[0];
        int[] observedRank = ranks(seen, n);

        List<Integer> listed = new ArrayList<>();
        Arrays.stream(ranked).forEach(listed::add);
        for (int c = 0; c < n; c++) {
            if (rank[c] == 0) {
                listed.add(c);  // no finite prediction: listed last, unranked
            }
        }
        String noProbability = noProbability(comparison, ranked, outcomes, fits);
        double[] best = noProbability.isEmpty()
                ? backTested(comparison, t, series, values.predicted(), ranked, outcomes, fits)
                : null;
        List<Decision.Choice> out = new ArrayList<>(n);
        for (int c : listed) {
            double[] draws = values.resampled()[c];
            double[] finite = draws == null ? null : Arrays.stream(draws).filter(Double::isFinite).toArray();
            out.add(new Decision.Choice(choices.get(c).value(), choices.get(c).task().group(), rank[c],
                    values.predicted()[c],
                    finite == null ? Double.NaN : Bootstrap.percentile(finite, Bootstrap.lower()),
                    finite == null ? Double.NaN : Bootstrap.percentile(finite, Bootstrap.upper()),
                    rank[c] > 0 && best != null ? best[c] : Double.NaN,
                    values.observed()[c], observedRank[c], values.runs()[c]));
        }
        int naive = naive(comparison, outcomes, higher);
        int pairs = 0;
        int pairsCorrect = 0;
        if (scored) {
            for (int i = 0; i < ranked.length; i++) {
                for (int j = i + 1; j < ranked.length; j++) {
                    pairs++;
                    double a = values.observed()[ranked[i]];
                    double b = values.observed()[ranked[j]];
                    pairsCorrect += (higher ? a > b : a < b) ? 1 : 0;
                }
            }
        }
        return new Decision(comparison.law(), comparison.dataset(), comparison.column(), comparison.context(),
                target.label(), target.x(), series, comparison.line(), higher, sampling.usable(),
                sampling.share(sampling.rankingHolds()),
                ranked.length > 0 && best != null ? best[ranked[0]] : Double.NaN,
                scored ? seen[0] == ranked[0] : null, scored ? Arrays.equals(seen, ranked) : null, List.copyOf(out),
                ranked.length > 0 ? sampling.share(sampling.best()[ranked[0]]) : Double.NaN,
                naive < 0 ? "" : choices.get(naive).value(), scored && naive >= 0 ? seen[0] == naive : null,
                pairs, pairsCorrect, noProbability);
    }

    /**
     * Why the decision gets no probability ("" when it does): a ranked choice's fit has no spare degree of freedom,
     * or its law has no back-tests. (A fit flagged only for failed bootstrap refits keeps its probability, which
     * comes from the back-tests, not the bootstrap.)
     */
    private static String noProbability(Comparison comparison, int[] ranked, Map<FitTask, FitOutcome> outcomes,
                                        List<FitOutcome> fits) {
        List<String> reasons = new ArrayList<>();
        for (int c : ranked) {
            FitTask task = comparison.choices().get(c).task();
            FitOutcome fit = outcomes.get(task);
            String tooFew = Degeneracy.tooFewRuns(task, fit);
            if (!tooFew.isEmpty()) {
                reasons.add(comparison.choices().get(c).value() + ": " + tooFew);
            } else if (PredictionIntervals.signedScores(fit, fits).isEmpty()) {
                reasons.add(comparison.choices().get(c).value() + ": no back-tests to size its error");
            }
        }
        return reasons.isEmpty() ? "" : "too few runs (" + String.join("; ", reasons) + ")";
    }

    /**
     * Per choice, the probability that it is best when each ranked choice's value is its prediction plus an error
     * drawn from its back-test scores and scaled to the distance it extrapolates ({@link PredictionIntervals}),
     * the choices independently; {@link #DRAWS} draws from a generator seeded by the first choice's fit, the
     * target and the series, so the same inputs give the same probabilities.
     */
    private static double[] backTested(Comparison comparison, int t, String series, double[] predicted, int[] ranked,
                                       Map<FitTask, FitOutcome> outcomes, List<FitOutcome> fits) {
        int n = predicted.length;
        double[] best = new double[n];
        if (ranked.length < 2) {
            return best;
        }
        double[][] scores = new double[n][];
        double[] scale = new double[n];
        Comparison.Target target = comparison.targets().get(t);
        for (int c : ranked) {
            Comparison.Choice choice = comparison.choices().get(c);
            FitOutcome fit = outcomes.get(choice.task());
            scores[c] = PredictionIntervals.signedScores(fit, fits).stream().mapToDouble(Double::doubleValue).toArray();
            double x = target.selectsRuns() ? largestAxis(choice.task(), choice.rows().get(t)) : target.x();
            scale[c] = PredictionIntervals.growth(Math.log10(x / PredictionIntervals.fitMax(fit)))
                    * Math.abs(predicted[c]);
        }
        boolean higher = comparison.preferHigher();
        java.util.SplittableRandom random = new java.util.SplittableRandom(
                Bootstrap.seedOf(comparison.choices().get(ranked[0]).task()) ^ (31L * t + series.hashCode()));
        int[] wins = new int[n];
        for (int draw = 0; draw < DRAWS; draw++) {
            int winner = -1;
            double top = Double.NaN;
            for (int c : ranked) {
                double v = predicted[c] + scores[c][random.nextInt(scores[c].length)] * scale[c];
                if (winner < 0 || (higher ? v > top : v < top)) {
                    winner = c;
                    top = v;
                }
            }
            wins[winner]++;
        }
        for (int c : ranked) {
            best[c] = (double) wins[c] / DRAWS;
        }
        return best;
    }

    /** The largest law x among {@code rows} of {@code task} (NaN when none). */
    private static double largestAxis(FitTask task, int[] rows) {
        double max = Double.NaN;
        for (int i : rows) {
            double x = task.law().axis(task.rows()[i]);
            max = Double.isNaN(max) ? x : Math.max(max, x);
        }
        return max;
    }

    /**
     * The naive single-scale pick: the choice whose fit runs at their largest x have the best mean observation
     * (DataDecide's baseline); -1 when no choice has fit runs. Ties keep the choices' order.
     */
    private static int naive(Comparison comparison, Map<FitTask, FitOutcome> outcomes, boolean higher) {
        int pick = -1;
        double top = Double.NaN;
        for (int c = 0; c < comparison.choices().size(); c++) {
            FitOutcome fit = outcomes.get(comparison.choices().get(c).task());
            double xMax = PredictionIntervals.fitMax(fit);
            double sum = 0;
            int count = 0;
            for (org.scalestudy.results.RunRow r : fit.runs()) {
                if (r.role().equals(Role.FIT) && r.x() == xMax && Double.isFinite(r.observed())) {
                    sum += r.observed();
                    count++;
                }
            }
            if (count > 0 && (pick < 0 || (higher ? sum / count > top : sum / count < top))) {
                pick = c;
                top = sum / count;
            }
        }
        return pick;
    }

    /**
     * The bootstrap draws kept with {@code fit} ({@link org.scalestudy.results.Uncertainty#draws()}): the fit's own
     * resamples, refitted once by the interpreter (or read from the fit cache), never again here.
     */
    private static double[][] keptDraws(FitTask task, FitOutcome fit) {
        if (fit.draws().count() != task.resamples()) {
            throw new IllegalStateException("the fit of " + task.lawName() + " on " + task.dataset() + " "
                    + task.group() + " kept " + fit.draws().count() + " bootstrap draws, not " + task.resamples());
        }
        return fit.draws().rows();
    }

    private static Values values(Comparison comparison, int t, String series, Map<FitTask, FitOutcome> outcomes,
                                 Map<FitTask, double[][]> drawsOf) {
        Comparison.Target target = comparison.targets().get(t);
        int n = comparison.choices().size();
        double[] predicted = new double[n];
        double[][] resampled = new double[n][];
        double[] observed = new double[n];
        int[] runs = new int[n];
        for (int c = 0; c < n; c++) {
            Comparison.Choice choice = comparison.choices().get(c);
            FitTask task = choice.task();
            int[] rows = choice.rows().get(t);
            double[] params = fitted(outcomes.get(task));
            predicted[c] = predict(task.law(), params, task, rows, target, series);
            if (task.resamples() > 0 && finite(params)) {
                double[][] draws = drawsOf.computeIfAbsent(task, k -> keptDraws(k, outcomes.get(k)));
                resampled[c] = new double[draws.length];
                for (int b = 0; b < draws.length; b++) {
                    resampled[c][b] = finite(draws[b]) ? predict(task.law(), draws[b], task, rows, target, series)
                            : Double.NaN;
                }
            }
            double sum = 0;
            for (int i : rows) {
                if (task.roles().get(i).equals(Role.HOLDOUT)) {
                    sum += task.law().observed(task.rows()[i]);
                    runs[c]++;
                }
            }
            observed[c] = runs[c] == 0 ? Double.NaN : sum / runs[c];
        }
        return new Values(predicted, resampled, observed, runs);
    }

    /** Counts, over the usable resamples, those whose ranking holds and how often each choice is strictly best. */
    private static Sampling sample(double[][] resampled, int[] ranked, int[] rank, boolean higher) {
        int n = rank.length;
        int[] best = new int[n];
        if (ranked.length < 2 || Arrays.stream(ranked).anyMatch(c -> resampled[c] == null)) {
            return new Sampling(0, 0, best);
        }
        int usable = 0;
        int holds = 0;
        int count = Arrays.stream(ranked).map(c -> resampled[c].length).min().orElse(0);
        for (int b = 0; b < count; b++) {
            double[] values = new double[n];
            Arrays.fill(values, Double.NaN);
            boolean ok = true;
            for (int c : ranked) {
                values[c] = resampled[c][b];
                ok &= Double.isFinite(values[c]);
            }
            if (!ok) {
                continue;
            }
            usable++;
            holds += strictlyOrdered(values, ranked, higher) ? 1 : 0;
            int[] order = order(values, ranked, higher);
            if (values[order[0]] != values[order[1]]) {
                best[order[0]]++;  // a tie for best counts for no one
            }
        }
        return new Sampling(usable, holds, best);
    }

    /** Rank (1 = first) of each of {@code n} choices in {@code order}; 0 for those not in it. */
    private static int[] ranks(int[] order, int n) {
        int[] rank = new int[n];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i + 1;
        }
        return rank;
    }

    /**
     * The law's value for a choice at a target: the mean prediction over the rows a condition selects, or the
     * curve's value at a forecast's x on {@code series}; NaN when there is none.
     */
    private static double predict(Law law, double[] params, FitTask task, int[] rows, Comparison.Target target,
                                  String series) {
        if (target.selectsRuns()) {
            if (rows.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int i : rows) {
                sum += law.predict(params, task.rows()[i]);
            }
            return sum / rows.length;
        }
        for (CurvePoint p : law.curve(params, task.rows(), target.x(), target.x())) {
            if (p.series().equals(series)) {
                return p.y();
            }
        }
        return Double.NaN;
    }

    /** Whether each choice of {@code ranked} is strictly better than the next (a tie does not hold a ranking). */
    private static boolean strictlyOrdered(double[] values, int[] ranked, boolean preferHigher) {
        for (int i = 0; i + 1 < ranked.length; i++) {
            double a = values[ranked[i]];
            double b = values[ranked[i + 1]];
            if (preferHigher ? !(a > b) : !(a < b)) {
                return false;
            }
        }
        return true;
    }

    /** Of {@code candidates}, those with a finite value, best first; ties keep the candidates' order. */
    private static int[] order(double[] values, int[] candidates, boolean preferHigher) {
        return Arrays.stream(candidates).boxed().filter(c -> Double.isFinite(values[c]))
                .sorted((a, b) -> preferHigher ? Double.compare(values[b], values[a])
                        : Double.compare(values[a], values[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] all(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double[] fitted(FitOutcome outcome) {
        return outcome.parameters().stream().mapToDouble(ParameterValue::value).toArray();
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
