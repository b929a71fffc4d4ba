package org.scalestudy.testsupport;

import java.util.List;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.BackTest;
import org.scalestudy.results.ComputeOptimal;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.PredictionSummary;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;
import org.scalestudy.results.WindowPoint;

/**
 * Fits for tests, written with every field flat as results.json holds them; the defaults of the shorter forms
 * are a fit without back-tests, window sweep, targets or bootstrap. (The pipeline builds a {@link FitOutcome}
 * from its parts, so these long parameter lists live here, not in the record.)
 */
public final class FlatFits {
    private FlatFits() {
    }

    /** Every field flat, in the order of the parts. */
    public static FitOutcome fit(String law, String lawKind, String formula, String dataset, String group, int line,
            String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
            Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve,
            List<TargetPrediction> targets, Uncertainty uncertainty, List<ComputeOptimal> computeOptimal,
            List<WindowPoint> window, BackTest backtest, PredictionSummary prediction, String degenerate) {
        return new FitOutcome(new FitOutcome.Subject(law, lawKind, formula, dataset, group, line, xLabel, yLabel),
                new FitOutcome.Estimate(parameters, optimization, fitMetrics, holdoutMetrics, runs, curve, targets,
                        computeOptimal),
                uncertainty, new FitOutcome.Checks(window, backtest), prediction, degenerate);
    }

    /** A fit without back-tests. */
    public static FitOutcome fit(String law, String lawKind, String formula, String dataset, String group, int line,
            String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
            Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve,
            List<TargetPrediction> targets, Uncertainty uncertainty, List<ComputeOptimal> computeOptimal,
            List<WindowPoint> window) {
        return fit(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters, optimization, fitMetrics,
                holdoutMetrics, runs, curve, targets, uncertainty, computeOptimal, window, BackTest.none(), null, "");
    }

    /** A fit without a window sweep. */
    public static FitOutcome fit(String law, String lawKind, String formula, String dataset, String group, int line,
            String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
            Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve,
            List<TargetPrediction> targets, Uncertainty uncertainty, List<ComputeOptimal> computeOptimal) {
        return fit(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters, optimization, fitMetrics,
                holdoutMetrics, runs, curve, targets, uncertainty, computeOptimal, List.of());
    }

    /** A fit without targets or bootstrap. */
    public static FitOutcome fit(String law, String lawKind, String formula, String dataset, String group, int line,
            String xLabel, String yLabel, List<ParameterValue> parameters, OptimizeResult optimization,
            Metrics fitMetrics, Metrics holdoutMetrics, List<RunRow> runs, List<CurvePoint> curve) {
        return fit(law, lawKind, formula, dataset, group, line, xLabel, yLabel, parameters, optimization, fitMetrics,
                holdoutMetrics, runs, curve, List.of(), null, List.of(), List.of());
    }
}
