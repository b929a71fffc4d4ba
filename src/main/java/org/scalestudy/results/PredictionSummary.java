package org.scalestudy.results;

import java.util.List;

/**
 * How a fit's prediction intervals were sized, and how they fared on its held-out runs.
 *
 * <p>An interval at x is {@code predicted ± quantile · sqrt(d + 0.1) · |predicted|}, d the distance extrapolated
 * beyond the largest fitted x in decades (0 inside the window), {@code quantile} the split-conformal quantile of
 * the back-test scores |relative error| / sqrt(d + 0.1).
 *
 * @param level          the share of new runs each interval claims to contain, e.g. 0.9
 * @param scores         {@code own} (this fit's back-tests) or {@code pooled} (every fit of the law in the study)
 * @param backtestErrors back-test errors behind the quantile
 * @param pooledFits     fits whose back-tests were pooled (1 for {@code own})
 * @param quantile       the conformal quantile of the scores (infinite when too few: no interval)
 * @param holdoutRuns    held-out runs given an interval
 * @param holdoutInside  of those, how many fall inside theirs
 * @param intervalScore  the mean interval score over them (Gneiting and Raftery 2007: width plus 2/(1-level)
 *                       times the miss; lower is better), in the observed quantity's units; NaN without runs
 * @param note           in words: where the scores came from, and why
 * @param band           the prediction interval at each point of {@link FitOutcome#curve()}
 */
public record PredictionSummary(double level, String scores, int backtestErrors, int pooledFits, double quantile,
                                int holdoutRuns, int holdoutInside, double intervalScore, String note,
                                List<Uncertainty.BandPoint> band) {
}
