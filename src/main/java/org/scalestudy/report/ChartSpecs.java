package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;
import org.scalestudy.results.WindowPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.JsonSupport.putNumber;

/**
 * Builds the Vega-Lite specs of one fit as Jackson trees, with the data inlined ({@code data.values}).
 *
 * <p>Charts (the names a study's {@code report} block may use):
 * <ul>
 *   <li>{@code scaling}: the runs as points on a log x axis, coloured (and shaped) by role, with tooltips,
 *       under the fitted curve — one line per curve series — extended to the study's targets, with the
 *       bootstrap confidence band of the curve when the fit has one and, wider and under it, the back-tested
 *       prediction band (where a new run will fall; both named in an "interval" legend), error bars for the
 *       prediction intervals of held-out runs and targets, the targets' predictions with their confidence
 *       intervals, and a dotted rule at the largest x fitted on (right of it the law extrapolates). The y axis is logarithmic
 *       when the observed values are all positive and span more than a decade, linear otherwise.</li>
 *   <li>{@code residuals}: the relative residual (observed − predicted) / observed of each run
 *       on a log x axis, coloured by role, with a rule at zero.</li>
 *   <li>{@code parity}: predicted against observed for every run with both, with the diagonal y = x.</li>
 *   <li>{@code sensitivity}: fit-window sensitivity — holdout MRE of the law refitted with ever smaller largest x
 *       (from {@link FitOutcome#window()}).</li>
 * </ul>
 * and, per law fitted to several groups, {@link #multiples}: one small scaling chart per group.
 *
 * Layers carry a {@code name} (prediction-band, band, curve, holdout-intervals, runs, target-prediction-intervals,
 * target-intervals, targets, fit-edge, zero, diagonal) so tests and readers of the
 * spec find them without relying on their order. Points that a log axis cannot show (x ≤ 0, non-finite values)
 * are left out of the chart; they still appear in the runs table. Non-finite numbers in the data become
 * {@code null}.
 */
final class ChartSpecs {

    /** Chart names this class knows, in a stable order. */
    static final List<String> KNOWN = List.of("scaling", "residuals", "parity", "sensitivity");

    /** What chart {@code name} of {@code fit} shows, for its caption (naming only what the fit has). */
    static String caption(String name, FitOutcome fit) {
        if (name.equals("scaling")) {
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
        return caption(name);
    }

    /** What each chart shows, for its caption. */
    static String caption(String name) {
        return switch (name) {
            case "scaling" -> "Observed runs and the fitted law (hover a point for its values)";
            case "residuals" -> "Relative residuals (observed \u2212 predicted) / observed; points above zero are under-predicted";
            case "parity" -> "Predicted against observed; on the diagonal the law is exact";
            case "sensitivity" -> "Fit-window sensitivity: holdout MRE when the law is refitted only on runs up to a"
                    + " given x (moving left drops the largest runs from the fit)";
            default -> name;
        };
    }

    static final int WIDTH = 460;
    static final int HEIGHT = 300;
    static final int SMALL_WIDTH = 230;
    static final int SMALL_HEIGHT = 150;
    static final int SMALL_COLUMNS = 3;
    /** The most points a curve series of a small-multiples panel keeps (its panel is 230 pixels wide). */
    static final int MULTIPLES_CURVE_POINTS = 24;
    /** The most points a series of a scaling chart's prediction band keeps. */
    static final int BAND_POINTS = 30;
    /** Significant digits of the numbers in a small-multiples spec: one more than the site prints. */
    static final int MULTIPLES_DIGITS = 5;
    private static final java.math.MathContext ROUNDING =
            new java.math.MathContext(MULTIPLES_DIGITS, java.math.RoundingMode.HALF_EVEN);

    private static final java.util.Map<String, String> TITLES = java.util.Map.of(
            "scaling", "Scaling", "residuals", "Relative residuals", "parity", "Predicted vs observed",
            "sensitivity", "Fit-window sensitivity");
    private static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
    private static final List<String> ROLES = List.of("fit", "holdout", "excluded");
    private static final List<String> ROLE_COLORS = List.of("#1f6fb4", "#e0620d", "#9a9a9a");
    private static final List<String> ROLE_SHAPES = List.of("circle", "diamond", "cross");
    private static final String CURVE_COLOR = "#333333";
    private static final String TARGET_COLOR = "#7b2d8e";
    /** The bands are opaque and light, the prediction band under the confidence band, so the legend's swatches
     *  are the colours drawn. */
    static final String CONFIDENCE_FILL = "#b9d3ea";
    static final String PREDICTION_FILL = "#d4ece4";
    private static final String HOLDOUT_COLOR = "#e0620d";
    private static final String NUMBER_FORMAT = ".4~g";
    private static final int SCALE_PADDING = 12;

    private ChartSpecs() {
    }

    /** The spec for chart {@code name}; {@link IllegalArgumentException} when the name is not {@link #KNOWN}. */
    static ObjectNode build(String name, FitOutcome fit) {
        return switch (name) {
            case "scaling" -> scaling(fit);
            case "residuals" -> residuals(fit);
            case "parity" -> parity(fit);
            case "sensitivity" -> window(fit);
            default -> throw new IllegalArgumentException("unknown chart: " + name);
        };
    }

    /** The runs a scaling chart draws: positive finite x, finite observed value. */
    static List<RunRow> scalingRuns(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (positive(r.x()) && Double.isFinite(r.observed())) {
                shown.add(r);
            }
        }
        return shown;
    }

