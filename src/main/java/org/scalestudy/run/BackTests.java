package org.scalestudy.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;
import org.scalestudy.results.BackTest;

/**
 * Rolling-origin back-tests inside the fit window (the "rollout" of OLMo-core's ladder analysis): for an origin
 * at a distinct x of the fit rows, the law is refitted by its whole search ({@link Law#refit}) on the fit rows
 * with x at most the origin, and predicts every fit row beyond it.
 *
 * <p>Which origins: the distinct x of the fit rows that leave at least {@link Law#minimumRows()} rows, the
 * largest excepted, thinned to {@link #MAX_ORIGINS} evenly spaced by position (first and last kept); of those,
 * the ones whose window reaches at least half of the fit window's span in log x ({@link #MIN_SPAN}). A
 * back-test from a much shorter window describes a looser fit than the one it calibrates: on the published
 * studies, origins from the lower half made the 90% intervals half again as wide at no gain in coverage
 * (README, "How far can you trust an extrapolation?"). Only the fit rows are used, so nothing held out can
 * reach an interval.
 */
final class BackTests {
    /** At most this many refits per fit: their cost is that of as many fits. */
    static final int MAX_ORIGINS = 8;
    /** The least share of the fit window's log-x span an origin's window must cover. */
    static final double MIN_SPAN = 0.5;

    private BackTests() {
    }

    static BackTest run(Law law, double[][] fitRows, double[] fitted) {
        return run(law, Refit.alone(law, fitted), fitRows);
    }

    /** As above, each origin fitted by {@code refit} (e.g. jointly, every group cut at the origin). */
    static BackTest run(Law law, Refit refit, double[][] fitRows) {
        TreeSet<Double> levels = new TreeSet<>();
        for (double[] row : fitRows) {
            double x = law.axis(row);
            if (x > 0 && Double.isFinite(x)) {
                levels.add(x);
            }
        }
        List<Double> candidates = new ArrayList<>();
        if (levels.size() < 2) {
            return BackTest.none();
        }
        double first = levels.first();
        double last = levels.last();
        for (double level : levels) {
            if (level < last && rowsUpTo(law, fitRows, level).length >= law.minimumRows()) {
                candidates.add(level);
            }
        }
        List<Double> origins = spread(candidates, MAX_ORIGINS).stream()
                .filter(o -> Math.log(o / first) >= MIN_SPAN * Math.log(last / first)).toList();
        List<List<BackTest.Error>> byOrigin = origins.parallelStream()
                .map(origin -> errors(law, refit, fitRows, origin)).toList();
        List<BackTest.Error> errors = new ArrayList<>();
        int failed = 0;
        for (List<BackTest.Error> e : byOrigin) {
            if (e == null) {
                failed++;
            } else {
                errors.addAll(e);
            }
        }
        return new BackTest(origins.size(), failed, List.copyOf(errors));
    }

    /** {@code count} of {@code values} evenly spaced by position, first and last included (all when fewer). */
    static List<Double> spread(List<Double> values, int count) {
        int n = values.size();
        if (n <= count) {
            return List.copyOf(values);
        }
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int position = (int) Math.round((double) i * (n - 1) / (count - 1));
            out.add(values.get(position));
        }
        return out;
    }

    /** The back-test errors from one origin, or null when its refit failed. */
    private static List<BackTest.Error> errors(Law law, Refit refit, double[][] fitRows, double origin) {
        OptimizeResult report = refit.fit(rowsUpTo(law, fitRows, origin), origin);
        double[] params = report.x();
        if (!Arrays.stream(params).allMatch(Double::isFinite)) {
            return null;
        }
        List<BackTest.Error> out = new ArrayList<>();
        for (double[] row : fitRows) {
            double x = law.axis(row);
            if (!(x > origin) || !Double.isFinite(x)) {
                continue;
            }
            double predicted = law.predict(params, row);
            double observed = law.observed(row);
            if (Double.isFinite(predicted) && predicted != 0 && Double.isFinite(observed)) {
                out.add(new BackTest.Error(origin, x, Math.log10(x / origin),
                        (observed - predicted) / Math.abs(predicted)));
            }
        }
        return out;
    }

    private static double[][] rowsUpTo(Law law, double[][] rows, double cutoff) {
        return Arrays.stream(rows).filter(r -> law.axis(r) <= cutoff).toArray(double[][]::new);
    }
}
