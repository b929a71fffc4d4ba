package org.scalestudy.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.WindowPoint;

/**
 * Fit-window sensitivity, as in the extrapolation study of Krajewski et al. (2025): move the largest x
 * admitted to the fit down the ladder and watch the holdout error. For every distinct x of the fit rows,
 * largest first, the law is refitted ({@link Law#refit}: its whole search, as the fit's) on the fit rows
 * with x ≤ that cut-off and judged on the holdout rows; the sweep stops when fewer than
 * {@link Law#minimumRows()} rows would remain. The first point is the full window (the full fit's own
 * rows, refitted the same way, so every point of the sweep is made alike).
 */
final class WindowSweep {
    private WindowSweep() {
    }

    /**
     * @param fitRows     the law's input rows fitted on
     * @param holdoutRows the law's input rows held out; empty gives an empty sweep
     * @param fitted      the full fit's parameters (passed to {@link Law#refit}, which searches afresh)
     */
    static List<WindowPoint> sweep(Law law, double[][] fitRows, double[][] holdoutRows, double[] fitted) {
        return sweep(law, Refit.alone(law, fitted), fitRows, holdoutRows);
    }

    /** As above, each refit made by {@code refit} (e.g. jointly, every group cut at the same x). */
    static List<WindowPoint> sweep(Law law, Refit refit, double[][] fitRows, double[][] holdoutRows) {
        List<WindowPoint> points = new ArrayList<>();
        if (holdoutRows.length == 0 || fitRows.length == 0) {
            return points;
        }
        TreeSet<Double> cutoffs = new TreeSet<>();
        for (double[] row : fitRows) {
            double x = law.axis(row);
            if (Double.isFinite(x)) {
                cutoffs.add(x);
            }
        }
        double[] observed = new double[holdoutRows.length];
        for (int i = 0; i < holdoutRows.length; i++) {
            observed[i] = law.observed(holdoutRows[i]);
        }
        for (double cutoff : cutoffs.descendingSet()) {
            List<double[]> kept = new ArrayList<>();
            for (double[] row : fitRows) {
                if (law.axis(row) <= cutoff) {
                    kept.add(row);
                }
            }
            if (kept.size() < law.minimumRows()) {
                break;
            }
            OptimizeResult report = refit.fit(kept.toArray(double[][]::new), cutoff);
            double[] predicted = new double[holdoutRows.length];
            for (int i = 0; i < holdoutRows.length; i++) {
                predicted[i] = law.predict(report.x(), holdoutRows[i]);
            }
            double mre = Metrics.of(observed, predicted).mre();
            points.add(new WindowPoint(cutoff, kept.size(), Double.isFinite(mre) ? mre : Double.NaN,
                    report.converged()));
        }
        return points;
    }
}