    static ObjectNode scaling(FitOutcome fit) {
        List<RunRow> shown = scalingRuns(fit);
        boolean logY = spansMoreThanADecade(shown);
        String yTitle = fit.yLabel();

        ObjectNode spec = base(fit, "scaling");
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
        // BAND_POINTS points per series, rounded to MULTIPLES_DIGITS digits, draw it as well as the curve's every
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
        for (TargetPrediction t : fit.targets() == null ? List.<TargetPrediction>of() : fit.targets()) {
            if (positive(t.x()) && Double.isFinite(t.predicted()) && (!logY || t.predicted() > 0)) {
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
            ObjectNode barEnc = errorBars(layers, "holdout-intervals", runIntervalValues, HOLDOUT_COLOR, 0.7, 1.5,
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
        enc.set("color", roleChannel(shown, "color", ROLE_COLORS));
        enc.set("shape", roleChannel(shown, "shape", ROLE_SHAPES));
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
     * A shaded band between {@code low} and {@code high} along the curve, its fill named {@code name} in the legend
     * whose entries are {@code names} (coloured {@code fills}).
     */
    private static ObjectNode bandLayer(String layerName, ArrayNode values, String name, List<String> names,
                                        List<String> fills, ObjectNode x, ObjectNode y) {
        ObjectNode band = NODES.objectNode();
        band.put("name", layerName);
        band.putObject("data").set("values", values);
        ObjectNode mark = band.putObject("mark");
        mark.put("type", "area");
        mark.put("clip", true);
        ObjectNode enc = band.putObject("encoding");
        enc.set("x", x.deepCopy());
        enc.set("y", y.deepCopy().put("field", "low"));
        enc.putObject("y2").put("field", "high");
        enc.putObject("detail").put("field", "series").put("type", "nominal");
        ObjectNode fill = enc.putObject("fill");
        fill.put("datum", name);
        fill.put("type", "nominal");
        fill.put("title", "interval");
        ObjectNode scale = fill.putObject("scale");
        ArrayNode domain = scale.putArray("domain");
        names.forEach(domain::add);
        ArrayNode range = scale.putArray("range");
        fills.forEach(range::add);
        fill.putObject("legend").put("symbolType", "square").put("labelLimit", 360);
        return band;
    }

    static ObjectNode residuals(FitOutcome fit) {
        List<RunRow> shown = residualRuns(fit);
        String yTitle = "(observed \u2212 predicted) / observed";

        ObjectNode spec = base(fit, "residuals");
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
        enc.set("color", roleChannel(shown, "color", ROLE_COLORS));
        enc.set("shape", roleChannel(shown, "shape", ROLE_SHAPES));
        enc.set("tooltip", runTooltip(true));
        return spec;
    }

    /** The runs a residual chart draws: positive finite x and a defined relative residual. */
    static List<RunRow> residualRuns(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (positive(r.x()) && Double.isFinite(relativeResidual(r))) {
                shown.add(r);
            }
        }
        return shown;
    }

    /** The runs a parity chart draws: finite observed and predicted values. */
    static List<RunRow> parityRuns(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (Double.isFinite(r.observed()) && Double.isFinite(r.predicted())) {
                shown.add(r);
            }
        }
        return shown;
    }

    static ObjectNode parity(FitOutcome fit) {
        List<RunRow> shown = parityRuns(fit);
        ObjectNode spec = base(fit, "parity");
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
        enc.set("color", roleChannel(shown, "color", ROLE_COLORS));
        enc.set("shape", roleChannel(shown, "shape", ROLE_SHAPES));
        enc.set("tooltip", runTooltip(false));
        return spec;
    }

    /** The sweep points a window chart draws: positive finite cut-off and finite holdout MRE. */
    static List<WindowPoint> windowPoints(FitOutcome fit) {
        List<WindowPoint> shown = new ArrayList<>();
        for (WindowPoint w : fit.window() == null ? List.<WindowPoint>of() : fit.window()) {
            if (positive(w.cutoff()) && Double.isFinite(w.holdoutMre())) {
                shown.add(w);
            }
        }
        return shown;
    }

    static ObjectNode window(FitOutcome fit) {
        List<WindowPoint> shown = windowPoints(fit);
        ObjectNode spec = base(fit, "sensitivity");
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
        line.putObject("mark").put("type", "line").put("color", ROLE_COLORS.get(1)).put("strokeWidth", 1.5);
        line.putObject("encoding").set("x", x.deepCopy());
        ((ObjectNode) line.path("encoding")).set("y", y.deepCopy());
        ObjectNode points = layers.addObject();
        points.put("name", "points");
        ObjectNode mark = pointMark();
        mark.put("color", ROLE_COLORS.get(1));
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
     * Small multiples: one scaling panel per fit of the same law (its groups), three to a row, each with its own
     * y scale and the group as its title. The data is compact, since a study page draws every group: one object
     * per panel and role (its runs) or curve series, holding the values as parallel arrays that a {@code flatten}
     * transform turns into rows; numbers rounded to {@link #MULTIPLES_DIGITS} significant digits (the site shows
     * 4); each curve series thinned to at most {@link #MULTIPLES_CURVE_POINTS} points (its first and last kept).
     * Run ids and notes are left out: the fit's page has them. Every object has the arrays {@code x}, {@code y}
     * (observed for runs, the curve for a series) and {@code predicted} (empty for a series), and its
     * {@code layer}: {@code run} or {@code curve}.
     */
    static ObjectNode multiples(String law, List<FitOutcome> fits) {
        ObjectNode spec = NODES.objectNode();
        spec.put("$schema", SCHEMA);
        spec.put("description", "scaling chart of " + law + " for each group");
        // Drawn on a canvas: a page of a hundred panels builds its axes and points several times faster than as SVG
        // elements (vega-embed reads usermeta.embedOptions; tooltips work the same).
        spec.putObject("usermeta").putObject("embedOptions").put("renderer", "canvas");
        ArrayNode values = spec.putObject("data").putArray("values");
        spec.putArray("transform").addObject().set("flatten", NODES.arrayNode().add("x").add("y").add("predicted"));
        List<Double> xs = new ArrayList<>();
        String xLabel = fits.isEmpty() ? "x" : fits.get(0).xLabel();
        String yLabel = fits.isEmpty() ? "y" : fits.get(0).yLabel();
        ArrayNode groups = NODES.arrayNode();
        List<RunRow> allRuns = new ArrayList<>();
        for (FitOutcome f : fits) {
            // The panel's title: the group and how well the law predicted its held-out runs.
            double mre = f.holdoutMetrics() == null || f.holdoutMetrics().n() == 0 ? Double.NaN
                    : f.holdoutMetrics().mre();
            String group = (f.group().isEmpty() ? f.dataset() : f.group())
                    + (Double.isNaN(mre) ? "" : " \u00b7 holdout MRE " + Numbers.percent(mre));
            groups.add(group);
            Map<String, ObjectNode> byRole = new LinkedHashMap<>();
            for (RunRow r : scalingRuns(f)) {
                ObjectNode v = byRole.computeIfAbsent(r.role(), role -> {
                    ObjectNode o = values.addObject();
                    o.put("group", group);
                    o.put("layer", "run");
                    o.put("role", role);
                    o.putArray("x");
                    o.putArray("y");
                    o.putArray("predicted");
                    return o;
                });
                addRounded((ArrayNode) v.get("x"), r.x());
                addRounded((ArrayNode) v.get("y"), r.observed());
                addRounded((ArrayNode) v.get("predicted"), r.predicted());
                xs.add(r.x());
                allRuns.add(r);
            }
            Map<String, List<CurvePoint>> bySeries = new LinkedHashMap<>();
            for (CurvePoint p : f.curve()) {
                if (positive(p.x()) && Double.isFinite(p.y())) {
                    bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
                }
            }
            for (Map.Entry<String, List<CurvePoint>> e : bySeries.entrySet()) {
                ObjectNode o = values.addObject();
                o.put("group", group);
                o.put("layer", "curve");
                o.put("series", e.getKey());
                ArrayNode x = o.putArray("x");
                ArrayNode y = o.putArray("y");
                o.putArray("predicted");
                for (CurvePoint p : thin(e.getValue(), MULTIPLES_CURVE_POINTS)) {
                    addRounded(x, p.x());
                    addRounded(y, p.y());
                    xs.add(p.x());
                }
            }
        }
        ObjectNode facet = spec.putObject("facet");
        facet.put("field", "group");
        facet.put("type", "nominal");
        facet.put("title", null == law ? "" : law);
        facet.putObject("header").put("labelFontSize", 12).put("labelFontWeight", "bold")
                .put("titleFontSize", 0);
        facet.set("sort", groups);
        spec.put("columns", SMALL_COLUMNS);
        ObjectNode resolve = spec.putObject("resolve");
        resolve.putObject("scale").put("y", "independent");
        // Every panel keeps its own x axis, so a panel in a short last row is not left without one.
        resolve.putObject("axis").put("x", "independent");
        ObjectNode inner = spec.putObject("spec");
        inner.put("width", SMALL_WIDTH);
        inner.put("height", SMALL_HEIGHT);
        ObjectNode x = logAxis(quantitative("x", xLabel, true, "~e"), xs);
        ((ObjectNode) x.path("axis")).put("labelFontSize", 9);
        ((ObjectNode) x.path("axis")).put("titleFontSize", 10);
        ((ObjectNode) x.path("axis")).put("labelOverlap", "greedy");
        ObjectNode y = quantitative("y", yLabel, false, "~g");
        ((ObjectNode) y.path("axis")).put("labelFontSize", 9);
        ((ObjectNode) y.path("axis")).put("titleFontSize", 10);
        ((ObjectNode) y.path("axis")).put("tickCount", 4);
        ArrayNode layers = inner.putArray("layer");
        ObjectNode curve = layers.addObject();
        curve.put("name", "curve");
        curve.putArray("transform").addObject().put("filter", "datum.layer === 'curve'");
        curve.putObject("mark").put("type", "line").put("color", CURVE_COLOR).put("strokeWidth", 1.2)
                .put("clip", true);
        ObjectNode curveEnc = curve.putObject("encoding");
        curveEnc.set("x", x.deepCopy());
        curveEnc.set("y", y.deepCopy());
        curveEnc.putObject("detail").put("field", "series").put("type", "nominal");
        ObjectNode points = layers.addObject();
        points.put("name", "runs");
        points.putArray("transform").addObject().put("filter", "datum.layer === 'run'");
        ObjectNode mark = pointMark();
        mark.put("size", 36);
        points.set("mark", mark);
        ObjectNode enc = points.putObject("encoding");
        enc.set("x", x);
        enc.set("y", y);
        enc.set("color", roleChannel(allRuns, "color", ROLE_COLORS));
        enc.set("shape", roleChannel(allRuns, "shape", ROLE_SHAPES));
        ArrayNode tips = NODES.arrayNode();
        tips.add(tip("group", "nominal", "group", null));
        tips.add(tip("role", "nominal", "role", null));
        tips.add(tip("x", "quantitative", "x", NUMBER_FORMAT));
        tips.add(tip("y", "quantitative", "observed", NUMBER_FORMAT));
        tips.add(tip("predicted", "quantitative", "predicted", NUMBER_FORMAT));
        enc.set("tooltip", tips);
        return spec;
    }

    /** At most {@code max} (at least 2) of {@code points}, evenly spaced by index, the first and the last kept. */
    static <T> List<T> thin(List<T> points, int max) {
        int n = points.size();
        if (n <= max) {
            return points;
        }
        List<T> kept = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            kept.add(points.get((int) Math.round((double) k * (n - 1) / (max - 1))));
        }
        return kept;
    }

    /** Finite {@code v} rounded to {@link #MULTIPLES_DIGITS} significant digits (half-even, in decimal). */
    static double rounded(double v) {
        return v == 0 ? 0.0 : new java.math.BigDecimal(v).round(ROUNDING).doubleValue();
    }

    /** {@code v} rounded to {@link #MULTIPLES_DIGITS} significant digits (half-even, in decimal); null if not finite. */
    static void addRounded(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v == 0 ? 0.0 : new java.math.BigDecimal(v).round(ROUNDING).doubleValue());
        } else {
            array.addNull();
        }
    }

    private static double largestFitX(List<RunRow> rows) {
        double max = Double.NaN;
        for (RunRow r : rows) {
            if ("fit".equals(r.role()) && (Double.isNaN(max) || r.x() > max)) {
                max = r.x();
            }
        }
        return max;
    }

    private static void addNumber(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.addNull();
        }
    }

