package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalestudy.results.CurvePoint;

/**
 * The chart's curve of a fitted {@link Chinchilla} law over compute {@code C = 6 N D}: one series per distinct
 * tokens-per-parameter ratio D/N of the rows (to 3 significant digits, labelled {@code D/N = 20}), or, above
 * {@link #MAX_RATIO_SERIES} ratios, the one compute-optimal frontier.
 */
final class ChinchillaCurve {
    /**
     * Above this many distinct tokens-per-parameter ratios among the rows, the chart's curve is the
     * compute-optimal frontier L(N*(C), D*(C)), series {@link #FRONTIER}, instead of one line per ratio.
     */
    static final int MAX_RATIO_SERIES = 8;
    static final String FRONTIER = "compute-optimal";

    private ChinchillaCurve() {
    }

    /** See {@link Law#curve}; {@code params} are {@code (E, A, B, alpha, beta)}, rows {@code {N, D, ...}}. */
    static List<CurvePoint> points(double[] params, double[][] rows, double xMin, double xMax) {
        TreeMap<Double, String> ratios = new TreeMap<>();
        for (double[] row : rows) {
            if (row.length >= 2 && row[0] > 0 && row[1] > 0 && Double.isFinite(row[0]) && Double.isFinite(row[1])) {
                double ratio = LawSupport.round(row[1] / row[0], 3);
                if (ratio > 0 && Double.isFinite(ratio)) {
                    ratios.putIfAbsent(ratio, "D/N = " + LawSupport.significant(ratio, 3));
                }
            }
        }
        double[] xs = LawSupport.logGrid(xMin, xMax, LawSupport.CURVE_POINTS);
        if (ratios.size() > MAX_RATIO_SERIES && ChinchillaLaw.optimum(params, xMin) != null) {
            // A ladder of many ratios (Epoch's reconstruction has over 200) would draw as many lines;
            // the compute-optimal frontier is the one curve that summarises the law across them.
            List<CurvePoint> frontier = new ArrayList<>(xs.length);
            for (double c : xs) {
                frontier.add(new CurvePoint(FRONTIER, c, ChinchillaLaw.optimum(params, c).loss()));
            }
            return List.copyOf(frontier);
        }
        List<CurvePoint> points = new ArrayList<>(xs.length * ratios.size());
        for (Map.Entry<Double, String> entry : ratios.entrySet()) {
            double ratio = entry.getKey();
            for (double c : xs) {
                double n = Math.sqrt(c / (6 * ratio));
                points.add(new CurvePoint(entry.getValue(), c, ChinchillaLaw.loss(params, n, ratio * n)));
            }
        }
        return List.copyOf(points);
    }
}
