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
        return e.accept(Position.COLUMN);
    }

    /** A position in an expression: where a string names a column, or where it is text. */
    private enum Position implements Expr.Visitor<Expr> {
        COLUMN, TEXT;

        @Override
        public Expr visitStr(Expr.Str s) {
            return this == COLUMN ? new Expr.Column(s.value(), s.pos(), true) : s;
        }

        @Override
        public Expr visitNum(Expr.Num e) {
            return e;
        }

        @Override
        public Expr visitColumn(Expr.Column e) {
            return e;
        }

        @Override
        public Expr visitUnary(Expr.Unary u) {
            return new Expr.Unary(u.op(), u.operand().accept(COLUMN), u.pos());
        }

        @Override
        public Expr visitBinary(Expr.Binary b) {
            return new Expr.Binary(b.op(), b.left().accept(COLUMN),
                    b.right().accept(COMPARISON.contains(b.op()) ? TEXT : COLUMN), b.pos());
        }

        @Override
        public Expr visitCall(Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(a -> a.accept(COLUMN)).toList(), c.pos());
        }

        @Override
        public Expr visitLookup(Expr.Lookup l) {
            return new Expr.Lookup(l.table(), l.entries(), l.key().accept(TEXT), l.pos());
        }

        @Override
        public Expr visitIn(Expr.In in) {
            return new Expr.In(in.value().accept(COLUMN), in.options().stream().map(o -> o.accept(TEXT)).toList(),
                    in.negated(), in.pos());
        }
    }
}
