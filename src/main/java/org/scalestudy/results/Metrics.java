package org.scalestudy.results;

/**
 * Prediction errors over a set of rows. All NaN when n = 0 (serialised as null).
 *
 * @param n    rows compared
 * @param mae  mean |pred - obs|
 * @param mre  mean |pred - obs| / |obs|
 * @param rmse sqrt(mean (pred - obs)^2)
 * @param r2   1 - SS_res / SS_tot (NaN when fewer than 2 rows or SS_tot = 0)
 */
public record Metrics(int n, double mae, double mre, double rmse, double r2) {
}
