package org.scalestudy.check;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scalestudy.data.Column;
import org.scalestudy.lang.Functions;
import org.scalestudy.data.Table;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.Pos;

/**
 * Gives each expression a type against a table's columns, reporting unknown names, wrong
 * arities and mismatched operands. Reports each problem once and answers ERROR above it so
 * that one mistake does not cascade into many messages.
 */
final class ExprTyper {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    /** String literals already warned about (an expression may be typed once per fit that uses it). */
    private final Set<Pos> warned = new HashSet<>();
    /** The distinct values of the text columns compared with a string so far. */
    private final Map<Column.Texts, Set<String>> distinct = new IdentityHashMap<>();

    /** Reports a text cell where a number is needed at the cell itself. */
    private final TextCells cells;

    ExprTyper(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.cells = new TextCells(source, diagnostics);
    }

    /** The expression's type; reports and returns ERROR unless it is {@code wanted}. */
    Type expect(Expr expr, Table table, String dataName, Type wanted, String what) {
        Type t = type(expr, table, dataName);
        if (t != Type.ERROR && t != wanted) {
            diagnostics.add(source.error(expr.pos(), what + " must be " + wanted.description + ", but this is "
                    + t.description));
            return Type.ERROR;
        }
        return t;
    }

    /** Reports, at the cell, why the file columns {@code e} reads are text where a number is needed. */
    void reportTextCells(Expr e, Table table, String what) {
        cells.report(e, table, what);
    }

    Type type(Expr expr, Table table, String dataName) {
        return expr.accept(new Typing(table, dataName));
    }

    /** Types one expression against one table; children are typed through {@link #type} again. */
    private final class Typing implements Expr.Visitor<Type> {
        private final Table table;
        private final String dataName;

        Typing(Table table, String dataName) {
            this.table = table;
            this.dataName = dataName;
        }

        @Override
        public Type visitNum(Expr.Num e) {
            return Type.NUMBER;
        }

        @Override
        public Type visitStr(Expr.Str e) {
            return Type.TEXT;
        }

        @Override
        public Type visitColumn(Expr.Column col) {
            if (Functions.constant(col.name()) != null) {
                if (table.has(col.name())) {
                    diagnostics.add(source.error(col.pos(), "'" + col.name() + "' is the constant "
                            + Functions.constant(col.name()) + " in expressions, so column '" + col.name()
                            + "' of data '" + dataName + "' cannot be used; rename the column"));
                    return Type.ERROR;
                }
                return Type.NUMBER;
            }
            if (!table.has(col.name())) {
                diagnostics.add(source.error(col.pos(), "unknown column '" + col.name() + "' in data '" + dataName
                        + "'" + Suggestions.hint(col.name(), table.names()) + (col.quoted() ? " (a quoted name here"
                        + " is a column; to compare with the text \"" + col.name() + "\", write it on the right)" : "")));
                return Type.ERROR;
            }
            return table.column(col.name()) instanceof Column.Numbers ? Type.NUMBER : Type.TEXT;
        }

        @Override
        public Type visitUnary(Expr.Unary u) {
            Type wanted = u.op().equals("-") ? Type.NUMBER : Type.BOOLEAN;
            Type t = operand(u.operand(), table, dataName, wanted, "the operand of '" + u.op() + "'");
            return t == Type.ERROR ? Type.ERROR : wanted;
        }

        @Override
        public Type visitBinary(Expr.Binary b) {
            return binary(b, table, dataName);
        }

