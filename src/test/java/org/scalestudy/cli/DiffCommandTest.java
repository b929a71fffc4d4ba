package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * {@code diff} on two real builds of a small study whose data follow the direct law -log acc = A C^-alpha
 * exactly (baseline 0, A = 50), once with alpha = 0.1 and once with alpha = 0.12. The closed-form fit recovers
 * both, so the diff must show alpha 0.1 → 0.12 (+0.02, +20.00%), A unchanged (so not listed), the fit and
 * holdout errors unchanged (both ~1e-16, below the tolerance), and the held-out predictions
 * exp(-50 C^-alpha) at C = 1e21 and 1e22:
 * 0.672224 → 0.85985 (+0.187626, +27.91%) and 0.72944 → 0.891773 (+0.162334, +22.25%).
 */
class DiffCommandTest {
    static final String ALPHA_ROW = "| alpha | 0.1 | 0.12 | +0.02 | +20.00% |";
    static final String R3_ROW = "| run r3 | 0.672224 | 0.85985 | +0.187626 | +27.91% |";
    static final String R4_ROW = "| run r4 | 0.72944 | 0.891773 | +0.162334 | +22.25% |";

    @TempDir
    static Path shared;

    @BeforeAll
    static void buildBoth() throws IOException {
        for (double alpha : new double[] {0.1, 0.12}) {
            Path dir = Files.createDirectories(shared.resolve("a" + alpha));
            Files.writeString(dir.resolve("ladder.csv"), ladder(alpha));
            Files.writeString(dir.resolve("s.study"), STUDY);
            assertEquals(0, Main.execute("build", dir.resolve("s.study").toString(), "--out",
                    dir.resolve("site").toString()));
        }
    }

    static final String STUDY = "study \"Direct law on an exact ladder\" {\n  data d = csv(\"ladder.csv\")\n"
            + "  law l = direct_power(x: C, y: acc)\n  fit l to d\n    window C < 1e21\n    holdout C >= 1e21\n}\n";

