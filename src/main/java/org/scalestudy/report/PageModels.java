package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.ChartView;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.DatasetView;
import org.scalestudy.report.Views.Download;
import org.scalestudy.report.Views.Fact;
import org.scalestudy.report.Views.FitPage;
import org.scalestudy.report.Views.FitView;
import org.scalestudy.report.Views.Frame;
import org.scalestudy.report.Views.IndexPage;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.SourceLine;
import org.scalestudy.report.Views.StudyEntry;
import org.scalestudy.report.Views.StudyPage;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ColumnSummary;
import org.scalestudy.results.ComputeOptimal;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.WindowPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns results into the {@link Views} records the templates print. All formatting decisions live here
 * and in {@link Numbers}. A study's report request decides which charts and tables each fit shows
 * (duplicates are shown once; unknown names produce a notice on the page); the summary, the data
 * section, the optimisation facts and the source are always shown.
 */
final class PageModels {

    /** Table names a study's {@code report} block may use. */
    static final List<String> KNOWN_TABLES = List.of("parameters", "errors", "runs", "targets");

    /** Runs tables longer than this are shown folded. */
    static final int FOLD_ABOVE = 15;

    /** The charts that draw a fit's runs, whose numbers are the runs table's. */
    static final Set<String> RUN_CHARTS = Set.of("scaling", "residuals", "parity");

    /**
     * The most small-multiples panels a study page draws, over all its laws. A panel costs about 1 kB of chart data
     * (its runs and a curve of at most {@link ChartSpecs#MULTIPLES_CURVE_POINTS} points per series, rounded to the
     * digits the site shows) and a few milliseconds to draw; this keeps a study page's size and drawing time
     * bounded however many groups it has. The groups of a law past the budget are on their fit pages.
     */
    static final int MULTIPLES_PANELS = 150;

    private static final String ASSETS_FROM_STUDY = "../" + SiteLayout.ASSETS + "/";

    private PageModels() {
    }

    static IndexPage index(List<StudyResult> studies) {
        return index(studies, SiteOptions.DEFAULT);
    }

