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
 * @param winnerProbability   the share in which the predicted winner is best; NaN without them
 * @param winnerCorrect       whether the predicted winner is the observed best; null when not every ranked choice
 *                            has held-out runs at the target
 * @param rankingCorrect      whether the whole predicted ranking is the observed one; null likewise
 * @param choices             the choices, best predicted first, then those without a prediction
 */
public record Decision(String law, String dataset, String compare, String context, String at, double x,
                       String series, int line, boolean preferHigher, int resamples, double rankingProbability,
                       double winnerProbability, Boolean winnerCorrect, Boolean rankingCorrect,
                       List<Choice> choices) {

    /**
     * One choice at the target.
     *
     * @param value           the compared column's value, e.g. {@code c4_original}
     * @param group           the fit's group key, e.g. {@code dataset=c4_original, task=arc_easy}
     * @param rank            1 for the predicted best; 0 when there is no finite prediction
     * @param predicted       the law's prediction (the mean over the target's runs for a condition)
     * @param low             its 2.5th bootstrap percentile; NaN without a bootstrap
     * @param high            its 97.5th bootstrap percentile; NaN without a bootstrap
     * @param probabilityBest the share of resamples in which this choice is best; NaN without a bootstrap
     * @param observed        the mean observed value of the target's held-out runs; NaN when there are none
     * @param observedRank    its rank among the observed values (1 best); 0 when not observed
     * @param runs            held-out runs behind {@code observed}
     */
    public record Choice(String value, String group, int rank, double predicted, double low, double high,
                         double probabilityBest, double observed, int observedRank, int runs) { }
}
