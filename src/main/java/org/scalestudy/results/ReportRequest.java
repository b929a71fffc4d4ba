package org.scalestudy.results;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the study's {@code report} block asked for: known names only (the checker parsed them), each once, in
 * the block's order.
 *
 * @param charts   the charts of each fit's page
 * @param tables   the tables of each fit's page
 * @param note     the report block's {@code note}, Markdown shown above the fits; "" when none
 * @param fitNotes the fits' {@code note}s, by the line of their fit statement, in study order
 */
public record ReportRequest(List<ChartName> charts, List<TableName> tables, String note, List<FitNote> fitNotes) {

    /** Copies the lists, each name kept once (its first place). */
    public ReportRequest {
        charts = List.copyOf(new LinkedHashSet<>(charts));
        tables = List.copyOf(new LinkedHashSet<>(tables));
        fitNotes = List.copyOf(fitNotes);
    }

    /** A report without notes. */
    public ReportRequest(List<ChartName> charts, List<TableName> tables) {
        this(charts, tables, "", List.of());
    }

    /** What a study without a report block shows: {@link ChartName#DEFAULTS} and every table. */
    public static ReportRequest defaults(List<FitNote> fitNotes) {
        return new ReportRequest(ChartName.DEFAULTS, List.of(TableName.values()), "", fitNotes);
    }

    /** A fit statement's {@code note}: Markdown shown on the pages of the fits it makes (those with this line). */
    public record FitNote(int line, String note) { }

    /** The note of the fit statement at {@code line}, or "" when it has none. */
    public String fitNote(int line) {
        return fitNotes.stream().filter(n -> n.line() == line).map(FitNote::note).findFirst().orElse("");
    }
}
