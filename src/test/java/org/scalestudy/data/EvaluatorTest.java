package org.scalestudy.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;

class EvaluatorTest {
    static final Table TABLE = table();

    static Table table() {
        try {
            return CsvReader.read("N,D,task,acc\n1e8,2e9,a,0.5\n4e8,8e9,b,\n");
        } catch (DataError e) {
            throw new AssertionError(e);
        }
    }

    static Expr expr(String text) throws Exception {
        var study = StudyParsing.parse(new SourceFile("t", null, "study \"t\" { data d = csv(\"x\") { let e = "
                + text + " } }"));
        return ((DataStep.Let) study.data().get(0).steps().get(0)).expr();
    }

    double[] numbers(String text) throws Exception {
        return ((Value.Numbers) Evaluator.eval(expr(text), TABLE)).values();
    }

    boolean[] booleans(String text) throws Exception {
        return ((Value.Booleans) Evaluator.eval(expr(text), TABLE)).values();
    }

    @Test
    void arithmeticAndFunctions() throws Exception {
        // 6 N D for the two rows: 6 * 1e8 * 2e9 = 1.2e18 and 6 * 4e8 * 8e9 = 1.92e19.
        assertArrayEquals(new double[] {1.2e18, 1.92e19}, numbers("6 * N * D"), 1e3);
        // D / N = 20 in both rows, exactly (both are integers and 20 is representable).
        assertArrayEquals(new double[] {20, 20}, numbers("D / N"));
        // log10(1e8) = 8; exp(log(x)) = x; 2^3^2 = 2^9 = 512; -2^2 = -4.
        assertEquals(8.0, numbers("log10(N)")[0], 1e-12);
        assertEquals(4e8, numbers("exp(log(N))")[1], 1e-4);
        assertEquals(512.0, numbers("2 ^ 3 ^ 2")[0]);
        assertEquals(-4.0, numbers("-2 ^ 2")[0]);
        assertArrayEquals(new double[] {1e8, 4e8}, numbers("min(N, D)"));
        assertArrayEquals(new double[] {3, 3}, numbers("sqrt(abs(-9))"));
        // pi is a constant; sin(pi / 6) = 1/2, cos(pi) = -1, atan(1) = pi / 4 (to rounding)
        assertEquals(Math.PI, numbers("pi")[0]);
        assertEquals(0.5, numbers("sin(pi / 6)")[1], 1e-15);
        assertEquals(-1.0, numbers("cos(pi)")[0]);
        assertEquals(Math.PI / 4, numbers("atan(1)")[0]);
    }

    @Test
    void conditionsWithTextAndMissingValues() throws Exception {
        assertArrayEquals(new boolean[] {true, false}, booleans("task == \"a\""));
        assertArrayEquals(new boolean[] {false, true}, booleans("not (task == \"a\") and N > 1e8"));
        // acc is missing in row 2: every comparison with it is false, including '!='.
        assertArrayEquals(new boolean[] {true, false}, booleans("acc >= 0 or acc != 0.5"));
        assertArrayEquals(new boolean[] {false, false}, booleans("acc != 0.5"));
    }

    @Test
    void membershipAndMissingValues() throws Exception {
        assertArrayEquals(new boolean[] {true, true}, booleans("task in (\"a\", \"b\")"));
        assertArrayEquals(new boolean[] {false, true}, booleans("task not in (\"a\", \"c\")"));
        // numbers compare by value; options may be expressions of the row (D / N is 20 in both rows)
        assertArrayEquals(new boolean[] {false, true}, booleans("N in (2e8, 4e8)"));
        assertArrayEquals(new boolean[] {true, true}, booleans("D / N in (N / 5e6, 20)"));
        // acc is missing in row 2: it is in no list, and, like any comparison with it, 'not in' is false too
        assertArrayEquals(new boolean[] {true, false}, booleans("acc in (0.5, 1)"));
        assertArrayEquals(new boolean[] {true, false}, booleans("acc not in (0.25, 1)"));
    }
}
