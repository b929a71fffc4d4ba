package org.scalestudy.data;

import java.util.List;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Expr;

/**
 * Evaluates a study's type-checked expressions over tables, reporting what only the data can show
 * (a table key that a row in use does not find) as diagnostics at the expression.
 */
public final class Evaluation {
    private final LookupKeys lookupKeys;

    public Evaluation(SourceFile source, List<Diagnostic> diagnostics) {
        this.lookupKeys = new LookupKeys(source, diagnostics);
    }

    /** The expression's value on every row of {@code table}, after checking its table keys on those rows. */
    public Value eval(Expr expr, Table table, String dataName) {
        lookupKeys.check(expr, table, dataName);
        return Evaluator.eval(expr, table);
    }

    public boolean[] booleans(Expr expr, Table table, String dataName) {
        return ((Value.Booleans) eval(expr, table, dataName)).values();
    }

    public double[] numbers(Expr expr, Table table, String dataName) {
        return ((Value.Numbers) eval(expr, table, dataName)).values();
    }
}
