package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * Every path a reader follows goes through the one sandbox, symbolic links first: lm_eval's {@code manifest:}
 * (absolute, {@code ..}, a link), the result files a manifest lists (absolute, {@code ..}, a link leaving the
 * results folder), and the files the gadre reader finds in its folder. Before, all of these were read and their
 * values published. Layout:
 * <pre>
 *   tmp/proj/studies/x.study            reads lm_eval("data/lm", manifest: ...)
 *   tmp/proj/studies/data/lm/a.json, b.json
 *   tmp/proj/studies/data/runs.csv      a good manifest
 *   tmp/outside/manifest.csv, secret.json (score 0.987654321, a value that must never be read)
 * </pre>
 */
class ReaderSandboxTest {
    static final String SECRET = "0.987654321";

    @TempDir
    Path tmp;
    Path proj;
    Path data;

    static String result(String acc) {
        return "{\"results\": {\"arc_easy\": {\"acc,none\": " + acc + "}}}\n";
    }

    @BeforeEach
    void layout() throws IOException {
        proj = tmp.resolve("proj");
        data = proj.resolve("studies/data");
        Files.createDirectories(data.resolve("lm"));
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(data.resolve("lm/a.json"), result("0.41"));
        Files.writeString(data.resolve("lm/b.json"), result("0.47"));
        Files.writeString(data.resolve("lm/c.json"), result("0.52"));
        Files.writeString(data.resolve("runs.csv"), "file,params,tokens\na.json,1e8,2e9\nb.json,2e8,4e9\nc.json,4e8,8e9\n");
        Files.writeString(tmp.resolve("outside/secret.json"), result(SECRET));
        Files.writeString(tmp.resolve("outside/manifest.csv"), "file,params,tokens\n" + tmp.resolve("outside/secret.json")
                + ",1e8,2e9\n");
    }

    /** proj/studies/x.study with the manifest option as given; the option's value starts at line 2, column 42. */
    CliRun check(String manifest) throws IOException {
        Path study = proj.resolve("studies/x.study");
        Files.writeString(study, "study \"s\" {\n  data d = lm_eval(\"data/lm\", manifest: \"" + manifest + "\") {\n"
                + "    where metric == \"acc\"\n    let C = 6 * params * tokens\n  }\n"
                + "  law l = direct_power(x: C, y: score, baseline: 0.25)\n  fit l to d\n}\n");
        return CliRun.of("check", study.toString());
    }

    /** proj/studies/NAME.study reading data with {@code reader} and fitting params to {@code y}. */
    CliRun checkStudy(String name, String reader, String y) throws IOException {
        Path study = proj.resolve("studies/" + name + ".study");
        Files.writeString(study, "study \"s\" {\n  data d = " + reader + "\n"
                + "  law l = direct_power(x: params, y: " + y + ")\n  fit l to d\n}\n");
        return CliRun.of("check", study.toString());
    }

    private void refused(CliRun run, String where) {
        assertEquals(Main.STUDY_ERRORS, run.code(), run.err());
        assertTrue(run.err().contains(where), "refused at " + where + ":\n" + run.err());
        assertFalse(run.err().contains(SECRET) || run.err().contains("root:"), "nothing of the file is shown");
    }

    @Test
    void theGoodManifestIsRead() throws IOException {
        CliRun run = check("data/runs.csv");
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void aManifestOutsideTheProjectIsRefusedAtTheOption() throws IOException {
        refused(check("../../outside/manifest.csv"), "x.study:2:41: error: refusing to read manifest "
                + "'../../outside/manifest.csv': ");
        refused(check(tmp.resolve("outside/manifest.csv").toString()), "x.study:2:41: error: refusing to read manifest");
        refused(check("/etc/passwd"), "x.study:2:41: error: refusing to read manifest '/etc/passwd': /etc/passwd is "
                + "outside the study's project");
    }

    @Test
    void aManifestThroughASymbolicLinkLeavingTheProjectIsRefused() throws IOException {
        Files.createSymbolicLink(data.resolve("linked.csv"), tmp.resolve("outside/manifest.csv"));
        refused(check("data/linked.csv"), "x.study:2:41: error: refusing to read manifest 'data/linked.csv': ");
    }

    @Test
    void aManifestRowOutsideTheResultsFolderIsRefusedAtItsCell() throws IOException {
        // absolute, outside everything
        Files.writeString(data.resolve("runs.csv"), "file,params,tokens\na.json,1e8,2e9\n"
                + tmp.resolve("outside/secret.json") + ",2e8,4e9\n");
        refused(check("data/runs.csv"), "runs.csv:3:1: error: refusing to read result file '");
        // '..' inside the project but out of the results folder the manifest describes
        Files.copy(data.resolve("lm/c.json"), data.resolve("c.json"));
        Files.writeString(data.resolve("runs.csv"), "file,params,tokens\na.json,1e8,2e9\n../c.json,2e8,4e9\n");
        refused(check("data/runs.csv"), "runs.csv:3:1: error: refusing to read result file '../c.json': ");
        // a link inside the folder that leads out
        Files.createSymbolicLink(data.resolve("lm/s.json"), tmp.resolve("outside/secret.json"));
        Files.writeString(data.resolve("runs.csv"), "file,params,tokens\na.json,1e8,2e9\ns.json,2e8,4e9\n");
        refused(check("data/runs.csv"), "runs.csv:3:1: error: refusing to read result file 's.json': ");
    }

    @Test
    void aDataFileThroughALinkLeavingTheProjectIsRefusedUnlessItsTargetIsADataRoot() throws IOException {
        Files.createSymbolicLink(data.resolve("out"), tmp.resolve("outside"));
        CliRun run = checkStudy("y", "lm_eval(\"data/out\", manifest: \"data/runs.csv\")", "score");
        refused(run, "y.study:2:20: error: refusing to read data file 'data/out': ");
        assertTrue(run.err().contains("after symbolic links"), run.err());
    }

    @Test
    void theGadreReaderRefusesALinkInItsFolderThatLeadsOut() throws IOException {
        Path release = data.resolve("gadre");
        Files.createDirectories(release.resolve("models"));
        Files.createDirectories(release.resolve("evals"));
        Files.writeString(tmp.resolve("outside/m.json"), "{\"name\": \"m\", \"params\": 1e8}\n");
        Files.createSymbolicLink(release.resolve("models/m.json"), tmp.resolve("outside/m.json"));
        CliRun run = checkStudy("g", "gadre(\"data/gadre\", per: \"run\")", "loss");
        refused(run, "refusing to read this file: ");
        assertTrue(run.err().contains("m.json"), "names the file: " + run.err());
    }

    @Test
    void problemsInAManifestNameTheManifestNotTheFolder() throws IOException {
        Files.writeString(data.resolve("runs.csv"), "file,params,tokens\na.json,1e8,2e9\nb.json,-2e8,4e9\n"
                + "a.json,1e8,2e9\n");
        CliRun run = check("data/runs.csv");
        assertEquals(Main.STUDY_ERRORS, run.code(), run.err());
        assertTrue(run.err().contains("runs.csv:3:2: error: column 'params'"), run.err());
        assertFalse(run.err().contains("data/lm:"), "no problem is placed in the folder: " + run.err());
    }
}