    /** (observed − predicted) / observed; NaN when it is undefined. */
    static double relativeResidual(RunRow r) {
        if (!Double.isFinite(r.observed()) || !Double.isFinite(r.predicted()) || r.observed() == 0) {
            return Double.NaN;
        }
        return (r.observed() - r.predicted()) / r.observed();
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

    private static ObjectNode base(FitOutcome fit, String chart) {
        ObjectNode spec = NODES.objectNode();
        spec.put("$schema", SCHEMA);
        String group = fit.group().isEmpty() ? "" : " \u00b7 " + fit.group();
        spec.put("description", chart + " chart of " + fit.law() + group);
        // A title inside the chart, so an exported or projected chart still says what it shows.
        ObjectNode title = spec.putObject("title");
        title.put("text", TITLES.getOrDefault(chart, chart));
        title.put("subtitle", fit.law() + group);
        title.put("anchor", "start");
        title.put("fontSize", 13);
        title.put("subtitleColor", "#5f6368");
        spec.put("width", WIDTH);
        spec.put("height", HEIGHT);
        // The legend under the plot, so the chart is no wider than its width says.
        spec.putObject("config").putObject("legend").put("orient", "bottom").put("direction", "horizontal");
        return spec;
    }

    private static ObjectNode runValue(RunRow r) {
        ObjectNode v = NODES.objectNode();
        v.put("id", r.id());
        v.put("role", r.role());
        putNumber(v, "x", r.x());
        putNumber(v, "observed", r.observed());
        putNumber(v, "predicted", r.predicted());
        v.put("note", r.note());
        return v;
    }

    private static ObjectNode pointMark() {
        ObjectNode mark = NODES.objectNode();
        mark.put("type", "point");
        mark.put("filled", true);
        mark.put("size", 64);
        mark.put("opacity", 0.9);
        return mark;
    }

    private static ObjectNode logX(FitOutcome fit, List<Double> values) {
        return logAxis(quantitative("x", fit.xLabel(), true, "~e"), values);
    }

    /**
     * On a log axis spanning two or more powers of ten, ticks and grid lines go at the powers of ten only;
     * Vega's default adds 2× and 5× ticks, which crowd the axis and the grid.
     */
    private static ObjectNode logAxis(ObjectNode channel, List<Double> values) {
        List<Double> decades = decades(values);
        if (decades.size() >= 2) {
            ArrayNode ticks = ((ObjectNode) channel.path("axis")).putArray("values");
            decades.forEach(ticks::add);
        }
        return channel;
    }

    /** The powers of ten within [min, max] of the positive finite values, exactly (10^k parsed, not computed). */
    static List<Double> decades(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (positive(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        List<Double> out = new ArrayList<>();
        if (min > max) {
            return out;
        }
        int from = (int) Math.floor(Math.log10(min)) - 1;
        int to = (int) Math.ceil(Math.log10(max)) + 1;
        for (int k = from; k <= to; k++) {
            double decade = Double.parseDouble("1e" + k);
            if (decade >= min && decade <= max) {
                out.add(decade);
            }
        }
        return out;
    }

    private static ObjectNode quantitative(String field, String title, boolean log, String axisFormat) {
        ObjectNode ch = NODES.objectNode();
        ch.put("field", field);
        ch.put("type", "quantitative");
        ch.put("title", title);
        ObjectNode scale = ch.putObject("scale");
        if (log) {
            scale.put("type", "log");
        } else {
            scale.put("zero", false);
        }
        // Keep points at the extremes clear of the frame instead of half-clipped.
        scale.put("padding", SCALE_PADDING);
        ObjectNode axis = ch.putObject("axis");
        if (axisFormat != null) {
            axis.put("format", axisFormat);
            if (axisFormat.endsWith("e")) {
                // d3 writes 1e+21; the tables write 1e21.
                axis.put("labelExpr", "replace(datum.label, 'e+', 'e')");
            }
        }
        axis.put("labelOverlap", "greedy");
        return ch;
    }

    /** Role as colour or shape, with the roles present in a fixed order so colours never shift between charts. */
    private static ObjectNode roleChannel(List<RunRow> rows, String channel, List<String> palette) {
        Set<String> present = new LinkedHashSet<>();
        for (RunRow r : rows) {
            present.add(r.role());
        }
        ArrayNode domain = NODES.arrayNode();
        ArrayNode range = NODES.arrayNode();
        for (int i = 0; i < ROLES.size(); i++) {
            if (present.remove(ROLES.get(i))) {
                domain.add(ROLES.get(i));
                range.add(palette.get(i));
            }
        }
        // Roles outside the contract still get shown, after the known ones, in first-seen order.
        for (String other : present) {
            domain.add(other);
            range.add(channel.equals("color") ? "#6a3d9a" : "square");
        }
        ObjectNode ch = NODES.objectNode();
        ch.put("field", "role");
        ch.put("type", "nominal");
        ch.put("title", "role");
        ObjectNode scale = ch.putObject("scale");
        scale.set("domain", domain);
        scale.set("range", range);
        return ch;
    }

    private static ArrayNode runTooltip(boolean withResidual) {
        ArrayNode tips = NODES.arrayNode();
        tips.add(tip("id", "nominal", "id", null));
        tips.add(tip("x", "quantitative", "x", NUMBER_FORMAT));
        tips.add(tip("observed", "quantitative", "observed", NUMBER_FORMAT));
        tips.add(tip("predicted", "quantitative", "predicted", NUMBER_FORMAT));
        if (withResidual) {
            tips.add(tip("residual", "quantitative", "relative residual", ".3~%"));
        }
        tips.add(tip("role", "nominal", "role", null));
        tips.add(tip("note", "nominal", "note", null));
        return tips;
    }

    /** A layer of error bars from {@code low} to {@code high} at each value's x; its encoding, for tooltips. */
    private static ObjectNode errorBars(ArrayNode layers, String name, ArrayNode values, String color, double opacity,
                                        double thickness, ObjectNode x, ObjectNode y, String low, String high) {
        ObjectNode bars = layers.addObject();
        bars.put("name", name);
        bars.putObject("data").set("values", values);
        bars.putObject("mark").put("type", "errorbar").put("ticks", true).put("color", color)
                .put("opacity", opacity).put("thickness", thickness);
        ObjectNode enc = bars.putObject("encoding");
        enc.set("x", x.deepCopy());
        enc.set("y", y.deepCopy().put("field", low));
        enc.putObject("y2").put("field", high);
        return enc;
    }

    private static ObjectNode tip(String field, String type, String title, String format) {
        ObjectNode t = NODES.objectNode();
        t.put("field", field);
        t.put("type", type);
        t.put("title", title);
        if (format != null) {
            t.put("format", format);
        }
        return t;
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
