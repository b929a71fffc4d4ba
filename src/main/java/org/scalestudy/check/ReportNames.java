package org.scalestudy.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.lang.ast.ReportDecl;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.TableName;

/**
 * A study's {@code report} block to a {@link ReportRequest}: its chart and table names parsed once, here, into
 * {@link ChartName} and {@link TableName}. An unknown name (with the nearest known one as a hint) or a name listed
 * twice is an error at its position; the report stage never sees a name it does not know.
 */
final class ReportNames {

    private ReportNames() {
    }

    /**
     * The report request of a study whose report block is {@code decl} (null: none, so the defaults) and whose fit
     * statements are {@code fits} (for their notes); errors go to {@code diagnostics}.
     */
    static ReportRequest of(SourceFile source, ReportDecl decl, List<FitDecl> fits, List<Diagnostic> diagnostics) {
        List<ReportRequest.FitNote> notes = fits.stream().filter(f -> !f.note().isEmpty())
                .map(f -> new ReportRequest.FitNote(f.pos().line(), f.note())).toList();
        if (decl == null) {
            return ReportRequest.defaults(notes);
        }
        return new ReportRequest(
                parse(source, decl.charts(), ChartName::parse, ChartName.values(), "chart", diagnostics),
                parse(source, decl.tables(), TableName::parse, TableName.values(), "table", diagnostics),
                decl.note(), notes);
    }

    private static <E extends Enum<E>> List<E> parse(SourceFile source, List<Name> names,
                                                     Function<String, Optional<E>> parser, E[] known, String what,
                                                     List<Diagnostic> diagnostics) {
        List<String> valid = java.util.Arrays.stream(known).map(Object::toString).toList();
        List<E> out = new ArrayList<>();
        for (Name n : names) {
            Optional<E> value = parser.apply(n.text());
            if (value.isEmpty()) {
                diagnostics.add(source.error(n.pos(), "unknown " + what + " '" + n.text() + "'"
                        + Suggestions.hint(n.text(), valid)));
            } else if (out.contains(value.get())) {
                diagnostics.add(source.error(n.pos(), what + " '" + n.text() + "' is listed twice"));
            } else {
                out.add(value.get());
            }
        }
        return List.copyOf(out);
    }
}
