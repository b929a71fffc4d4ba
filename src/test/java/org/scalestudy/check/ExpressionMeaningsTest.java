package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.Evaluator;
import org.scalestudy.data.Table;
import org.scalestudy.data.Value;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.Functions;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.law.formula.Term;

/**
 * The three meanings of an expression (a data step over a table, a constant, a custom law's term) share one
 * function table, {@link Functions}, so they agree to the last bit.
 */
class ExpressionMeaningsTest {
    private static final SourceFile SOURCE = new SourceFile("t", null, "");

    static Expr expr(String text) throws Exception {
        var study = StudyParsing.parse(new SourceFile("t", null, "study \"t\" { data d = csv(\"x\") { let e = "
                + text + " } }"));
        return ((DataStep.Let) study.data().get(0).steps().get(0)).expr();
    }

    @Test
    void aDataStepAndALawTermComputeEveryFunctionAlike() throws Exception {
        Table table = CsvReader.read("x,y\n0.7,3\n");
        double x = 0.7;
        double y = 3;
        for (String name : Functions.names()) {
            int arity = Functions.arity(name);
            if (name.equals(Functions.PRESENT)) {
                continue; // a condition, not a number: no law term has it
            }
            String call = name + (arity == 1 ? "(x)" : "(x, y)");
            double step = ((Value.Numbers) Evaluator.eval(expr(call), table)).values()[0];
            List<Diagnostic> diagnostics = new ArrayList<>();
            Term term = new FormulaCompiler(SOURCE, diagnostics, List.of(), Map.of("x", 0, "y", 1))
                    .compile(expr(call));
            double law = term.eval(new double[0], new double[] {x, y});
            // The independent value: java.lang.Math's own function of that name.
            double expected = switch (name) {
                case "log" -> Math.log(x);
                case "log10" -> Math.log10(x);
                case "exp" -> Math.exp(x);
                case "sqrt" -> Math.sqrt(x);
                case "abs" -> Math.abs(x);
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "atan" -> Math.atan(x);
                case "min" -> Math.min(x, y);
                case "max" -> Math.max(x, y);
                default -> throw new AssertionError("a function this test does not know: " + name);
            };
            assertEquals(List.of(), diagnostics, call);
            assertEquals(expected, step, 0.0, call + " in a data step");
            assertEquals(expected, law, 0.0, call + " in a law's term");
        }
    }

    @Test
    void constantsFoldArithmeticOnly() throws Exception {
        // Each fold is the same double arithmetic Java does; 2 ^ 10 = 1024 exactly.
        assertEquals(2 * 5e22, Constants.of(expr("2 * 5e22")));
        assertEquals(-Math.PI / 2, Constants.of(expr("-pi / 2")));
        assertEquals(Double.POSITIVE_INFINITY, Constants.of(expr("inf")));
        assertEquals(Double.NEGATIVE_INFINITY, Constants.of(expr("-inf")));
        assertEquals(1024.0, Constants.of(expr("2 ^ 10")));
        assertNull(Constants.of(expr("log(2)")), "a call is not a constant");
        assertNull(Constants.of(expr("N * 2")), "a column is not a constant");
        assertNull(Constants.of(expr("1 < 2")), "a comparison is not a constant");
    }

    @Test
    void aLawTermPrintsAsItsRecordSoItsSpecIsStable() {
        // A custom law's spec, and so its cache key, holds the term's text: the looked-up function must not
        // show in it (a lambda prints its address, which changes from run to run).
        Term t = new Term.Fn("log", new Term.Input(0, "C"));
        assertEquals("Fn[name=log, a=Input[index=0, name=C]]", t.toString());
        assertEquals(Math.signum(-2.5), new Term.Fn(Term.Fn.SIGN, new Term.Const(-2.5)).eval(null, null));
        assertThrows(IllegalArgumentException.class, () -> new Term.Fn("tan", new Term.Const(1)));
    }

    @Test
    void aConditionInALawIsNotArithmetic() throws Exception {
        List<Diagnostic> diagnostics = new ArrayList<>();
        new FormulaCompiler(SOURCE, diagnostics, List.of("a"), Map.of()).compile(expr("a < 2"));
        assertEquals(List.of("a law's formula is arithmetic (numbers, names, + - * / ^ and functions); this is not"),
                diagnostics.stream().map(Diagnostic::message).toList());
    }
}
