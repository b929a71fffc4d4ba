package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.RunRow;

import java.util.ArrayList;
import java.util.List;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.JsonSupport.putNumber;
import static org.scalestudy.report.PageText.number;
import static org.scalestudy.report.PageText.text;
import static org.scalestudy.report.VegaLite.*;

/**
 * The {@code residuals} chart: the relative residual (observed − predicted) / observed of each run on a log x axis,
 * coloured by role, with a rule at zero. Layers: zero, runs.
 */
final class ResidualsChart implements FitChart<RunRow> {

    static final ResidualsChart INSTANCE = new ResidualsChart();

    private ResidualsChart() {
    }

    @Override
    public ChartName name() {
        return ChartName.RESIDUALS;
    }

    @Override
    public String caption(FitOutcome fit) {
        return "Relative residuals (observed \u2212 predicted) / observed; points above zero are under-predicted";
    }

    /** The runs a residual chart draws: positive finite x and a defined relative residual. */
    @Override
    public List<RunRow> points(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (positive(r.x()) && Double.isFinite(relativeResidual(r))) {
                shown.add(r);
            }
        }
        return shown;
    }

    @Override
    public ObjectNode spec(FitOutcome fit) {
        List<RunRow> shown = points(fit);
        String yTitle = "(observed \u2212 predicted) / observed";

        ObjectNode spec = base(fit, "residuals", "Relative residuals");
        ArrayNode values = spec.putObject("data").putArray("values");
        for (RunRow r : shown) {
            ObjectNode v = runValue(r);
            putNumber(v, "residual", relativeResidual(r));
            values.add(v);
        }
        ArrayNode layers = spec.putArray("layer");

        ObjectNode zero = layers.addObject();
        zero.put("name", "zero");
        zero.putObject("data").putArray("values").addObject();
        ObjectNode ruleMark = zero.putObject("mark");
        ruleMark.put("type", "rule");
        ruleMark.put("color", CURVE_COLOR);
        ruleMark.set("strokeDash", NODES.arrayNode().add(4).add(3));
        ObjectNode zeroY = zero.putObject("encoding").putObject("y");
        zeroY.put("datum", 0);
        zeroY.put("type", "quantitative");

        ObjectNode points = layers.addObject();
        points.put("name", "runs");
        points.set("mark", pointMark());
        ObjectNode enc = points.putObject("encoding");
        List<Double> xs = new ArrayList<>();
        for (RunRow r : shown) {
            xs.add(r.x());
        }
        enc.set("x", logX(fit, xs));
        enc.set("y", quantitative("residual", yTitle, false, "~%"));
        roleChannels(enc, shown);
        enc.set("tooltip", runTooltip(true));
        return spec;
    }

    @Override
    public Table table(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        for (RunRow r : points(f)) {
            double residual = relativeResidual(r);
            rows.add(new Row("role-" + r.role().text(), List.of(Cell.of(text(r.id())), Cell.of(r.role().text()),
                    number(r.x()), Cell.number(Numbers.percent(residual), residual))));
        }
        return new Table("", List.of(new Column("run", false), new Column("role", false),
                new Column(text(f.xLabel()), true), new Column("relative residual", true)), rows);
    }

    /** (observed − predicted) / observed; NaN when it is undefined. */
    static double relativeResidual(RunRow r) {
        if (!Double.isFinite(r.observed()) || !Double.isFinite(r.predicted()) || r.observed() == 0) {
            return Double.NaN;
        }
        return (r.observed() - r.predicted()) / r.observed();
    }
}
