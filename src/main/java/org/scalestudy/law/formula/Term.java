package org.scalestudy.law.formula;

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

    /** A function of one argument: log, log10, exp, sqrt, abs, sin, cos, atan (and sign, for derivatives). */
    record Fn(String name, Term a) implements Term {
        public double eval(double[] p, double[] row) {
            double x = a.eval(p, row);
            return switch (name) {
                case "log" -> Math.log(x);
                case "log10" -> Math.log10(x);
                case "exp" -> Math.exp(x);
                case "sqrt" -> Math.sqrt(x);
                case "abs" -> Math.abs(x);
                case "sign" -> Math.signum(x);
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "atan" -> Math.atan(x);
                default -> throw new IllegalStateException("unknown function " + name);
            };
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
