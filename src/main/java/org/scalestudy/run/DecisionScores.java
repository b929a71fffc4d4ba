package org.scalestudy.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.results.Decision;
import org.scalestudy.results.DecisionScore;
import org.scalestudy.results.FitOutcome;

/** Sums up a study's decisions per law and compared column ({@link DecisionScore}). */
final class DecisionScores {
    private DecisionScores() {
    }

    static List<DecisionScore> of(List<Decision> decisions, List<FitOutcome> fits) {
        Map<String, List<Decision>> byRule = new LinkedHashMap<>();
        for (Decision d : decisions) {
            byRule.computeIfAbsent(d.law() + "\u0000" + d.dataset() + "\u0000" + d.compare(), k -> new ArrayList<>())
                    .add(d);
        }
        List<DecisionScore> out = new ArrayList<>();
        for (List<Decision> rule : byRule.values()) {
            Decision first = rule.get(0);
            int scored = 0;
            int lawRight = 0;
            int naiveRight = 0;
            int pairs = 0;
            int pairsRight = 0;
            int withProbability = 0;
            double brier = 0;
            double constant = 0;
            double bootstrap = 0;
            boolean bootstrapped = true;
            for (Decision d : rule) {
                if (d.winnerCorrect() == null) {
                    continue;
                }
                scored++;
                int right = d.winnerCorrect() ? 1 : 0;
                lawRight += right;
                naiveRight += Boolean.TRUE.equals(d.naiveCorrect()) ? 1 : 0;
                pairs += d.pairs();
                pairsRight += d.pairsCorrect();
                if (Double.isFinite(d.winnerProbability())) {
                    withProbability++;
                    long ranked = d.choices().stream().filter(c -> c.rank() > 0).count();
                    brier += square(d.winnerProbability() - right);
                    constant += square(1.0 / ranked - right);
                    bootstrap += square(d.bootstrapWinnerProbability() - right);
                    bootstrapped &= Double.isFinite(d.bootstrapWinnerProbability());
                }
            }
            double n = withProbability;
            out.add(new DecisionScore(first.law(), first.dataset(), first.compare(), rule.size(), scored, lawRight,
                    naiveRight, pairs, pairsRight, withProbability, n > 0 ? brier / n : Double.NaN,
                    n > 0 ? constant / n : Double.NaN, n > 0 && bootstrapped ? bootstrap / n : Double.NaN,
                    backtestScore(first, fits)));
        }
        return List.copyOf(out);
    }

    /** The median back-test score over the fits of the decision's law and dataset. */
    private static double backtestScore(Decision d, List<FitOutcome> fits) {
        double[] scores = fits.stream().filter(f -> f.law().equals(d.law()) && f.dataset().equals(d.dataset()))
                .flatMap(f -> PredictionIntervals.scores(f.backtest()).stream()).mapToDouble(Double::doubleValue)
                .toArray();
        return Bootstrap.percentile(scores, 0.5);
    }

    private static double square(double x) {
        return x * x;
    }
}
