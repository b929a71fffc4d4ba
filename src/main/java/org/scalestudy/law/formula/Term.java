package org.scalestudy.law.formula;

import java.util.function.DoubleUnaryOperator;
import org.scalestudy.lang.Functions;

/**
 * A formula compiled for fitting: numbers, parameters (by index into {@code p}), inputs (by index
 * into a row) and arithmetic. Immutable; {@link Derivative} differentiates it symbolically.
 */
public sealed interface Term {
    double eval(double[] p, double[] row);

    record Const(double value) implements Term {
        public double eval(double[] p, double[] row) {
            return value;
        }
    }

    record Param(int index, String name) implements Term {
        public double eval(double[] p, double[] row) {
            return p[index];
        }
    }

    record Input(int index, String name) implements Term {
        public double eval(double[] p, double[] row) {
            return row[index];
        }
    }

    record Neg(Term a) implements Term {
        public double eval(double[] p, double[] row) {
            return -a.eval(p, row);
        }
    }

    record Add(Term a, Term b) implements Term {
        public double eval(double[] p, double[] row) {
            return a.eval(p, row) + b.eval(p, row);
        }
    }

    record Sub(Term a, Term b) implements Term {
        public double eval(double[] p, double[] row) {
            return a.eval(p, row) - b.eval(p, row);
        }
    }

    record Mul(Term a, Term b) implements Term {
        public double eval(double[] p, double[] row) {
            return a.eval(p, row) * b.eval(p, row);
        }
    }

    record Div(Term a, Term b) implements Term {
        public double eval(double[] p, double[] row) {
            return a.eval(p, row) / b.eval(p, row);
        }
    }

    record Pow(Term a, Term b) implements Term {
        public double eval(double[] p, double[] row) {
            return Math.pow(a.eval(p, row), b.eval(p, row));
        }
    }

    /**
     * A function of one argument from the study's function table ({@link Functions}: log, log10, exp, sqrt,
     * abs, sin, cos, atan), or {@code sign}, which only derivatives use.
     *
     * @param f the function itself, looked up once from its name
     */
    record Fn(String name, DoubleUnaryOperator f, Term a) implements Term {
        /** The name of the sign function, which derivatives of abs, min and max use. */
        public static final String SIGN = "sign";

        /** The function called {@code name}. */
        public Fn(String name, Term a) {
            this(name, function(name), a);
        }

        private static DoubleUnaryOperator function(String name) {
            DoubleUnaryOperator f = SIGN.equals(name) ? Math::signum : Functions.unary(name);
            if (f == null) {
                throw new IllegalArgumentException("unknown function " + name);
            }
            return f;
        }

        public double eval(double[] p, double[] row) {
            return f.applyAsDouble(a.eval(p, row));
        }

        /** As a record of name and argument prints itself: a law's spec (its cache key) holds this text. */
        @Override
        public String toString() {
            return "Fn[name=" + name + ", a=" + a + "]";
        }
    }

    /** min or max of two terms. */
    record MinMax(boolean max, Term a, Term b) implements Term {
        public double eval(double[] p, double[] row) {
            return max ? Math.max(a.eval(p, row), b.eval(p, row)) : Math.min(a.eval(p, row), b.eval(p, row));
        }
    }

    /** Whether any parameter with this index occurs in the term. */
    static boolean uses(Term t, int param) {
        if (t instanceof Param p) {
            return p.index() == param;
        } else if (t instanceof Neg n) {
            return uses(n.a(), param);
        } else if (t instanceof Add x) {
            return uses(x.a(), param) || uses(x.b(), param);
        } else if (t instanceof Sub x) {
            return uses(x.a(), param) || uses(x.b(), param);
        } else if (t instanceof Mul x) {
            return uses(x.a(), param) || uses(x.b(), param);
        } else if (t instanceof Div x) {
            return uses(x.a(), param) || uses(x.b(), param);
        } else if (t instanceof Pow x) {
            return uses(x.a(), param) || uses(x.b(), param);
        } else if (t instanceof Fn f) {
            return uses(f.a(), param);
        } else if (t instanceof MinMax m) {
            return uses(m.a(), param) || uses(m.b(), param);
        }
        return false;
    }
}
