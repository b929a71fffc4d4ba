package org.scalestudy.law;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.scalestudy.results.CurvePoint;

/** Helpers for {@link Law#curve}: the x grid and the distinct settings that get a series each. */
final class CurveSeries {
    private CurveSeries() {
    }

    /** The chart's log grid over {@code [xMin, xMax]}, {@link LawSupport#CURVE_POINTS} points. */
    static double[] grid(double xMin, double xMax) {
        return LawSupport.logGrid(xMin, xMax, LawSupport.CURVE_POINTS);
    }

    /** One unnamed series, {@code y = f(x)} on {@link #grid}. */
    static List<CurvePoint> single(double xMin, double xMax, DoubleUnaryOperator f) {
        double[] xs = grid(xMin, xMax);
        List<CurvePoint> points = new ArrayList<>(xs.length);
        for (double x : xs) {
            points.add(new CurvePoint("", x, f.applyAsDouble(x)));
        }
        return List.copyOf(points);
    }

    /**
     * The distinct values of {@code key} over {@code rows}, sorted lexicographically; keys with a
     * non-finite component are skipped and {@code -0.0} counts as {@code 0.0}. The key function does
     * its own rounding (e.g. a tokens-per-parameter ratio to 3 significant digits).
     */
    static List<double[]> settings(double[][] rows, Function<double[], double[]> key) {
        TreeSet<double[]> keys = new TreeSet<>(Arrays::compare);
        for (double[] row : rows) {
            double[] k = key.apply(row);
            if (k != null && LawSupport.allFinite(k)) {
                for (int j = 0; j < k.length; j++) {
                    k[j] += 0.0;
                }
                keys.add(k);
            }
        }
        return List.copyOf(keys);
    }

    /** The baselines among the rows (INPUT at {@code index}); {@code [0]} when there is none. */
    static List<double[]> baselines(double[][] rows, int index) {
        List<double[]> r = settings(rows, row -> row.length > index ? new double[] {row[index]} : null);
        return r.isEmpty() ? List.of(new double[] {0}) : r;
    }

    /** "r = 0.25", the label of a baseline. */
    static String baselineLabel(double r) {
        return "r = " + LawSupport.significant(r, 3);
    }
}
