package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.WindowPoint;

import java.util.ArrayList;
import java.util.List;

import static org.scalestudy.report.PageModels.cssClass;
import static org.scalestudy.report.PageModels.orEmpty;
import static org.scalestudy.report.PageModels.text;

/**
 * Each chart of a fit as a table holding exactly the points it draws, so the page reads without JavaScript
 * (and screen readers get the numbers). The rows are chosen by the same rules as {@link ChartSpecs}.
 */
final class ChartTables {

    private ChartTables() {
    }

    /** The table of chart {@code name} of {@code f}. */
    static Table of(String name, FitOutcome f) {
        return switch (name) {
            case "scaling" -> scaling(f);
            case "residuals" -> residuals(f);
            case "parity" -> parity(f);
            case "sensitivity" -> window(f);
            default -> throw new IllegalArgumentException("unknown chart: " + name);
        };
    }

    /**
     * The scaling chart's points: every run it draws and every target, with the intervals it draws on them: a
     * target's confidence interval of the curve (bootstrap), and a held-out run's or a target's prediction interval.
     */
    private static Table scaling(FitOutcome f) {
        boolean prediction = IntervalViews.runsHaveIntervals(f) || IntervalViews.targetsHaveIntervals(f);
        List<Row> rows = new ArrayList<>();
        for (RunRow r : ChartSpecs.scalingRuns(f)) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(text(r.id())), Cell.of(text(r.role())),
                    number(r.x()), number(r.observed()), number(r.predicted()), Cell.of(""), Cell.of("")));
            if (prediction) {
                cells.add(r.interval() == null ? Cell.of("") : number(r.interval().low()));
                cells.add(r.interval() == null ? Cell.of("") : number(r.interval().high()));
            }
            rows.add(new Row(cssClass("role-", r.role()), cells));
        }
        for (TargetPrediction t : orEmpty(f.targets())) {
            String label = "target" + (text(t.series()).isEmpty() ? "" : " (" + t.series() + ")");
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(label), Cell.of("target"), number(t.x()), Cell.of(""),
                    number(t.predicted()), number(t.low()), number(t.high())));
            if (prediction) {
                cells.add(t.interval() == null ? Cell.of("") : number(t.interval().low()));
                cells.add(t.interval() == null ? Cell.of("") : number(t.interval().high()));
            }
            rows.add(new Row("", cells));
        }
        String ci = f.uncertainty() == null ? "confidence interval"
                : IntervalViews.confidenceLabel(f.uncertainty().level());
        List<Column> columns = new ArrayList<>(List.of(new Column("run", false), new Column("role", false),
                new Column(text(f.xLabel()), true), new Column("observed " + text(f.yLabel()), true),
                new Column("predicted", true), new Column(ci + " low", true), new Column(ci + " high", true)));
        if (prediction) {
            String pi = IntervalViews.predictionLabel(IntervalViews.predictionLevel(f));
            columns.add(new Column(pi + " low", true));
            columns.add(new Column(pi + " high", true));
        }
        return new Table("", columns, rows);
    }

    private static Table residuals(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        for (RunRow r : ChartSpecs.residualRuns(f)) {
            double residual = ChartSpecs.relativeResidual(r);
            rows.add(new Row(cssClass("role-", r.role()), List.of(Cell.of(text(r.id())), Cell.of(text(r.role())),
                    number(r.x()), Cell.number(Numbers.percent(residual), residual))));
        }
        return new Table("", List.of(new Column("run", false), new Column("role", false),
                new Column(text(f.xLabel()), true), new Column("relative residual", true)), rows);
    }

    private static Table parity(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        for (RunRow r : ChartSpecs.parityRuns(f)) {
            rows.add(new Row(cssClass("role-", r.role()), List.of(Cell.of(text(r.id())), Cell.of(text(r.role())),
                    number(r.observed()), number(r.predicted()))));
        }
        return new Table("", List.of(new Column("run", false), new Column("role", false),
                new Column("observed", true), new Column("predicted", true)), rows);
    }

    private static Table window(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        for (WindowPoint w : orEmpty(f.window())) {
            rows.add(new Row(w.converged() ? "" : "warn", List.of(number(w.cutoff()),
                    Cell.number(Numbers.count(w.fitRows()), w.fitRows()),
                    Cell.number(Numbers.percent(w.holdoutMre()), w.holdoutMre()),
                    Cell.of(w.converged() ? "yes" : "no"))));
        }
        return new Table("", List.of(new Column("largest x fitted on", true), new Column("fit runs", true),
                new Column("holdout MRE", true), new Column("converged", false)), rows,
                rows.isEmpty() ? "No sweep: the fit has no holdout runs." : "");
    }

    private static Cell number(double v) {
        return Cell.number(Numbers.format(v), v);
    }
}
