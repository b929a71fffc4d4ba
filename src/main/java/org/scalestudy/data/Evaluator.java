package org.scalestudy.data;

import java.util.Objects;
import org.scalestudy.lang.Functions;
import org.scalestudy.lang.ast.Expr;

/**
 * Evaluates a type-checked expression over every row of a table at once. Arithmetic follows IEEE
 * 754: log of a negative number is NaN, and callers decide whether a NaN is an error.
 */
public final class Evaluator implements Expr.Visitor<Value> {
    private final Table table;
    private final int n;

    private Evaluator(Table table) {
        this.table = table;
        this.n = table.rows();
    }

    public static Value eval(Expr expr, Table table) {
        return expr.accept(new Evaluator(table));
    }

    private Value eval(Expr expr) {
        return expr.accept(this);
    }

    @Override
    public Value visitNum(Expr.Num num) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, num.value());
        return new Value.Numbers(out);
    }

    @Override
    public Value visitStr(Expr.Str str) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, str.value());
        return new Value.Texts(out);
    }

    @Override
    public Value visitColumn(Expr.Column col) {
        Double constant = Functions.constant(col.name());
        if (constant != null) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, constant);
            return new Value.Numbers(out);
        }
        Column c = table.column(col.name());
        return c instanceof Column.Numbers nums ? new Value.Numbers(nums.values())
                : new Value.Texts(((Column.Texts) c).values());
    }

    @Override
    public Value visitUnary(Expr.Unary u) {
        Value v = eval(u.operand());
        if (u.op().equals("-")) {
            double[] in = ((Value.Numbers) v).values();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = -in[i];
            }
            return new Value.Numbers(out);
        }
        boolean[] in = ((Value.Booleans) v).values();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = !in[i];
        }
        return new Value.Booleans(out);
    }

    @Override
    public Value visitBinary(Expr.Binary b) {
        return binary(b.op(), eval(b.left()), eval(b.right()), n);
    }

    @Override
    public Value visitCall(Expr.Call call) {
        if (call.function().equals(Functions.PRESENT)) {
            Value v = eval(call.args().get(0));
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = v instanceof Value.Numbers nums ? !Double.isNaN(nums.values()[i])
                        : ((Value.Texts) v).values()[i] != null && !((Value.Texts) v).values()[i].isEmpty();
            }
            return new Value.Booleans(out);
        }
        if (call.args().size() == 1) {
            var f = Functions.unary(call.function());
            double[] in = numbers(eval(call.args().get(0)));
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(in[i]);
            }
            return new Value.Numbers(out);
        }
        var f = Functions.binary(call.function());
        double[] a = numbers(eval(call.args().get(0)));
        double[] c = numbers(eval(call.args().get(1)));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsDouble(a[i], c[i]);
        }
        return new Value.Numbers(out);
    }

    @Override
    public Value visitLookup(Expr.Lookup lookup) {
        String[] keys = ((Value.Texts) eval(lookup.key())).values();
        // a key the table lacks gives a missing value; LookupKeys reports it for the rows in use
        if (lookup.entries().holdsText()) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = keys[i] == null ? null : lookup.entries().texts().get(keys[i]);
            }
            return new Value.Texts(out);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = keys[i] == null ? Double.NaN : lookup.entries().numbers().getOrDefault(keys[i], Double.NaN);
        }
        return new Value.Numbers(out);
    }

    /** {@code x in (a, b, ...)}: true where x equals one of the options; a comparison with a missing x is false. */
    @Override
    public Value visitIn(Expr.In in) {
        Value value = eval(in.value());
        boolean[] out = new boolean[n];
        for (Expr option : in.options()) {
            Value o = eval(option);
            if (value instanceof Value.Texts texts) {
                String[] a = texts.values();
                String[] b = ((Value.Texts) o).values();
                for (int i = 0; i < n; i++) {
                    out[i] |= a[i] != null && a[i].equals(b[i]);
                }
            } else {
                double[] a = numbers(value);
                double[] b = numbers(o);
                for (int i = 0; i < n; i++) {
                    out[i] |= a[i] == b[i];
                }
            }
        }
        if (in.negated()) { // like any comparison, false for a missing value
            for (int i = 0; i < n; i++) {
                out[i] = !out[i] && (value instanceof Value.Texts t ? t.values()[i] != null
                        : !Double.isNaN(numbers(value)[i]));
            }
        }
        return new Value.Booleans(out);
    }

    private static double[] numbers(Value v) {
        return ((Value.Numbers) v).values();
    }

    private static Value binary(String op, Value left, Value right, int n) {
        switch (op) {
            case "and", "or" -> {
                boolean[] a = ((Value.Booleans) left).values();
                boolean[] b = ((Value.Booleans) right).values();
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = op.equals("and") ? a[i] && b[i] : a[i] || b[i];
                }
                return new Value.Booleans(out);
            }
            case "==", "!=" -> {
                if (left instanceof Value.Texts lt) {
                    String[] a = lt.values();
                    String[] b = ((Value.Texts) right).values();
                    boolean[] out = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = Objects.equals(a[i], b[i]) == op.equals("==");
                    }
                    return new Value.Booleans(out);
                }
                return compare(op, numbers(left), numbers(right), n);
            }
            case "<", "<=", ">", ">=" -> {
                return compare(op, numbers(left), numbers(right), n);
            }
            default -> {
                double[] a = numbers(left);
                double[] b = numbers(right);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = switch (op) {
                        case "+" -> a[i] + b[i];
                        case "-" -> a[i] - b[i];
                        case "*" -> a[i] * b[i];
                        case "/" -> a[i] / b[i];
                        case "^" -> Math.pow(a[i], b[i]);
                        default -> throw new IllegalStateException("unhandled operator " + op);
                    };
                }
                return new Value.Numbers(out);
            }
        }
    }

    /** Comparisons with a missing (NaN) operand are false, so a window never selects a missing value. */
    private static Value compare(String op, double[] a, double[] b, int n) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (op) {
                case "<" -> a[i] < b[i];
                case "<=" -> a[i] <= b[i];
                case ">" -> a[i] > b[i];
                case ">=" -> a[i] >= b[i];
                case "==" -> a[i] == b[i];
                default -> !Double.isNaN(a[i]) && !Double.isNaN(b[i]) && a[i] != b[i];
            };
        }
        return new Value.Booleans(out);
    }
}
