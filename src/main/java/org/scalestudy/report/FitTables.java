package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ComputeOptimal;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;

import java.util.ArrayList;
import java.util.List;

import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.PageText.text;

/**
 * The tables of a fit's page that a study's {@code report} block names ({@link org.scalestudy.results.TableName}:
 * parameters, errors, runs, targets), and the compute-optimal allocation of a loss law in N and D.
 */
final class FitTables {

    /** Runs tables longer than this are shown folded. */
    static final int FOLD_ABOVE = 15;

    private FitTables() {
    }

    /** The fitted parameters, with standard errors, bootstrap intervals and bounds when any parameter has one. */
    static Table parameters(FitOutcome f) {
        List<ParameterValue> values = orEmpty(f.parameters());
        boolean intervals = values.stream().anyMatch(p -> Double.isFinite(p.low()) || Double.isFinite(p.high()));
        boolean bounds = values.stream().anyMatch(p -> !text(p.onBound()).isEmpty());
        boolean errors = values.stream().anyMatch(p -> Double.isFinite(p.standardError()));
        List<Row> rows = new ArrayList<>();
        for (ParameterValue p : values) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(text(p.name())),
                    Cell.number(Numbers.format(p.value()), p.value())));
            if (errors) {
                cells.add(Cell.number(Numbers.format(p.standardError()), p.standardError()));
            }
            if (intervals) {
                cells.add(Cell.number(Numbers.format(p.low()), p.low()));
                cells.add(Cell.number(Numbers.format(p.high()), p.high()));
            }
            String bound = text(p.onBound());
            if (bounds) {
                cells.add(bound.isEmpty() ? Cell.of("")
                        : new Cell("\u26a0 on " + bound + " bound", "", "", "the search stopped on the " + bound
                        + " bound: the bound set this value, not the data; widen it", true));
            }
            rows.add(new Row(bound.isEmpty() ? "" : "warn", cells));
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("parameter", false), new Column("value", true)));
        String note = "";
        if (errors) {
            columns.add(new Column("standard error", true));
            note = "Standard error: asymptotic, from the Jacobian of the least-squares residuals at the optimum"
                    + " (none for a value on a bound).";
        }
        if (intervals) {
            String level = f.uncertainty() == null ? "" : Numbers.percent(f.uncertainty().level()) + " ";
            columns.add(new Column(level + "low", true));
            columns.add(new Column(level + "high", true));
            note = (note.isEmpty() ? "" : note + " ") + "Percentile bootstrap interval"
                    + (f.uncertainty() == null ? "" : " over " + Numbers.count(f.uncertainty().resamples())
                    + " resamples of the fit runs (seed " + f.uncertainty().seed() + ")"
                    + (f.uncertainty().failed() > 0 ? "; " + Numbers.count(f.uncertainty().failed())
                    + " refits failed and are left out" : "")) + ".";
        }
        if (bounds) {
            columns.add(new Column("bound", false));
            note = (note.isEmpty() ? "" : note + " ") + "A value on a bound was set by the bound, not by the data.";
        }
        return new Table("Parameters", columns, rows, note);
    }

    /** The compute-optimal frontier of a loss law in N and D: N*, D*, the ratio D* / N* and the loss per budget. */
    static Table computeOptimal(FitOutcome f) {
        boolean intervals = f.uncertainty() != null;
        List<Row> rows = new ArrayList<>();
        for (ComputeOptimal c : orEmpty(f.computeOptimal())) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(Numbers.format(c.compute()) + (c.target() ? " \u25b2" : ""), "",
                    Numbers.sortKey(c.compute()), c.target() ? "a target of the study" : "", c.target()));
            cells.add(Cell.number(Numbers.format(c.params()), c.params()));
            if (intervals) {
                cells.add(Cell.of(range(c.paramsLow(), c.paramsHigh())));
            }
            cells.add(Cell.number(Numbers.format(c.tokens()), c.tokens()));
            if (intervals) {
                cells.add(Cell.of(range(c.tokensLow(), c.tokensHigh())));
            }
            double ratio = c.tokens() / c.params();
            cells.add(Cell.number(Numbers.format(ratio), ratio));
            cells.add(Cell.number(Numbers.format(c.loss()), c.loss()));
            if (intervals) {
                cells.add(Cell.of(range(c.lossLow(), c.lossHigh())));
            }
            rows.add(new Row("", cells));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("C (FLOPs)", true));
        columns.add(new Column("N*", true));
        if (intervals) {
            columns.add(new Column("N* interval", true));
        }
        columns.add(new Column("D*", true));
        if (intervals) {
            columns.add(new Column("D* interval", true));
        }
        columns.add(new Column("D*/N*", true));
        columns.add(new Column("loss", true));
        if (intervals) {
            columns.add(new Column("loss interval", true));
        }
        return new Table("Compute-optimal allocation", columns, rows,
                "N*(C) minimises the fitted loss at C = 6ND; D* = C / (6N*). \u25b2 marks the study's targets."
                        + (intervals ? " Intervals: " + Numbers.percent(f.uncertainty().level())
                        + " percentile bootstrap." : ""));
    }

    private static String range(double low, double high) {
        if (Double.isNaN(low) && Double.isNaN(high)) {
            return Numbers.MISSING;
        }
        return Numbers.format(low) + " \u2013 " + Numbers.format(high);
    }

    /**
     * The predictions at the study's targets: the {@code confidence} interval of the curve there (bootstrap, when
     * the fit has one) and the {@code prediction} interval of a new run there (back-tests, when it has one), each
     * named with its level.
     */
    static Table targets(FitOutcome f) {
        List<TargetPrediction> targets = orEmpty(f.targets());
        boolean series = targets.stream().anyMatch(t -> !text(t.series()).isEmpty());
        boolean confidence = f.uncertainty() != null
                || targets.stream().anyMatch(t -> Double.isFinite(t.low()) || Double.isFinite(t.high()));
        boolean prediction = IntervalViews.targetsHaveIntervals(f);
        List<Row> rows = new ArrayList<>();
        for (TargetPrediction t : targets) {
            List<Cell> cells = new ArrayList<>();
            if (series) {
                cells.add(Cell.of(text(t.series())));
            }
            cells.add(Cell.number(Numbers.format(t.x()), t.x()));
            cells.add(Cell.number(Numbers.format(t.predicted()), t.predicted()));
            if (confidence) {
                cells.add(Cell.number(Numbers.format(t.low()), t.low()));
                cells.add(Cell.number(Numbers.format(t.high()), t.high()));
            }
            if (prediction) {
                double low = IntervalViews.low(t.interval());
                double high = IntervalViews.high(t.interval());
                cells.add(Cell.number(Numbers.format(low), low));
                cells.add(Cell.number(Numbers.format(high), high));
            }
            rows.add(new Row("", cells));
        }
        List<Column> columns = new ArrayList<>();
        if (series) {
            columns.add(new Column("curve", false));
        }
        columns.add(new Column(text(f.xLabel()), true));
        columns.add(new Column("predicted " + text(f.yLabel()), true));
        String ci = f.uncertainty() == null ? "confidence interval" : IntervalViews.confidenceLabel(f.uncertainty().level());
        if (confidence) {
            columns.add(new Column(ci + " low", true));
            columns.add(new Column(ci + " high", true));
        }
        String pi = IntervalViews.predictionLabel(IntervalViews.predictionLevel(f));
        if (prediction) {
            columns.add(new Column(pi + " low", true));
            columns.add(new Column(pi + " high", true));
        }
        String note = (f.uncertainty() == null ? "No bootstrap: no confidence interval of the curve."
                : "The " + ci + " is the percentile bootstrap of the fitted curve: where the law\u2019s curve"
                + " lies, not where a new run will fall.")
                + (prediction ? " The " + pi + " is where a new run\u2019s observation will fall, sized by the"
                + " law\u2019s back-tests inside its fit window; it widens with the distance extrapolated."
                : " No prediction interval: the law has no back-tests to size one.");
        return new Table("Predictions at targets", columns, rows, note);
    }

    /** MAE, MRE, RMSE and R\u00b2 on the fit runs and on the held-out runs. */
    static Table errors(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        rows.add(metricsRow(Role.FIT, f.fitMetrics()));
        rows.add(metricsRow(Role.HOLDOUT, f.holdoutMetrics()));
        return new Table("Errors", List.of(
                new Column("rows", false), new Column("n", true), new Column("MAE", true),
                new Column("MRE", true), new Column("RMSE", true), new Column("R\u00b2", true)), rows);
    }

    private static Row metricsRow(Role role, Metrics m) {
        if (m == null) {
            m = new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Row("role-" + role.text(), List.of(
                Cell.of(role.text()),
                Cell.number(Numbers.count(m.n()), m.n()),
                Cell.number(Numbers.format(m.mae()), m.mae()),
                Cell.number(Numbers.percent(m.mre()), m.mre()),
                Cell.number(Numbers.format(m.rmse()), m.rmse()),
                Cell.number(Numbers.format(m.r2()), m.r2())));
    }

    /**
     * Every run of the fit with its observed and predicted value and relative residual (observed − predicted) /
     * observed: the numbers of the scaling, residuals and parity charts. {@code id} is its anchor.
     */
    static Table runs(FitOutcome f, String id) {
        boolean intervals = IntervalViews.runsHaveIntervals(f);
        List<Row> rows = new ArrayList<>();
        for (RunRow r : orEmpty(f.runs())) {
            double residual = ResidualsChart.relativeResidual(r);
            List<Cell> cells = new ArrayList<>(List.of(
                    Cell.of(text(r.id())),
                    Cell.of(r.role().text()),
                    Cell.number(Numbers.format(r.x()), r.x()),
                    Cell.number(Numbers.format(r.observed()), r.observed()),
                    Cell.number(Numbers.format(r.predicted()), r.predicted()),
                    Cell.number(Numbers.percent(residual), residual)));
            if (intervals) {
                double low = IntervalViews.low(r.interval());
                double high = IntervalViews.high(r.interval());
                String inside = IntervalViews.inside(r);
                cells.add(r.interval() == null ? Cell.of("") : Cell.number(Numbers.format(low), low));
                cells.add(r.interval() == null ? Cell.of("") : Cell.number(Numbers.format(high), high));
                cells.add(inside.equals("no") ? new Cell("no", "", "", "outside its prediction interval", true)
                        : Cell.of(inside));
            }
            cells.add(Cell.of(text(r.note())));
            rows.add(new Row("role-" + r.role().text(), cells));
        }
        List<Column> columns = new ArrayList<>(List.of(
                new Column("run", false), new Column("role", false), new Column(text(f.xLabel()), true),
                new Column("observed " + text(f.yLabel()), true), new Column("predicted", true),
                new Column("relative residual", true)));
        String note = "";
        if (intervals) {
            String pi = IntervalViews.predictionLabel(IntervalViews.predictionLevel(f));
            columns.add(new Column(pi + " low", true));
            columns.add(new Column(pi + " high", true));
            columns.add(new Column("inside", false));
            note = "Held-out runs carry their " + pi + " (where a new run\u2019s observation will fall, sized by"
                    + " back-tests inside the fit window); \u201cinside\u201d says whether the observation fell in it.";
        }
        columns.add(new Column("note", false));
        return new Table("Runs", columns, rows, note, rows.size() > FOLD_ABOVE, id);
    }
}
