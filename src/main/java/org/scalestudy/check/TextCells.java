package org.scalestudy.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scalestudy.data.Column;
import org.scalestudy.data.DatasetLoader;
import org.scalestudy.data.Table;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Expr;

/**
 * A cell that is not a number where a number is needed, reported at the cell (file:line:column): a column
 * of the file is text because of it, and the study uses the column as a number. Each cell is reported once,
 * beside the study's error at the expression.
 */
final class TextCells {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final Set<Column.Cell> reported = new HashSet<>();

    TextCells(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** Reports the first non-number cell of every text column of the file {@code e} reads. */
    void report(Expr e, Table table, String what) {
        if (e instanceof Expr.Column c && table.has(c.name())
                && table.column(c.name()) instanceof Column.Texts texts && texts.firstNonNumberAt() != null) {
            Column.Cell at = texts.firstNonNumberAt();
            if (reported.add(at)) {
                diagnostics.add(new Diagnostic(DatasetLoader.display(at.file()), at.line(), at.column(),
                        Diagnostic.Severity.ERROR, "'" + at.text() + "' is not a number, and column '" + c.name()
                        + "' is used as one (" + what + ", " + source.displayName() + ":"
                        + c.pos().line() + ":" + c.pos().column() + "); a missing value is written empty, NA, N/A,"
                        + " NaN or null", null));
            }
            return;
        }
        e.children().forEach(child -> report(child, table, what));
    }
}