        @Override
        public Type visitCall(Expr.Call call) {
            if (call.function().equals(Functions.PRESENT)) {
                if (call.args().size() != 1) {
                    diagnostics.add(source.error(call.pos(), "present takes 1 argument (a column), not "
                            + call.args().size()));
                    return Type.ERROR;
                }
                Type t = type(call.args().get(0), table, dataName);
                if (t == Type.BOOLEAN) {
                    diagnostics.add(source.error(call.args().get(0).pos(), "present tests a number or a text, not a"
                            + " condition"));
                }
                return t == Type.ERROR || t == Type.BOOLEAN ? Type.ERROR : Type.BOOLEAN;
            }
            int arity = Functions.arity(call.function());
            if (arity < 0) {
                diagnostics.add(source.error(call.pos(), "unknown function '" + call.function() + "'"
                        + Suggestions.hint(call.function(), Functions.names())));
                return Type.ERROR;
            }
            if (call.args().size() != arity) {
                diagnostics.add(source.error(call.pos(), call.function() + " takes " + arity + " argument"
                        + (arity == 1 ? "" : "s") + ", not " + call.args().size()));
                return Type.ERROR;
            }
            boolean ok = true;
            for (Expr arg : call.args()) {
                ok &= operand(arg, table, dataName, Type.NUMBER, "an argument of " + call.function()) != Type.ERROR;
            }
            return ok ? Type.NUMBER : Type.ERROR;
        }

        @Override
        public Type visitLookup(Expr.Lookup lookup) {
            return lookup(lookup, table, dataName);
        }

        @Override
        public Type visitIn(Expr.In in) {
            return in(in, table, dataName);
        }
    }

    /**
     * A table lookup is a number or text, as the table's values are, when its key is text (the keys'
     * values are checked on the rows in use by {@link org.scalestudy.data.LookupKeys}).
     */
    private Type lookup(Expr.Lookup lookup, Table table, String dataName) {
        Type key = operand(lookup.key(), table, dataName, Type.TEXT, "the key of table '" + lookup.table() + "'");
        if (key == Type.ERROR || lookup.entries() == null) {
            return Type.ERROR;
        }
        return lookup.entries().holdsText() ? Type.TEXT : Type.NUMBER;
    }

    /** {@code x in (a, b, ...)}: x a number or text, every option of the same type. */
    private Type in(Expr.In in, Table table, String dataName) {
        Type value = type(in.value(), table, dataName);
        if (value == Type.ERROR) {
            in.options().forEach(o -> type(o, table, dataName));
            return Type.ERROR;
        }
        String op = in.negated() ? "not in" : "in";
        if (value == Type.BOOLEAN) {
            diagnostics.add(source.error(in.value().pos(), "'" + op + "' tests a number or a text against a list,"
                    + " not a condition"));
            return Type.ERROR;
        }
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (Expr option : in.options()) {
            Type t = type(option, table, dataName);
            if (t == Type.ERROR) {
                ok = false;
            } else if (t != value) {
                diagnostics.add(source.error(option.pos(), "every option of '" + op + "' must be " + value.description
                        + ", as the value tested is, but this is " + t.description));
                ok = false;
            } else if (option instanceof Expr.Str str && !seen.add(str.value())) {
                diagnostics.add(source.warning(option.pos(), "\"" + str.value() + "\" is listed twice"));
            } else {
                neverEqual(in.value(), option, table, dataName);
            }
        }
        return ok ? Type.BOOLEAN : Type.ERROR;
    }

