package org.scalestudy.lang;

import java.util.List;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.lang.parser.StudyParser;

/**
 * The fit clauses made of plain words ({@code min runs N}, {@code drop missing}): their words are not
 * keywords, so a column or law may still be called {@code min}, {@code runs}, {@code drop} or
 * {@code missing}; this checks the words and the number.
 */
final class FitWords {
    private FitWords() {
    }

    /** {@code min runs N}; null (reported) when it is malformed, repeated or has no {@code by}. */
    static FitDecl.MinRuns minRuns(StudyParser.MinRunsClauseContext m, FitDecl.MinRuns previous, boolean noGroups,
                                   SourceFile source, List<Diagnostic> diagnostics) {
        Pos at = AstBuilder.pos(m.start);
        if (!m.runs.getText().equals("runs")) {
            diagnostics.add(source.error(AstBuilder.pos(m.runs), "unexpected '" + m.runs.getText()
                    + "'; expected 'runs' (min runs N)"));
            return previous;
        }
        if (previous != null) {
            diagnostics.add(source.error(at, "this fit already has a 'min runs' clause (line " + previous.pos().line()
                    + ")"));
            return previous;
        }
        double count = Double.parseDouble(m.count.getText());
        if (count != Math.rint(count) || count < 1 || count > 1_000_000) {
            diagnostics.add(source.error(AstBuilder.pos(m.count), "'min runs' takes a whole number of runs from 1"
                    + " to 1000000, not " + m.count.getText()));
            return null;
        }
        if (noGroups) {
            diagnostics.add(source.error(at, "'min runs' skips small groups, so it needs groups: write it after"
                    + " 'by COLUMN'"));
            return null;
        }
        return new FitDecl.MinRuns((int) count, at);
    }

    /** {@code drop missing}: where it is written; the previous one (reported) when malformed or repeated. */
    static Pos dropMissing(StudyParser.DropClauseContext d, Pos previous, SourceFile source,
                           List<Diagnostic> diagnostics) {
        if (!d.what.getText().equals("missing")) {
            diagnostics.add(source.error(AstBuilder.pos(d.what), "unexpected '" + d.what.getText()
                    + "'; expected 'missing' (drop missing)"));
            return previous;
        }
        if (previous != null) {
            diagnostics.add(source.error(AstBuilder.pos(d.start), "this fit already has a 'drop missing' clause"
                    + " (line " + previous.line() + ")"));
            return previous;
        }
        return AstBuilder.pos(d.start);
    }
}
