package org.scalestudy.check;

import java.util.List;
import java.util.Map;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.Functions;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.law.formula.Term;

/**
 * Compiles the arithmetic of a custom law's formula (and its observed value, weight and x) to a {@link Term}
 * for the optimiser: numbers and constants, parameters by index, data columns by index into a row,
 * + - * / ^, minus signs and the functions of {@link Functions}. Reports what is not arithmetic.
 */
final class FormulaCompiler implements Expr.Visitor<Term> {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final List<String> params;
    private final Map<String, Integer> inputs;

    /**
     * @param params the law's parameters, in order
     * @param inputs the data columns the law reads, by their index in a row
     */
    FormulaCompiler(SourceFile source, List<Diagnostic> diagnostics, List<String> params,
                    Map<String, Integer> inputs) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.params = params;
        this.inputs = inputs;
    }

    Term compile(Expr e) {
        return e.accept(this);
    }

    @Override
    public Term visitNum(Expr.Num n) {
        return new Term.Const(n.value());
    }

    @Override
    public Term visitColumn(Expr.Column c) {
        if (Functions.constant(c.name()) != null) {
            return new Term.Const(Functions.constant(c.name()));
        }
        int p = params.indexOf(c.name());
        return p >= 0 ? new Term.Param(p, c.name()) : new Term.Input(inputs.get(c.name()), c.name());
    }

    @Override
    public Term visitUnary(Expr.Unary u) {
        return u.op().equals("-") ? new Term.Neg(compile(u.operand())) : notArithmetic(u);
    }

    @Override
    public Term visitBinary(Expr.Binary b) {
        if (!"+-*/^".contains(b.op())) {
            return notArithmetic(b);
        }
        Term l = compile(b.left());
        Term r = compile(b.right());
        return switch (b.op()) {
            case "+" -> new Term.Add(l, r);
            case "-" -> new Term.Sub(l, r);
            case "*" -> new Term.Mul(l, r);
            case "/" -> new Term.Div(l, r);
            default -> new Term.Pow(l, r);
        };
    }

    @Override
    public Term visitCall(Expr.Call call) {
        int arity = call.function().equals(Functions.PRESENT) ? -1 : Functions.arity(call.function()); // no condition in a formula
        if (arity < 0 || arity != call.args().size()) {
            diagnostics.add(source.error(call.pos(), arity < 0
                    ? "unknown function '" + call.function() + "'" + Suggestions.hint(call.function(),
                    Functions.names())
                    : call.function() + " takes " + arity + " argument" + (arity == 1 ? "" : "s")));
            return new Term.Const(Double.NaN);
        }
        if (arity == 2) {
            return new Term.MinMax(call.function().equals("max"), compile(call.args().get(0)),
                    compile(call.args().get(1)));
        }
        return new Term.Fn(call.function(), compile(call.args().get(0)));
    }

    @Override
    public Term visitStr(Expr.Str e) {
        return notArithmetic(e);
    }

    @Override
    public Term visitIn(Expr.In e) {
        return notArithmetic(e);
    }

    @Override
    public Term visitLookup(Expr.Lookup e) {
        return notArithmetic(e);
    }

    private Term notArithmetic(Expr e) {
        diagnostics.add(source.error(e.pos(), "a law's formula is arithmetic (numbers, names, + - * / ^ and"
                + " functions); this is not"));
        return new Term.Const(Double.NaN);
    }
}
