package org.scalestudy.results;

import java.util.List;
import org.scalestudy.fit.OptimizeResult;

/**
 * One law fitted to one group of one dataset.
 *
 * @param law            the law's name in the study (e.g. {@code direct})
 * @param lawKind        the built-in it instantiates (e.g. {@code direct_power})
 * @param formula        the law's formula in plain text, e.g. {@code -log Q = A * C^(-alpha)}
 * @param dataset        the dataset's name
 * @param group          the group key, e.g. {@code metric=arc_easy}; "" when the fit is not grouped
 * @param line           the study line of the fit statement
 * @param xLabel         what the chart's x axis shows (e.g. {@code C = 6ND (FLOPs)})
 * @param yLabel         what is observed and predicted (e.g. {@code acc})
 * @param parameters     fitted parameter values, in the law's order
 * @param optimization   how the fit went
 * @param fitMetrics     errors on the rows the law was fitted on
 * @param holdoutMetrics errors on the held-out rows (n = 0 when there are none)
 * @param runs           every row in the fit's scope, in data order
 * @param curve          the fitted curve, sampled for the chart, extended past the largest run
 * @param targets        predictions at the targets the study names, in order
 * @param uncertainty    the bootstrap behind the intervals, or null when the fit has none
 * @param computeOptimal for a loss law in N and D, the compute-optimal frontier: a point per decade of
 *                       compute over the curve's range and one per target, by compute; empty otherwise
 * @param window         fit-window sensitivity: holdout error of refits on ever smaller fit windows, largest
 *                       cut-off first (empty without holdout rows)
 * @param backtest       rolling-origin back-tests inside the fit window, which size the prediction intervals
 * @param prediction     how the prediction intervals (on held-out runs, targets and the curve) were sized and
 *                       how they fared; null when the law has no back-tests to size them
 * @param degenerate     why the fit's uncertainty cannot be trusted ("" when it can): no spare degree of freedom
 *                       (fit runs at most the parameters) or more than 10% of bootstrap refits failed
 */
public record FitOutcome(
        String law,
        String lawKind,
        String formula,
        String dataset,
        String group,
        int line,
        String xLabel,
        String yLabel,
        List<ParameterValue> parameters,
        OptimizeResult optimization,
        Metrics fitMetrics,
        Metrics holdoutMetrics,
        List<RunRow> runs,
        List<CurvePoint> curve,
        List<TargetPrediction> targets,
        Uncertainty uncertainty,
        List<ComputeOptimal> computeOptimal,
        List<WindowPoint> window,
        BackTest backtest,
        PredictionSummary prediction,
        String degenerate) {

    /** A fit without back-tests. */
    public FitOutcome(String law, String lawKind, String formula, String dataset, String group, int line,
                      String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
                      Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve,
                      List<TargetPrediction> targets, Uncertainty uncertainty, List<ComputeOptimal> computeOptimal,
                      List<WindowPoint> window) {
        this(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters, optimization, fitMetrics,
                holdoutMetrics, runs, curve, targets, uncertainty, computeOptimal, window, BackTest.none(), null, "");
    }

    /** This fit, stated at another line of the study. */
    public FitOutcome withLine(int newLine) {
        return new FitOutcome(law, lawKind, formula, dataset, group, newLine, xLabel, yLabel, parameters,
                optimization, fitMetrics, holdoutMetrics, runs, curve, targets, uncertainty, computeOptimal, window,
                backtest, prediction, degenerate);
    }

    /** This fit with prediction intervals on its runs and targets, and their summary. */
    public FitOutcome withPrediction(List<RunRow> newRuns, List<TargetPrediction> newTargets,
                                     PredictionSummary newPrediction) {
        return new FitOutcome(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters,
                optimization, fitMetrics, holdoutMetrics, newRuns, curve, newTargets, uncertainty, computeOptimal,
                window, backtest, newPrediction, degenerate);
    }

    /** This fit, flagged (or not) as degenerate. */
    public FitOutcome withDegenerate(String reason) {
        return new FitOutcome(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters,
                optimization, fitMetrics, holdoutMetrics, runs, curve, targets, uncertainty, computeOptimal,
                window, backtest, prediction, reason);
    }

    /** A fit without a window sweep. */
    public FitOutcome(String law, String lawKind, String formula, String dataset, String group, int line,
                      String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
                      Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve,
                      List<TargetPrediction> targets, Uncertainty uncertainty, List<ComputeOptimal> computeOptimal) {
        this(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters, optimization, fitMetrics,
                holdoutMetrics, runs, curve, targets, uncertainty, computeOptimal, List.of());
    }

    /** A fit without targets or bootstrap. */
    public FitOutcome(String law, String lawKind, String formula, String dataset, String group, int line,
                      String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
                      Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve) {
        this(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters, optimization, fitMetrics,
                holdoutMetrics, runs, curve, List.of(), null, List.of(), List.of());
    }
}