    /** Five runs at C = 1e18 … 1e22 with acc = exp(-50 C^-alpha), written in full precision. */
    static String ladder(double alpha) {
        StringBuilder csv = new StringBuilder("run,C,acc\n");
        for (int i = 0; i < 5; i++) {
            double c = Math.pow(10, 18 + i);
            csv.append('r').append(i).append(',').append(c).append(',').append(Math.exp(-50 * Math.pow(c, -alpha)))
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void theExpectedNumbersFollowFromTheClosedForm() {
        assertEquals(0.672224, Math.exp(-50 * Math.pow(1e21, -0.1)), 5e-7);
        assertEquals(0.85985, Math.exp(-50 * Math.pow(1e21, -0.12)), 5e-6);
        assertEquals(0.72944, Math.exp(-50 * Math.pow(1e22, -0.1)), 5e-6);
        assertEquals(0.891773, Math.exp(-50 * Math.pow(1e22, -0.12)), 5e-7);
    }

    @Test
    void twoSitesDifferInAlphaAndTheHeldOutPredictions() {
        CliRun run = CliRun.of("diff", site(0.1).toString(), site(0.12).toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("## scalestudy diff: " + site(0.1) + " → " + site(0.12), lines.get(0).replace("\\_", "_"));
        assertTrue(lines.contains("### s: Direct law on an exact ladder"), run.out());
        assertTrue(lines.contains("#### l on d"), run.out());
        assertTrue(lines.contains(ALPHA_ROW), run.out());
        assertTrue(lines.contains(R3_ROW), run.out());
        assertTrue(lines.contains(R4_ROW), run.out());
        assertEquals(List.of(ALPHA_ROW, R3_ROW, R4_ROW), tableRows(lines), "A and the errors did not change");
    }

    @Test
    void twoResultsFilesGiveTheSameDiff() {
        CliRun sites = CliRun.of("diff", site(0.1).toString(), site(0.12).toString());
        CliRun files = CliRun.of("diff", site(0.1).resolve("s/results.json").toString(),
                site(0.12).resolve("s/results.json").toString());
        assertEquals(0, files.code(), files.err());
        assertEquals(tableRows(sites.out().lines().toList()), tableRows(files.out().lines().toList()));
    }

    @Test
    void aToleranceAboveEveryChangeReportsNothing() {
        // The largest relative change is 27.91% (run r3): at 30% nothing is reported, at 25% only r3 is.
        CliRun quiet = CliRun.of("diff", "--tolerance", "0.3", site(0.1).toString(),
                site(0.12).toString());
        assertTrue(quiet.out().contains("No changes beyond the tolerance (relative 0.3, absolute 1e-12)."),
                quiet.out());
        CliRun one = CliRun.of("diff", "--tolerance", "0.25", site(0.1).toString(),
                site(0.12).toString());
        assertEquals(List.of(R3_ROW), tableRows(one.out().lines().toList()));
    }

    @Test
    void aBuildAgainstItselfHasNoChanges() {
        CliRun run = CliRun.of("diff", site(0.1).toString(), site(0.1).toString());
        assertTrue(run.out().contains("No changes beyond the tolerance"), run.out());
    }

    @Test
    void twoGitRevisionsOfAStudyAreBuiltAndCompared(@TempDir Path repo) throws Exception {
        Path studies = Files.createDirectories(repo.resolve("studies/data"));
        Path study = repo.resolve("studies/s.study");
        Files.writeString(study, STUDY.replace("\"ladder.csv\"", "\"data/ladder.csv\""));
        Files.writeString(studies.resolve("ladder.csv"), ladder(0.1));
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "alpha 0.1");
        Files.writeString(studies.resolve("ladder.csv"), ladder(0.12));
        git(repo, "commit", "-q", "-am", "alpha 0.12");
        Files.writeString(studies.resolve("ladder.csv"), "run,C,acc\n");  // the working tree must not matter

        CliRun three = CliRun.of("diff", "HEAD~1", "HEAD", study.toString());
        assertEquals(0, three.code(), three.err());
        assertEquals(List.of(ALPHA_ROW, R3_ROW, R4_ROW), tableRows(three.out().lines().toList()), three.out());

        CliRun colon = CliRun.of("diff", "HEAD~1:" + study, "HEAD:" + study);
        assertEquals(0, colon.code(), colon.err());
        assertEquals(List.of(ALPHA_ROW, R3_ROW, R4_ROW), tableRows(colon.out().lines().toList()), colon.out());

        // A revision against a site on disk.
        CliRun mixed = CliRun.of("diff", "HEAD~1:" + study, site(0.12).toString());
        assertEquals(List.of(ALPHA_ROW, R3_ROW, R4_ROW), tableRows(mixed.out().lines().toList()), mixed.out());

        // A revision whose study does not check: its errors are named by revision and path.
        Files.writeString(study, STUDY.replace("direct_power", "direct_powr"));
        git(repo, "commit", "-q", "-am", "typo");
        CliRun broken = CliRun.of("diff", "HEAD~1", "HEAD", study.toString());
        assertEquals(Main.STUDY_ERRORS, broken.code());
        assertTrue(broken.err().contains("HEAD:studies/s.study:3:11: error: unknown law kind 'direct_powr'"),
                broken.err());

        CliRun bad = CliRun.of("diff", "no-such-rev", "HEAD", study.toString());
        assertEquals(Main.USAGE, bad.code());
        assertTrue(bad.err().startsWith("scalestudy: git show no-such-rev:studies/s.study: fatal:"), bad.err());
    }

    @Test
    void somethingThatIsNeitherABuildNorARevisionIsAUsageError(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("diff", dir.resolve("a").toString(), site(0.1).toString());
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
        Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        CliRun notResults = CliRun.of("diff", dir.resolve("x.json").toString(), site(0.1).toString());
        assertEquals(Main.USAGE, notResults.code());
        assertTrue(notResults.err().contains("is not a scalestudy results.json"), notResults.err());
    }

    static Path site(double alpha) {
        return shared.resolve("a" + alpha).resolve("site");
    }

    /** The body rows of every table in the Markdown. */
    static List<String> tableRows(List<String> lines) {
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("| ") && !line.contains(" | before | after |")) {
                rows.add(line);
            }
        }
        return rows;
    }

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("fatal"), out);
    }
}
