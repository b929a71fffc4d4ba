package org.scalestudy.law;

import org.scalestudy.results.Optimization;

/**
 * A law's fitted parameters (in {@link Law#parameterNames()} order) and how the fit went.
 *
 * @param onBound        per parameter, the bound of the search it ended on: {@code "lower"}, {@code "upper"}
 *                       or {@code ""} (always {@code ""} for an unbounded search)
 * @param standardErrors per parameter, the asymptotic standard error of a least-squares fit (see
 *                       {@link org.scalestudy.fit.StandardErrors}); NaN when the fit gives none
 */
public record FitReport(double[] params, Optimization optimization, String[] onBound, double[] standardErrors) {
    /** A fit whose search had no bounds. */
    public FitReport(double[] params, Optimization optimization) {
        this(params, optimization, noBounds(params.length));
    }

    /** A fit without standard errors. */
    public FitReport(double[] params, Optimization optimization, String[] onBound) {
        this(params, optimization, onBound, none(params.length));
    }

    private static String[] noBounds(int n) {
        String[] sides = new String[n];
        java.util.Arrays.fill(sides, "");
        return sides;
    }

    private static double[] none(int n) {
        double[] se = new double[n];
        java.util.Arrays.fill(se, Double.NaN);
        return se;
    }
}
