package org.scalestudy.results;

import java.util.List;

/**
 * Rolling-origin back-tests of a fit inside its own fit window: the law refitted on the fit rows up to an origin
 * (the rows with x at most that origin) and made to predict the fit rows beyond it. Held-out rows never take part.
 *
 * @param origins origins refitted (each a distinct x of the fit rows)
 * @param failed  origins whose refit gave no finite parameters
 * @param errors  every prediction of a fit row beyond its origin, by origin, then in data order
 */
public record BackTest(int origins, int failed, List<Error> errors) {

    /**
     * One back-test prediction.
     *
     * @param origin   the largest x the refit saw
     * @param x        the predicted row's x
     * @param distance how far it extrapolated, in decades of x: log10(x / origin)
     * @param error    the relative error (observed - predicted) / |predicted|
     */
    public record Error(double origin, double x, double distance, double error) { }

    /** No back-test (a fit that could not be made, or has nothing to extrapolate to). */
    public static BackTest none() {
        return new BackTest(0, 0, List.of());
    }
}
