package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.ChartView;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.DatasetView;
import org.scalestudy.report.Views.Download;
import org.scalestudy.report.Views.Fact;
import org.scalestudy.report.Views.Frame;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.SourceLine;
import org.scalestudy.report.Views.StudyPage;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ColumnSummary;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.PageText.text;

/**
 * A study's page: the leaderboard, the small multiples, the data, the fits as rows linking to their pages, the
 * decisions, the downloads and the source.
 */
final class StudyModel {

    static final String ASSETS_FROM_STUDY = "../" + SiteLayout.ASSETS + "/";

    private StudyModel() {
    }

    static StudyPage of(StudyResult s) {
        return of(s, SiteOptions.DEFAULT);
    }

    /**
     * A study's page: the leaderboard, the small multiples (within {@link MultiplesChart#PANELS}), the data, the fits
     * as rows linking to their pages, the downloads and the source. No fit's charts or tables: a study's page
     * grows with its number of groups (a row and a panel each), not with its fits' runs, curves or charts.
     */
    static StudyPage of(StudyResult s, SiteOptions options) {
        String where = "study " + s.slug() + ": ";
        Objects.requireNonNull(s.fits(), () -> where + "fits is null");
        Objects.requireNonNull(s.datasets(), () -> where + "datasets is null");
        Objects.requireNonNull(s.report(), () -> where + "report is null");

        List<String> notices = new ArrayList<>();
        List<String> names = SiteLayout.fitNames(s.fits());
        List<ChartView> multiples = MultiplesChart.of(s.fits(), names, notices);
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
                overview(s.fits(), names, s.report().tables().contains(TableName.ERRORS)),
                Leaderboard.of(s.fits(), names),
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
    static List<Fact> provenance(StudyResult s) {
        List<Fact> provenance = new ArrayList<>();
        provenance.add(new Fact("study " + text(s.sourceFile()), "sha256 " + text(s.sourceSha256()), false));
        for (DatasetSummary d : orEmpty(s.datasets())) {
            provenance.add(new Fact("data " + text(d.name()) + " (" + text(d.file()) + ")",
                    "sha256 " + text(d.sha256()), false));
        }
        return provenance;
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
}
