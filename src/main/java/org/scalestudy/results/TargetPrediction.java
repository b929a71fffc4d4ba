package org.scalestudy.results;

/**
 * The law's prediction at a target the study names ({@code predict 1e23}), with its bootstrap
 * percentile interval (NaN without a bootstrap).
 *
 * @param series the curve series it lies on ("" for a law with one curve, e.g. {@code D/N = 20})
 * @param x      the target, on the chart's axis (e.g. compute)
 */
public record TargetPrediction(String series, double x, double predicted, double low, double high) {
}
