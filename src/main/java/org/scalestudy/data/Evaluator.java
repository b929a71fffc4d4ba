package org.scalestudy.data;

import java.util.Objects;
import org.scalestudy.lang.ast.Expr;

/**
 * Evaluates a type-checked expression over every row of a table at once. Arithmetic follows IEEE
 * 754: log of a negative number is NaN, and callers decide whether a NaN is an error.
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static Value eval(Expr expr, Table table) {
        int n = table.rows();
        if (expr instanceof Expr.Num num) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, num.value());
            return new Value.Numbers(out);
        } else if (expr instanceof Expr.Str str) {
            String[] out = new String[n];
            java.util.Arrays.fill(out, str.value());
            return new Value.Texts(out);
        } else if (expr instanceof Expr.Column col) {
            Double constant = Functions.constant(col.name());
            if (constant != null) {
                double[] out = new double[n];
                java.util.Arrays.fill(out, constant);
                return new Value.Numbers(out);
            }
            Column c = table.column(col.name());
            return c instanceof Column.Numbers nums ? new Value.Numbers(nums.values())
                    : new Value.Texts(((Column.Texts) c).values());
        } else if (expr instanceof Expr.Unary u) {
            Value v = eval(u.operand(), table);
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
        } else if (expr instanceof Expr.Binary b) {
            return binary(b.op(), eval(b.left(), table), eval(b.right(), table), n);
        } else if (expr instanceof Expr.Call call && call.function().equals(Functions.PRESENT)) {
            Value v = eval(call.args().get(0), table);
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = v instanceof Value.Numbers nums ? !Double.isNaN(nums.values()[i])
                        : ((Value.Texts) v).values()[i] != null && !((Value.Texts) v).values()[i].isEmpty();
            }
            return new Value.Booleans(out);
        } else if (expr instanceof Expr.Call call) {
            if (call.args().size() == 1) {
                var f = Functions.unary(call.function());
                double[] in = numbers(eval(call.args().get(0), table));
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = f.applyAsDouble(in[i]);
                }
                return new Value.Numbers(out);
            }
            var f = Functions.binary(call.function());
            double[] a = numbers(eval(call.args().get(0), table));
            double[] c = numbers(eval(call.args().get(1), table));
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], c[i]);
            }
            return new Value.Numbers(out);
        } else if (expr instanceof Expr.Lookup lookup) {
            String[] keys = ((Value.Texts) eval(lookup.key(), table)).values();
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
        } else if (expr instanceof Expr.In in) {
            return in(in, table);
        }
        throw new IllegalStateException("unhandled expression " + expr);
    }

    /** {@code x in (a, b, ...)}: true where x equals one of the options; a comparison with a missing x is false. */
    private static Value in(Expr.In in, Table table) {
        int n = table.rows();
        Value value = eval(in.value(), table);
        boolean[] out = new boolean[n];
        for (Expr option : in.options()) {
            Value o = eval(option, table);
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
