package org.scalestudy.law;

import org.scalestudy.results.Optimization;

/** A law's fitted parameters (in {@link Law#parameterNames()} order) and how the fit went. */
public record FitReport(double[] params, Optimization optimization) {
}
