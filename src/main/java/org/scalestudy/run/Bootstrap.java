package org.scalestudy.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.scalestudy.law.Allocation;
import org.scalestudy.law.Law;
import org.scalestudy.results.ComputeOptimal;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.Draws;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;

/**
 * Percentile bootstrap of a fit: resample the fit rows with replacement, refit, and take the
 * 2.5th and 97.5th percentiles of each parameter and of each prediction (curve points, targets).
 * The draws are kept with the intervals ({@link Uncertainty#draws()}), so nothing refits them again.
 * Every resample is fitted by the law's whole procedure ({@link Law#refit}: the same multi-start search
 * as the fit, never a warm start from the original optimum), so the intervals describe the fitting
 * procedure the study declares. Resamples run in parallel, each refit on its thread.
 * Resample {@code b} draws from its own generator seeded by {@code (seed, b)}, so the intervals
 * do not depend on how the resamples are spread over threads. Each fit's seed is the study's mixed with its
 * dataset and group ({@link #seedOf}), so the resamples of different groups are independent: with one seed for
 * all, fits with as many rows drew the same row positions in resample {@code b}.
 */
final class Bootstrap {
    static final double LEVEL = 0.95;

    private Bootstrap() {
    }

    /** The intervals of one fit. */
    record Intervals(List<ParameterValue> parameters, List<TargetPrediction> targets,
                     List<ComputeOptimal> computeOptimal, Uncertainty uncertainty) { }

    static Intervals run(Law law, double[][] fitRows, List<ParameterValue> estimates, double[][] scopeRows,
                         List<CurvePoint> curve, double xMin, double xMax, double[] targetXs,
                         List<ComputeOptimal> optimal, int resamples, long seed) {
        double[] fitted = estimates.stream().mapToDouble(ParameterValue::value).toArray();
        return run(law, Refit.alone(law, fitted), fitRows, estimates, scopeRows, curve, xMin, xMax, targetXs, optimal,
                resamples, seed);
    }

    /** As above, each resample fitted by {@code refit} (e.g. jointly with the groups the fit shares with). */
    static Intervals run(Law law, Refit refit, double[][] fitRows, List<ParameterValue> estimates,
                         double[][] scopeRows, List<CurvePoint> curve, double xMin, double xMax, double[] targetXs,
                         List<ComputeOptimal> optimal, int resamples, long seed) {
        double[] fitted = estimates.stream().mapToDouble(ParameterValue::value).toArray();
        double[][] draws = draws(refit, fitRows, resamples, seed);
        List<double[]> ok = Arrays.stream(draws).filter(Bootstrap::finite).toList();
        int k = fitted.length;
        List<ParameterValue> parameters = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
            int index = p;
            double[] values = ok.stream().mapToDouble(d -> d[index]).toArray();
            ParameterValue estimate = estimates.get(p);
            parameters.add(new ParameterValue(estimate.name(), estimate.value(), percentile(values, lower()),
                    percentile(values, upper()), estimate.onBound(), estimate.standardError()));
        }
        // Curves of every resample on the same grid as the fitted curve.
        List<List<CurvePoint>> curves = ok.stream().map(d -> law.curve(d, scopeRows, xMin, xMax)).toList();
        List<Uncertainty.BandPoint> band = new ArrayList<>(curve.size());
        for (int i = 0; i < curve.size(); i++) {
            int index = i;
            double[] ys = curves.stream().filter(c -> c.size() == curve.size())
                    .mapToDouble(c -> c.get(index).y()).filter(Double::isFinite).toArray();
            band.add(new Uncertainty.BandPoint(curve.get(i).series(), curve.get(i).x(), percentile(ys, lower()),
                    percentile(ys, upper())));
        }
        List<TargetPrediction> targets = new ArrayList<>();
        for (double x : targetXs) {
            List<CurvePoint> at = law.curve(fitted, scopeRows, x, x);
            // every resample's curve at the target, once for all its series
            List<List<CurvePoint>> drawn = ok.stream().map(d -> law.curve(d, scopeRows, x, x))
                    .filter(c -> c.size() == at.size()).toList();
            for (int s = 0; s < at.size(); s++) {
                int series = s;
                double[] ys = drawn.stream().mapToDouble(c -> c.get(series).y()).filter(Double::isFinite).toArray();
                targets.add(new TargetPrediction(at.get(s).series(), x, at.get(s).y(), percentile(ys, lower()),
                        percentile(ys, upper())));
            }
        }
        List<ComputeOptimal> optimalWithIntervals = new ArrayList<>(optimal.size());
        for (ComputeOptimal point : optimal) {
            List<Allocation> drawn = ok.stream().map(d -> law.computeOptimal(d, point.compute()))
                    .filter(a -> a != null && Double.isFinite(a.loss())).toList();
            double[] ns = drawn.stream().mapToDouble(Allocation::params).toArray();
            double[] ds = drawn.stream().mapToDouble(Allocation::tokens).toArray();
            double[] ls = drawn.stream().mapToDouble(Allocation::loss).toArray();
            optimalWithIntervals.add(new ComputeOptimal(point.compute(), point.params(), percentile(ns, lower()),
                    percentile(ns, upper()), point.tokens(), percentile(ds, lower()), percentile(ds, upper()),
                    point.loss(), percentile(ls, lower()), percentile(ls, upper()), point.target()));
        }
        return new Intervals(parameters, targets, optimalWithIntervals,
                new Uncertainty(resamples, seed, LEVEL, resamples - ok.size(), band, Draws.of(draws)));
    }

    /**
     * The parameters refitted by {@code refit} on every resample, in resample order (a failed refit gives
     * non-finite values): the draws behind {@link #run}'s intervals, which keeps them in its
     * {@link Uncertainty#draws()} for anything else that needs them (e.g. {@code Decisions}).
     */
    static double[][] draws(Refit refit, double[][] fitRows, int resamples, long seed) {
        return IntStream.range(0, resamples).parallel()
                .mapToObj(b -> refit.fit(resampleRows(fitRows, seed, b), Double.POSITIVE_INFINITY).x())
                .toArray(double[][]::new);
    }

    /**
     * The seed of a fit's resamples: the study's {@code seed} for an ungrouped fit of an unnamed dataset, else
     * that seed mixed with the first 8 bytes of SHA-256 of "dataset NUL group" (stable across runs and JVMs).
     */
    static long seedOf(org.scalestudy.check.FitTask task) {
        if (task.group().isEmpty()) {
            return task.seed();
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (task.dataset() + "\0" + task.group()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return task.seed() ^ java.nio.ByteBuffer.wrap(hash).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Predictions at the targets without intervals (a fit with no bootstrap). */
    static List<TargetPrediction> targets(Law law, double[] fitted, double[][] scopeRows, double[] targetXs) {
        List<TargetPrediction> out = new ArrayList<>();
        for (double x : targetXs) {
            for (CurvePoint p : law.curve(fitted, scopeRows, x, x)) {
                out.add(new TargetPrediction(p.series(), x, p.y(), Double.NaN, Double.NaN));
            }
        }
        return out;
    }

    /** Resample {@code b} of {@code rows}: as many rows drawn with replacement from the generator of (seed, b). */
    static double[][] resampleRows(double[][] rows, long seed, int b) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
        double[][] drawn = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            drawn[i] = rows[random.nextInt(rows.length)];
        }
        return drawn;
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double lower() {
        return (1 - LEVEL) / 2;
    }

    static double upper() {
        return 1 - (1 - LEVEL) / 2;
    }

    /** The q-quantile with linear interpolation between order statistics (numpy's default); NaN when empty. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