    static IndexPage index(List<StudyResult> studies, SiteOptions options) {
        List<StudyEntry> entries = new ArrayList<>();
        for (StudyResult s : studies) {
            FitOutcome best = null;
            for (FitOutcome f : fits(s)) {
                Metrics h = f.holdoutMetrics();
                if (h != null && h.n() > 0 && Double.isFinite(h.mre())
                        && (best == null || h.mre() < best.holdoutMetrics().mre())) {
                    best = f;
                }
            }
            int runs = 0;
            for (DatasetSummary d : orEmpty(s.datasets())) {
                runs += d.rows();
            }
            Map<String, Double> medians = medianHoldoutMre(fits(s));
            String bestLaw = "";
            double bestLawMre = Double.NaN;
            for (Map.Entry<String, Double> e : medians.entrySet()) {
                if (Double.isFinite(e.getValue()) && (bestLaw.isEmpty() || e.getValue() < bestLawMre)) {
                    bestLaw = e.getKey();
                    bestLawMre = e.getValue();
                }
            }
            entries.add(new StudyEntry(
                    s.slug() + "/" + SiteLayout.INDEX,
                    text(s.title()),
                    Markdown.plain(s.description()),
                    Numbers.count(runs),
                    Numbers.count(fits(s).size()),
                    Numbers.count(medians.size()),
                    bestLaw,
                    Numbers.percent(bestLawMre),
                    best == null ? Numbers.MISSING : Numbers.percent(best.holdoutMetrics().mre()),
                    best == null ? "" : fitName(best)));
        }
        String title = "Scaling studies";
        Frame frame = new Frame(title, "Scaling-law studies: fitted laws and how well they extrapolate.",
                SiteLayout.ASSETS + "/", options.baseUrl().isEmpty() ? "" : options.baseUrl(),
                options.toolVersion(), List.of());
        return new IndexPage(frame, title, entries);
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

    static StudyPage study(StudyResult s) {
        return study(s, SiteOptions.DEFAULT);
    }

    /** The charts and tables a study's report block asks for, known names only, and notices about the rest. */
    record Request(Set<String> charts, Set<String> tables, List<String> notices) {
        static Request of(ReportRequest report) {
            Set<String> charts = new LinkedHashSet<>(orEmpty(report.charts()));
            Set<String> tables = new LinkedHashSet<>(orEmpty(report.tables()));
            List<String> notices = new ArrayList<>();
            for (String c : charts) {
                if (!ChartSpecs.KNOWN.contains(c)) {
                    notices.add("The report asks for chart \u201c" + c + "\u201d, which scalestudy does not know; "
                            + "known charts: " + String.join(", ", ChartSpecs.KNOWN) + ".");
                }
            }
            for (String t : tables) {
                if (!KNOWN_TABLES.contains(t)) {
                    notices.add("The report asks for table \u201c" + t + "\u201d, which scalestudy does not know; "
                            + "known tables: " + String.join(", ", KNOWN_TABLES) + ".");
                }
            }
            charts.retainAll(ChartSpecs.KNOWN);
            tables.retainAll(KNOWN_TABLES);
            return new Request(charts, tables, notices);
        }
    }

    /**
     * A study's page: the leaderboard, the small multiples (within {@link #MULTIPLES_PANELS}), the data, the fits
     * as rows linking to their pages, the downloads and the source. No fit's charts or tables: a study's page
     * grows with its number of groups (a row and a panel each), not with its fits' runs, curves or charts.
     */
    static StudyPage study(StudyResult s, SiteOptions options) {
        String where = "study " + s.slug() + ": ";
        Objects.requireNonNull(s.fits(), () -> where + "fits is null");
        Objects.requireNonNull(s.datasets(), () -> where + "datasets is null");
        Objects.requireNonNull(s.report(), () -> where + "report is null");

        Request request = Request.of(s.report());
        List<String> notices = new ArrayList<>(request.notices());
        List<String> names = SiteLayout.fitNames(s.fits());
        List<ChartView> multiples = multiples(s.fits(), names, notices);
        List<DatasetView> datasets = new ArrayList<>();
        for (DatasetSummary d : s.datasets()) {
            datasets.add(dataset(d));
        }
        Frame frame = new Frame(text(s.title()) + " \u2014 scalestudy", Markdown.plain(s.description()), ASSETS_FROM_STUDY,
                options.baseUrl().isEmpty() ? "" : options.baseUrl() + s.slug() + "/",
                options.toolVersion(), provenance(s));
        List<Download> downloads = new ArrayList<>();
        for (String name : Downloads.NAMES) {
            downloads.add(new Download(name, Downloads.description(name), SiteLayout.csvFile(name),
                    SiteLayout.jsonFile(name)));
        }
        return new StudyPage(
                frame,
                text(s.title()),
                Markdown.html(s.description()),
                "../" + SiteLayout.INDEX,
                text(s.sourceFile()),
                text(s.sourceSha256()),
                SiteLayout.sourceFileName(s),
                SiteLayout.RESULTS,
                datasets,
                overview(s.fits(), names, request.tables().contains("errors")),
                leaderboard(s.fits(), names),
                multiples,
                downloads,
                notices,
                !multiples.isEmpty(),
                sourceLines(text(s.sourceText())),
                DecisionViews.of(s.decisions() == null ? List.of() : s.decisions(),
                        s.decisionScores() == null ? List.of() : s.decisionScores(),
                        s.sharedFits() == null ? List.of() : s.sharedFits()),
                Markdown.html(s.report().note()),
                IntervalViews.studyCoverage(s.fits()),
                coverageNote(s.fits()));
    }

    /** What the study page says under its pooled coverage: what it counts, and the degenerate fits. */
    private static String coverageNote(List<FitOutcome> fits) {
        StringBuilder note = new StringBuilder();
        List<IntervalViews.Pooled> pooled = IntervalViews.pooled(fits);
        if (!pooled.isEmpty()) {
            String level = Numbers.percent(pooled.get(0).level());
            note.append("Every held-out run given a prediction interval, counted once, over all the study\u2019s"
                    + " fits: a nominal " + level + " interval should hold about " + level + " of them. Each interval is where a new"
                    + " run\u2019s observation will fall, sized by the law\u2019s back-tests inside its fit window"
                    + " (held-out runs never size it); the shaded bootstrap band of a fit\u2019s chart is another"
                    + " thing, the confidence band of its curve.");
        }
        long degenerate = fits.stream().filter(f -> !text(f.degenerate()).isEmpty()).count();
        if (degenerate > 0) {
            note.append(note.length() == 0 ? "" : " ").append(Numbers.count(degenerate)).append(" of ")
                    .append(Numbers.count(fits.size())).append(" fits are degenerate (\u26a0 in the leaderboard):"
                    + " their intervals cannot be trusted.");
        }
        return note.toString();
    }

    /** The footer's provenance lines: the SHA-256 of the study file and of every data file. */
    private static List<Fact> provenance(StudyResult s) {
        List<Fact> provenance = new ArrayList<>();
        provenance.add(new Fact("study " + text(s.sourceFile()), "sha256 " + text(s.sourceSha256()), false));
        for (DatasetSummary d : orEmpty(s.datasets())) {
            provenance.add(new Fact("data " + text(d.name()) + " (" + text(d.file()) + ")",
                    "sha256 " + text(d.sha256()), false));
        }
        return provenance;
    }

    /**
     * The page of fit {@code index} (from 0) of study {@code s}: its charts and tables as the study's report block
     * asks for them, its optimisation facts, links to the study page and to the fits before and after it, and its
     * downloads.
     *
     * @param names the fits' names, {@link SiteLayout#fitNames} of the study's fits
     */
    static FitPage fitPage(StudyResult s, int index, List<String> names, SiteOptions options) {
        FitOutcome f = s.fits().get(index);
        Request request = Request.of(s.report());
        String name = names.get(index);
        String study = "../" + SiteLayout.INDEX;
        FitView view = fit(index + 1, f, request.charts(), request.tables(), study);
        String description = fitName(f) + ": " + text(f.law()) + " (" + text(f.lawKind()) + ") fitted to "
                + text(f.dataset()) + (text(f.group()).isEmpty() ? "" : ", group " + text(f.group()))
                + ", in \u201c" + text(s.title()) + "\u201d.";
        Frame frame = new Frame(fitName(f) + " \u2014 " + text(s.title()) + " \u2014 scalestudy", description,
                "../" + ASSETS_FROM_STUDY,
                options.baseUrl().isEmpty() ? "" : options.baseUrl() + s.slug() + "/" + SiteLayout.fitPage(name),
                options.toolVersion(), provenance(s));
        int n = s.fits().size();
        return new FitPage(
                frame,
                text(s.title()),
                study,
                "../../" + SiteLayout.INDEX,
                "fit " + Numbers.count(index + 1) + " of " + Numbers.count(n),
                index > 0 ? names.get(index - 1) + ".html" : "",
                index > 0 ? fitName(s.fits().get(index - 1)) : "",
                index + 1 < n ? names.get(index + 1) + ".html" : "",
                index + 1 < n ? fitName(s.fits().get(index + 1)) : "",
                view,
                SiteLayout.fitJson(name),
                SiteLayout.fitCsv(name),
                "../" + SiteLayout.RESULTS,
                !view.charts().isEmpty(),
                Markdown.html(s.report().fitNote(f.line())));
    }

    /**
     * Which law extrapolates best, group by group: one row per group (dataset and group key), one column per law
     * with its holdout MRE (linking to the fit), the lowest of each row in bold, and the winner named.
     */
    static Table leaderboard(List<FitOutcome> fits) {
        return leaderboard(fits, SiteLayout.fitNames(fits));
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
    static Table leaderboard(List<FitOutcome> fits, List<String> names) {
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
                    Integer r = rank.get(law);
                    cells.add(r == null ? Cell.number(Numbers.MISSING, Double.NaN)
                            : new Cell(Numbers.count(r), "", Numbers.sortKey(r), "", r == 1));
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
                Integer r = rank.get(law);
                cells.add(r == null ? Cell.number(Numbers.MISSING, Double.NaN)
                        : new Cell(Numbers.count(r), "", Numbers.sortKey(r), "", r == 1));
            }
        }
        cells.add(Cell.of(bestMre.isEmpty() ? Numbers.MISSING : bestMre));
        if (intervals) {
            cells.add(Cell.of(bestScore.isEmpty() ? Numbers.MISSING : bestScore));
        }
        return new Row("summary", cells);
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

    /** One small-multiples chart per law fitted to two or more groups (see {@link #multiples(List, List, List)}). */
    static List<ChartView> multiples(List<FitOutcome> fits) {
        return multiples(fits, SiteLayout.fitNames(fits), new ArrayList<>());
    }

    /**
     * One small-multiples chart per law fitted to two or more groups, in study order, while the panels drawn so far
     * and the law's stay within {@link #MULTIPLES_PANELS}; for a law past that, a notice goes to {@code notices}
     * (its groups' charts are on their fit pages). A chart's table lists its panels, one row each, with a link to
     * the fit's page, where the runs and the curve are tabled in full.
     *
     * @param names the fits' names ({@link SiteLayout#fitNames})
     */
    static List<ChartView> multiples(List<FitOutcome> fits, List<String> names, List<String> notices) {
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
            if (panels + members.size() > MULTIPLES_PANELS) {
                notices.add("Law \u201c" + e.getKey() + "\u201d is fitted to " + Numbers.count(members.size())
                        + " groups, more panels than this page draws (" + Numbers.count(MULTIPLES_PANELS)
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
                rows.add(new Row("", List.of(
                        new Cell(groupLabel(f), SiteLayout.fitPage(names.get(index))),
                        Cell.number(Numbers.count(ChartSpecs.scalingRuns(f).size()), ChartSpecs.scalingRuns(f).size()),
                        Cell.number(fm == null ? "0" : Numbers.count(fm.n()), fm == null ? 0 : fm.n()),
                        Cell.number(hm == null ? "0" : Numbers.count(hm.n()), hm == null ? 0 : hm.n()),
                        Cell.number(Numbers.percent(mre), mre))));
            }
            Table data = new Table("", List.of(new Column("group", false), new Column("runs drawn", true),
                    new Column("fit n", true), new Column("holdout n", true), new Column("holdout MRE", true)), rows,
                    "Each panel's runs and curve, number by number, are on its fit's page (the link).");
            charts.add(new ChartView(id, id + "-spec", e.getKey() + " in every group: observed runs and the fitted"
                    + " law, one panel per group (each with its own y scale)",
                    JsonSupport.htmlSafe(ChartSpecs.multiples(e.getKey(), group)), data));
        }
        return charts;
    }

    private static double holdoutMre(FitOutcome f) {
        Metrics h = f.holdoutMetrics();
        return h == null || h.n() == 0 ? Double.NaN : h.mre();
    }

    private static String groupLabel(FitOutcome f) {
        String group = text(f.group());
        return group.isEmpty() ? text(f.dataset()) + " (all runs)" : group;
    }

    /** @param studyHref the study's page, relative to the fit's page (for the link to the fit's study line) */
    private static FitView fit(int index, FitOutcome f, Set<String> charts, Set<String> tables, String studyHref) {
        String anchor = "fit-" + index;
        // The scaling, residuals and parity charts draw the runs (and scaling the targets): their numbers are all in
        // the runs table (and the targets table), shown whenever one of them is, instead of a copy under each chart.
        Set<String> shown = new LinkedHashSet<>(tables);
        boolean drawsRuns = charts.stream().anyMatch(RUN_CHARTS::contains);
        if (drawsRuns) {
            shown.add("runs");
            if (charts.contains("scaling")) {
                shown.add("targets");
            }
        }
        String runsId = anchor + "-runs";
        List<ChartView> chartViews = new ArrayList<>();
        for (String c : charts) {
            String id = anchor + "-" + c;
            boolean inRuns = RUN_CHARTS.contains(c);
            boolean withTargets = c.equals("scaling") && !orEmpty(f.targets()).isEmpty();
            chartViews.add(new ChartView(id, id + "-spec", ChartSpecs.caption(c, f),
                    JsonSupport.htmlSafe(ChartSpecs.build(c, f)), inRuns ? null : ChartTables.of(c, f),
                    inRuns ? "#" + runsId : "", inRuns ? "the runs table" + (withTargets ? " and the targets table" : "")
                    + " below" : ""));
        }
        List<Table> tableViews = new ArrayList<>();
        for (String t : shown) {
            if (t.equals("targets") && orEmpty(f.targets()).isEmpty()) {
                continue; // the study names no targets for this fit
            }
            tableViews.add(switch (t) {
                case "parameters" -> parameters(f);
                case "errors" -> errors(f);
                case "runs" -> runs(f, runsId);
                case "targets" -> targets(f);
                default -> throw new IllegalStateException(t);
            });
        }
        if (!orEmpty(f.computeOptimal()).isEmpty()) {
            tableViews.add(computeOptimal(f));
        }
        OptimizeResult o = f.optimization();
        List<Fact> facts = new ArrayList<>();
        boolean converged = o != null && o.converged();
        if (o != null) {
            facts.add(new Fact("method", text(o.method()), false));
            facts.add(new Fact("objective", Numbers.format(o.objective()), false));
            facts.add(new Fact("converged", o.converged() ? "yes" : "no", !o.converged()));
            facts.add(new Fact("iterations", Numbers.count(o.iterations()), false));
            facts.add(new Fact("evaluations", Numbers.count(o.evaluations()), false));
            facts.add(new Fact("starts", Numbers.count(o.starts()), false));
            facts.add(new Fact("starts at best", Numbers.count(o.startsAtBest()) + " of " + Numbers.count(o.starts()),
                    o.starts() > 1 && o.startsAtBest() <= 1));
            facts.add(new Fact("gradient norm", Numbers.format(o.gradientNorm()), false));
            facts.add(new Fact("message", text(o.message()), false));
        } else {
            facts.add(new Fact("optimisation", "not reported", true));
        }
        boolean attention = facts.stream().anyMatch(Fact::warn);
        String summary = o == null ? "not reported"
                : text(o.method()) + (o.converged() ? ", converged" : ", NOT converged")
                + (o.starts() > 1 ? ", " + Numbers.count(o.startsAtBest()) + " of " + Numbers.count(o.starts())
                + " starts at best" : "");
        return new FitView(
                anchor,
                fitName(f),
                text(f.law()),
                text(f.lawKind()),
                text(f.formula()),
                text(f.dataset()),
                text(f.group()),
                f.line() > 0 ? Integer.toString(f.line()) : "",
                f.line() > 0 ? studyHref + "#L" + f.line() : "",
                converged,
                attention,
                headline(f),
                chartViews,
                tableViews,
                summary,
                facts,
                text(f.degenerate()),
                IntervalViews.facts(f),
                f.prediction() == null ? "" : text(f.prediction().note()));
    }

    private static List<Fact> headline(FitOutcome f) {
        List<Fact> facts = new ArrayList<>();
        Metrics h = f.holdoutMetrics();
        Metrics m = f.fitMetrics();
        if (h != null && h.n() > 0) {
            facts.add(new Fact("holdout MRE", Numbers.percent(h.mre()) + " on " + Numbers.count(h.n()) + " run"
                    + (h.n() == 1 ? "" : "s"), false));
        } else {
            facts.add(new Fact("holdout", "none", false));
        }
        if (m != null && m.n() > 0) {
            facts.add(new Fact("fit MRE", Numbers.percent(m.mre()) + " on " + Numbers.count(m.n()) + " run"
                    + (m.n() == 1 ? "" : "s"), false));
            facts.add(new Fact("fit R\u00b2", Numbers.format(m.r2()), false));
        }
        Fact coverage = IntervalViews.headline(f);
        if (coverage != null) {
            facts.add(coverage);
        }
        if (!text(f.degenerate()).isEmpty()) {
            facts.add(new Fact("degenerate", text(f.degenerate()), true));
        }
        long onBound = orEmpty(f.parameters()).stream().filter(p -> !text(p.onBound()).isEmpty()).count();
        if (onBound > 0) {
            facts.add(new Fact("on a bound", Numbers.count(onBound) + " parameter" + (onBound == 1 ? "" : "s"), true));
        }
        if (f.uncertainty() != null) {
            int failed = f.uncertainty().failed();
            facts.add(new Fact("bootstrap", Numbers.count(f.uncertainty().resamples()) + " resamples, "
                    + Numbers.percent(f.uncertainty().level()) + " intervals"
                    + (failed > 0 ? ", " + Numbers.count(failed) + " refits failed" : ""), failed > 0));
        }
        return facts;
    }

    private static Table parameters(FitOutcome f) {
        List<ParameterValue> values = orEmpty(f.parameters());
        boolean intervals = values.stream().anyMatch(p -> Double.isFinite(p.low()) || Double.isFinite(p.high()));
        boolean bounds = values.stream().anyMatch(p -> !text(p.onBound()).isEmpty());
        boolean errors = values.stream().anyMatch(p -> Double.isFinite(p.standardError()));
        List<Row> rows = new ArrayList<>();
        for (ParameterValue p : values) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(text(p.name())),
                    Cell.number(Numbers.format(p.value()), p.value())));
            if (errors) {
                cells.add(Cell.number(Numbers.format(p.standardError()), p.standardError()));
            }
            if (intervals) {
                cells.add(Cell.number(Numbers.format(p.low()), p.low()));
                cells.add(Cell.number(Numbers.format(p.high()), p.high()));
            }
            String bound = text(p.onBound());
            if (bounds) {
                cells.add(bound.isEmpty() ? Cell.of("")
                        : new Cell("\u26a0 on " + bound + " bound", "", "", "the search stopped on the " + bound
                        + " bound: the bound set this value, not the data; widen it", true));
            }
            rows.add(new Row(bound.isEmpty() ? "" : "warn", cells));
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("parameter", false), new Column("value", true)));
        String note = "";
        if (errors) {
            columns.add(new Column("standard error", true));
            note = "Standard error: asymptotic, from the Jacobian of the least-squares residuals at the optimum"
                    + " (none for a value on a bound).";
        }
        if (intervals) {
            String level = f.uncertainty() == null ? "" : Numbers.percent(f.uncertainty().level()) + " ";
            columns.add(new Column(level + "low", true));
            columns.add(new Column(level + "high", true));
            note = (note.isEmpty() ? "" : note + " ") + "Percentile bootstrap interval"
                    + (f.uncertainty() == null ? "" : " over " + Numbers.count(f.uncertainty().resamples())
                    + " resamples of the fit runs (seed " + f.uncertainty().seed() + ")"
                    + (f.uncertainty().failed() > 0 ? "; " + Numbers.count(f.uncertainty().failed())
                    + " refits failed and are left out" : "")) + ".";
        }
        if (bounds) {
            columns.add(new Column("bound", false));
            note = (note.isEmpty() ? "" : note + " ") + "A value on a bound was set by the bound, not by the data.";
        }
        return new Table("Parameters", columns, rows, note);
    }

    /** The compute-optimal frontier of a loss law in N and D: N*, D*, the ratio D* / N* and the loss per budget. */
    static Table computeOptimal(FitOutcome f) {
        boolean intervals = f.uncertainty() != null;
        List<Row> rows = new ArrayList<>();
        for (ComputeOptimal c : orEmpty(f.computeOptimal())) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(Numbers.format(c.compute()) + (c.target() ? " \u25b2" : ""), "",
                    Numbers.sortKey(c.compute()), c.target() ? "a target of the study" : "", c.target()));
            cells.add(Cell.number(Numbers.format(c.params()), c.params()));
            if (intervals) {
                cells.add(Cell.of(range(c.paramsLow(), c.paramsHigh())));
            }
            cells.add(Cell.number(Numbers.format(c.tokens()), c.tokens()));
            if (intervals) {
                cells.add(Cell.of(range(c.tokensLow(), c.tokensHigh())));
            }
            double ratio = c.tokens() / c.params();
            cells.add(Cell.number(Numbers.format(ratio), ratio));
            cells.add(Cell.number(Numbers.format(c.loss()), c.loss()));
            if (intervals) {
                cells.add(Cell.of(range(c.lossLow(), c.lossHigh())));
            }
            rows.add(new Row("", cells));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("C (FLOPs)", true));
        columns.add(new Column("N*", true));
        if (intervals) {
            columns.add(new Column("N* interval", true));
        }
        columns.add(new Column("D*", true));
        if (intervals) {
            columns.add(new Column("D* interval", true));
        }
        columns.add(new Column("D*/N*", true));
        columns.add(new Column("loss", true));
        if (intervals) {
            columns.add(new Column("loss interval", true));
        }
        return new Table("Compute-optimal allocation", columns, rows,
                "N*(C) minimises the fitted loss at C = 6ND; D* = C / (6N*). \u25b2 marks the study's targets."
                        + (intervals ? " Intervals: " + Numbers.percent(f.uncertainty().level())
                        + " percentile bootstrap." : ""));
    }

    private static String range(double low, double high) {
        if (Double.isNaN(low) && Double.isNaN(high)) {
            return Numbers.MISSING;
        }
        return Numbers.format(low) + " \u2013 " + Numbers.format(high);
    }

    /**
     * The predictions at the study's targets: the {@code confidence} interval of the curve there (bootstrap, when
     * the fit has one) and the {@code prediction} interval of a new run there (back-tests, when it has one), each
     * named with its level.
     */
    static Table targets(FitOutcome f) {
        List<TargetPrediction> targets = orEmpty(f.targets());
        boolean series = targets.stream().anyMatch(t -> !text(t.series()).isEmpty());
        boolean confidence = f.uncertainty() != null
                || targets.stream().anyMatch(t -> Double.isFinite(t.low()) || Double.isFinite(t.high()));
        boolean prediction = IntervalViews.targetsHaveIntervals(f);
        List<Row> rows = new ArrayList<>();
        for (TargetPrediction t : targets) {
            List<Cell> cells = new ArrayList<>();
            if (series) {
                cells.add(Cell.of(text(t.series())));
            }
            cells.add(Cell.number(Numbers.format(t.x()), t.x()));
            cells.add(Cell.number(Numbers.format(t.predicted()), t.predicted()));
            if (confidence) {
                cells.add(Cell.number(Numbers.format(t.low()), t.low()));
                cells.add(Cell.number(Numbers.format(t.high()), t.high()));
            }
            if (prediction) {
                double low = IntervalViews.low(t.interval());
                double high = IntervalViews.high(t.interval());
                cells.add(Cell.number(Numbers.format(low), low));
                cells.add(Cell.number(Numbers.format(high), high));
            }
            rows.add(new Row("", cells));
        }
        List<Column> columns = new ArrayList<>();
        if (series) {
            columns.add(new Column("curve", false));
        }
        columns.add(new Column(text(f.xLabel()), true));
        columns.add(new Column("predicted " + text(f.yLabel()), true));
        String ci = f.uncertainty() == null ? "confidence interval" : IntervalViews.confidenceLabel(f.uncertainty().level());
        if (confidence) {
            columns.add(new Column(ci + " low", true));
            columns.add(new Column(ci + " high", true));
        }
        String pi = IntervalViews.predictionLabel(IntervalViews.predictionLevel(f));
        if (prediction) {
            columns.add(new Column(pi + " low", true));
            columns.add(new Column(pi + " high", true));
        }
        String note = (f.uncertainty() == null ? "No bootstrap: no confidence interval of the curve."
                : "The " + ci + " is the percentile bootstrap of the fitted curve: where the law\u2019s curve"
                + " lies, not where a new run will fall.")
                + (prediction ? " The " + pi + " is where a new run\u2019s observation will fall, sized by the"
                + " law\u2019s back-tests inside its fit window; it widens with the distance extrapolated."
                : " No prediction interval: the law has no back-tests to size one.");
        return new Table("Predictions at targets", columns, rows, note);
    }

    private static Table errors(FitOutcome f) {
        List<Row> rows = new ArrayList<>();
        rows.add(metricsRow("fit", f.fitMetrics()));
        rows.add(metricsRow("holdout", f.holdoutMetrics()));
        return new Table("Errors", List.of(
                new Column("rows", false), new Column("n", true), new Column("MAE", true),
                new Column("MRE", true), new Column("RMSE", true), new Column("R\u00b2", true)), rows);
    }

    private static Row metricsRow(String label, Metrics m) {
        if (m == null) {
            m = new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Row("role-" + label, List.of(
                Cell.of(label),
                Cell.number(Numbers.count(m.n()), m.n()),
                Cell.number(Numbers.format(m.mae()), m.mae()),
                Cell.number(Numbers.percent(m.mre()), m.mre()),
                Cell.number(Numbers.format(m.rmse()), m.rmse()),
                Cell.number(Numbers.format(m.r2()), m.r2())));
    }

    /**
     * Every run of the fit with its observed and predicted value and relative residual (observed − predicted) /
     * observed: the numbers of the scaling, residuals and parity charts. {@code id} is its anchor.
     */
    static Table runs(FitOutcome f, String id) {
        boolean intervals = IntervalViews.runsHaveIntervals(f);
        List<Row> rows = new ArrayList<>();
        for (RunRow r : orEmpty(f.runs())) {
            double residual = ChartSpecs.relativeResidual(r);
            List<Cell> cells = new ArrayList<>(List.of(
                    Cell.of(text(r.id())),
                    Cell.of(text(r.role())),
                    Cell.number(Numbers.format(r.x()), r.x()),
                    Cell.number(Numbers.format(r.observed()), r.observed()),
                    Cell.number(Numbers.format(r.predicted()), r.predicted()),
                    Cell.number(Numbers.percent(residual), residual)));
            if (intervals) {
                double low = IntervalViews.low(r.interval());
                double high = IntervalViews.high(r.interval());
                String inside = IntervalViews.inside(r);
                cells.add(r.interval() == null ? Cell.of("") : Cell.number(Numbers.format(low), low));
                cells.add(r.interval() == null ? Cell.of("") : Cell.number(Numbers.format(high), high));
                cells.add(inside.equals("no") ? new Cell("no", "", "", "outside its prediction interval", true)
                        : Cell.of(inside));
            }
            cells.add(Cell.of(text(r.note())));
            rows.add(new Row(cssClass("role-", r.role()), cells));
        }
        List<Column> columns = new ArrayList<>(List.of(
                new Column("run", false), new Column("role", false), new Column(text(f.xLabel()), true),
                new Column("observed " + text(f.yLabel()), true), new Column("predicted", true),
                new Column("relative residual", true)));
        String note = "";
        if (intervals) {
            String pi = IntervalViews.predictionLabel(IntervalViews.predictionLevel(f));
            columns.add(new Column(pi + " low", true));
            columns.add(new Column(pi + " high", true));
            columns.add(new Column("inside", false));
            note = "Held-out runs carry their " + pi + " (where a new run\u2019s observation will fall, sized by"
                    + " back-tests inside the fit window); \u201cinside\u201d says whether the observation fell in it.";
        }
        columns.add(new Column("note", false));
        return new Table("Runs", columns, rows, note, rows.size() > FOLD_ABOVE, id);
    }

    /** Every fit, a row each, linking to its page ({@code names}: {@link SiteLayout#fitNames}). */
    private static Table overview(List<FitOutcome> fits, List<String> names, boolean withErrors) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("law", false), new Column("group", false), new Column("dataset", false),
                new Column("converged", false), new Column("fit n", true), new Column("holdout n", true)));
        if (withErrors) {
            columns.add(new Column("fit MRE", true));
            columns.add(new Column("holdout MRE", true));
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (FitOutcome f : fits) {
            i++;
            Metrics fm = f.fitMetrics();
            Metrics hm = f.holdoutMetrics();
            boolean converged = f.optimization() != null && f.optimization().converged();
            String degenerate = text(f.degenerate());
            List<Cell> cells = new ArrayList<>(List.of(
                    degenerate.isEmpty() ? new Cell(text(f.law()), SiteLayout.fitPage(names.get(i - 1)))
                            : new Cell(text(f.law()) + " \u26a0", SiteLayout.fitPage(names.get(i - 1)), "",
                            "degenerate fit: " + degenerate, false),
                    Cell.of(text(f.group())),
                    Cell.of(text(f.dataset())),
                    Cell.of(converged ? "yes" : "no"),
                    Cell.number(fm == null ? "0" : Numbers.count(fm.n()), fm == null ? 0 : fm.n()),
                    Cell.number(hm == null ? "0" : Numbers.count(hm.n()), hm == null ? 0 : hm.n())));
            if (withErrors) {
                double fitMre = fm == null ? Double.NaN : fm.mre();
                double holdMre = hm == null ? Double.NaN : hm.mre();
                cells.add(Cell.number(Numbers.percent(fitMre), fitMre));
                cells.add(Cell.number(Numbers.percent(holdMre), holdMre));
            }
            rows.add(new Row(converged && degenerate.isEmpty() ? "" : "warn", cells));
        }
        return new Table("", columns, rows);
    }

    private static DatasetView dataset(DatasetSummary d) {
        List<Row> rows = new ArrayList<>();
        for (ColumnSummary c : orEmpty(d.columns())) {
            String kind = (c.numeric() ? "number" : "text") + (c.derived() ? ", derived" : "");
            rows.add(new Row("", List.of(
                    Cell.of(text(c.name())),
                    Cell.of(kind),
                    Cell.number(Numbers.format(c.min()), c.min()),
                    Cell.number(Numbers.format(c.max()), c.max()),
                    Cell.number(Numbers.count(c.distinct()), c.distinct()))));
        }
        Table columns = new Table("", List.of(
                new Column("column", false), new Column("kind", false), new Column("min", true),
                new Column("max", true), new Column("distinct", true)), rows);
        return new DatasetView(text(d.name()), text(d.file()), text(d.sha256()), Numbers.count(d.rows()), columns);
    }

    /** The source split into lines (\n, \r\n or \r); a final line break does not make an empty last line. */
    static List<SourceLine> sourceLines(String source) {
        List<SourceLine> lines = new ArrayList<>();
        if (source.isEmpty()) {
            return lines;
        }
        String[] parts = source.split("\r\n|\r|\n", -1);
        int count = parts.length;
        if (parts[count - 1].isEmpty()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            lines.add(new SourceLine(Integer.toString(i + 1), parts[i]));
        }
        return lines;
    }

    static String fitName(FitOutcome f) {
        String group = text(f.group());
        return text(f.law()) + (group.isEmpty() ? "" : " \u00b7 " + group);
    }

    static String cssClass(String prefix, String value) {
        String v = text(value);
        return v.matches("[a-z]+") ? prefix + v : "";
    }

    private static List<FitOutcome> fits(StudyResult s) {
        return orEmpty(s.fits());
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
