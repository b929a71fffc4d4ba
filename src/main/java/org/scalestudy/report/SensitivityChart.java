package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Role;
import org.scalestudy.results.WindowPoint;

import java.util.ArrayList;
import java.util.List;

import static org.scalestudy.report.JsonSupport.putNumber;
import static org.scalestudy.report.PageText.number;
import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.VegaLite.*;

/**
 * The {@code sensitivity} chart: fit-window sensitivity — the holdout MRE of the law refitted with ever smaller
 * largest x ({@link FitOutcome#window()}). Layers: line, points.
 */
final class SensitivityChart implements FitChart<WindowPoint> {

    static final SensitivityChart INSTANCE = new SensitivityChart();

    private SensitivityChart() {
    }

    @Override
    public ChartName name() {
        return ChartName.SENSITIVITY;
    }

    @Override
    public String caption(FitOutcome fit) {
        return "Fit-window sensitivity: holdout MRE when the law is refitted only on runs up to a"
                + " given x (moving left drops the largest runs from the fit)";
    }

    /** The sweep points a window chart draws: positive finite cut-off and finite holdout MRE. */
    @Override
    public List<WindowPoint> points(FitOutcome fit) {
        return orEmpty(fit.window()).stream().filter(SensitivityChart::drawn).toList();
    }

    /** A refit is drawn when its cut-off can go on the log axis and its holdout MRE is finite. */
    private static boolean drawn(WindowPoint w) {
        return positive(w.cutoff()) && Double.isFinite(w.holdoutMre());
    }

    @Override
    public ObjectNode spec(FitOutcome fit) {
        List<WindowPoint> shown = points(fit);
        ObjectNode spec = base(fit, "sensitivity", "Fit-window sensitivity");
        spec.put("height", 220);
        ArrayNode values = spec.putObject("data").putArray("values");
        List<Double> xs = new ArrayList<>();
        for (WindowPoint w : shown) {
            ObjectNode v = values.addObject();
            putNumber(v, "cutoff", w.cutoff());
            v.put("fitRows", w.fitRows());
            putNumber(v, "holdoutMre", w.holdoutMre());
            v.put("converged", w.converged() ? "yes" : "no");
            xs.add(w.cutoff());
        }
        ObjectNode x = quantitative("cutoff", "largest " + fit.xLabel() + " in the fit", true, "~e");
        if (!xs.isEmpty() && xs.size() <= 8) {
            // Ticks at the cut-offs themselves: a ladder has few rungs, and each is a point of the sweep.
            ArrayNode ticks = ((ObjectNode) x.path("axis")).putArray("values");
            xs.stream().sorted().forEach(ticks::add);
            ((ObjectNode) x.path("axis")).put("grid", false);
        } else {
            logAxis(x, xs);
        }
        ObjectNode y = quantitative("holdoutMre", "holdout MRE", false, "~%");
        ((ObjectNode) y.path("scale")).put("zero", true);
        ((ObjectNode) y.path("scale")).remove("padding");
        ArrayNode layers = spec.putArray("layer");
        ObjectNode line = layers.addObject();
        line.put("name", "line");
        line.putObject("mark").put("type", "line").put("color", color(Role.HOLDOUT)).put("strokeWidth", 1.5);
        line.putObject("encoding").set("x", x.deepCopy());
        ((ObjectNode) line.path("encoding")).set("y", y.deepCopy());
        ObjectNode points = layers.addObject();
        points.put("name", "points");
        ObjectNode mark = pointMark();
        mark.put("color", color(Role.HOLDOUT));
        points.set("mark", mark);
        ObjectNode enc = points.putObject("encoding");
        enc.set("x", x);
        enc.set("y", y);
        ArrayNode tips = enc.putArray("tooltip");
        tips.add(tip("cutoff", "quantitative", "largest x fitted on", NUMBER_FORMAT));
        tips.add(tip("fitRows", "quantitative", "fit rows", null));
        tips.add(tip("holdoutMre", "quantitative", "holdout MRE", ".3~%"));
        tips.add(tip("converged", "nominal", "refit converged", null));
        return spec;
    }

    /**
     * The sweep's points the chart draws, a row each; its note names the refits left out (no finite holdout MRE,
     * typically a refit that did not converge), so they are not lost to a reader of the table.
     */
    @Override
    public Table table(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        for (WindowPoint w : points(f)) {
            rows.add(new Row(w.converged() ? "" : "warn", List.of(number(w.cutoff()),
                    Cell.number(Numbers.count(w.fitRows()), w.fitRows()),
                    Cell.number(Numbers.percent(w.holdoutMre()), w.holdoutMre()),
                    Cell.of(w.converged() ? "yes" : "no"))));
        }
        return new Table("", List.of(new Column("largest x fitted on", true), new Column("fit runs", true),
                new Column("holdout MRE", true), new Column("converged", false)), rows,
                note(f));
    }

    private static String note(FitOutcome f) {
        if (orEmpty(f.window()).isEmpty()) {
            return "No sweep: the fit has no holdout runs.";
        }
        List<String> left = orEmpty(f.window()).stream().filter(w -> !drawn(w))
                .map(w -> Numbers.format(w.cutoff())).toList();
        return left.isEmpty() ? "" : "Not drawn, so not listed: the refit" + (left.size() == 1 ? "" : "s")
                + " up to " + String.join(", ", left) + ", without a finite holdout MRE or a positive cut-off.";
    }
}
