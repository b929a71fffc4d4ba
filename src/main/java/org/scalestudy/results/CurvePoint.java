package org.scalestudy.results;

/**
 * A point of a fitted curve. {@code series} separates curves of one fit (e.g. {@code tpr=20}); "" for one curve.
 */
public record CurvePoint(String series, double x, double y) {
}
