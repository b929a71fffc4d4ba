package org.scalestudy.results;

import java.util.List;

/**
 * What the study's {@code report} block asked for. Known charts: {@code scaling}, {@code residuals},
 * {@code parity}, {@code sensitivity}.
 * Known tables: {@code parameters}, {@code targets}, {@code errors}, {@code runs}.
 *
 * @param note     the report block's {@code note}, Markdown shown above the fits; "" when none
 * @param fitNotes the fits' {@code note}s, by the line of their fit statement, in study order
 */
public record ReportRequest(List<String> charts, List<String> tables, String note, List<FitNote> fitNotes) {

    /** A report without notes. */
    public ReportRequest(List<String> charts, List<String> tables) {
        this(charts, tables, "", List.of());
    }

    /** A fit statement's {@code note}: Markdown shown on the pages of the fits it makes (those with this line). */
    public record FitNote(int line, String note) { }

    /** The note of the fit statement at {@code line}, or "" when it has none. */
    public String fitNote(int line) {
        return fitNotes.stream().filter(n -> n.line() == line).map(FitNote::note).findFirst().orElse("");
    }
}
