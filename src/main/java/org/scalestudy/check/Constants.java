package org.scalestudy.check;

import org.scalestudy.lang.Functions;
import org.scalestudy.lang.ast.Expr;

/**
 * Folds an expression made only of numbers (and {@code inf}, {@code pi}), minus signs and + - * / ^ to
 * its value: law options, bounds and starts, targets, reader arguments. Anything else is not a constant.
 */
final class Constants implements Expr.Visitor<Double> {
    private static final Constants FOLD = new Constants();

    private Constants() {
    }

    /** The value of an expression made only of numbers (and {@code inf}, {@code pi}), or null. */
    static Double of(Expr e) {
        return e.accept(FOLD);
    }

    @Override
    public Double visitNum(Expr.Num e) {
        return e.value();
    }

    @Override
    public Double visitColumn(Expr.Column c) {
        if (c.name().equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        return Functions.constant(c.name()); // null for a column: not a constant
    }

    @Override
    public Double visitUnary(Expr.Unary u) {
        if (!u.op().equals("-")) {
            return null;
        }
        Double v = of(u.operand());
        return v == null ? null : -v;
    }

    @Override
    public Double visitBinary(Expr.Binary b) {
        if (!"+-*/^".contains(b.op())) {
            return null;
        }
        Double l = of(b.left());
        Double r = of(b.right());
        if (l == null || r == null) {
            return null;
        }
        return switch (b.op()) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            default -> Math.pow(l, r);
        };
    }

    @Override
    public Double visitStr(Expr.Str e) {
        return null;
    }

    @Override
    public Double visitIn(Expr.In e) {
        return null;
    }

    @Override
    public Double visitCall(Expr.Call e) {
        return null;
    }

    @Override
    public Double visitLookup(Expr.Lookup e) {
        return null;
    }
}
