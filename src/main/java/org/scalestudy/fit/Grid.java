package org.scalestudy.fit;

import java.util.ArrayList;
import java.util.List;

/** Starting grids for {@link MultiStart}. */
public final class Grid {
    private Grid() {
    }

    /**
     * {@code from, from + step, ...} up to and including {@code to} (within a millionth of a step),
     * each computed as {@code from + k * step} so no rounding accumulates.
     */
    public static double[] steps(double from, double to, double step) {
        if (!(step > 0) || !(to >= from) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("bad range " + from + " to " + to + " by " + step);
        }
        int count = (int) Math.floor((to - from) / step + 1e-6) + 1;
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = from + k * step;
        }
        return values;
    }

    /**
     * Every combination of one value per axis, the first axis varying slowest (the order of
     * Python's {@code itertools.product}).
     */
    public static List<double[]> cartesian(double[]... axes) {
        int total = 1;
        for (double[] axis : axes) {
            total = Math.multiplyExact(total, axis.length);
        }
        List<double[]> points = new ArrayList<>(total);
        int[] index = new int[axes.length];
        for (int p = 0; p < total; p++) {
            double[] point = new double[axes.length];
            for (int a = 0; a < axes.length; a++) {
                point[a] = axes[a][index[a]];
            }
            points.add(point);
            for (int a = axes.length - 1; a >= 0; a--) {
                if (++index[a] < axes[a].length) {
                    break;
                }
                index[a] = 0;
            }
        }
        return List.copyOf(points);
    }
}
