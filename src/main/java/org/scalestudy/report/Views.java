package org.scalestudy.report;

import java.util.List;

/**
 * What the templates see: plain records of ready-to-print strings. Numbers are formatted in Java
 * ({@link Numbers}), so templates hold no formatting logic and the output does not depend on
 * FreeMarker's locale. Nothing here is {@code null} but a {@link ChartView}'s {@code data} (its numbers are in a
 * table elsewhere on the page); absent text is {@code ""}.
 * The records are public only because FreeMarker's object wrapper introspects public types.
 */
public final class Views {

    private Views() {
    }

    /**
     * What every page's {@code <head>} and footer share. {@code canonical} is the page's absolute URL ("" unless
     * the build was given {@code --base-url}); {@code provenance} lines go into the footer.
     */
    public record Frame(String title, String description, String assets, String canonical, String toolVersion,
                        List<Fact> provenance) {
    }

    /** The site's front page. */
    public record IndexPage(Frame frame, String title, List<StudyEntry> studies) {
    }

    /**
     * One study on the front page, with its headline numbers: runs (rows kept over all datasets), fits, laws,
     * the law with the lowest median holdout MRE over its groups, and the best single fit.
     */
    public record StudyEntry(String href, String title, String description, String runs, String fits,
                             String laws, String bestLaw, String bestLawMre, String bestHoldoutMre,
                             String bestHoldoutFit) {
    }

    /** A table offered for download as CSV and JSON; {@code description} says what its rows are. */
    public record Download(String label, String description, String csvHref, String jsonHref) {
    }

    /**
     * A study's page: the leaderboard, the small multiples, the data, every fit as a row linking to its page, the
     * downloads and the source. It holds no fit's charts or tables: those are on the fit pages.
     */
    public record StudyPage(
            Frame frame,
            String title,
            String descriptionHtml,
            String indexHref,
            String sourceFile,
            String sourceSha256,
            String sourceHref,
            String resultsHref,
            List<DatasetView> datasets,
            Table overview,
            Table leaderboard,
            List<ChartView> multiples,
            List<Download> downloads,
            List<String> notices,
            boolean hasCharts,
            List<SourceLine> source,
            DecisionViews.DecisionSection decisions,
            String reportNoteHtml,
            List<Fact> coverage,
            String coverageNote) {
    }

    /**
     * A fit's page. {@code previousHref} and {@code nextHref} link to the study's fits before and after it ("" at
     * either end); {@code position} says where it is ("fit 3 of 118"); {@code jsonHref} and {@code csvHref} are its
     * downloads.
     */
    public record FitPage(
            Frame frame,
            String studyTitle,
            String studyHref,
            String indexHref,
            String position,
            String previousHref,
            String previousName,
            String nextHref,
            String nextName,
            FitView fit,
            String jsonHref,
            String csvHref,
            String resultsHref,
            boolean hasCharts,
            String noteHtml) {
    }

    /** A dataset that went into the study. */
    public record DatasetView(String name, String file, String sha256, String rows, Table columns) {
    }

    /**
     * One law × group. {@code line} is "" when unknown, {@code lineHref} the link to that line of the study's
     * source. {@code attention} is true when an optimisation fact is a warning (not converged, or only one of
     * several starts reached the best objective): the page then shows the facts unfolded. {@code degenerate} is
     * why the fit's uncertainty cannot be trusted ("" when it can), shown in a warning box; {@code prediction}
     * describes its prediction intervals (empty when it has none) and {@code predictionNote} says how they were
     * sized.
     */
    public record FitView(
            String anchor,
            String heading,
            String law,
            String lawKind,
            String formula,
            String dataset,
            String group,
            String line,
            String lineHref,
            boolean converged,
            boolean attention,
            List<Fact> headline,
            List<ChartView> charts,
            List<Table> tables,
            String optimizationSummary,
            List<Fact> optimization,
            String degenerate,
            List<Fact> prediction,
            String predictionNote) {
    }

    /**
     * An embedded chart. {@code specJson} is already safe inside a {@code <script>} element
     * (see {@link JsonSupport#htmlSafe}); it is the only value templates print without HTML escaping. Its numbers
     * are either in {@code data}, a table under it, or ({@code data} null) in a table elsewhere on the page, which
     * {@code dataHref} links to and {@code dataLabel} names.
     */
    public record ChartView(String id, String specId, String title, String specJson, Table data, String dataHref,
                            String dataLabel) {
        ChartView(String id, String specId, String title, String specJson, Table data) {
            this(id, specId, title, specJson, data, "", "");
        }
    }

    /**
     * A table; {@code caption} may be "", {@code note} (a line under it) too. A {@code folded} table is shown
     * closed under its caption (a {@code <details>} element, which opens without JavaScript). {@code id} is its
     * anchor on the page ("" for none). {@code footer} rows (e.g. a summary over the rows) stay under the rows
     * when the table is sorted.
     */
    public record Table(String caption, List<Column> columns, List<Row> rows, String note, boolean folded,
                        String id, List<Row> footer) {
        Table(String caption, List<Column> columns, List<Row> rows, String note, boolean folded, String id) {
            this(caption, columns, rows, note, folded, id, List.of());
        }

        Table(String caption, List<Column> columns, List<Row> rows) {
            this(caption, columns, rows, "", false, "");
        }

        Table(String caption, List<Column> columns, List<Row> rows, String note) {
            this(caption, columns, rows, note, false, "");
        }

        Table(String caption, List<Column> columns, List<Row> rows, String note, boolean folded) {
            this(caption, columns, rows, note, folded, "");
        }
    }

    /** A table column; numeric columns are right-aligned. */
    public record Column(String label, boolean numeric) {
    }

    /** A table row; {@code cssClass} may be "". Cells may carry a link ({@code href} "" for none). */
    public record Row(String cssClass, List<Cell> cells) {
    }

    /**
     * A table cell. {@code sort} is the value the sortable-table script orders a numeric column by (a plain
     * decimal number, "" for a missing value, which sorts last); {@code title} a tooltip ("" for none);
     * {@code strong} highlights the cell (e.g. the best law of a group).
     */
    public record Cell(String text, String href, String sort, String title, boolean strong) {
        Cell(String text, String href) {
            this(text, href, "", "", false);
        }

        static Cell of(String text) {
            return new Cell(text, "");
        }

        /** A numeric cell shown as {@code text} and sorted by {@code value}. */
        static Cell number(String text, double value) {
            return new Cell(text, "", Numbers.sortKey(value), "", false);
        }
    }

    /** A labelled fact, e.g. "converged: yes". {@code warn} highlights it. */
    public record Fact(String label, String value, boolean warn) {
    }

    /** A line of the study's source, numbered from 1. */
    public record SourceLine(String number, String text) {
    }
}
