package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.results.Role;
import org.scalestudy.testsupport.StudyErrors;

class CheckerTest {
    @TempDir
    Path dir;

    /** Six runs of a small ladder: two benchmarks, one loss; accuracies rise with compute. */
    static final String LADDER = """
            run,params,tokens,task,acc,baseline
            a,1e7,2e8,easy,0.40,0.25
            b,2e7,4e8,easy,0.45,0.25
            c,4e7,8e8,easy,0.50,0.25
            d,8e7,1.6e9,easy,0.55,0.25
            a,1e7,2e8,hard,0.26,0.25
            b,2e7,4e8,hard,0.30,0.25
            c,4e7,8e8,hard,0.34,0.25
            d,8e7,1.6e9,hard,0.38,0.25
            """;

    CheckedStudy check(String study) throws Exception {
        Files.writeString(dir.resolve("ladder.csv"), LADDER);
        Path file = dir.resolve("t.study");
        Files.writeString(file, study);
        SourceFile source = SourceFile.read(file, "t.study");
        return Checker.check(source, StudyParsing.parse(source), "t");
    }

    List<Diagnostic> errors(String study) throws IOException {
        return StudyErrors.of(() -> check(study));
    }

    static final String HEAD = """
            study "t" {
              data d = csv("ladder.csv") { let C = 6 * params * tokens }
              law direct = direct_power(x: C, y: acc, baseline: baseline)
            """;

    @Test
    void selectsRolesPerGroup() throws Exception {
        CheckedStudy s = check(HEAD + "  fit direct to d by task window C < 2e17 holdout C > 2e17\n}\n");
        assertEquals(2, s.tasks().size());
        FitTask easy = s.tasks().get(0);
        assertEquals("task=easy", easy.group());
        assertEquals("C", easy.xLabel());
        assertEquals("acc", easy.yLabel());
        // C = 6 N D: a 1.2e16, b 4.8e16, c 1.92e17, d 7.68e17 — three below 2e17, one above.
        assertEquals(List.of(Role.FIT, Role.FIT, Role.FIT, Role.HOLDOUT), easy.roles());
        assertEquals(List.of("a", "b", "c", "d"), easy.ids());
        // Row order follows the law's INPUT args: x, y, baseline.
        assertEquals(6 * 1e7 * 2e8, easy.rows()[0][0], 1e3);
        assertEquals(0.40, easy.rows()[0][1]);
        assertEquals(0.25, easy.rows()[0][2]);
        FitTask hard = s.tasks().get(1);
        // 0.26 < 0.25 * 1.05 = 0.2625: within 5% of the baseline, so excluded even inside the window.
        assertEquals(Role.EXCLUDED, hard.roles().get(0));
        assertEquals(Role.FIT, hard.roles().get(1));
    }

    @Test
    void everyProblemIsReportedInOnePass() throws Exception {
        List<Diagnostic> d = errors("""
                study "t" {
                  data d = csv("ladder.csv") { let C = 6 * params * tokns }
                  law direct = direct_powr(x: C, y: acc)
                  law direct = direct_power(x: C, y: acc, z: 1)
                  fit direct, other to d by tsk
                  report { chart scaling, scatter }
                }
                """);
        assertEquals(List.of(
                "2:53 unknown column 'tokns' in data 'd'; did you mean 'tokens'?",
                "3:16 unknown law kind 'direct_powr'; did you mean 'direct_power'?",
                "4:7 law 'direct' is already declared at line 3",
                "5:15 unknown law 'other'; expected one of direct",
                "6:27 unknown chart 'scatter'; expected one of parity, residuals, scaling, sensitivity"),
                d.stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList());
    }

