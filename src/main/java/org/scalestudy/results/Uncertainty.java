package org.scalestudy.results;

import java.util.List;

/**
 * How a fit's intervals were made: percentile bootstrap over its fit rows.
 *
 * @param resamples resamples drawn (with replacement, as many rows as the fit has)
 * @param seed      the seed that makes them repeatable: the study's, mixed with the fit's dataset and group
 * @param level     the interval's coverage, e.g. 0.95 for the 2.5th to 97.5th percentiles
 * @param failed    resamples whose refit did not give finite parameters (left out of the percentiles)
 * @param band      the interval of the fitted curve at each point of {@link FitOutcome#curve()}
 * @param draws     every resample's refitted parameters, kept (and cached) for what else needs them; not part of
 *                  results.json
 */
public record Uncertainty(int resamples, long seed, double level, int failed, List<BandPoint> band,
                          Draws draws) {

    /** Intervals whose draws were not kept. */
    public Uncertainty(int resamples, long seed, double level, int failed, List<BandPoint> band) {
        this(resamples, seed, level, failed, band, Draws.NONE);
    }

    /** The curve's interval at one of its points. */
    public record BandPoint(String series, double x, double low, double high) { }
}
