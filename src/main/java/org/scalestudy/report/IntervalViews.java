package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Fact;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Interval;
import org.scalestudy.results.PredictionSummary;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.PageText.text;

/**
 * The two intervals the report shows, each named for what it is:
 *
 * <ul>
 *   <li>the <b>confidence</b> band or interval of the fitted curve: where the law's curve lies, from the percentile
 *       bootstrap over the fit runs ({@link FitOutcome#uncertainty()}, e.g. 95%);</li>
 *   <li>the <b>prediction</b> interval of a new run: where its observation will fall, sized by the law's own
 *       rolling-origin back-tests inside the fit window ({@link FitOutcome#prediction()}, e.g. 90%).</li>
 * </ul>
 *
 * Coverage is how many held-out runs fall inside their prediction interval; it is summed, never averaged, over
 * fits (a fit with 8 held-out runs weighs 8 times one with 1).
 */
final class IntervalViews {

    private IntervalViews() {
    }

    /** "90% prediction interval" at {@code level}. */
    static String predictionLabel(double level) {
        return Numbers.percent(level) + " prediction interval";
    }

    /** "95% confidence interval" at {@code level}. */
    static String confidenceLabel(double level) {
        return Numbers.percent(level) + " confidence interval";
    }

    /** The level of the fit's prediction intervals: its summary's, else its first interval's, else NaN. */
    static double predictionLevel(FitOutcome f) {
        if (f.prediction() != null) {
            return f.prediction().level();
        }
        for (RunRow r : orEmpty(f.runs())) {
            if (r.interval() != null) {
                return r.interval().level();
            }
        }
        for (TargetPrediction t : orEmpty(f.targets())) {
            if (t.interval() != null) {
                return t.interval().level();
            }
        }
        return Double.NaN;
    }

    /** The caption of the prediction band: "90% prediction interval (back-tested)". */
    static String predictionBandLabel(FitOutcome f) {
        return predictionLabel(predictionLevel(f)) + " (back-tested)";
    }

    /** The caption of the bootstrap band: "95% confidence band of the curve (bootstrap)". */
    static String confidenceBandLabel(Uncertainty u) {
        return Numbers.percent(u.level()) + " confidence band of the curve (bootstrap)";
    }

    /** Whether any held-out run of the fit has a prediction interval. */
    static boolean runsHaveIntervals(FitOutcome f) {
        return orEmpty(f.runs()).stream().anyMatch(r -> r.interval() != null);
    }

    /** Whether any target of the fit has a prediction interval. */
    static boolean targetsHaveIntervals(FitOutcome f) {
        return orEmpty(f.targets()).stream().anyMatch(t -> t.interval() != null);
    }

    /** Whether the fit has a usable summary: held-out runs judged against a finite interval. */
    static boolean judged(FitOutcome f) {
        return f.prediction() != null && f.prediction().holdoutRuns() > 0;
    }

    /** "7/8": held-out runs inside their interval, of those given one. */
    static String coverage(int inside, int total) {
        return Numbers.count(inside) + "/" + Numbers.count(total);
    }

    /** "7/8 (87.5%)". */
    static String coverageWithPercent(int inside, int total) {
        return coverage(inside, total) + " (" + Numbers.percent(total == 0 ? Double.NaN : (double) inside / total)
                + ")";
    }

    /** A fit's coverage as a table cell: "7/8", sorted by the share inside; "—" when it has no judged runs. */
    static Cell coverageCell(FitOutcome f) {
        if (!judged(f)) {
            return Cell.number(Numbers.MISSING, Double.NaN);
        }
        PredictionSummary p = f.prediction();
        return Cell.number(coverage(p.holdoutInside(), p.holdoutRuns()), (double) p.holdoutInside() / p.holdoutRuns());
    }

    /** A fit's mean interval score ({@code NaN} when it has no judged runs). */
    static double intervalScore(FitOutcome f) {
        return judged(f) ? f.prediction().intervalScore() : Double.NaN;
    }

    /** The headline fact about a fit's prediction intervals, or null when it has no held-out run judged. */
    static Fact headline(FitOutcome f) {
        if (!judged(f)) {
            return null;
        }
        PredictionSummary p = f.prediction();
        return new Fact(Numbers.percent(p.level()) + " prediction intervals",
                coverageWithPercent(p.holdoutInside(), p.holdoutRuns()) + " held-out runs inside", false);
    }

