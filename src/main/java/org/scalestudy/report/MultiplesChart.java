package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.ChartView;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.PageText.groupLabel;
import static org.scalestudy.report.PageText.holdoutMre;
import static org.scalestudy.report.PageText.text;
import static org.scalestudy.report.VegaLite.*;

/**
 * The study page's small multiples: per law fitted to several groups, one small scaling panel per group, with
 * their table (a row per panel). Each panel draws what its fit's {@link ScalingChart} draws, its runs being
 * {@link ScalingChart#points}.
 */
final class MultiplesChart {

    static final int SMALL_WIDTH = 230;
    static final int SMALL_HEIGHT = 150;
    static final int SMALL_COLUMNS = 3;
    /** The most points a curve series of a panel keeps (its panel is 230 pixels wide). */
    static final int CURVE_POINTS = 24;

    /**
     * The most panels a study page draws, over all its laws. A panel costs about 1 kB of chart data (its runs and a
     * curve of at most {@link #CURVE_POINTS} points per series, rounded to the digits the site shows) and a few
     * milliseconds to draw; this keeps a study page's size and drawing time bounded however many groups it has.
     * The groups of a law past the budget are on their fit pages.
     */
    static final int PANELS = 150;

    private MultiplesChart() {
    }

    /** One small-multiples chart per law fitted to two or more groups (see {@link #of(List, List, List)}). */
    static List<ChartView> of(List<FitOutcome> fits) {
        return of(fits, SiteLayout.fitNames(fits), new ArrayList<>());
    }

    /**
     * One small-multiples chart per law fitted to two or more groups, in study order, while the panels drawn so far
     * and the law's stay within {@link #PANELS}; for a law past that, a notice goes to {@code notices}
     * (its groups' charts are on their fit pages). A chart's table lists its panels, one row each, with a link to
     * the fit's page, where the runs and the curve are tabled in full.
     *
     * @param names the fits' names ({@link SiteLayout#fitNames})
     */
    static List<ChartView> of(List<FitOutcome> fits, List<String> names, List<String> notices) {
        Map<String, List<Integer>> byLaw = new LinkedHashMap<>();
        for (int i = 0; i < fits.size(); i++) {
            byLaw.computeIfAbsent(text(fits.get(i).law()), k -> new ArrayList<>()).add(i);
        }
        List<ChartView> charts = new ArrayList<>();
        int panels = 0;
        int i = 0;
        for (Map.Entry<String, List<Integer>> e : byLaw.entrySet()) {
            i++;
            List<Integer> members = e.getValue();
            if (members.size() < 2) {
                continue;
            }
            if (panels + members.size() > PANELS) {
                notices.add("Law \u201c" + e.getKey() + "\u201d is fitted to " + Numbers.count(members.size())
                        + " groups, more panels than this page draws (" + Numbers.count(PANELS)
                        + " in all): its groups are in the leaderboard, each linking to its fit\u2019s page and charts.");
                continue;
            }
            panels += members.size();
            String id = "law-" + i + "-multiples";
            List<FitOutcome> group = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            for (int index : members) {
                FitOutcome f = fits.get(index);
                group.add(f);
                Metrics fm = f.fitMetrics();
                Metrics hm = f.holdoutMetrics();
                double mre = holdoutMre(f);
                int drawn = ScalingChart.INSTANCE.points(f).size();
                rows.add(new Row("", List.of(
                        new Cell(groupLabel(f), SiteLayout.fitPage(names.get(index))),
                        Cell.number(Numbers.count(drawn), drawn),
                        Cell.number(fm == null ? "0" : Numbers.count(fm.n()), fm == null ? 0 : fm.n()),
                        Cell.number(hm == null ? "0" : Numbers.count(hm.n()), hm == null ? 0 : hm.n()),
                        Cell.number(Numbers.percent(mre), mre))));
            }
            Table data = new Table("", List.of(new Column("group", false), new Column("runs drawn", true),
                    new Column("fit n", true), new Column("holdout n", true), new Column("holdout MRE", true)), rows,
                    "Each panel's runs and curve, number by number, are on its fit's page (the link).");
            charts.add(new ChartView(id, id + "-spec", e.getKey() + " in every group: observed runs and the fitted"
                    + " law, one panel per group (each with its own y scale)",
                    JsonSupport.htmlSafe(spec(e.getKey(), group)), data));
        }
        return charts;
    }

    /**
     * Small multiples: one scaling panel per fit of the same law (its groups), three to a row, each with its own
     * y scale and the group as its title. The data is compact, since a study page draws every group: one object
     * per panel and role (its runs) or curve series, holding the values as parallel arrays that a {@code flatten}
     * transform turns into rows; numbers rounded to {@link VegaLite#DIGITS} significant digits (the site shows
     * 4); each curve series thinned to at most {@link #CURVE_POINTS} points (its first and last kept).
     * Run ids and notes are left out: the fit's page has them. Every object has the arrays {@code x}, {@code y}
     * (observed for runs, the curve for a series) and {@code predicted} (empty for a series), and its
     * {@code layer}: {@code run} or {@code curve}.
     */
    static ObjectNode spec(String law, List<FitOutcome> fits) {
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
            Map<Role, ObjectNode> byRole = new LinkedHashMap<>();
            for (RunRow r : ScalingChart.INSTANCE.points(f)) {
                ObjectNode v = byRole.computeIfAbsent(r.role(), role -> {
                    ObjectNode o = values.addObject();
                    o.put("group", group);
                    o.put("layer", "run");
                    o.put("role", role.text());
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
                for (CurvePoint p : thin(e.getValue(), CURVE_POINTS)) {
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
        roleChannels(enc, allRuns);
        ArrayNode tips = NODES.arrayNode();
        tips.add(tip("group", "nominal", "group", null));
        tips.add(tip("role", "nominal", "role", null));
        tips.add(tip("x", "quantitative", "x", NUMBER_FORMAT));
        tips.add(tip("y", "quantitative", "observed", NUMBER_FORMAT));
        tips.add(tip("predicted", "quantitative", "predicted", NUMBER_FORMAT));
        enc.set("tooltip", tips);
        return spec;
    }
}
