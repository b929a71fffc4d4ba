package org.scalestudy.results;

import java.util.List;
import org.scalestudy.fit.OptimizeResult;

/**
 * One law fitted to one group of one dataset, in parts that change apart: what was fitted ({@link Subject}),
 * the point estimate and its predictions ({@link Estimate}), the bootstrap behind its intervals, the checks of
 * its extrapolation ({@link Checks}), the prediction intervals sized from them, and the degeneracy flag. Each
 * stage that adds to an outcome replaces one part with a {@code with…} method, so a new field is added to one
 * part and to the code that makes that part, not to every copy. The flat accessors ({@link #law()},
 * {@link #parameters()}, …) read through the parts.
 *
 * @param subject     what was fitted, and where the study says so
 * @param estimate    the fitted parameters, how the search went, errors, runs, curve, targets and frontier
 * @param uncertainty the bootstrap behind the intervals, or null when the fit has none
 * @param checks      the fit-window sweep and the rolling-origin back-tests
 * @param prediction  how the prediction intervals (on held-out runs, targets and the curve) were sized and how they
 *                    fared; null when the law has no back-tests to size them
 * @param degenerate  why the fit's uncertainty cannot be trusted ("" when it can): no spare degree of freedom (fit
 *                    runs at most the parameters) or more than 10% of bootstrap refits failed
 */
public record FitOutcome(Subject subject, Estimate estimate, Uncertainty uncertainty,
                         Checks checks, PredictionSummary prediction, String degenerate) {

    /**
     * What was fitted.
     *
     * @param law     the law's name in the study (e.g. {@code direct})
     * @param lawKind the built-in it instantiates (e.g. {@code direct_power})
     * @param formula the law's formula in plain text, e.g. {@code -log Q = A * C^(-alpha)}
     * @param dataset the dataset's name
     * @param group   the group key, e.g. {@code metric=arc_easy}; "" when the fit is not grouped
     * @param line    the study line of the fit statement
     * @param xLabel  what the chart's x axis shows (e.g. {@code C = 6ND (FLOPs)})
     * @param yLabel  what is observed and predicted (e.g. {@code acc})
     */
    public record Subject(String law, String lawKind, String formula, String dataset, String group, int line,
                          String xLabel, String yLabel) {
        public Subject withLine(int newLine) {
            return new Subject(law, lawKind, formula, dataset, group, newLine, xLabel, yLabel);
        }
    }

    /**
     * The point estimate and what it predicts.
     *
     * @param parameters     fitted parameter values, in the law's order (with bootstrap intervals when there are)
     * @param optimization   how the fit went
     * @param fitMetrics     errors on the rows the law was fitted on
     * @param holdoutMetrics errors on the held-out rows (n = 0 when there are none)
     * @param runs           every row in the fit's scope, in data order
     * @param curve          the fitted curve, sampled for the chart, extended past the largest run
     * @param targets        predictions at the targets the study names, in order
     * @param computeOptimal for a loss law in N and D, the compute-optimal frontier: a point per decade of compute
     *                       over the curve's range and one per target, by compute; empty otherwise
     */
    public record Estimate(List<ParameterValue> parameters, OptimizeResult optimization, Metrics fitMetrics,
                           Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve,
                           List<TargetPrediction> targets, List<ComputeOptimal> computeOptimal) {
        /** This estimate with other runs and targets (e.g. with prediction intervals). */
        public Estimate withRunsAndTargets(List<RunRow> newRuns, List<TargetPrediction> newTargets) {
            return new Estimate(parameters, optimization, fitMetrics, holdoutMetrics, newRuns, curve, newTargets,
                    computeOptimal);
        }
    }

    /**
     * How far the fit's extrapolation can be trusted, from refits on parts of its fit rows.
     *
     * @param window   fit-window sensitivity: holdout error of refits on ever smaller fit windows, largest cut-off
     *                 first (empty without holdout rows or when no chart shows it)
     * @param backtest rolling-origin back-tests inside the fit window, which size the prediction intervals
     */
    public record Checks(List<WindowPoint> window, BackTest backtest) {
        public static final Checks NONE = new Checks(List.of(), BackTest.none());
    }

    /** A fit without prediction intervals or a degeneracy flag. */
    public FitOutcome(Subject subject, Estimate estimate, Uncertainty uncertainty, Checks checks) {
        this(subject, estimate, uncertainty, checks, null, "");
    }

    // The parts' fields, read through: results.json holds them flat, as one object (the parts are not its keys).

    public String law() {
        return subject.law();
    }

    public String lawKind() {
        return subject.lawKind();
    }

    public String formula() {
        return subject.formula();
    }

    public String dataset() {
        return subject.dataset();
    }

    public String group() {
        return subject.group();
    }

    public int line() {
        return subject.line();
    }

    public String xLabel() {
        return subject.xLabel();
    }

    public String yLabel() {
        return subject.yLabel();
    }

    public List<ParameterValue> parameters() {
        return estimate.parameters();
    }

    public OptimizeResult optimization() {
        return estimate.optimization();
    }

    public Metrics fitMetrics() {
        return estimate.fitMetrics();
    }

    public Metrics holdoutMetrics() {
        return estimate.holdoutMetrics();
    }

    public List<RunRow> runs() {
        return estimate.runs();
    }

    public List<CurvePoint> curve() {
        return estimate.curve();
    }

    public List<TargetPrediction> targets() {
        return estimate.targets();
    }

    public List<ComputeOptimal> computeOptimal() {
        return estimate.computeOptimal();
    }

    public List<WindowPoint> window() {
        return checks.window();
    }

    public BackTest backtest() {
        return checks.backtest();
    }

    /** The bootstrap's draws ({@link Draws#NONE} without a bootstrap); not in results.json. */
    public Draws draws() {
        return uncertainty == null ? Draws.NONE : uncertainty.draws();
    }

    // Withers: each replaces what one stage changes, in its part.

    /** This fit, stated at another line of the study. */
    public FitOutcome withLine(int newLine) {
        return new FitOutcome(subject.withLine(newLine), estimate, uncertainty, checks, prediction, degenerate);
    }

    /** This fit with prediction intervals on its runs and targets, and their summary. */
    public FitOutcome withPrediction(List<RunRow> newRuns, List<TargetPrediction> newTargets,
                                     PredictionSummary newPrediction) {
        return new FitOutcome(subject, estimate.withRunsAndTargets(newRuns, newTargets), uncertainty, checks,
                newPrediction, degenerate);
    }

    /** This fit, flagged (or not) as degenerate. */
    public FitOutcome withDegenerate(String reason) {
        return new FitOutcome(subject, estimate, uncertainty, checks, prediction, reason);
    }
}
