package org.scalestudy.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.Study;
import org.scalestudy.testsupport.StudyErrors;

class StudyParsingTest {

    static Study parse(String text) throws DiagnosticException {
        return StudyParsing.parse(new SourceFile("t.study", null, text));
    }

    static List<Diagnostic> errors(String text) {
        return StudyErrors.of(() -> parse(text));
    }

    @Test
    void parsesEveryKindOfItem() throws Exception {
        Study s = parse("""
                # a comment
                study "Title \\"quoted\\"" {
                  description "Desc"
                  data d = csv("x.csv") {
                    let C = 6 * params * tokens   # trailing comment
                    where C > 1e18
                  }
                  law a = direct_power(x: C, y: acc, baseline: 0.25)
                  fit a to d by task, rep where task != "loss" window C <= 6e21 holdout C > 6e21
                  report { chart scaling, residuals  table errors; }
                }
                """);
        assertEquals("Title \"quoted\"", s.title());
        assertEquals("Desc", s.description());
        assertEquals(1, s.data().size());
        assertEquals("x.csv", s.data().get(0).path());
        assertEquals(2, s.data().get(0).steps().size());
        DataStep.Let let = assertInstanceOf(DataStep.Let.class, s.data().get(0).steps().get(0));
        assertEquals("C", let.name().text());
        // '6 * params * tokens' is left-associative: (6 * params) * tokens.
        Expr.Binary top = assertInstanceOf(Expr.Binary.class, let.expr());
        assertEquals("*", top.op());
        assertInstanceOf(Expr.Binary.class, top.left());
        assertEquals("tokens", assertInstanceOf(Expr.Column.class, top.right()).name());
        LawDecl law = assertInstanceOf(LawDecl.class, s.laws().get(0));
        assertEquals(3, law.args().size());
        assertEquals("0.25", law.args().get(2).text());
        FitDecl fit = s.fits().get(0);
        assertEquals(List.of("task", "rep"), fit.groupBy().stream().map(n -> n.text()).toList());
        assertEquals(9, fit.pos().line());
        assertEquals(List.of("scaling", "residuals"), s.report().charts().stream().map(n -> n.text()).toList());
        assertEquals(List.of("errors"), s.report().tables().stream().map(n -> n.text()).toList());
    }

    @Test
    void precedenceFollowsMathematics() throws Exception {
        Study s = parse("study \"t\" { data d = csv(\"x\") { let y = -a^2 + b * c ^ 2 ^ 3 } }");
        Expr e = ((DataStep.Let) s.data().get(0).steps().get(0)).expr();
        // -a^2 + (b * (c ^ (2 ^ 3))): unary minus binds looser than ^, ^ is right-associative.
        Expr.Binary plus = assertInstanceOf(Expr.Binary.class, e);
        assertEquals("+", plus.op());
        Expr.Unary neg = assertInstanceOf(Expr.Unary.class, plus.left());
        assertEquals("^", assertInstanceOf(Expr.Binary.class, neg.operand()).op());
        Expr.Binary times = assertInstanceOf(Expr.Binary.class, plus.right());
        assertEquals("*", times.op());
        Expr.Binary pow = assertInstanceOf(Expr.Binary.class, times.right());
        assertEquals("^", pow.op());
        assertEquals("^", assertInstanceOf(Expr.Binary.class, pow.right()).op());
    }

    @Test
    void missingReportIsNullAndDescriptionEmpty() throws Exception {
        Study s = parse("study \"t\" { }");
        assertNull(s.report());
        assertEquals("", s.description());
    }

    @Test
    void syntaxErrorNamesLineColumnAndWhatWasExpected() {
        List<Diagnostic> d = errors("study \"t\" {\n  law a = direct_power(x: C\n  fit a to d\n}\n");
        assertEquals(1, d.size());
        // The ')' is missing: the parser meets 'fit' at line 3, column 3.
        assertEquals(3, d.get(0).line());
        assertEquals(3, d.get(0).column());
        assertEquals("unexpected 'fit'; expected ')'", d.get(0).message());
        assertEquals("t.study:3:3: error: " + d.get(0).message() + "\n    fit a to d\n    ^", d.get(0).format());
    }

    @Test
    void unknownItemKeywordListsTheValidOnes() {
        List<Diagnostic> d = errors("study \"t\" {\n  lwa a = x()\n}");
        assertEquals(2, d.get(0).line());
        assertEquals(3, d.get(0).column());
        assertEquals("unexpected name 'lwa'; expected one of 'data', 'description', 'fit', 'law', 'narrative', 'report', 'table', '}'",
                d.get(0).message());
    }

    @Test
    void unterminatedStringIsNamed() {
        List<Diagnostic> d = errors("study \"t {\n}\n");
        assertEquals(1, d.get(0).line());
        assertEquals(7, d.get(0).column());
        assertEquals("unterminated string: a string ends with \" on the same line, and its only escapes are"
                + " \\\" \\\\ \\n \\t", d.get(0).message());
    }

    @Test
    void strayCharacterAndEndOfFile() {
        List<Diagnostic> d = errors("study \"t\" {\n  data d = csv(\"x\") { let y = a $ b }\n");
        // '$' (line 2, column 33) is not part of the language; then the file ends inside the study.
        assertEquals(2, d.size());
        assertEquals(2, d.get(0).line());
        assertEquals(33, d.get(0).column());
        assertEquals("unexpected character '$'; expected one of 'let', 'where', '}'", d.get(0).message());
        assertEquals(3, d.get(1).line());
        assertEquals("unexpected end of file; expected one of 'data', 'description', 'fit', 'law', 'narrative', 'report', 'table', '}'",
                d.get(1).message());
    }

    @Test
    void repeatedClausesAreReportedTogether() {
        List<Diagnostic> d = errors("""
                study "t" {
                  description "a"
                  description "b"
                  fit a to d where x > 1 where x < 2
                  report { } report { }
                }""");
        assertEquals(3, d.size());
        assertEquals("a study has one description; the first is at line 2", d.get(0).message());
        assertEquals(3, d.get(0).line());
        assertEquals("this fit already has a 'where' clause (line 4); join conditions with 'and'", d.get(1).message());
        assertEquals(26, d.get(1).column());
        assertEquals("a study has one report block; the first is at line 5", d.get(2).message());
        assertEquals(14, d.get(2).column());
    }
}