    @Test
    void argumentsAreCheckedAgainstTheLawKind() throws Exception {
        List<Diagnostic> d = errors("""
                study "t" {
                  data d = csv("ladder.csv") { let C = 6 * params * tokens }
                  law a = direct_power(x: C, baselin: 0.25)
                  law b = direct_power(C, acc, baseline, 0.05, 7)
                  law c = direct_power(x: C, y: acc, margin: baseline)
                  law e = direct_power(x: task, y: acc)
                  fit a, b, c, e to d
                }
                """);
        assertEquals(List.of(
                "3:11 direct_power needs argument 'y' (" + argDescription("direct_power", "y") + ")",
                "3:30 direct_power has no argument 'baselin'; did you mean 'baseline'?",
                "4:48 direct_power takes at most 4 arguments (x, y, baseline, margin)",
                "5:46 option 'margin' of direct_power must be a constant number ("
                        + argDescription("direct_power", "margin") + ")",
                "6:27 argument 'x' of law 'e' must be a number, but this is text",
                "7:16 law 'e' cannot be fitted to data 'd' (see line 6)"),
                d.stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList());
    }

    static String argDescription(String kind, String arg) {
        return org.scalestudy.law.LawLibrary.find(kind).orElseThrow().args().stream()
                .filter(a -> a.name().equals(arg)).findFirst().orElseThrow().description();
    }

    @Test
    void aWindowThatSelectsNoRunIsAnErrorAtTheWindow() throws Exception {
        List<Diagnostic> d = errors(HEAD + "  fit direct to d by task\n    window C > 1e30\n}\n");
        // Reported once per group, at the window expression (line 5, column 12).
        assertEquals(List.of(
                "5:12 the fit window selects no run of data 'd' in group task=easy",
                "5:12 the fit window selects no run of data 'd' in group task=hard"),
                d.stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList());
    }

    @Test
    void tooFewUsableRunsNamesTheReason() throws Exception {
        List<Diagnostic> d = errors(HEAD + "  fit direct to d where task == \"hard\" window C < 2e16\n}\n");
        // Only run a (C = 1.2e16) is in the window, and its accuracy is within 5% of the baseline.
        assertEquals(1, d.size());
        assertEquals("the fit window leaves 0 usable runs of data 'd' for law 'direct'; direct_power needs at"
                + " least 2 (others are excluded: accuracy within 5% of the baseline)", d.get(0).message());
        assertEquals(4, d.get(0).line());
    }

    @Test
    void overlappingWindowAndHoldoutIsRefused() throws Exception {
        List<Diagnostic> d = errors(HEAD + "  fit direct to d by task window C > 0 holdout C > 1e17\n}\n");
        assertEquals("window and holdout both select run 'c' (data line 4); a run is either fitted or predicted",
                d.get(0).message());
    }

    @Test
    void typeErrorsExplainWhatWasExpected() throws Exception {
        List<Diagnostic> d = errors(HEAD + "  fit direct to d where task > 1 window log(C, 2) holdout C == \"x\"\n}\n");
        assertEquals(List.of(
                "4:25 each side of '>' must be a number, but this is text (column 'task' holds text, e.g. line 2: 'easy')",
                "4:41 log takes 1 argument, not 2",
                "4:59 '==' compares two numbers or two texts, not a number with text"),
                d.stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList());
    }

    @Test
    void missingDataFileIsReportedAtThePath() throws Exception {
        List<Diagnostic> d = errors("study \"t\" {\n  data d = csv(\"nope.csv\")\n  law l = chinchilla(N: a, D: b, y: c)\n"
                + "  fit l to d\n}\n");
        assertEquals(2, d.get(0).line());
        assertEquals(16, d.get(0).column());
        assertEquals(true, d.get(0).message().startsWith("cannot read data file 'nope.csv' (no such file: "));
    }

    @Test
    void badCsvIsReportedInTheDataFileWithLineAndField() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");
        List<Diagnostic> d = errors("study \"t\" {\n  data d = csv(\"bad.csv\")\n  law l = chinchilla(N: a, D: b, y: a)\n"
                + "  fit l to d\n}\n");
        Diagnostic csv = d.stream().filter(x -> x.file().endsWith("bad.csv")).findFirst().orElseThrow();
        // Line 3 holds one field where the header names two: the second field is missing.
        assertEquals(3, csv.line());
        assertEquals(2, csv.column());
        assertEquals("this row has 1 field; the header names 2 columns", csv.message());
    }
}
