package org.scalestudy.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.Pos;

/**
 * Checks that every row an expression is evaluated on finds its key in each table the expression
 * looks up ({@code chance[metric]}), before the expression is evaluated: only the rows actually used
 * count (a fit's {@code where} may leave out the keys a table lacks). Reports each lookup once.
 */
public final class LookupKeys {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final Set<Pos> reported = new HashSet<>();

    public LookupKeys(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /**
     * Reports the missing keys of every (type-checked) lookup in {@code e} over the rows of {@code table}.
     * The right side of {@code and} is in use only on the rows where the left holds, that of {@code or}
     * only where it does not (so {@code benchmark in (...) and metric_type == chosen[benchmark]} needs
     * entries only for the benchmarks listed).
     */
    public void check(Expr e, Table table, String dataName) {
        if (table.rows() > 0) {
            e.accept(new Rows(table, dataName));
        }
    }

    /** The walk over an expression evaluated on these rows. */
    private final class Rows implements Expr.Visitor<Void> {
        private final Table table;
        private final String dataName;

        Rows(Table table, String dataName) {
            this.table = table;
            this.dataName = dataName;
        }

        @Override
        public Void visitLookup(Expr.Lookup lookup) {
            lookup.key().accept(this);
            if (lookup.entries() != null && !reported.contains(lookup.pos())) {
                missing(lookup, table, dataName);
            }
            return null;
        }

        @Override
        public Void visitBinary(Expr.Binary b) {
            b.left().accept(this);
            if (b.op().equals("and") || b.op().equals("or")) {
                boolean[] left = ((Value.Booleans) Evaluator.eval(b.left(), table)).values();
                boolean[] used = new boolean[left.length];
                for (int i = 0; i < left.length; i++) {
                    used[i] = left[i] == b.op().equals("and");
                }
                check(b.right(), table.filter(used), dataName);
            } else {
                b.right().accept(this);
            }
            return null;
        }

        @Override
        public Void visitUnary(Expr.Unary u) {
            return u.operand().accept(this);
        }

        @Override
        public Void visitCall(Expr.Call call) {
            call.args().forEach(a -> a.accept(this));
            return null;
        }

        @Override
        public Void visitIn(Expr.In in) {
            in.children().forEach(c -> c.accept(this));
            return null;
        }

        @Override
        public Void visitNum(Expr.Num e) {
            return null;
        }

        @Override
        public Void visitStr(Expr.Str e) {
            return null;
        }

        @Override
        public Void visitColumn(Expr.Column e) {
            return null;
        }
    }

    private void missing(Expr.Lookup lookup, Table table, String dataName) {
        TreeMap<String, Integer> missing = new TreeMap<>();
        for (String k : ((Value.Texts) Evaluator.eval(lookup.key(), table)).values()) {
            if (k != null && !lookup.entries().containsKey(k)) {
                missing.merge(k, 1, Integer::sum);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        reported.add(lookup.pos());
        String first = missing.firstKey();
        int rows = missing.get(first);
        int others = missing.size() - 1;
        diagnostics.add(source.error(lookup.pos(), "table '" + lookup.table() + "' has no entry for '" + first
                + "' (" + rows + " row" + (rows == 1 ? "" : "s") + " of data '" + dataName + "')"
                + (others == 0 ? "" : " nor for " + others + " other key" + (others == 1 ? "" : "s"))
                + "; it has: " + String.join(", ", new TreeSet<>(lookup.entries().keys()))));
    }
}
