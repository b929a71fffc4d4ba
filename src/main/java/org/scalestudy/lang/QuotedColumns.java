package org.scalestudy.lang;

import java.util.List;
import org.scalestudy.lang.ast.Expr;

/**
 * Which double-quoted strings of an expression name a column. The rule is by position only, never by
 * the data, so a study means the same thing whatever its file holds:
 * <ul>
 *   <li>a column where only a column makes sense: a whole law argument ({@code y: "ARC-C"}), an operand of
 *       arithmetic or of unary minus ({@code "FLOPs (1E21)" * 1e21}), a function's argument
 *       ({@code log("FLOPs (1E21)")}, {@code present("Pretraining Data Size (T)")}), the left side of a
 *       comparison ({@code "FLOPs (1E21)" > 0}) and the value tested by {@code in};</li>
 *   <li>text everywhere else: the right side of a comparison ({@code metric != "val_loss"}), an option of
 *       {@code in}, a table's key ({@code chance["arc_easy"]}), a whole {@code let} value or condition.</li>
 * </ul>
 * (Names after {@code by}, {@code compare}, {@code across} are columns whether quoted or not; the parser
 * takes them as names.)
 */
public final class QuotedColumns {
    private static final List<String> ARITHMETIC = List.of("+", "-", "*", "/", "^");
    private static final List<String> COMPARISON = List.of("<", "<=", ">", ">=", "==", "!=");

    private QuotedColumns() {
    }

    /** The expression with its column-position strings turned into quoted columns. */
    public static Expr resolve(Expr e, boolean columnHere) {
        if (e instanceof Expr.Str s) {
            return columnHere ? new Expr.Column(s.value(), s.pos(), true) : s;
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), resolve(u.operand(), u.op().equals("-")), u.pos());
        } else if (e instanceof Expr.Binary b) {
            boolean arithmetic = ARITHMETIC.contains(b.op());
            boolean left = arithmetic || COMPARISON.contains(b.op());
            return new Expr.Binary(b.op(), resolve(b.left(), left), resolve(b.right(), arithmetic), b.pos());
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(a -> resolve(a, true)).toList(), c.pos());
        } else if (e instanceof Expr.Lookup l) {
            return new Expr.Lookup(l.table(), l.entries(), resolve(l.key(), false), l.pos());
        } else if (e instanceof Expr.In in) {
            return new Expr.In(resolve(in.value(), true), in.options().stream().map(o -> resolve(o, false)).toList(),
                    in.negated(), in.pos());
        }
        return e;
    }
}