    /**
     * Warns when a text column is compared with a string that no row of the data holds (a misspelt
     * benchmark selects nothing, silently), naming the closest value the column does hold.
     */
    private void neverEqual(Expr column, Expr literal, Table table, String dataName) {
        if (!(column instanceof Expr.Column c) || !(literal instanceof Expr.Str str) || !table.has(c.name())
                || !(table.column(c.name()) instanceof Column.Texts texts) || !warned.add(literal.pos())) {
            return;
        }
        Set<String> values = distinct.computeIfAbsent(texts, t -> new HashSet<>(Arrays.asList(t.values())));
        if (values.contains(str.value())) {
            return;
        }
        diagnostics.add(source.warning(literal.pos(), "no row of data '" + dataName + "' has " + c.name() + " \""
                + str.value() + "\"" + valueHint(str.value(), values.stream().filter(v -> v != null)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)))));
    }

    /** "; did you mean "x"?" when a value is within two edits, else a few of the values. */
    private static String valueHint(String wrong, Set<String> values) {
        String best = values.stream().filter(v -> Suggestions.distance(wrong.toLowerCase(Locale.ROOT),
                        v.toLowerCase(Locale.ROOT)) <= 2)
                .min(Comparator.comparingInt((String v) -> Suggestions.distance(wrong, v)).thenComparing(v -> v))
                .orElse(null);
        if (best != null) {
            return "; did you mean \"" + best + "\"?";
        }
        List<String> some = values.stream().limit(8).map(v -> "\"" + v + "\"").toList();
        return "; it has " + String.join(", ", some) + (values.size() > some.size() ? " and "
                + (values.size() - some.size()) + " more" : "");
    }

    private Type binary(Expr.Binary b, Table table, String dataName) {
        String op = b.op();
        switch (op) {
            case "and", "or" -> {
                Type l = operand(b.left(), table, dataName, Type.BOOLEAN, "each side of '" + op + "'");
                Type r = operand(b.right(), table, dataName, Type.BOOLEAN, "each side of '" + op + "'");
                return l == Type.ERROR || r == Type.ERROR ? Type.ERROR : Type.BOOLEAN;
            }
            case "==", "!=" -> {
                Type l = type(b.left(), table, dataName);
                Type r = type(b.right(), table, dataName);
                if (l == Type.ERROR || r == Type.ERROR) {
                    return Type.ERROR;
                }
                if (l != r || l == Type.BOOLEAN) {
                    diagnostics.add(source.error(b.pos(), "'" + op + "' compares two numbers or two texts, not "
                            + l.description + " with " + r.description + textHint(b, table)));
                    return Type.ERROR;
                }
                neverEqual(b.left(), b.right(), table, dataName);
                neverEqual(b.right(), b.left(), table, dataName);
                return Type.BOOLEAN;
            }
            case "<", "<=", ">", ">=" -> {
                Type l = operand(b.left(), table, dataName, Type.NUMBER, "each side of '" + op + "'");
                Type r = operand(b.right(), table, dataName, Type.NUMBER, "each side of '" + op + "'");
                return l == Type.ERROR || r == Type.ERROR ? Type.ERROR : Type.BOOLEAN;
            }
            default -> {
                Type l = operand(b.left(), table, dataName, Type.NUMBER, "each side of '" + op + "'");
                Type r = operand(b.right(), table, dataName, Type.NUMBER, "each side of '" + op + "'");
                return l == Type.ERROR || r == Type.ERROR ? Type.ERROR : Type.NUMBER;
            }
        }
    }

    private Type operand(Expr e, Table table, String dataName, Type wanted, String what) {
        Type t = type(e, table, dataName);
        if (t != Type.ERROR && t != wanted) {
            String hint = e instanceof Expr.Column c && table.column(c.name()) instanceof Column.Texts texts
                    && texts.firstNonNumber() != null
                    ? " (column '" + c.name() + "' holds text, e.g. " + texts.firstNonNumber() + ")" : "";
            diagnostics.add(source.error(e.pos(), what + " must be " + wanted.description + ", but this is "
                    + t.description + hint));
            if (wanted == Type.NUMBER) {
                cells.report(e, table, what);
            }
            return Type.ERROR;
        }
        return t;
    }

    private static String textHint(Expr.Binary b, Table table) {
        return textHint(List.of(b.left(), b.right()), table);
    }

    private static String textHint(List<Expr> sides, Table table) {
        for (Expr side : sides) {
            if (side instanceof Expr.Column c && table.has(c.name())
                    && table.column(c.name()) instanceof Column.Texts texts && texts.firstNonNumber() != null) {
                return " (column '" + c.name() + "' holds text, e.g. " + texts.firstNonNumber() + ")";
            }
        }
        return "";
    }
}
