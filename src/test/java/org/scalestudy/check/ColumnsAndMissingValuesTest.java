package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.results.SkippedGroup;

/**
 * Quoted column names, the one missing-value rule ({@code present(x)}, {@code drop missing}, the error naming
 * the data lines, a text cell reported at the cell) and {@code min runs N}, through the checker.
 */
class ColumnsAndMissingValuesTest {
    /**
     * Two families: "a" with four models on the direct law acc = exp(-A C^-alpha), A = 30, alpha = 0.06 (so
     * log(-log acc) = log 30 - 0.06 log C exactly), "b b" with two; one model of "a" has no FLOPs.
     */
    static final String TABLE = String.join("\n",
            "Model,Model Family,FLOPs (1E21),ARC-C,tok",
            "m1,a," + "1,"  + acc(1e21) + ",1",
            "m2,a," + "10," + acc(1e22) + ",",
            "m3,a," + "100," + acc(1e23) + ",NA",
            "m4,a,," + acc(1e24) + ",1",
            "m5,a," + "1000," + acc(1e24) + ",1",
            "n1,b b,1," + acc(1e21) + ",1",
            "n2,b b,10," + acc(1e22) + ",1",
            "");

    static String acc(double c) {
        return Double.toString(Math.exp(-30 * Math.pow(c, -0.06)));
    }

    @TempDir
    Path dir;

    CheckedStudy check(String study) throws Exception {
        Files.writeString(dir.resolve("t.csv"), TABLE);
        Path file = dir.resolve("t.study");
        Files.writeString(file, study);
        SourceFile source = SourceFile.read(file, "t.study");
        return Checker.check(source, StudyParsing.parse(source), "t");
    }

    List<String> diagnostics(String study, Diagnostic.Severity severity) {
        List<Diagnostic> all;
        try {
            all = check(study).warnings();
        } catch (DiagnosticException e) {
            all = e.diagnostics();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return all.stream().filter(d -> d.severity() == severity)
                .map(d -> Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column() + " " + d.message())
                .toList();
    }

    static String study(String data, String fit) {
        return "study \"t\" {\n"
                + "  data d = csv(\"t.csv\", run: \"Model\") {\n" + data + "\n  }\n"
                + "  law l = direct_power(x: flops, y: \"ARC-C\")\n"
                + "  fit l to d " + fit + "\n}\n";
    }

    @Test
    void quotedNamesWorkWhereverANameDoes() throws Exception {
        CheckedStudy s = check(study("    where present(\"FLOPs (1E21)\") and \"FLOPs (1E21)\" > 0\n"
                + "    let flops = \"FLOPs (1E21)\" * 1e21", "by \"Model Family\""));
        assertEquals(2, s.tasks().size());
        FitTask a = s.tasks().get(0);
        assertEquals("Model Family=a", a.group());
        assertEquals(List.of("m1", "m2", "m3", "m5"), a.ids(), "m4 has no FLOPs and is dropped by where");
        // Rows {x, y, baseline}: x = FLOPs (1E21) * 1e21, y = ARC-C as written.
        assertArrayEquals(new double[] {1e22, Double.parseDouble(acc(1e22)), 0}, a.rows()[1]);
        assertEquals("Model Family=b b", s.tasks().get(1).group());
    }

    @Test
    void aStringOnTheRightOfAComparisonIsTextAndOnTheLeftAColumn() throws Exception {
        // "b b" on the right is text: it drops family "b b", although no column has that name.
        CheckedStudy s = check(study("    where \"Model Family\" != \"b b\" and present(\"FLOPs (1E21)\")\n"
                + "    let flops = \"FLOPs (1E21)\" * 1e21", ""));
        assertEquals(List.of("m1", "m2", "m3", "m5"), s.tasks().get(0).ids());
        // On the left a quoted string names a column, so the text written first is an unknown column here.
        List<String> errors = diagnostics(study("    where \"a\" == \"Model Family\"\n    let flops = 1", ""),
                Diagnostic.Severity.ERROR);
        assertEquals("t.study:3:11 unknown column 'a' in data 'd'; expected one of ARC-C, FLOPs (1E21), Model Family,"
                + " run, tok (a quoted name here is a column; to compare with the text \"a\", write it on the right)",
                errors.get(0));
        // As an option of 'in' it is text again.
        CheckedStudy in = check(study("    where \"Model Family\" in (\"b b\") and present(\"FLOPs (1E21)\")\n"
                + "    let flops = \"FLOPs (1E21)\" * 1e21", ""));
        assertEquals(List.of("n1", "n2"), in.tasks().get(0).ids());
    }

    @Test
    void aFitThatWouldUseAMissingValueIsAnErrorNamingTheDataLines() {
        List<String> errors = diagnostics(study("    let flops = \"FLOPs (1E21)\" * 1e21", ""),
                Diagnostic.Severity.ERROR);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("t.study:6:3 law 'l' would use 1 missing value of data 'd': column"
                + " 'FLOPs (1E21)' is missing at "), errors.get(0));
        assertTrue(errors.get(0).endsWith("t.csv:5 (run 'm4'); leave such rows out with 'where present(COLUMN)' or"
                + " the fit clause 'drop missing', or fill the cells in"), errors.get(0));
    }

    @Test
    void dropMissingLeavesTheRowsOutWithOneWarningAtTheFit() throws Exception {
        String text = study("    let flops = \"FLOPs (1E21)\" * 1e21", "by \"Model Family\"\n    drop missing");
        CheckedStudy s = check(text);
        assertEquals(List.of("m1", "m2", "m3", "m5"), s.tasks().get(0).ids());
        assertEquals(List.of("t.study:6:3 'drop missing' leaves out 1 row of data 'd' whose law inputs read a"
                + " missing value"), diagnostics(text, Diagnostic.Severity.WARNING));
    }

