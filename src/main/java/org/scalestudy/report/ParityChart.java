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
 * The {@code parity} chart: predicted against observed for every run with both, on one square domain, with the
 * diagonal y = x. Layers: diagonal, runs.
 */
final class ParityChart implements FitChart<RunRow> {

    static final ParityChart INSTANCE = new ParityChart();

    private ParityChart() {
    }

    @Override
    public ChartName name() {
        return ChartName.PARITY;
    }

    @Override
    public String caption(FitOutcome fit) {
        return "Predicted against observed; on the diagonal the law is exact";
    }

    /** The runs a parity chart draws: finite observed and predicted values. */
    @Override
    public List<RunRow> points(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (Double.isFinite(r.observed()) && Double.isFinite(r.predicted())) {
                shown.add(r);
            }
        }
        return shown;
    }

    @Override
    public ObjectNode spec(FitOutcome fit) {
        List<RunRow> shown = points(fit);
        ObjectNode spec = base(fit, "parity", "Predicted vs observed");
        spec.put("width", HEIGHT);
        ArrayNode values = spec.putObject("data").putArray("values");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RunRow r : shown) {
            values.add(runValue(r));
            min = Math.min(min, Math.min(r.observed(), r.predicted()));
            max = Math.max(max, Math.max(r.observed(), r.predicted()));
        }
        ArrayNode layers = spec.putArray("layer");
        ObjectNode xAxis = quantitative("observed", "observed " + fit.yLabel(), false, null);
        ObjectNode yAxis = quantitative("predicted", "predicted " + fit.yLabel(), false, null);
        if (min <= max) {
            // One square domain for both axes, so the diagonal is at 45 degrees.
            double pad = (max - min) * 0.05 + (max == min ? Math.abs(max) * 0.05 + 1e-12 : 0);
            ArrayNode domain = NODES.arrayNode();
            addNumber(domain, min - pad);
            addNumber(domain, max + pad);
            ((ObjectNode) xAxis.path("scale")).set("domain", domain.deepCopy());
            ((ObjectNode) yAxis.path("scale")).set("domain", domain.deepCopy());
            ((ObjectNode) xAxis.path("scale")).remove("padding");
            ((ObjectNode) yAxis.path("scale")).remove("padding");
            ObjectNode diagonal = layers.addObject();
            diagonal.put("name", "diagonal");
            ArrayNode line = diagonal.putObject("data").putArray("values");
            putNumber(line.addObject(), "observed", min - pad);
            putNumber(((ObjectNode) line.get(0)), "predicted", min - pad);
            putNumber(line.addObject(), "observed", max + pad);
            putNumber(((ObjectNode) line.get(1)), "predicted", max + pad);
            ObjectNode mark = diagonal.putObject("mark");
            mark.put("type", "line");
            mark.put("color", CURVE_COLOR);
            mark.put("strokeWidth", 1);
            mark.set("strokeDash", NODES.arrayNode().add(4).add(3));
            ObjectNode enc = diagonal.putObject("encoding");
            enc.set("x", xAxis.deepCopy());
            enc.set("y", yAxis.deepCopy());
        }
        ObjectNode points = layers.addObject();
        points.put("name", "runs");
        points.set("mark", pointMark());
        ObjectNode enc = points.putObject("encoding");
        enc.set("x", xAxis);
        enc.set("y", yAxis);
        roleChannels(enc, shown);
        enc.set("tooltip", runTooltip(false));
        return spec;
    }

    @Override
    public Table table(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        for (RunRow r : points(f)) {
            rows.add(new Row("role-" + r.role().text(), List.of(Cell.of(text(r.id())), Cell.of(r.role().text()),
                    number(r.observed()), number(r.predicted()))));
        }
        return new Table("", List.of(new Column("run", false), new Column("role", false),
                new Column("observed", true), new Column("predicted", true)), rows);
    }
}