    /**
     * The facts of a fit page's "Prediction intervals" section: level, where the scores came from (pooled said
     * plainly), the quantile, coverage and the mean interval score. Empty when the fit has no prediction intervals.
     */
    static List<Fact> facts(FitOutcome f) {
        PredictionSummary p = f.prediction();
        List<Fact> facts = new ArrayList<>();
        if (p == null) {
            return facts;
        }
        facts.add(new Fact("level", Numbers.percent(p.level()) + " (nominal: the share of new runs each interval"
                + " claims to contain)", false));
        boolean pooled = "pooled".equals(text(p.scores()));
        facts.add(new Fact("scores from", pooled
                ? "pooled: the back-tests of " + Numbers.count(p.pooledFits()) + " fit"
                + (p.pooledFits() == 1 ? "" : "s") + " of law " + text(f.law())
                + " in this study, not this fit\u2019s own (too few of its own)"
                : "this fit\u2019s own back-tests", pooled));
        facts.add(new Fact("back-test errors", Numbers.count(p.backtestErrors())
                + (f.backtest() != null && f.backtest().origins() > 0 ? " (this fit: "
                + Numbers.count(f.backtest().origins()) + " origins"
                + (f.backtest().failed() > 0 ? ", " + Numbers.count(f.backtest().failed()) + " refits failed" : "")
                + ")" : ""), false));
        boolean finite = Double.isFinite(p.quantile());
        facts.add(new Fact("quantile q", finite ? Numbers.format(p.quantile())
                + " (half-width = q \u00b7 \u221a(d + 0.1) \u00b7 |predicted|, d = decades beyond the largest x"
                + " fitted on)" : "none: too few back-test errors for an interval", !finite));
        if (p.holdoutRuns() > 0) {
            facts.add(new Fact("coverage", coverageWithPercent(p.holdoutInside(), p.holdoutRuns())
                    + " held-out runs inside their interval, against " + Numbers.percent(p.level()) + " nominal",
                    false));
            facts.add(new Fact("mean interval score", Numbers.format(p.intervalScore()) + " (width + "
                    + Numbers.format(2 / (1 - p.level())) + " \u00d7 miss, in " + text(f.yLabel())
                    + " units; lower is better)", false));
        } else {
            facts.add(new Fact("coverage", "no held-out run with an interval", false));
        }
        return facts;
    }

    /** Coverage pooled over fits at one nominal level: runs inside and runs given an interval. */
    record Pooled(double level, int inside, int total, int fits) {
        double share() {
            return total == 0 ? Double.NaN : (double) inside / total;
        }
    }

    /**
     * The study's coverage at each nominal level (ascending): the held-out runs inside their prediction intervals,
     * summed over every fit with runs judged (not an average of the fits' shares).
     */
    static List<Pooled> pooled(List<FitOutcome> fits) {
        Map<Double, int[]> byLevel = new TreeMap<>();
        for (FitOutcome f : fits) {
            if (judged(f)) {
                int[] sums = byLevel.computeIfAbsent(f.prediction().level(), k -> new int[3]);
                sums[0] += f.prediction().holdoutInside();
                sums[1] += f.prediction().holdoutRuns();
                sums[2]++;
            }
        }
        List<Pooled> out = new ArrayList<>();
        byLevel.forEach((level, sums) -> out.add(new Pooled(level, sums[0], sums[1], sums[2])));
        return out;
    }

    /** The study page's coverage facts, one per nominal level (empty when no fit has a judged held-out run). */
    static List<Fact> studyCoverage(List<FitOutcome> fits) {
        List<Fact> facts = new ArrayList<>();
        for (Pooled p : pooled(fits)) {
            facts.add(new Fact(predictionLabel(p.level()) + "s",
                    coverageWithPercent(p.inside(), p.total()) + " held-out runs inside, over "
                            + Numbers.count(p.fits()) + " fit" + (p.fits() == 1 ? "" : "s") + " (nominal "
                            + Numbers.percent(p.level()) + ")", false));
        }
        return facts;
    }

    /** Held-out interval of a run as its two ends (NaN when it has none). */
    static double low(Interval i) {
        return i == null ? Double.NaN : i.low();
    }

    static double high(Interval i) {
        return i == null ? Double.NaN : i.high();
    }

    static double level(Interval i) {
        return i == null ? Double.NaN : i.level();
    }

    /** "yes" / "no" for a run with an interval and an observation, "" otherwise. */
    static String inside(RunRow r) {
        if (r.interval() == null || !Double.isFinite(r.observed())) {
            return "";
        }
        return r.interval().contains(r.observed()) ? "yes" : "no";
    }
}
