package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.testsupport.StudyErrors;

/**
 * Studies on the release files of Krajewski et al. (2025) as released (copied unmodified from
 * studies/published/data/krajewski2025/ and src/test/resources/data/krajewski2025-c4/): they check with no
 * special option; the duplicated run is a warning in the data file; a fit that would use an empty score
 * is an error at the fit, naming the data file's lines.
 */
class ReleaseFilesCheckTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyTheReleaseFiles() throws Exception {
        Path release = Path.of("studies/published/data/krajewski2025");
        Files.copy(release.resolve("metrics_dclm_data_mixture.extract.csv"), dir.resolve("extract.csv"));
        Files.copy(release.resolve("metrics_dclm_data_mixture.head.csv"), dir.resolve("head.csv"));
        Files.copy(Path.of("src/test/resources/data/krajewski2025-c4/metrics_c4_mixture.excerpt.csv"),
                dir.resolve("c4.csv"));
    }

    private CheckedStudy check(String study) throws Exception {
        Path file = dir.resolve("t.study");
        Files.writeString(file, study);
        SourceFile source = SourceFile.read(file, "t.study");
        return Checker.check(source, StudyParsing.parse(source), "t");
    }

    private static String format(Diagnostic d) {
        return Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column() + " " + d.severity() + " "
                + d.message();
    }

    @Test
    void eq2AtTpr20OnTheDclmExtractChecksWithTheDuplicateAsAWarning() throws Exception {
        CheckedStudy s = check("""
                study "t" {
                  data runs = krajewski_csv("extract.csv")
                  law direct = direct_power(x: flops, y: score, baseline: 0.25)
                  fit direct to runs by benchmark
                      where tpr == 20 and metric_type == "acc" and (benchmark == "arc_easy" or benchmark == "piqa")
                      window flops <= 6e21 holdout flops > 6e21
                }
                """);
        List<String> warnings = s.warnings().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .map(ReleaseFilesCheckTest::format).toList();
        assertEquals(1, warnings.size());
        assertEquals(true, warnings.get(0).startsWith("extract.csv:2722:0 WARNING 44 rows repeat the params, tokens, "
                + "benchmark, metric_type of an earlier row; 8 of them differ in score; the later row"), warnings.get(0));
        // 54 runs at TPR 20, each once: the 17.9B run's later evaluation replaced its earlier one.
        assertEquals(List.of("benchmark=arc_easy", "benchmark=piqa"), s.tasks().stream().map(FitTask::group).toList());
        assertEquals(54, s.tasks().get(0).rows().length);
        assertEquals(54, new TreeSet<>(s.tasks().get(0).ids()).size());
    }

    @Test
    void passAtKReadsKFromTheFile() throws Exception {
        CheckedStudy s = check("""
                study "t" {
                  data runs = krajewski_csv("extract.csv")
                  law eq5 = pass_at_k(x: flops, k: k, y: score)
                  fit eq5 to runs where tpr == 20 and benchmark == "humaneval-py" and metric == "pass@k"
                }
                """);
        // Rows {x, k, y, baseline}; 54 runs x k = 1, 2, 4, ..., 128.
        double[][] rows = s.tasks().get(0).rows();
        assertEquals(54 * 8, rows.length);
        TreeSet<Double> ks = new TreeSet<>();
        for (double[] row : rows) {
            ks.add(row[1]);
        }
        assertEquals(new TreeSet<>(List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0)), ks);
    }

    @Test
    void aFitThatWouldUseAnEmptyScoreSaysSoAtItsLine() {
        DiagnosticException e = assertThrows(DiagnosticException.class, () -> check("""
                study "t" {
                  data runs = krajewski_csv("head.csv")
                  law direct = direct_power(x: flops, y: acc)
                  fit direct to runs by benchmark where metric_type == "pass@1_stderr"
                }
                """.replace("y: acc", "y: score")));
        List<String> errors = e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(ReleaseFilesCheckTest::format).toList();
        assertEquals(List.of("t.study:4:3 ERROR law 'direct' would use 6 missing values of data 'runs': column 'score' "
                + "is missing at " + dir.resolve("head.csv") + ":67 (run 'N=9.13e+07 D=1.83e+09'); column "
                + "'score' is missing at " + dir.resolve("head.csv") + ":97 (run 'N=9.13e+07 D=1.83e+09'); column "
                + "'score' is missing at " + dir.resolve("head.csv") + ":155 (run 'N=9.13e+07 D=1.83e+09'); and 3 "
                + "more; leave such rows out with 'where present(COLUMN)' or the fit clause 'drop missing', or fill the"
                + " cells in"), errors);
    }

    @Test
    void theVerbatimHeadAndTheC4FileCheckWhenTheFitsChooseScoredRows() throws Exception {
        for (String file : List.of("head.csv", "c4.csv")) {
            CheckedStudy s = check("""
                    study "t" {
                      data runs = krajewski_csv("FILE")
                      law direct = direct_power(x: flops, y: score)
                      fit direct to runs by benchmark where metric_type == "acc" and benchmark == "arc_easy"
                    }
                    """.replace("FILE", file));
            assertEquals(List.of(), s.warnings().stream().map(ReleaseFilesCheckTest::format).toList(), file);
            // Two runs each: the head's 1.8e9- and 4.8e9-token runs; the C4 excerpt's two smallest (its largest
            // has no arc_easy row in the excerpt).
            assertEquals(2, s.tasks().get(0).rows().length, file);
        }
        double[][] c4 = check("""
                study "t" {
                  data runs = krajewski_csv("c4.csv")
                  law direct = direct_power(x: flops, y: score)
                  fit direct to runs by benchmark where metric_type == "acc" and benchmark == "arc_easy"
                }
                """).tasks().get(0).rows();
        // The file's own flops: 1.9739956381483008e18 for N = 122777600, D = 2679635968; arc_easy acc 0.384.
        assertEquals(1.9739956381483008e18, c4[0][0]);
        assertEquals(0.3842592592592592, c4[0][1]);
    }

    @Test
    void duplicatesErrorStopsAtEveryRepeatAndABadPolicyIsReportedAtTheOption() {
        List<String> strict = errors("""
                study "t" {
                  data runs = krajewski_csv("extract.csv", duplicates: "error")
                  law direct = direct_power(x: flops, y: score)
                  fit direct to runs by benchmark where metric_type == "acc"
                }
                """);
        // The first 20 of the 44 repeats in the data file, then the count at the declaration's path.
        assertEquals(21, strict.size());
        assertEquals(true, strict.get(0).startsWith("extract.csv:2722:6 ERROR duplicate run: params 1.78679447552E10, "
                + "tokens 357358895104, benchmark 'arc_challenge', metric_type 'acc' already appears at "), strict.get(0));
        assertEquals("t.study:2:29 ERROR data 'runs' has 44 invalid values (the first 20 are shown); fix the data or "
                + "change the column mapping", strict.get(20));
        assertEquals(List.of("t.study:2:56 ERROR option 'duplicates' is \"last\" (keep the later row), \"first\" (keep "
                + "the earlier) or \"error\"; not 'newest'"), errors("""
                study "t" {
                  data runs = krajewski_csv("extract.csv", duplicates: "newest")
                  law direct = direct_power(x: flops, y: score)
                  fit direct to runs by benchmark where metric_type == "acc"
                }
                """));
    }

    private List<String> errors(String study) {
        return StudyErrors.of(() -> check(study)).stream().map(ReleaseFilesCheckTest::format).toList();
    }
}
