package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.JsonSupport.putNumber;

/**
 * The pieces every chart's Vega-Lite spec is built from (Jackson trees, data inlined): the frame of a fit's chart,
 * axes, the role palette, point marks, tooltips and error bars, and the rounding and thinning of a spec's data.
 * Non-finite numbers in the data become {@code null}.
 */
final class VegaLite {

    static final int WIDTH = 460;
    static final int HEIGHT = 300;
    static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
    static final String CURVE_COLOR = "#333333";
    static final String TARGET_COLOR = "#7b2d8e";
    static final String NUMBER_FORMAT = ".4~g";
    /** Significant digits of the numbers in a compact spec's data: one more than the site prints. */
    static final int DIGITS = 5;
    private static final java.math.MathContext ROUNDING =
            new java.math.MathContext(DIGITS, java.math.RoundingMode.HALF_EVEN);
    private static final int SCALE_PADDING = 12;

    private VegaLite() {
    }

    /** A role's colour, the same in every chart. */
    static String color(Role role) {
        return switch (role) {
            case FIT -> "#1f6fb4";
            case HOLDOUT -> "#e0620d";
            case EXCLUDED -> "#9a9a9a";
        };
    }

    /** A role's point shape, the same in every chart (so it reads without colour too). */
    static String shape(Role role) {
        return switch (role) {
            case FIT -> "circle";
            case HOLDOUT -> "diamond";
            case EXCLUDED -> "cross";
        };
    }

    /**
     * The frame of chart {@code chart} of {@code fit}: schema, description, a title inside the chart (so an exported
     * or projected chart still says what it shows), size, and the legend under the plot.
     */
    static ObjectNode base(FitOutcome fit, String chart, String title) {
        ObjectNode spec = NODES.objectNode();
        spec.put("$schema", SCHEMA);
        String group = fit.group().isEmpty() ? "" : " \u00b7 " + fit.group();
        spec.put("description", chart + " chart of " + fit.law() + group);
        ObjectNode t = spec.putObject("title");
        t.put("text", title);
        t.put("subtitle", fit.law() + group);
        t.put("anchor", "start");
        t.put("fontSize", 13);
        t.put("subtitleColor", "#5f6368");
        spec.put("width", WIDTH);
        spec.put("height", HEIGHT);
        // The legend under the plot, so the chart is no wider than its width says.
        spec.putObject("config").putObject("legend").put("orient", "bottom").put("direction", "horizontal");
        return spec;
    }

    /** A run as a data value: id, role, x, observed, predicted and note. */
    static ObjectNode runValue(RunRow r) {
        ObjectNode v = NODES.objectNode();
        v.put("id", r.id());
        v.put("role", r.role().text());
        putNumber(v, "x", r.x());
        putNumber(v, "observed", r.observed());
        putNumber(v, "predicted", r.predicted());
        v.put("note", r.note());
        return v;
    }

    static ObjectNode pointMark() {
        ObjectNode mark = NODES.objectNode();
        mark.put("type", "point");
        mark.put("filled", true);
        mark.put("size", 64);
        mark.put("opacity", 0.9);
        return mark;
    }

    static ObjectNode logX(FitOutcome fit, List<Double> values) {
        return logAxis(quantitative("x", fit.xLabel(), true, "~e"), values);
    }

    /**
     * On a log axis spanning two or more powers of ten, ticks and grid lines go at the powers of ten only;
     * Vega's default adds 2× and 5× ticks, which crowd the axis and the grid.
     */
    static ObjectNode logAxis(ObjectNode channel, List<Double> values) {
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

    static ObjectNode quantitative(String field, String title, boolean log, String axisFormat) {
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

    /**
     * Role as colour or shape ({@code palette}: {@link #color} or {@link #shape}), with the roles present in
     * {@link Role}'s order, so colours never shift between charts.
     */
    static ObjectNode roleChannel(List<RunRow> rows, Function<Role, String> palette) {
        Set<Role> present = EnumSet.noneOf(Role.class);
        for (RunRow r : rows) {
            present.add(r.role());
        }
        ArrayNode domain = NODES.arrayNode();
        ArrayNode range = NODES.arrayNode();
        for (Role role : present) {
            domain.add(role.text());
            range.add(palette.apply(role));
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

    /** The colour and shape channels of a layer of runs. */
    static void roleChannels(ObjectNode encoding, List<RunRow> rows) {
        encoding.set("color", roleChannel(rows, VegaLite::color));
        encoding.set("shape", roleChannel(rows, VegaLite::shape));
    }

    static ArrayNode runTooltip(boolean withResidual) {
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
    static ObjectNode errorBars(ArrayNode layers, String name, ArrayNode values, String color, double opacity,
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

    /**
     * A shaded band between {@code low} and {@code high} along the curve, its fill named {@code name} in the legend
     * whose entries are {@code names} (coloured {@code fills}).
     */
    static ObjectNode bandLayer(String layerName, ArrayNode values, String name, List<String> names,
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

    static ObjectNode tip(String field, String type, String title, String format) {
        ObjectNode t = NODES.objectNode();
        t.put("field", field);
        t.put("type", type);
        t.put("title", title);
        if (format != null) {
            t.put("format", format);
        }
        return t;
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

    /** Finite {@code v} rounded to {@link #DIGITS} significant digits (half-even, in decimal). */
    static double rounded(double v) {
        return v == 0 ? 0.0 : new java.math.BigDecimal(v).round(ROUNDING).doubleValue();
    }

    /** {@code v} rounded to {@link #DIGITS} significant digits (half-even, in decimal); null if not finite. */
    static void addRounded(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(rounded(v));
        } else {
            array.addNull();
        }
    }

    static void addNumber(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.addNull();
        }
    }

    static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
