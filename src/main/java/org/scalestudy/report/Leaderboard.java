package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.scalestudy.report.PageText.groupLabel;
import static org.scalestudy.report.PageText.holdoutMre;
import static org.scalestudy.report.PageText.text;

/**
 * The study page's leaderboard: which law extrapolates best, group by group, by holdout MRE and, when the fits have
 * prediction intervals, by coverage and interval score.
 */
final class Leaderboard {

    private Leaderboard() {
    }

    /**
     * Which law extrapolates best, group by group: one row per group (dataset and group key), one column per law
     * with its holdout MRE (linking to the fit), the lowest of each row in bold, and the winner named.
     */
    static Table of(List<FitOutcome> fits) {
        return of(fits, SiteLayout.fitNames(fits));
    }

    /**
     * @param names the fits' names ({@link SiteLayout#fitNames}): each MRE links to its fit's page
     *
     * <p>When any fit has held-out runs judged against prediction intervals, each law also gets its coverage
     * (held-out runs inside / with an interval) and mean interval score per group, and, with two or more laws, its
     * rank by interval score in the group (1 = lowest; ties share a rank); the last columns name the best law by
     * MRE and by interval score. A footer row sums up each law over the groups: median MRE, pooled coverage (runs
     * summed over its fits), mean interval score over all its judged held-out runs, and its rank by that.
     * A degenerate fit's MRE is marked \u26a0, its reason in the cell's tooltip.
     */
    static Table of(List<FitOutcome> fits, List<String> names) {
        Map<String, Double> medians = medianHoldoutMre(fits);
        List<String> laws = new ArrayList<>(medians.keySet());
        Map<String, Map<String, Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < fits.size(); i++) {
            FitOutcome f = fits.get(i);
            String key = groupLabel(f);
            byGroup.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(text(f.law()), i);
        }
        boolean intervals = fits.stream().anyMatch(IntervalViews::judged);
        boolean ranks = intervals && laws.size() > 1;
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("group", false));
        for (String law : laws) {
            columns.add(new Column(intervals ? law + ": MRE" : law, true));
            if (intervals) {
                columns.add(new Column(law + ": coverage", true));
                columns.add(new Column(law + ": interval score", true));
            }
            if (ranks) {
                columns.add(new Column(law + ": rank by interval score", true));
            }
        }
        columns.add(new Column(intervals ? "best by MRE" : "best", false));
        if (intervals) {
            columns.add(new Column("best by interval score", false));
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> g : byGroup.entrySet()) {
            Map<String, Double> mres = new LinkedHashMap<>();
            Map<String, Double> scores = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : g.getValue().entrySet()) {
                mres.put(e.getKey(), holdoutMre(fits.get(e.getValue())));
                scores.put(e.getKey(), IntervalViews.intervalScore(fits.get(e.getValue())));
            }
            String bestLaw = lowest(mres);
            String bestScore = lowest(scores);
            Map<String, Integer> rank = ranks(scores);
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(g.getKey()));
            for (String law : laws) {
                Integer index = g.getValue().get(law);
                if (index == null) {
                    cells.add(new Cell("", "", "", "not fitted to this group", false));
                    if (intervals) {
                        cells.add(Cell.of(""));
                        cells.add(Cell.of(""));
                    }
                    if (ranks) {
                        cells.add(Cell.of(""));
                    }
                    continue;
                }
                FitOutcome f = fits.get(index);
                double mre = mres.get(law);
                String degenerate = text(f.degenerate());
                cells.add(new Cell(Numbers.percent(mre) + (degenerate.isEmpty() ? "" : " \u26a0"),
                        SiteLayout.fitPage(names.get(index)), Numbers.sortKey(mre),
                        "holdout MRE of " + law + " on " + g.getKey()
                                + (degenerate.isEmpty() ? "" : "; degenerate fit: " + degenerate),
                        law.equals(bestLaw)));
                if (intervals) {
                    cells.add(IntervalViews.coverageCell(f));
                    double score = scores.get(law);
                    cells.add(new Cell(Numbers.format(score), "", Numbers.sortKey(score), "", law.equals(bestScore)));
                }
                if (ranks) {
                    cells.add(rankCell(rank.get(law)));
                }
            }
            cells.add(Cell.of(bestLaw.isEmpty() ? Numbers.MISSING : bestLaw));
            if (intervals) {
                cells.add(Cell.of(bestScore.isEmpty() ? Numbers.MISSING : bestScore));
            }
            rows.add(new Row("", cells));
        }
        List<Row> footer = new ArrayList<>();
        if (byGroup.size() > 1) {
            footer.add(summaryRow(fits, laws, medians, intervals, ranks));
        }
        StringBuilder note = new StringBuilder("Holdout MRE (mean |predicted \u2212 observed| / observed on runs never"
                + " fitted on); lowest per group in bold.");
        if (laws.size() > 1 || byGroup.size() > 1) {
            note.append(" Median over groups:");
            String sep = " ";
            for (Map.Entry<String, Double> e : medians.entrySet()) {
                note.append(sep).append(e.getKey()).append(' ').append(Numbers.percent(e.getValue()));
                sep = ", ";
            }
            note.append('.');
        }
        if (intervals) {
            List<IntervalViews.Pooled> pooled = IntervalViews.pooled(fits);
            String level = pooled.size() == 1 ? Numbers.percent(pooled.get(0).level()) + " " : "";
            note.append(" Coverage: held-out runs inside their ").append(level).append("prediction interval, of those"
                    + " given one. Interval score: the mean over the held-out runs of the interval\u2019s width plus"
                    + " 2/(1 \u2212 level) times how far the observation falls outside it (Gneiting and Raftery 2007),"
                    + " in the observed quantity\u2019s units; lower is better, and it rewards intervals that are"
                    + " narrow and still contain the runs.");
            if (ranks) {
                note.append(" Rank: the laws of a group ordered by interval score, 1 the lowest.");
            }
        }
        if (fits.stream().anyMatch(f -> !text(f.degenerate()).isEmpty())) {
            note.append(" \u26a0 marks a degenerate fit (no spare degree of freedom, or many failed refits): its"
                    + " intervals cannot be trusted; hover for the reason.");
        }
        return new Table("", columns, rows, note.toString(), false, "", footer);
    }

    /**
     * The leaderboard's footer: per law, the median MRE over its groups, its coverage pooled over its fits (runs
     * summed), its mean interval score over all its judged held-out runs, and its rank by that score.
     */
    private static Row summaryRow(List<FitOutcome> fits, List<String> laws, Map<String, Double> medians,
                                  boolean intervals, boolean ranks) {
        Map<String, Double> meanScores = new LinkedHashMap<>();
        Map<String, int[]> coverage = new LinkedHashMap<>();
        for (String law : laws) {
            double sum = 0;
            int runs = 0;
            int inside = 0;
            for (FitOutcome f : fits) {
                if (text(f.law()).equals(law) && IntervalViews.judged(f)
                        && Double.isFinite(f.prediction().intervalScore())) {
                    sum += f.prediction().intervalScore() * f.prediction().holdoutRuns();
                    runs += f.prediction().holdoutRuns();
                    inside += f.prediction().holdoutInside();
                }
            }
            meanScores.put(law, runs == 0 ? Double.NaN : sum / runs);
            coverage.put(law, new int[] {inside, runs});
        }
        String bestMre = lowest(medians);
        String bestScore = lowest(meanScores);
        Map<String, Integer> rank = ranks(meanScores);
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell("all groups", "", "", "each law over every group it is fitted to", true));
        for (String law : laws) {
            double median = medians.get(law);
            cells.add(new Cell(Numbers.percent(median), "", Numbers.sortKey(median), "median holdout MRE over the"
                    + " groups", law.equals(bestMre)));
            if (intervals) {
                int[] c = coverage.get(law);
                cells.add(c[1] == 0 ? Cell.number(Numbers.MISSING, Double.NaN)
                        : new Cell(IntervalViews.coverageWithPercent(c[0], c[1]), "", Numbers.sortKey((double) c[0] / c[1]),
                        "held-out runs inside their prediction interval, summed over the law\u2019s fits", false));
                double score = meanScores.get(law);
                cells.add(new Cell(Numbers.format(score), "", Numbers.sortKey(score),
                        "mean interval score over all the law\u2019s judged held-out runs", law.equals(bestScore)));
            }
            if (ranks) {
                cells.add(rankCell(rank.get(law)));
            }
        }
        cells.add(Cell.of(bestMre.isEmpty() ? Numbers.MISSING : bestMre));
        if (intervals) {
            cells.add(Cell.of(bestScore.isEmpty() ? Numbers.MISSING : bestScore));
        }
        return new Row("summary", cells);
    }

    /** Per law (in study order), the median holdout MRE over its fits with holdout rows (NaN when none). */
    static Map<String, Double> medianHoldoutMre(List<FitOutcome> fits) {
        Map<String, List<Double>> byLaw = new LinkedHashMap<>();
        for (FitOutcome f : fits) {
            List<Double> values = byLaw.computeIfAbsent(text(f.law()), k -> new ArrayList<>());
            Metrics h = f.holdoutMetrics();
            if (h != null && h.n() > 0 && Double.isFinite(h.mre())) {
                values.add(h.mre());
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        byLaw.forEach((law, values) -> medians.put(law, median(values)));
        return medians;
    }

    /** The median (mean of the middle two for an even count); NaN when empty. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The key with the lowest finite value (the first on ties); "" when none is finite. */
    static String lowest(Map<String, Double> values) {
        String best = "";
        double lowest = Double.NaN;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (Double.isFinite(e.getValue()) && (best.isEmpty() || e.getValue() < lowest)) {
                best = e.getKey();
                lowest = e.getValue();
            }
        }
        return best;
    }

    /** Each key with a finite value ranked by it, 1 the lowest; equal values share a rank (1, 1, 3). */
    static Map<String, Integer> ranks(Map<String, Double> values) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                continue;
            }
            int below = 0;
            for (double other : values.values()) {
                if (Double.isFinite(other) && other < e.getValue()) {
                    below++;
                }
            }
            out.put(e.getKey(), below + 1);
        }
        return out;
    }

    /** A law's rank (1 is marked best), or the missing mark when it has none. */
    private static Cell rankCell(Integer rank) {
        return rank == null ? Cell.number(Numbers.MISSING, Double.NaN)
                : new Cell(Numbers.count(rank), "", Numbers.sortKey(rank), "", rank == 1);
    }
}
