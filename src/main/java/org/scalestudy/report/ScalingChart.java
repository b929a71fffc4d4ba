package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.JsonSupport.putNumber;
import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.PageText.number;
import static org.scalestudy.report.PageText.text;
import static org.scalestudy.report.VegaLite.*;

/**
 * The {@code scaling} chart: the runs as points on a log x axis, coloured (and shaped) by role, with tooltips,
 * under the fitted curve — one line per curve series — extended to the study's targets, with the bootstrap
 * confidence band of the curve when the fit has one and, wider and under it, the back-tested prediction band (where
 * a new run will fall; both named in an "interval" legend), error bars for the prediction intervals of held-out
 * runs and targets, the targets' predictions with their confidence intervals, and a dotted rule at the largest x
 * fitted on (right of it the law extrapolates). The y axis is logarithmic when the observed values are all positive
 * and span more than a decade, linear otherwise. Layers: prediction-band, band, curve, fit-edge, fit-edge-label,
 * holdout-intervals, runs, target-prediction-intervals, target-intervals, targets.
 */
final class ScalingChart implements FitChart<RunRow> {

    static final ScalingChart INSTANCE = new ScalingChart();

    /** The most points a series of the prediction band keeps. */
    static final int BAND_POINTS = 30;
    /** The bands are opaque and light, the prediction band under the confidence band, so the legend's swatches
     *  are the colours drawn. */
    static final String CONFIDENCE_FILL = "#b9d3ea";
    static final String PREDICTION_FILL = "#d4ece4";

    private ScalingChart() {
    }

    @Override
    public ChartName name() {
        return ChartName.SCALING;
    }

