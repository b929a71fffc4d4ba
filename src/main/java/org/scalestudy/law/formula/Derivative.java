package org.scalestudy.law.formula;

/**
 * Symbolic differentiation of a {@link Term} with respect to one parameter, simplifying as it
 * goes (x·0 = 0, x·1 = x, x + 0 = x, constants folded), so the optimiser gets exact gradients
 * without finite differences.
 */
public final class Derivative {
    private Derivative() {
    }

    /** d t / d p[param]. */
    public static Term of(Term t, int param) {
        if (!Term.uses(t, param)) {
            return new Term.Const(0);
        }
        if (t instanceof Term.Param) {
            return new Term.Const(1); // uses() is true, so this is the parameter itself
        } else if (t instanceof Term.Neg n) {
            return neg(of(n.a(), param));
        } else if (t instanceof Term.Add x) {
            return add(of(x.a(), param), of(x.b(), param));
        } else if (t instanceof Term.Sub x) {
            return sub(of(x.a(), param), of(x.b(), param));
        } else if (t instanceof Term.Mul x) {
            return add(mul(of(x.a(), param), x.b()), mul(x.a(), of(x.b(), param)));
        } else if (t instanceof Term.Div x) {
            // (a/b)' = a'/b - a b' / b^2
            return sub(div(of(x.a(), param), x.b()),
                    div(mul(x.a(), of(x.b(), param)), mul(x.b(), x.b())));
        } else if (t instanceof Term.Pow x) {
            Term da = of(x.a(), param);
            Term db = of(x.b(), param);
            // (a^b)' = b a^(b-1) a' + a^b log(a) b'
            Term left = isZero(da) ? new Term.Const(0)
                    : mul(mul(x.b(), pow(x.a(), sub(x.b(), new Term.Const(1)))), da);
            Term right = isZero(db) ? new Term.Const(0) : mul(mul(x, new Term.Fn("log", x.a())), db);
            return add(left, right);
        } else if (t instanceof Term.Fn f) {
            Term da = of(f.a(), param);
            Term outer = switch (f.name()) {
                case "log" -> div(new Term.Const(1), f.a());
                case "log10" -> div(new Term.Const(1), mul(f.a(), new Term.Const(Math.log(10))));
                case "exp" -> f;
                case "sqrt" -> div(new Term.Const(0.5), f);
                case "abs" -> new Term.Fn("sign", f.a());
                case "sign" -> new Term.Const(0);
                case "sin" -> new Term.Fn("cos", f.a());
                case "cos" -> neg(new Term.Fn("sin", f.a()));
                case "atan" -> div(new Term.Const(1), add(new Term.Const(1), mul(f.a(), f.a())));
                default -> throw new IllegalStateException("unknown function " + f.name());
            };
            return mul(outer, da);
        } else if (t instanceof Term.MinMax m) {
            // The derivative of the branch that is taken (a subgradient at ties).
            Term da = of(m.a(), param);
            Term db = of(m.b(), param);
            return new Branch(m.max(), m.a(), m.b(), da, db).asTerm();
        }
        throw new IllegalStateException("unhandled term " + t);
    }

    /** d max(a,b) = (a >= b ? da : db), written with sign(): ((1 + s) da + (1 - s) db) / 2 at s = sign(a - b). */
    private record Branch(boolean max, Term a, Term b, Term da, Term db) {
        Term asTerm() {
            Term s = new Term.Fn("sign", max ? sub(a, b) : sub(b, a));
            Term one = new Term.Const(1);
            return div(add(mul(add(one, s), da), mul(sub(one, s), db)), new Term.Const(2));
        }
    }

    static boolean isZero(Term t) {
        return t instanceof Term.Const c && c.value() == 0;
    }

    static boolean isOne(Term t) {
        return t instanceof Term.Const c && c.value() == 1;
    }

    static Term neg(Term a) {
        return a instanceof Term.Const c ? new Term.Const(-c.value()) : new Term.Neg(a);
    }

    static Term add(Term a, Term b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (a instanceof Term.Const x && b instanceof Term.Const y) {
            return new Term.Const(x.value() + y.value());
        }
        return new Term.Add(a, b);
    }

    static Term sub(Term a, Term b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        if (a instanceof Term.Const x && b instanceof Term.Const y) {
            return new Term.Const(x.value() - y.value());
        }
        return new Term.Sub(a, b);
    }

    static Term mul(Term a, Term b) {
        if (isZero(a) || isZero(b)) {
            return new Term.Const(0);
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Term.Const x && b instanceof Term.Const y) {
            return new Term.Const(x.value() * y.value());
        }
        return new Term.Mul(a, b);
    }

    static Term div(Term a, Term b) {
        if (isZero(a)) {
            return new Term.Const(0);
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Term.Const x && b instanceof Term.Const y) {
            return new Term.Const(x.value() / y.value());
        }
        return new Term.Div(a, b);
    }

    static Term pow(Term a, Term b) {
        if (isZero(b)) {
            return new Term.Const(1);
        }
        if (isOne(b)) {
            return a;
        }
        return new Term.Pow(a, b);
    }
}
