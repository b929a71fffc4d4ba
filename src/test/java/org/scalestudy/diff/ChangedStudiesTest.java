package org.scalestudy.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/**
 * Which studies changed, asked of a git repository made here, one commit per kind of change: a study's CSV,
 * a file in a data folder (as the gadre reader reads), a study's own text, an unrelated file, a new and a
 * removed study, a data file two studies share, and the tool's code (every study).
 */
class ChangedStudiesTest {
    @TempDir
    static Path repo;

    /** Commit ids by message. */
    static final java.util.Map<String, String> COMMITS = new java.util.HashMap<>();

    static String study(String title, String data) {
        return "study \"" + title + "\" {\n  data d = csv(\"" + data + "\")\n  law l = direct_power(x: C, y: acc)\n"
                + "  fit l to d\n}\n";
    }

    @BeforeAll
    static void history() throws Exception {
        write("studies/a.study", study("a", "data/a.csv"));
        write("studies/b.study", study("b", "data/shared.csv"));
        write("studies/c.study", study("c", "data/shared.csv").replace("csv(\"data/shared.csv\")",
                "csv(\"data/shared.csv\")\n  data g = gadre(\"data/folder\")"));
        write("studies/data/a.csv", "C,acc\n1,0.5\n");
        write("studies/data/shared.csv", "C,acc\n1,0.5\n");
        write("studies/data/folder/evals/x.json", "{}");
        write("README.md", "hello\n");
        write("src/main/java/X.java", "class X {}\n");
        git("init", "-q");
        commit("start");
        write("studies/data/a.csv", "C,acc\n1,0.6\n");
        commit("a's data");
        write("studies/data/folder/evals/x.json", "{\"a\": 1}");
        commit("a file in c's data folder");
        write("studies/b.study", study("b, renamed", "data/shared.csv"));
        commit("b's text");
        write("README.md", "hello again\n");
        write("src/test/java/T.java", "class T {}\n");
        commit("docs and tests");
        write("studies/sub/d.study", study("d", "../data/a.csv"));
        commit("d added");
        Files.delete(repo.resolve("studies/a.study"));
        commit("a removed");
        write("studies/data/shared.csv", "C,acc\n1,0.7\n");
        commit("shared data");
        write("src/main/java/X.java", "class X { int y; }\n");
        commit("tool");
    }

    static List<String> changed(String from, String to) throws IOException {
        return ChangedStudies.between(repo, COMMITS.get(from), COMMITS.get(to), List.of("studies")).stream()
                .map(c -> c.study() + ": " + c.reason()).toList();
    }

    @Test
    void eachKindOfChange() throws IOException {
        assertEquals(List.of("studies/a.study: its data studies/data/a.csv changed"), changed("start", "a's data"));
        assertEquals(List.of("studies/c.study: its data studies/data/folder changed"),
                changed("a's data", "a file in c's data folder"));
        assertEquals(List.of("studies/b.study: the study file changed"), changed("a file in c's data folder", "b's text"));
        assertEquals(List.of(), changed("b's text", "docs and tests"), "documentation and tests change no study");
        assertEquals(List.of("studies/sub/d.study: the study is new"), changed("docs and tests", "d added"));
        assertEquals(List.of("studies/a.study: the study was removed"), changed("d added", "a removed"));
        assertEquals(List.of("studies/b.study: its data studies/data/shared.csv changed",
                "studies/c.study: its data studies/data/shared.csv changed"), changed("a removed", "shared data"));
        assertEquals(List.of("studies/b.study: the tool changed (src/main/java/X.java)",
                "studies/c.study: the tool changed (src/main/java/X.java)",
                "studies/sub/d.study: the tool changed (src/main/java/X.java)"), changed("shared data", "tool"));
    }

    @Test
    void overSeveralCommitsTheChangesAddUp() throws IOException {
        // d reads ../data/a.csv from studies/sub/, i.e. studies/data/a.csv, which did not change after "d added".
        assertEquals(List.of("studies/a.study: the study was removed",
                "studies/b.study: its data studies/data/shared.csv changed",
                "studies/c.study: its data studies/data/shared.csv changed"), changed("d added", "shared data"));
        assertEquals(List.of(), changed("tool", "tool"));
    }

    @Test
    void theCommandListsPathsOnStdoutAndReasonsOnStderr() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream savedOut = System.out;
        java.io.PrintStream savedErr = System.err;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            code = org.scalestudy.cli.Main.execute("changed", COMMITS.get("a removed"), COMMITS.get("shared data"),
                    "--repo", repo.toString());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("studies/b.study\nstudies/c.study\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("studies/b.study: its data studies/data/shared.csv"
                + " changed"));
    }

    @Test
    void aRevisionThatIsNotACommitIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> ChangedStudies.between(repo, "no-such-rev", COMMITS.get("tool"), List.of("studies")));
        assertTrue(e.getMessage().startsWith("'no-such-rev' is not a commit of the repository"), e.getMessage());
        assertThrows(IOException.class, () -> ChangedStudies.between(repo, "--all", "HEAD", List.of("studies")));
    }

    private static void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void commit(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        COMMITS.put(message, new String(GitRevision.git(repo, "rev-parse", "HEAD"), StandardCharsets.UTF_8).strip());
    }

    private static void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
