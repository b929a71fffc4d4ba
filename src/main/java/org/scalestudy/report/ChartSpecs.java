package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.RunRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.JsonSupport.putNumber;

/**
 * Builds the Vega-Lite specs of one fit as Jackson trees, with the data inlined ({@code data.values}).
 *
 * <p>Charts (the names a study's {@code report} block may use):
 * <ul>
 *   <li>{@code scaling}: the runs as points on a log x axis, coloured (and shaped) by role, with tooltips,
 *       under the fitted curve — one line per curve series. The y axis is logarithmic when the observed
 *       values are all positive and span more than a decade, linear otherwise.</li>
 *   <li>{@code residuals}: the relative residual (observed − predicted) / observed of each run
 *       on a log x axis, coloured by role, with a rule at zero.</li>
 * </ul>
 *
 * Points that a log axis cannot show (x ≤ 0, non-finite values) are left out of the chart; they still appear
 * in the runs table. Non-finite numbers in the data become {@code null}.
 */
final class ChartSpecs {

    /** Chart names this class knows, in a stable order. */
    static final List<String> KNOWN = List.of("scaling", "residuals");

    /** What each chart shows, for its caption. */
    static String caption(String name) {
        return switch (name) {
            case "scaling" -> "Observed runs and the fitted law (log x; hover a point for its values)";
            case "residuals" -> "Relative residuals (observed \u2212 predicted) / observed; points above zero are under-predicted";
            default -> name;
        };
    }

    static final int WIDTH = 560;
    static final int HEIGHT = 340;

    private static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
    private static final List<String> ROLES = List.of("fit", "holdout", "excluded");
    private static final List<String> ROLE_COLORS = List.of("#1f6fb4", "#e0620d", "#9a9a9a");
    private static final List<String> ROLE_SHAPES = List.of("circle", "diamond", "cross");
    private static final String CURVE_COLOR = "#333333";
    private static final String NUMBER_FORMAT = ".4~g";
    private static final int SCALE_PADDING = 12;

    private ChartSpecs() {
    }

    /** The spec for chart {@code name}; {@link IllegalArgumentException} when the name is not {@link #KNOWN}. */
    static ObjectNode build(String name, FitOutcome fit) {
        return switch (name) {
            case "scaling" -> scaling(fit);
            case "residuals" -> residuals(fit);
            default -> throw new IllegalArgumentException("unknown chart: " + name);
        };
    }

    static ObjectNode scaling(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (positive(r.x()) && Double.isFinite(r.observed())) {
                shown.add(r);
            }
        }
        boolean logY = spansMoreThanADecade(shown);
        String yTitle = fit.yLabel();

        ObjectNode spec = base(fit, "scaling");
        ArrayNode values = spec.putObject("data").putArray("values");
        for (RunRow r : shown) {
            values.add(runValue(r));
        }

        ArrayNode layers = spec.putArray("layer");

        // The fitted curve, under the points. It has its own data.
        ObjectNode curve = layers.addObject();
        ArrayNode curveValues = curve.putObject("data").putArray("values");
        Set<String> series = new LinkedHashSet<>();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (RunRow r : shown) {
            xs.add(r.x());
            ys.add(r.observed());
        }
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
        ObjectNode x = logX(fit, xs);
        ObjectNode y = logY ? logAxis(quantitative("observed", yTitle, true, "~g"), ys)
                : quantitative("observed", yTitle, false, null);
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

        // The runs.
        ObjectNode points = layers.addObject();
        points.set("mark", pointMark());
        ObjectNode enc = points.putObject("encoding");
        enc.set("x", x);
        enc.set("y", y);
        enc.set("color", roleChannel(shown, "color", ROLE_COLORS));
        enc.set("shape", roleChannel(shown, "shape", ROLE_SHAPES));
        enc.set("tooltip", runTooltip(false));
        return spec;
    }

    static ObjectNode residuals(FitOutcome fit) {
        List<RunRow> shown = new ArrayList<>();
        for (RunRow r : fit.runs()) {
            if (positive(r.x()) && Double.isFinite(relativeResidual(r))) {
                shown.add(r);
            }
        }
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
        zero.putObject("data").putArray("values").addObject();
        ObjectNode ruleMark = zero.putObject("mark");
        ruleMark.put("type", "rule");
        ruleMark.put("color", CURVE_COLOR);
        ruleMark.set("strokeDash", NODES.arrayNode().add(4).add(3));
        ObjectNode zeroY = zero.putObject("encoding").putObject("y");
        zeroY.put("datum", 0);
        zeroY.put("type", "quantitative");

        ObjectNode points = layers.addObject();
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
        spec.put("width", WIDTH);
        spec.put("height", HEIGHT);
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
        }
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
