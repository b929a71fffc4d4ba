package org.scalestudy.check;

import org.scalestudy.data.Functions;
import org.scalestudy.lang.ast.Expr;

/** Folds an expression made only of numbers (and {@code inf}, {@code pi}) to its value. */
final class Constants {
    private Constants() {
    }

    /** The value of an expression made only of numbers (and {@code inf}, {@code pi}), or null. */
    static Double of(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Column c && c.name().equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (e instanceof Expr.Column c && Functions.constant(c.name()) != null) {
            return Functions.constant(c.name());
        }
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            Double v = of(u.operand());
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Binary b && "+-*/^".contains(b.op())) {
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
        return null;
    }
}
