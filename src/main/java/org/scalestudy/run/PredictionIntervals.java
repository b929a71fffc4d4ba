package org.scalestudy.run;

import org.scalestudy.results.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.check.FitTask;
import org.scalestudy.results.BackTest;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Interval;
import org.scalestudy.results.PredictionSummary;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;

/**
 * Prediction intervals sized by each law's own back-tests ({@link BackTests}), by split-conformal calibration
 * with a distance-scaled score. A back-test error e at distance d (decades of x beyond its origin) scores
 * |e| / sqrt(d + {@value #OFFSET}); the interval of a new run at distance d beyond the fit window is
 * {@code predicted ± q · sqrt(d + 0.1) · |predicted|}, q the conformal quantile of the scores (the
 * ⌈(n+1)·level⌉-th smallest of n), so it widens with the distance extrapolated.
 *
 * <p>The scores are the fit's own when it has at least {@value #OWN_MINIMUM} of them; otherwise those of every
 * fit of the same law in the study are pooled, and the summary says so. The growth sqrt(d + 0.1), the minimum
 * of 15 and the rule of origins holding half the fit rows were chosen by measuring coverage and width on the
 * published studies' held-out runs (README, "How far can you trust an extrapolation?"). Only fit rows enter the
 * back-tests, so a held-out observation cannot move an interval; it only judges it.
 */
final class PredictionIntervals {
    /** The share of new runs an interval claims. */
    static final double LEVEL = 0.9;
    /** A fit with fewer back-test errors than this borrows its law's pooled ones. */
    static final int OWN_MINIMUM = 15;
    /** Added to the distance in decades before the square root: the error of a prediction at no distance. */
    static final double OFFSET = 0.1;

    private PredictionIntervals() {
    }

    /** Every fit with its prediction intervals, in the same order. */
    static List<FitOutcome> apply(List<FitOutcome> fits) {
        Map<String, List<Double>> pooled = new LinkedHashMap<>();
        Map<String, Integer> pooledFits = new LinkedHashMap<>();
        for (FitOutcome f : fits) {
            pooled.computeIfAbsent(f.law(), k -> new ArrayList<>()).addAll(scores(f.backtest()));
            pooledFits.merge(f.law(), f.backtest().errors().isEmpty() ? 0 : 1, Integer::sum);
        }
        List<FitOutcome> out = new ArrayList<>(fits.size());
        for (FitOutcome f : fits) {
            out.add(apply(f, pooled.get(f.law()), pooledFits.get(f.law())));
        }
        return out;
    }

    private static FitOutcome apply(FitOutcome f, List<Double> lawScores, int lawFits) {
        if (lawScores.isEmpty()) {
            return f;
        }
        List<Double> own = scores(f.backtest());
        boolean pooled = own.size() < OWN_MINIMUM;  // the same rule as signedScores
        List<Double> used = pooled ? lawScores : own;
        double q = conformalQuantile(used, LEVEL);
        String note = pooled
                ? "pooled: this fit has " + own.size() + " back-test error" + (own.size() == 1 ? "" : "s")
                  + " (fewer than " + OWN_MINIMUM + "), so the " + used.size() + " of the " + lawFits + " fit"
                  + (lawFits == 1 ? "" : "s") + " of law " + f.law() + " with back-tests in this study size its"
                  + " intervals"
                : "own: sized by this fit's " + own.size() + " back-test errors";
        if (!Double.isFinite(q)) {
            note += "; too few for a " + Math.round(LEVEL * 100) + "% interval (needs "
                    + (int) Math.ceil(LEVEL / (1 - LEVEL)) + ")";
        }
        double xMax = fitMax(f);
        List<RunRow> runs = new ArrayList<>(f.runs().size());
        int inside = 0;
        int judged = 0;
        double score = 0;
        for (RunRow r : f.runs()) {
            if (r.role().equals(Role.HOLDOUT) && Double.isFinite(q)) {
                Interval interval = interval(q, r.predicted(), r.x(), xMax);
                if (interval != null) {
                    r = r.withInterval(interval);
                    if (Double.isFinite(r.observed())) {
                        judged++;
                        inside += interval.contains(r.observed()) ? 1 : 0;
                        score += intervalScore(interval, r.observed());
                    }
                }
            }
            runs.add(r);
        }
        List<TargetPrediction> targets = new ArrayList<>(f.targets().size());
        for (TargetPrediction t : f.targets()) {
            Interval interval = Double.isFinite(q) ? interval(q, t.predicted(), t.x(), xMax) : null;
            targets.add(interval == null ? t : t.withInterval(interval));
        }
        List<Uncertainty.BandPoint> band = new ArrayList<>();
        if (Double.isFinite(q)) {
            for (CurvePoint c : f.curve()) {
                Interval interval = interval(q, c.y(), c.x(), xMax);
                if (interval != null) {
                    band.add(new Uncertainty.BandPoint(c.series(), c.x(), interval.low(), interval.high()));
                }
            }
        }
        PredictionSummary summary = new PredictionSummary(LEVEL, pooled ? "pooled" : "own", used.size(),
                pooled ? lawFits : 1, q, judged, inside, judged == 0 ? Double.NaN : score / judged, note,
                List.copyOf(band));
        return f.withPrediction(List.copyOf(runs), List.copyOf(targets), summary);
    }

