package org.scalestudy.results;

import java.util.List;

/**
 * Which choice wins at scale: the groups of one law that differ in one column (e.g. the dataset), ranked by
 * the law's prediction at one target, with the probability that the ranking holds over the bootstrap resamples
 * and, where the target's runs were held out, whether it was right.
 *
 * @param law                 the law's name
 * @param dataset             the dataset's name
 * @param compare             the compared column, e.g. {@code dataset}
 * @param context             the other group columns' values, e.g. {@code task=arc_easy}; "" when none
 * @param at                  the target as written, e.g. {@code params == 1.4e9} or {@code 1e22}
 * @param x                   the law's x for a forecast target; NaN (null) for a condition
 * @param series              the curve series of a forecast (e.g. {@code tpr=20}); "" otherwise
 * @param line                the line of the {@code compare} clause
 * @param preferHigher        whether a higher prediction is the better choice
 * @param resamples           bootstrap resamples in which every ranked choice has a finite prediction (0 without
 *                            a bootstrap)
 * @param rankingProbability  the share of those resamples whose ranking is the predicted one; NaN without them
 * @param winnerProbability   the probability that the predicted winner is best, from the law's back-tested errors
 *                            (each choice's value drawn as its prediction plus a back-test error scaled to the
 *                            distance extrapolated, the choices independently); NaN when a choice's fit is
 *                            degenerate or its law has no back-tests
 * @param winnerCorrect       whether the predicted winner is the observed best; null when not every ranked choice
 *                            has held-out runs at the target
 * @param rankingCorrect      whether the whole predicted ranking is the observed one; null likewise
 * @param choices             the choices, best predicted first, then those without a prediction
 * @param bootstrapWinnerProbability the share of bootstrap resamples in which the predicted winner is best (the
 *                            curve's uncertainty only: overconfident for a decision); NaN without a bootstrap
 * @param naiveWinner         the naive single-scale pick: the choice with the best observed value at its largest
 *                            fitted run (the mean when several runs share that x); "" when none has one
 * @param naiveCorrect        whether it is the observed best; null when not scored
 * @param pairs               pairs of ranked choices compared with the observations (0 when not scored)
 * @param pairsCorrect        of those, the pairs the law orders as observed
 * @param noProbability       why there is no probability ("" when there is), e.g. too few runs, with the count
 */
public record Decision(String law, String dataset, String compare, String context, String at, double x,
                       String series, int line, boolean preferHigher, int resamples, double rankingProbability,
                       double winnerProbability, Boolean winnerCorrect, Boolean rankingCorrect,
                       List<Choice> choices, double bootstrapWinnerProbability, String naiveWinner,
                       Boolean naiveCorrect, int pairs, int pairsCorrect, String noProbability) {

    /** A decision without the naive rule, pair counts or a bootstrap probability of its own. */
    public Decision(String law, String dataset, String compare, String context, String at, double x,
                    String series, int line, boolean preferHigher, int resamples, double rankingProbability,
                    double winnerProbability, Boolean winnerCorrect, Boolean rankingCorrect, List<Choice> choices) {
        this(law, dataset, compare, context, at, x, series, line, preferHigher, resamples, rankingProbability,
                winnerProbability, winnerCorrect, rankingCorrect, choices, winnerProbability, "", null, 0, 0, "");
    }

    /**
     * One choice at the target.
     *
     * @param value           the compared column's value, e.g. {@code c4_original}
     * @param group           the fit's group key, e.g. {@code dataset=c4_original, task=arc_easy}
     * @param rank            1 for the predicted best; 0 when there is no finite prediction
     * @param predicted       the law's prediction (the mean over the target's runs for a condition)
     * @param low             its 2.5th bootstrap percentile; NaN without a bootstrap
     * @param high            its 97.5th bootstrap percentile; NaN without a bootstrap
     * @param probabilityBest the probability that this choice is best, from the back-tested errors (see
 *                        {@link Decision#winnerProbability()}); NaN without one
     * @param observed        the mean observed value of the target's held-out runs; NaN when there are none
     * @param observedRank    its rank among the observed values (1 best); 0 when not observed
     * @param runs            held-out runs behind {@code observed}
     */
    public record Choice(String value, String group, int rank, double predicted, double low, double high,
                         double probabilityBest, double observed, int observedRank, int runs) { }
}
