package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's shell steps (action/*.sh), run as the runner runs them: in a git repository made here, with a
 * {@code scalestudy} command on the PATH (this build's classes), and fake GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
 * pull_request event payload. Checks the comment body, the annotations and the exit codes.
 */
@Tag("full")
class ActionScriptsTest {
    private static final Path ACTION = Path.of("action").toAbsolutePath();
    private static final String STUDY = "study \"S\" {\n"
            + "  data ladder = csv(\"data/demo-ladder.csv\") { let C = 6 * params * tokens }\n"
            + "  law direct = direct_power(x: C, y: value, baseline: baseline)\n"
            + "  fit direct to ladder where metric == \"arc_easy\" and tokens == 20 * params\n"
            + "    window params <= 4e8 holdout params > 4e8\n"
            + "}\n";

    @TempDir
    Path tmp;
    Path repo;
    Path output;
    Path summary;
    Path bin;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        output = tmp.resolve("github_output");
        summary = tmp.resolve("step_summary");
        Files.createFile(output);
        Files.createFile(summary);
        // `scalestudy` as install.sh puts it on the PATH, but running this build's classes
        bin = Files.createDirectories(tmp.resolve("bin"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path launcher = bin.resolve("scalestudy");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' org.scalestudy.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(repo.resolve("studies/data"));
        Files.copy(Path.of("studies/data/demo-ladder.csv"), repo.resolve("studies/data/demo-ladder.csv"));
        Files.writeString(repo.resolve("studies/s.study"), STUDY);
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base");
    }

    @Test
    void diffWritesOneMarkedCommentAndCodeThreeWhenTheHoldoutGetsWorse() throws Exception {
        String base = git("rev-parse", "HEAD");
        // the 800M arc_easy runs (the holdout) score 20% lower at the head: the holdout MRE grows far past 0.5 points
        Path data = repo.resolve("studies/data/demo-ladder.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(data)) {
            String[] f = line.split(",", -1);
            if (f[1].equals("800000000") && f[3].equals("arc_easy")) {
                f[4] = String.valueOf(Double.parseDouble(f[4]) * 0.8);
            }
            lines.add(String.join(",", f));
        }
        Files.write(data, lines);
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "head");
        String head = git("rev-parse", "HEAD");
        Path event = event(base, head);

        Run run = script("diff.sh", Map.of("EVENT_PATH", event.toString(), "FAIL_ON_MRE_INCREASE", "0.5",
                "FAIL_ON_LOST_FIT", "true"));
        assertEquals(0, run.code, run.err);  // the script reports; the action's last step fails the job
        assertEquals("code=3\n", Files.readString(output), "diff's exit code for a broken --fail-on rule");
        String comment = Files.readString(repo.resolve("comment.md"));
        assertTrue(comment.startsWith("<!-- scalestudy-diff -->\n## scalestudy diff: base " + base.substring(0, 7)
                + " → head " + head.substring(0, 7)), comment);
        assertTrue(comment.contains("holdout MRE"), comment);
        assertTrue(comment.contains("- studies/s.study: its data studies/data/demo-ladder.csv changed"), comment);
        assertEquals(comment, Files.readString(summary), "the job summary carries the same Markdown");
    }

    @Test
    void diffSaysSoWhenNoStudyChanged() throws Exception {
        String base = git("rev-parse", "HEAD");
        Files.writeString(repo.resolve("README.md"), "not a study\n");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "docs");
        String head = git("rev-parse", "HEAD");
        Run run = script("diff.sh", Map.of("EVENT_PATH", event(base, head).toString()));
        assertEquals(0, run.code, run.err);
        assertEquals("code=0\n", Files.readString(output));
        assertEquals("<!-- scalestudy-diff -->\n## scalestudy diff\n\nNo study changed between " + base.substring(0, 7)
                + " and " + head.substring(0, 7) + " (no study file, data it reads, or tool file).\n",
                Files.readString(repo.resolve("comment.md")));
    }

    @Test
    void checkAnnotatesEachDiagnosticAtItsFileLineAndColumn() throws Exception {
        Files.writeString(repo.resolve("studies/s.study"), STUDY.replace("direct_power(", "direct_powr("));
        Run run = script("check.sh", Map.of("STUDIES", "studies"));
        assertEquals(1, run.code, "check's exit code for a study with errors");
        // line 3, column 16: the law kind after 'law direct = '
        assertEquals("::error file=studies/s.study,line=3,col=16::unknown law kind 'direct_powr'; did you mean"
                + " 'direct_power'?\n", run.out);
        assertEquals("scalestudy check: errors (1 errors, 0 warnings).\n", Files.readString(summary));
    }

    @Test
    void checkPassesACleanStudy() throws Exception {
        Run run = script("check.sh", Map.of("STUDIES", "studies"));
        assertEquals(0, run.code, run.err);
        assertEquals("", run.out);
        assertEquals("scalestudy check: no errors (0 errors, 0 warnings).\n", Files.readString(summary));
    }

    @Test
    void siteBuildsTheStudiesForThePagesArtifact() throws Exception {
        Run run = script("site.sh", Map.of("STUDIES", "studies", "OUT", "site"));
        assertEquals(0, run.code, run.err);
        assertTrue(Files.isRegularFile(repo.resolve("site/s/results.json")));
        assertTrue(Files.isRegularFile(repo.resolve("site/results.schema.json")));
        assertEquals("Built 1 study into site/.\n", Files.readString(summary));
    }

    @Test
    void annotationTextFromAStudyCannotBreakOutOfItsCommand() {
        assertEquals("a%0A::error::b 100%25", GithubAnnotations.data("a\n::error::b 100%"));
        assertEquals("x%3Ay%2Cz", GithubAnnotations.property("x:y,z"));
    }

    private Path event(String base, String head) throws IOException {
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\n  \"action\": \"synchronize\",\n  \"number\": 7,\n  \"pull_request\": {\n"
                + "    \"number\": 7,\n    \"base\": {\n      \"ref\": \"main\",\n      \"sha\": \"" + base + "\"\n    },\n"
                + "    \"head\": {\n      \"ref\": \"topic\",\n      \"sha\": \"" + head + "\"\n    }\n  }\n}\n");
        return event;
    }

    private record Run(int code, String out, String err) { }

    private Run script(String name, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", ACTION.resolve(name).toString()).directory(repo.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("GITHUB_OUTPUT", output.toString());
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        pb.redirectOutput(tmp.resolve(name + ".out").toFile());
        pb.redirectError(tmp.resolve(name + ".err").toFile());
        int code = pb.start().waitFor();
        return new Run(code, Files.readString(tmp.resolve(name + ".out")), Files.readString(tmp.resolve(name + ".err")));
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
