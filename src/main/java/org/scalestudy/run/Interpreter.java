package org.scalestudy.run;

import org.scalestudy.results.Role;
import java.util.ArrayList;
import java.util.List;
import org.scalestudy.check.CheckedStudy;
import org.scalestudy.check.FitTask;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;
import org.scalestudy.results.BackTest;
import org.scalestudy.results.ComputeOptimal;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.StudyResult;

/**
 * Checked study to results: fits every task (in parallel; the result does not depend on the
 * order they finish in), predicts every row, and measures errors on the fit and holdout rows.
 */
public final class Interpreter {
    private Interpreter() {
    }

    public static StudyResult run(CheckedStudy study, String sourceFile, String sourceSha256) {
        return run(study, sourceFile, sourceSha256, new FitRunner(null, Progress.NONE));
    }

    static StudyResult run(CheckedStudy study, String sourceFile, String sourceSha256, FitRunner runner) {
        return Workers.call(() -> runOnWorkers(study, sourceFile, sourceSha256, runner));
    }

    private static StudyResult runOnWorkers(CheckedStudy study, String sourceFile, String sourceSha256,
                                            FitRunner runner) {
        // The fit-window sweep refits each law once per rung of its ladder: only when the report shows it.
        boolean sweep = study.report() != null
                && study.report().charts().contains(org.scalestudy.results.ChartName.SENSITIVITY);
        java.util.Map<FitTask, Refit> joint = JointFits.refits(study.tasks());
        java.util.Map<FitTask, List<FitTask>> partners = JointFits.partners(study.tasks());
        List<FitOutcome> fits = PredictionIntervals.apply(study.tasks().parallelStream()
                .map(t -> Degeneracy.flag(t, runner.fit(t, sweep, joint.get(t), partners.getOrDefault(t, List.of()))))
                .toList());
        List<org.scalestudy.results.Decision> decisions = Decisions.of(study.comparisons(), study.tasks(), fits);
        return new StudyResult(study.slug(), study.title(), study.description(), sourceFile, study.source().text(),
                sourceSha256, study.datasets(), fits, study.report(), decisions,
                JointFits.multipliers(study.tasks(), fits, runner::jointDraws), DecisionScores.of(decisions, fits),
                study.skipped());
    }

    static FitOutcome fit(FitTask task, boolean sweep) {
        return fit(task, sweep, null);
    }

    /** @param joint how the task is fitted jointly with others ({@link JointFits}); null: by its law alone */
    static FitOutcome fit(FitTask task, boolean sweep, Refit joint) {
        return fit(task, sweep, joint, true);
    }

    /** @param backtests false to leave out the back-tests that size the prediction intervals (see FitRunner) */
    static FitOutcome fit(FitTask task, boolean sweep, Refit joint, boolean backtests) {
        Law law = task.law();
        double[][] fitRows = task.rowsOf(Role.FIT);
        double[][] holdoutRows = task.rowsOf(Role.HOLDOUT);
        OptimizeResult report = joint == null ? law.fit(fitRows) : joint.fit(fitRows, Double.POSITIVE_INFINITY);
        double[] params = report.x();
        Refit refit = joint == null ? Refit.alone(law, params) : joint;
        List<RunRow> runs = new ArrayList<>(task.rows().length);
        List<Double> fitObs = new ArrayList<>();
        List<Double> fitPred = new ArrayList<>();
        List<Double> holdObs = new ArrayList<>();
        List<Double> holdPred = new ArrayList<>();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < task.rows().length; i++) {
            double[] row = task.rows()[i];
            double x = law.axis(row);
            double observed = law.observed(row);
            double predicted = law.predict(params, row);
            org.scalestudy.results.Role role = task.roles().get(i);
            runs.add(new RunRow(task.ids().get(i), role, x, observed, predicted, task.notes().get(i)));
            if (role.equals(Role.FIT)) {
                fitObs.add(observed);
                fitPred.add(predicted);
            } else if (role.equals(Role.HOLDOUT)) {
                holdObs.add(observed);
                holdPred.add(predicted);
            }
            if (x > 0 && Double.isFinite(x)) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        }
        List<CurvePoint> curve = List.of();
        double curveEnd = xMax;
        if (xMin <= xMax) {
            // Extend past the largest run by a quarter of the span in decades, at least half a decade,
            // and at least to the largest target.
            double decades = Math.max(0.5, 0.25 * Math.log10(xMax / xMin));
            curveEnd = xMax * Math.pow(10, decades);
            for (double t : task.targets()) {
                curveEnd = Math.max(curveEnd, t);
            }
            curve = law.curve(params, task.rows(), xMin, curveEnd);
        }
        List<ParameterValue> parameters = new ArrayList<>();
        for (int p = 0; p < params.length; p++) {
            parameters.add(new ParameterValue(law.parameterNames().get(p), params[p], Double.NaN, Double.NaN,
                    report.onBound()[p], report.standardErrors()[p]));
        }
        List<org.scalestudy.results.TargetPrediction> targets =
                Bootstrap.targets(law, params, task.rows(), task.targets());
        double[] budgets = xMin <= xMax ? Frontier.budgets(xMin, curveEnd, task.targets()) : new double[0];
        List<ComputeOptimal> optimal = Frontier.points(law, params, budgets, task.targets());
        org.scalestudy.results.Uncertainty uncertainty = null;
        if (task.resamples() > 0 && allFinite(params)) {
            Bootstrap.Intervals intervals = Bootstrap.run(law, refit, fitRows, parameters, task.rows(), curve, xMin,
                    curveEnd, task.targets(), optimal, task.resamples(), Bootstrap.seedOf(task));
            parameters = intervals.parameters();
            targets = intervals.targets();
            optimal = intervals.computeOptimal();
            uncertainty = intervals.uncertainty();
        }
        List<org.scalestudy.results.WindowPoint> window = sweep && allFinite(params)
                ? WindowSweep.sweep(law, refit, fitRows, holdoutRows)
                : List.of();
        BackTest backtest = backtests && allFinite(params) && (holdoutRows.length > 0 || task.targets().length > 0)
                ? BackTests.run(law, refit, fitRows)
                : BackTest.none();
        return new FitOutcome(
                new FitOutcome.Subject(task.lawName(), law.kind(), law.formula(), task.dataset(), task.group(),
                        task.line(), task.xLabel(), task.yLabel()),
                new FitOutcome.Estimate(List.copyOf(parameters), report, metrics(fitObs, fitPred),
                        metrics(holdObs, holdPred), List.copyOf(runs), curve, List.copyOf(targets),
                        List.copyOf(optimal)),
                uncertainty, new FitOutcome.Checks(List.copyOf(window), backtest));
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static Metrics metrics(List<Double> observed, List<Double> predicted) {
        return Metrics.of(observed.stream().mapToDouble(Double::doubleValue).toArray(),
                predicted.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
