package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * An lm_eval manifest is an input like the data folder: {@code changed} lists a study whose manifest alone
 * changed, and {@code diff REV:STUDY} takes the manifest from the revision. Before, {@code changed} listed
 * nothing and the revision's build failed on a manifest missing from its copy (or read the disk's).
 */
class ManifestRevisionTest {
    @TempDir
    Path repo;

    static String result(String acc) {
        return "{\"results\": {\"arc_easy\": {\"acc,none\": " + acc + "}}}\n";
    }

    /** Accuracies of three runs whose sizes the manifest gives; the fit's alpha depends on those sizes. */
    @BeforeEach
    void history() throws Exception {
        write("studies/x.study", "study \"x\" {\n  data d = lm_eval(\"data/lm\", manifest: \"data/runs.csv\") {\n"
                + "    let C = 6 * params * tokens\n  }\n  law l = direct_power(x: C, y: score, baseline: 0.25)\n"
                + "  fit l to d\n}\n");
        write("studies/data/lm/a.json", result("0.41"));
        write("studies/data/lm/b.json", result("0.47"));
        write("studies/data/lm/c.json", result("0.52"));
        write("studies/data/runs.csv", "file,params,tokens\na.json,1e8,2e9\nb.json,2e8,4e9\nc.json,4e8,8e9\n");
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "start");
        write("studies/data/runs.csv", "file,params,tokens\na.json,1e8,2e9\nb.json,3e8,6e9\nc.json,9e8,1.8e10\n");
        git("commit", "-q", "-am", "manifest only");
    }

    @Test
    void changedListsAStudyWhoseManifestAloneChanged() {
        CliRun run = CliRun.of("changed", "HEAD~1", "HEAD", "--repo", repo.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("studies/x.study\n", run.out());
        assertTrue(run.err().contains("its data studies/data/runs.csv changed"), run.err());
    }

    @Test
    void diffTakesTheManifestFromEachRevision() throws IOException {
        // The disk holds a third manifest; neither revision's build may read it.
        write("studies/data/runs.csv", "file,params,tokens\na.json,5e8,2e9\nb.json,5e8,4e9\nc.json,5e8,8e9\n");
        CliRun run = CliRun.of("diff", "HEAD~1", "HEAD", repo.resolve("studies/x.study").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("| alpha |"), "the runs' sizes moved between the revisions, so alpha did:\n"
                + run.out());
        CliRun same = CliRun.of("diff", "HEAD:" + repo.resolve("studies/x.study"), "HEAD:"
                + repo.resolve("studies/x.study"));
        assertEquals(0, same.code(), same.err());
        assertTrue(!same.out().contains("| alpha |"), same.out());
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
