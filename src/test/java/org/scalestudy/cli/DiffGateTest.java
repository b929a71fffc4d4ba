package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * {@code diff --fail-on-...} on two real revisions of a study of Gadre et al.'s release (Eq. 2 on ARC-Easy at
 * M = 1, per dataset, judged on the 1.4B and 6.9B runs), in a git repository made here: the second revision
 * narrows the fit window from params < 1e9 to params < 2e8, dropping the 411M run. The data is a folder (the
 * gadre reader's), so the revisions are built from every file git holds below it.
 *
 * <p>Holdout MREs recomputed independently (numpy: polyfit of log(-log Q) on log C, Q = (acc - 0.25)/0.75,
 * runs within 5% of chance left out): C4 15.69% → 20.23%, RedPajama 0.22% → 3.56%, RefinedWeb 11.36% → 15.89%;
 * alpha on C4 0.0973205 → 0.0868095 (-10.80%), A on C4 125.87 → 83.5165 (-33.65%).
 */
@Tag("full")
class DiffGateTest {
    static final String STUDY = """
            study "Eq. 2 on ARC-Easy" {
              data evals = gadre("data/gadre2024", tasks: list(arc_easy))
              law direct = direct_power(x: flops, y: accuracy, baseline: baseline)
              fit direct to evals by dataset
                where multiplier == 1
                window params < 1e9
                holdout params > 1e9
            }
            """;

    @TempDir
    static Path repo;

    static Path study;

    @BeforeAll
    static void twoRevisions() throws Exception {
        Path data = Files.createDirectories(repo.resolve("studies/data"));
        copy(Path.of("studies/published/data/gadre2024"), data.resolve("gadre2024"));
        study = repo.resolve("studies/g.study");
        Files.writeString(study, STUDY);
        DiffCommandTest.git(repo, "init", "-q");
        DiffCommandTest.git(repo, "add", "-A");
        DiffCommandTest.git(repo, "commit", "-q", "-m", "window up to 411M");
        Files.writeString(study, STUDY.replace("window params < 1e9", "window params < 2e8"));
        DiffCommandTest.git(repo, "commit", "-q", "-am", "window up to 154M");
    }

    @Test
    void aWorseHoldoutFailsTheCheckWithItsReasons() {
        CliRun run = CliRun.of("diff", "HEAD~1", "HEAD", study.toString(),
                "--fail-on-mre-increase", "0.5");
        assertEquals(Main.CHECK_FAILED, run.code(), run.err());
        assertEquals(List.of("scalestudy: check failed (3 reasons):",
                "  g: direct on evals [dataset=c4_original]: holdout MRE 15.69% → 20.23% (+4.54 points, more than 0.5)",
                "  g: direct on evals [dataset=rpj]: holdout MRE 0.22% → 3.56% (+3.34 points, more than 0.5)",
                "  g: direct on evals [dataset=rw_original]: holdout MRE 11.36% → 15.89% (+4.53 points, more than 0.5)"),
                run.err().lines().toList());
        List<String> md = run.out().lines().toList();
        assertEquals("**Check failed** (3 reasons):", md.get(2));
        assertEquals("- g, direct on evals \\[dataset=c4\\_original\\]: holdout MRE 15.69% → 20.23% (+4.54 points,"
                + " more than 0.5)", md.get(4));
        assertTrue(md.contains("| alpha | 0.0973205 | 0.0868095 | -0.010511 | -10.80% |"), run.out());
    }

    @Test
    void parametersAndThresholdsAboveTheChangePass() {
        CliRun params = CliRun.of("diff", "HEAD~1", "HEAD", study.toString(),
                "--fail-on-parameter-change", "20");
        assertEquals(Main.CHECK_FAILED, params.code(), params.err());
        assertTrue(params.err().contains("  g: direct on evals [dataset=c4_original]: parameter A 125.87 → 83.5165"
                + " (-33.65%, more than 20%)"), params.err());
        assertTrue(!params.err().contains("parameter alpha"), "alpha moved by 8.5% to 10.8% only: " + params.err());

        CliRun loose = CliRun.of("diff", "HEAD~1", "HEAD", study.toString(),
                "--fail-on-mre-increase", "5", "--fail-on-lost-fit");
        assertEquals(0, loose.code(), loose.err());
        assertEquals("**Check passed:** no holdout MRE grows by more than 5 points; no fit is lost or stops"
                + " converging.", loose.out().lines().toList().get(2));

        CliRun bad = CliRun.of("diff", "HEAD~1", "HEAD", study.toString(),
                "--fail-on-mre-increase", "-1");
        assertEquals(Main.USAGE, bad.code());
        assertTrue(bad.err().contains("--fail-on-mre-increase takes a finite number of points >= 0"), bad.err());
    }

    @Test
    void theHelpNamesTheRulesAndTheExitCode() {
        CliRun help = CliRun.of("diff", "--help");
        assertEquals(0, help.code());
        assertEquals("", help.err(), "no picocli warning (a stray % in a description is one)");
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("more than POINTS percentage points (0.5: 3.0% -> 3.6% fails)"), text);
        assertTrue(text.contains("3 a --fail-on rule is broken"), text);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
