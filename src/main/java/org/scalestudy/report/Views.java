package org.scalestudy.report;

import java.util.List;

/**
 * What the templates see: plain records of ready-to-print strings. Numbers are formatted in Java
 * ({@link Numbers}), so templates hold no formatting logic and the output does not depend on
 * FreeMarker's locale. Nothing here is {@code null}; absent text is {@code ""}.
 * The records are public only because FreeMarker's object wrapper introspects public types.
 */
public final class Views {

    private Views() {
    }

    /** The site's front page. */
    public record IndexPage(String title, String assets, List<StudyEntry> studies) {
    }

    /** One study on the front page. */
    public record StudyEntry(String href, String title, String description, String fits,
                             String bestHoldoutMre, String bestHoldoutFit) {
    }

    /** A study's page. */
    public record StudyPage(
            String title,
            String description,
            String assets,
            String indexHref,
            String sourceFile,
            String sourceSha256,
            String sourceHref,
            String resultsHref,
            List<DatasetView> datasets,
            Table overview,
            List<FitView> fits,
            List<String> notices,
            boolean hasCharts,
            List<SourceLine> source) {
    }

    /** A dataset that went into the study. */
    public record DatasetView(String name, String file, String sha256, String rows, Table columns) {
    }

    /**
     * One law × group. {@code line} is "" when unknown. {@code attention} is true when an optimisation fact
     * is a warning (not converged, or only one of several starts reached the best objective): the page then
     * shows the facts unfolded.
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
            boolean converged,
            boolean attention,
            List<ChartView> charts,
            List<Table> tables,
            String optimizationSummary,
            List<Fact> optimization) {
    }

    /**
     * An embedded chart. {@code specJson} is already safe inside a {@code <script>} element
     * (see {@link JsonSupport#htmlSafe}); it is the only value templates print without HTML escaping.
     */
    public record ChartView(String id, String specId, String title, String specJson) {
    }

    /** A table; {@code caption} may be "". */
    public record Table(String caption, List<Column> columns, List<Row> rows) {
    }

    /** A table column; numeric columns are right-aligned. */
    public record Column(String label, boolean numeric) {
    }

    /** A table row; {@code cssClass} may be "". Cells may carry a link ({@code href} "" for none). */
    public record Row(String cssClass, List<Cell> cells) {
    }

    /** A table cell. */
    public record Cell(String text, String href) {
        static Cell of(String text) {
            return new Cell(text, "");
        }
    }

    /** A labelled fact, e.g. "converged: yes". {@code warn} highlights it. */
    public record Fact(String label, String value, boolean warn) {
    }

    /** A line of the study's source, numbered from 1. */
    public record SourceLine(String number, String text) {
    }
}