    /**
     * The signed scores e / sqrt(d + OFFSET) that size {@code fit}'s intervals: its own when it has at least
     * {@link #OWN_MINIMUM}, else those of every fit of its law in {@code fits}. Empty when there are none.
     */
    static List<Double> signedScores(FitOutcome fit, List<FitOutcome> fits) {
        List<Double> own = signed(fit.backtest());
        if (own.size() >= OWN_MINIMUM) {
            return own;
        }
        List<Double> pooled = new ArrayList<>();
        for (FitOutcome f : fits) {
            if (f.law().equals(fit.law())) {
                pooled.addAll(signed(f.backtest()));
            }
        }
        return pooled;
    }

    /** The signed scores of a fit's back-test errors, e / sqrt(d + OFFSET), finite ones only. */
    private static List<Double> signed(BackTest backtest) {
        List<Double> out = new ArrayList<>(backtest.errors().size());
        for (BackTest.Error e : backtest.errors()) {
            double s = e.error() / growth(e.distance());
            if (Double.isFinite(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The scores of a fit's back-test errors, |e| / sqrt(d + OFFSET), finite ones only. */
    static List<Double> scores(BackTest backtest) {
        return signed(backtest).stream().map(Math::abs).toList();
    }

    /** How an interval's half-width grows with the distance extrapolated, d decades (d ≥ 0). */
    static double growth(double d) {
        return Math.sqrt(Math.max(0, d) + OFFSET);
    }

    /**
     * The split-conformal quantile: the ⌈(n+1)·level⌉-th smallest score, which a new exchangeable score stays
     * under with probability at least {@code level}; infinite when that rank exceeds n.
     */
    static double conformalQuantile(List<Double> scores, double level) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil((sorted.length + 1) * level);
        return rank > sorted.length || rank < 1 ? Double.POSITIVE_INFINITY : sorted[rank - 1];
    }

    /** The interval of a new run predicted at {@code predicted} at x, or null when it cannot have one. */
    static Interval interval(double q, double predicted, double x, double fitMax) {
        if (!Double.isFinite(predicted) || !(x > 0) || !Double.isFinite(x) || !(fitMax > 0)) {
            return null;
        }
        double half = q * growth(Math.log10(x / fitMax)) * Math.abs(predicted);
        return new Interval(Interval.PREDICTION, LEVEL, predicted - half, predicted + half);
    }

    /**
     * The interval score of Gneiting and Raftery (2007) at miss rate a = 1 - level: the width, plus 2/a times how
     * far the observation lies outside (a proper scoring rule: lowest in expectation for the true quantiles).
     */
    static double intervalScore(Interval interval, double observed) {
        double a = 1 - interval.level();
        double below = Math.max(0, interval.low() - observed);
        double above = Math.max(0, observed - interval.high());
        return interval.high() - interval.low() + 2 / a * (below + above);
    }

    /** The largest positive x among the fit rows (NaN when none). */
    static double fitMax(FitOutcome f) {
        double max = Double.NaN;
        for (RunRow r : f.runs()) {
            if (r.role().equals(Role.FIT) && r.x() > 0 && Double.isFinite(r.x())) {
                max = Double.isNaN(max) ? r.x() : Math.max(max, r.x());
            }
        }
        return max;
    }
}
