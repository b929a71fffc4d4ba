package org.scalestudy.lang;

import java.util.List;
import org.scalestudy.lang.ast.Expr;

/**
 * Which double-quoted strings of an expression name a column. The rule is by position only, never by
 * the data, so a study means the same thing whatever its file holds: a double-quoted string is text in
 * three places, where a text value is what one writes:
 * <ul>
 *   <li>the right side of a comparison ({@code metric != "val_loss"}),</li>
 *   <li>an option of {@code in} ({@code benchmark in ("arc_easy", "piqa")}),</li>
 *   <li>a table's key ({@code chance["arc_easy"]});</li>
 * </ul>
 * anywhere else it names a column: {@code "FLOPs (1E21)" > 0}, {@code "FLOPs (1E21)" * 1e21},
 * {@code log("FLOPs (1E21)")}, {@code present("Pretraining Data Size (T)")}, {@code y: "ARC-C"},
 * {@code let family = "Model Family"}. (Names after {@code by}, {@code compare}, {@code across} and a join's
 * {@code by} are columns whether quoted or not; the parser takes them as names.) Reader options are not
 * expressions over the data and keep their strings.
 */
public final class QuotedColumns {
    private static final List<String> COMPARISON = List.of("<", "<=", ">", ">=", "==", "!=");

    private QuotedColumns() {
    }

    /** The expression with its column-position strings turned into quoted columns. */
    public static Expr resolve(Expr e) {
        return resolve(e, true);
    }

    private static Expr resolve(Expr e, boolean columnHere) {
        if (e instanceof Expr.Str s) {
            return columnHere ? new Expr.Column(s.value(), s.pos(), true) : s;
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), resolve(u.operand(), true), u.pos());
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), resolve(b.left(), true), resolve(b.right(), !COMPARISON.contains(b.op())),
                    b.pos());
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