    /** The runs a scaling chart draws: positive finite x, finite observed value. */
    @Override
    public List<RunRow> points(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (positive(r.x()) && Double.isFinite(r.observed())) {
                shown.add(r);
            }
        }
        return shown;
    }

    /**
     * The targets the chart draws: positive x and a finite prediction, positive when the y axis is logarithmic
     * ({@link #spansMoreThanADecade}).
     */
    static List<TargetPrediction> targets(FitOutcome fit) {
        boolean logY = spansMoreThanADecade(ScalingChart.INSTANCE.points(fit));
        List<TargetPrediction> shown = new ArrayList<>();
        for (TargetPrediction t : orEmpty(fit.targets())) {
            if (positive(t.x()) && Double.isFinite(t.predicted()) && (!logY || t.predicted() > 0)) {
                shown.add(t);
            }
        }
        return shown;
    }

    @Override
    public ObjectNode spec(FitOutcome fit) {
        List<RunRow> shown = points(fit);
        boolean logY = spansMoreThanADecade(shown);
        String yTitle = fit.yLabel();

        ObjectNode spec = base(fit, "scaling", "Scaling");
        ArrayNode values = spec.putObject("data").putArray("values");
        for (RunRow r : shown) {
            values.add(runValue(r));
        }

        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (RunRow r : shown) {
            xs.add(r.x());
            ys.add(r.observed());
        }
        ArrayNode curveValues = NODES.arrayNode();
        Set<String> series = new LinkedHashSet<>();
        for (CurvePoint p : fit.curve()) {
            if (positive(p.x()) && Double.isFinite(p.y()) && (!logY || p.y() > 0)) {
                ObjectNode v = curveValues.addObject();
                v.put("series", p.series());
                putNumber(v, "x", p.x());
                putNumber(v, "y", p.y());
                series.add(p.series());
                xs.add(p.x());
                ys.add(p.y());
            }
        }
        ArrayNode bandValues = NODES.arrayNode();
        Uncertainty u = fit.uncertainty();
        if (u != null && u.band() != null) {
            for (Uncertainty.BandPoint b : u.band()) {
                if (positive(b.x()) && Double.isFinite(b.low()) && Double.isFinite(b.high())
                        && (!logY || b.low() > 0)) {
                    ObjectNode v = bandValues.addObject();
                    v.put("series", b.series());
                    putNumber(v, "x", b.x());
                    putNumber(v, "low", b.low());
                    putNumber(v, "high", b.high());
                }
            }
        }
        // The prediction band is smooth (its half-width grows as a square root of the distance in decades): at most
        // BAND_POINTS points per series, rounded to DIGITS digits, draw it as well as the curve's every
        // point, at a fraction of a fit page's bytes.
        ArrayNode predictionBandValues = NODES.arrayNode();
        if (fit.prediction() != null && fit.prediction().band() != null) {
            Map<String, List<Uncertainty.BandPoint>> bySeries = new LinkedHashMap<>();
            for (Uncertainty.BandPoint b : fit.prediction().band()) {
                if (positive(b.x()) && Double.isFinite(b.low()) && Double.isFinite(b.high())
                        && (!logY || b.low() > 0)) {
                    bySeries.computeIfAbsent(b.series(), k -> new ArrayList<>()).add(b);
                }
            }
            for (List<Uncertainty.BandPoint> points : bySeries.values()) {
                for (Uncertainty.BandPoint b : thin(points, BAND_POINTS)) {
                    ObjectNode v = predictionBandValues.addObject();
                    v.put("series", b.series());
                    v.put("x", rounded(b.x()));
                    v.put("low", rounded(b.low()));
                    v.put("high", rounded(b.high()));
                }
            }
        }
        ArrayNode runIntervalValues = NODES.arrayNode();
        for (RunRow r : shown) {
            if (r.interval() != null && Double.isFinite(r.interval().low()) && Double.isFinite(r.interval().high())
                    && (!logY || r.interval().low() > 0)) {
                ObjectNode v = runIntervalValues.addObject();
                v.put("id", r.id());
                v.put("x", rounded(r.x()));
                v.put("observed", rounded(r.observed()));
                v.put("low", rounded(r.interval().low()));
                v.put("high", rounded(r.interval().high()));
                v.put("inside", r.interval().contains(r.observed()) ? "yes" : "no");
            }
        }
        String piLabel = IntervalViews.predictionLabel(IntervalViews.predictionLevel(fit));
        String ciLabel = u == null ? "confidence interval" : IntervalViews.confidenceLabel(u.level());
        List<String> bandNames = new ArrayList<>();
        List<String> bandFills = new ArrayList<>();
        if (!predictionBandValues.isEmpty()) {
            bandNames.add(IntervalViews.predictionBandLabel(fit));
            bandFills.add(PREDICTION_FILL);
        }
        ArrayNode targetValues = NODES.arrayNode();
        for (TargetPrediction t : targets(fit)) {
            ObjectNode v = targetValues.addObject();
            v.put("series", t.series());
            putNumber(v, "x", t.x());
            putNumber(v, "predicted", t.predicted());
            boolean interval = Double.isFinite(t.low()) && Double.isFinite(t.high()) && (!logY || t.low() > 0);
            putNumber(v, "low", interval ? t.low() : Double.NaN);
            putNumber(v, "high", interval ? t.high() : Double.NaN);
            boolean prediction = t.interval() != null && Double.isFinite(t.interval().low())
                    && Double.isFinite(t.interval().high()) && (!logY || t.interval().low() > 0);
            putNumber(v, "piLow", prediction ? t.interval().low() : Double.NaN);
            putNumber(v, "piHigh", prediction ? t.interval().high() : Double.NaN);
            xs.add(t.x());
            ys.add(t.predicted());
        }
        ObjectNode x = logX(fit, xs);
        ObjectNode y = logY ? logAxis(quantitative("observed", yTitle, true, "~g"), ys)
                : quantitative("observed", yTitle, false, null);

        if (!bandValues.isEmpty()) {
            bandNames.add(IntervalViews.confidenceBandLabel(u));
            bandFills.add(CONFIDENCE_FILL);
        }
        ArrayNode layers = spec.putArray("layer");
        // The bands, widest first: the prediction interval of a new run along the curve, then the confidence band
        // of the curve on top of it. Each names itself in the legend ("interval").
        if (!predictionBandValues.isEmpty()) {
            layers.add(bandLayer("prediction-band", predictionBandValues, bandNames.get(0), bandNames, bandFills, x, y));
        }
        if (!bandValues.isEmpty()) {
            layers.add(bandLayer("band", bandValues, bandNames.get(bandNames.size() - 1), bandNames, bandFills, x, y));
        }

        // The fitted curve, under the points. It has its own data.
        ObjectNode curve = layers.addObject();
        curve.put("name", "curve");
        curve.putObject("data").set("values", curveValues);
        ObjectNode curveMark = curve.putObject("mark");
        curveMark.put("type", "line");
        curveMark.put("color", CURVE_COLOR);
        curveMark.put("strokeWidth", 1.5);
        curveMark.put("clip", true);
        ObjectNode curveEnc = curve.putObject("encoding");
        curveEnc.set("x", x.deepCopy());
        curveEnc.set("y", y.deepCopy().put("field", "y"));
        if (series.size() > 1) {
            ObjectNode dash = curveEnc.putObject("strokeDash");
            dash.put("field", "series");
            dash.put("type", "nominal");
            dash.put("title", "curve");
            // Series in the order the fit gives them (e.g. by TPR), not sorted as text ("10" before "5").
            ArrayNode domain = dash.putObject("scale").putArray("domain");
            series.forEach(domain::add);
        } else {
            ObjectNode detail = curveEnc.putObject("detail");
            detail.put("field", "series");
            detail.put("type", "nominal");
        }
        // A line is one path, so a tooltip would show its first point wherever the mouse is; name the series only.
        if (series.size() > 1) {
            curveEnc.putArray("tooltip").add(tip("series", "nominal", "curve", null));
        }

        double fitEdge = largestFitX(shown);
        if (Double.isFinite(fitEdge)) {
            ObjectNode edge = layers.addObject();
            edge.put("name", "fit-edge");
            ObjectNode datum = edge.putObject("data").putArray("values").addObject();
            putNumber(datum, "x", fitEdge);
            datum.put("label", "fit window \u2190");
            ObjectNode mark = edge.putObject("mark");
            mark.put("type", "rule");
            mark.put("color", "#888888");
            mark.set("strokeDash", NODES.arrayNode().add(2).add(3));
            ObjectNode enc = edge.putObject("encoding");
            enc.set("x", x.deepCopy());
            enc.putArray("tooltip").add(tip("label", "nominal", "edge", null))
                    .add(tip("x", "quantitative", "largest x fitted on", NUMBER_FORMAT));
            // Right of the rule the law extrapolates; say so at the top of the plot.
            ObjectNode label = layers.addObject();
            label.put("name", "fit-edge-label");
            label.set("data", edge.path("data").deepCopy());
            label.putObject("mark").put("type", "text").put("align", "left").put("baseline", "top")
                    .put("dx", 4).put("fontSize", 10).put("color", "#5f6368").put("text", "extrapolation \u2192");
            ObjectNode labelEnc = label.putObject("encoding");
            labelEnc.set("x", x.deepCopy());
            labelEnc.putObject("y").put("value", 4);
        }

        // The held-out runs' prediction intervals, as error bars under their points.
        if (!runIntervalValues.isEmpty()) {
            ObjectNode barEnc = errorBars(layers, "holdout-intervals", runIntervalValues, color(Role.HOLDOUT), 0.7, 1.5,
                    x, y, "low", "high");
            ArrayNode tips = barEnc.putArray("tooltip");
            tips.add(tip("id", "nominal", "id", null));
            tips.add(tip("x", "quantitative", "x", NUMBER_FORMAT));
            tips.add(tip("observed", "quantitative", "observed", NUMBER_FORMAT));
            tips.add(tip("low", "quantitative", piLabel + " low", NUMBER_FORMAT));
            tips.add(tip("high", "quantitative", piLabel + " high", NUMBER_FORMAT));
            tips.add(tip("inside", "nominal", "inside", null));
        }

        // The runs.
        ObjectNode points = layers.addObject();
        points.put("name", "runs");
        points.set("mark", pointMark());
        ObjectNode enc = points.putObject("encoding");
        enc.set("x", x.deepCopy());
        enc.set("y", y.deepCopy());
        roleChannels(enc, shown);
        enc.set("tooltip", runTooltip(false));

        if (!targetValues.isEmpty()) {
            if (IntervalViews.targetsHaveIntervals(fit)) {
                errorBars(layers, "target-prediction-intervals", targetValues.deepCopy(), TARGET_COLOR, 0.6, 1, x, y,
                        "piLow", "piHigh");
            }
            ObjectNode bar = layers.addObject();
            bar.put("name", "target-intervals");
            bar.putObject("data").set("values", targetValues.deepCopy());
            bar.putObject("mark").put("type", "rule").put("color", TARGET_COLOR).put("strokeWidth", 2);
            ObjectNode barEnc = bar.putObject("encoding");
            barEnc.set("x", x.deepCopy());
            barEnc.set("y", y.deepCopy().put("field", "low"));
            barEnc.putObject("y2").put("field", "high");
            ObjectNode star = layers.addObject();
            star.put("name", "targets");
            star.putObject("data").set("values", targetValues);
            star.putObject("mark").put("type", "point").put("shape", "triangle-up").put("filled", true)
                    .put("size", 110).put("color", TARGET_COLOR);
            ObjectNode starEnc = star.putObject("encoding");
            starEnc.set("x", x.deepCopy());
            starEnc.set("y", y.deepCopy().put("field", "predicted"));
            ArrayNode tips = starEnc.putArray("tooltip");
            tips.add(tip("x", "quantitative", "target x", NUMBER_FORMAT));
            tips.add(tip("predicted", "quantitative", "predicted", NUMBER_FORMAT));
            if (u != null) {
                tips.add(tip("low", "quantitative", ciLabel + " low", NUMBER_FORMAT));
                tips.add(tip("high", "quantitative", ciLabel + " high", NUMBER_FORMAT));
            }
            if (IntervalViews.targetsHaveIntervals(fit)) {
                tips.add(tip("piLow", "quantitative", piLabel + " low", NUMBER_FORMAT));
                tips.add(tip("piHigh", "quantitative", piLabel + " high", NUMBER_FORMAT));
            }
            if (series.size() > 1) {
                tips.add(tip("series", "nominal", "curve", null));
            }
        }
        return spec;
    }

    /**
     * The scaling chart's points: every run it draws and every target, with the intervals it draws on them: a
     * target's confidence interval of the curve (bootstrap), and a held-out run's or a target's prediction interval.
     */
    @Override
    public Table table(FitOutcome f) {
        boolean prediction = IntervalViews.runsHaveIntervals(f) || IntervalViews.targetsHaveIntervals(f);
        List<Row> rows = new ArrayList<>();
        for (RunRow r : points(f)) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(text(r.id())), Cell.of(r.role().text()),
                    number(r.x()), number(r.observed()), number(r.predicted()), Cell.of(""), Cell.of("")));
            if (prediction) {
                cells.add(r.interval() == null ? Cell.of("") : number(r.interval().low()));
                cells.add(r.interval() == null ? Cell.of("") : number(r.interval().high()));
            }
            rows.add(new Row("role-" + r.role().text(), cells));
        }
        for (TargetPrediction t : targets(f)) {
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

    @Override
    public String caption(FitOutcome fit) {
        boolean band = fit.uncertainty() != null && fit.uncertainty().band() != null
                && !fit.uncertainty().band().isEmpty();
        boolean predictionBand = fit.prediction() != null && fit.prediction().band() != null
                && !fit.prediction().band().isEmpty();
        boolean targets = fit.targets() != null && !fit.targets().isEmpty();
        boolean runBars = IntervalViews.runsHaveIntervals(fit);
        boolean targetBars = IntervalViews.targetsHaveIntervals(fit);
        String pi = IntervalViews.predictionLabel(IntervalViews.predictionLevel(fit));
        StringBuilder c = new StringBuilder("Observed runs and the fitted law");
        if (targets) {
            c.append(", extended to the targets (\u25b2").append(band ? ", the thick bar its "
                    + IntervalViews.confidenceLabel(fit.uncertainty().level()) : "").append(")");
        }
        if (band) {
            c.append("; the blue band is the ").append(IntervalViews.confidenceBandLabel(fit.uncertainty()))
                    .append(": where the law\u2019s curve lies");
        }
        if (predictionBand) {
            c.append("; the wider green band is the ").append(IntervalViews.predictionBandLabel(fit))
                    .append(": where a new run\u2019s observation will fall");
        }
        if (runBars || targetBars) {
            c.append("; error bars on ").append(runBars ? "held-out runs" : "")
                    .append(runBars && targetBars ? " and " : "").append(targetBars ? "targets" : "")
                    .append(" are their ").append(pi).append("s");
        }
        return c.append("; right of the dotted rule the law extrapolates (hover a point for its values)")
                .toString();
    }

    private static double largestFitX(List<RunRow> rows) {
        double max = Double.NaN;
        for (RunRow r : rows) {
            if (r.role() == Role.FIT && (Double.isNaN(max) || r.x() > max)) {
                max = r.x();
            }
        }
        return max;
    }

    /** True when every observed value is positive and the largest is more than ten times the smallest. */
    static boolean spansMoreThanADecade(List<RunRow> rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (RunRow r : rows) {
            if (!(r.observed() > 0)) {
                return false;
            }
            min = Math.min(min, r.observed());
            max = Math.max(max, r.observed());
        }
        return !rows.isEmpty() && max > 10 * min;
    }
}