    @Test
    void aMappedRoleColumnAcceptsEmptyAndNaCellsUntilAWhereDropsTheRow() throws Exception {
        // tok is empty on line 3 and NA on line 4: no read error; present(tokens) drops both rows.
        CheckedStudy s = check("study \"t\" {\n  data d = csv(\"t.csv\", run: \"Model\", tokens: billions(\"tok\")) {\n"
                + "    where present(tokens) and present(\"FLOPs (1E21)\")\n    let flops = \"FLOPs (1E21)\" * 1e21\n"
                + "  }\n  law l = direct_power(x: flops * tokens / 1e9, y: \"ARC-C\")\n  fit l to d\n}\n");
        assertEquals(List.of("m1", "m5", "n1", "n2"), s.tasks().get(0).ids());
    }

    @Test
    void aTextCellWhereANumberIsNeededIsReportedAtTheCell() throws Exception {
        Files.writeString(dir.resolve("x.csv"), "run,C,acc\na,1e21,0.5\nb,lots,0.6\nc,1e23,0.7\n");
        Path file = dir.resolve("x.study");
        Files.writeString(file, "study \"t\" {\n  data d = csv(\"x.csv\")\n  law l = direct_power(x: C, y: acc)\n"
                + "  fit l to d\n}\n");
        SourceFile source = SourceFile.read(file, "x.study");
        List<String> errors = assertThrows(DiagnosticException.class,
                () -> Checker.check(source, StudyParsing.parse(source), "t")).diagnostics().stream()
                .map(d -> Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column() + " " + d.message())
                .toList();
        // line 3 of x.csv, field 2: "lots".
        assertTrue(errors.contains("x.csv:3:2 'lots' is not a number, and column 'C' is used as one (argument 'x'"
                + " of law 'l', x.study:3:27); a missing value is written empty, NA, N/A, NaN or null"), errors.toString());
    }

    @Test
    void minRunsSkipsSmallGroupsWithOneWarningListingThem() throws Exception {
        String text = study("    where present(\"FLOPs (1E21)\")\n    let flops = \"FLOPs (1E21)\" * 1e21",
                "by \"Model Family\"\n    min runs 3");
        CheckedStudy s = check(text);
        assertEquals(1, s.tasks().size(), "family a (4 runs) is fitted");
        assertEquals(List.of(new SkippedGroup("l", "d", "Model Family=b b", 2, 3, 7)), s.skipped());
        assertEquals(List.of("t.study:7:3 'min runs 3' skips 1 group of data 'd' with fewer usable runs in the fit"
                + " window: Model Family=b b (2)"), diagnostics(text, Diagnostic.Severity.WARNING));
    }

    @Test
    void minRunsCountsOnlyTheRunsTheLawCanUse() throws Exception {
        // With baseline 0.5, family a's accuracies (0.047 to 0.41: exp(-30 C^-0.06)) are all at or below chance.
        String text = study("    where present(\"FLOPs (1E21)\")\n    let flops = \"FLOPs (1E21)\" * 1e21",
                "by \"Model Family\"\n    min runs 1").replace("y: \"ARC-C\")", "y: \"ARC-C\", baseline: 0.5)");
        CheckedStudy s = check(text.replace("min runs 1", "min runs 1\n    where flops > 0"));
        assertEquals(0, s.tasks().size());
        assertEquals(List.of(0, 0), s.skipped().stream().map(SkippedGroup::runs).toList());
    }

    @Test
    void minRunsAndDropMissingAreCheckedWords() {
        assertEquals(List.of("t.study:7:5 'min runs' skips small groups, so it needs groups: write it after 'by COLUMN'"),
                diagnostics(study("    let flops = 1", "\n    min runs 3"), Diagnostic.Severity.ERROR));
        assertEquals(List.of("t.study:7:14 'min runs' takes a whole number of runs from 1 to 1000000, not 2.5"),
                diagnostics(study("    let flops = 1", "by tok\n    min runs 2.5"), Diagnostic.Severity.ERROR));
        assertEquals(List.of("t.study:7:9 unexpected 'run'; expected 'runs' (min runs N)"),
                diagnostics(study("    let flops = 1", "by tok\n    min run 2"), Diagnostic.Severity.ERROR));
        assertEquals(List.of("t.study:7:10 unexpected 'missings'; expected 'missing' (drop missing)"),
                diagnostics(study("    let flops = 1", "\n    drop missings"), Diagnostic.Severity.ERROR));
    }

    @Test
    void anUnknownReaderOptionListsTheOptionsOnce() {
        String text = "study \"t\" {\n  data d = csv(\"t.csv\", family: \"Model Family\")\n"
                + "  law l = direct_power(x: 1, y: \"ARC-C\")\n  fit l to d\n}\n";
        List<String> errors = diagnostics(text, Diagnostic.Severity.ERROR);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("t.study:2:25 csv has no option 'family'; expected one of accuracy, "),
                errors.get(0));
        assertEquals(1, errors.get(0).split("accuracy", -1).length - 1, "listed once: " + errors.get(0));
    }

    @Test
    void presentTestsOneValueNotACondition() {
        assertEquals(List.of("t.study:3:19 present tests a number or a text, not a condition"),
                diagnostics(study("    where present(tok > 0)\n    let flops = 1", ""), Diagnostic.Severity.ERROR));
        assertEquals(List.of("t.study:3:11 present takes 1 argument (a column), not 2"),
                diagnostics(study("    where present(tok, tok)\n    let flops = 1", ""), Diagnostic.Severity.ERROR));
    }
}
