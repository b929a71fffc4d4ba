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
 * A study reads files only inside its project (the nearest folder upwards holding studies/) or a folder named
 * with --data-root, judged after symbolic links are resolved. Layout of every test:
 * <pre>
 *   tmp/proj/studies/x.study
 *   tmp/proj/data/l.csv
 *   tmp/proj/external/shared -> ../../shared     (a symbolic link leaving the project)
 *   tmp/shared/l.csv, tmp/shared/secret.csv
 *   tmp/outside/l.csv
 * </pre>
 */
class DataSandboxTest {
    static final String CSV = "run,N,D,loss\na,1e7,2e8,4.0\nb,2e7,4e8,3.6\nc,4e7,8e8,3.3\nd,8e7,1.6e9,3.1\n"
            + "e,1.6e8,3.2e9,2.9\nf,3.2e8,6.4e9,2.75\n";

    @TempDir
    Path tmp;
    Path proj;

    @BeforeEach
    void layout() throws IOException {
        proj = tmp.resolve("proj");
        Files.createDirectories(proj.resolve("studies"));
        Files.createDirectories(proj.resolve("data"));
        Files.createDirectories(proj.resolve("external"));
        Files.createDirectories(tmp.resolve("shared"));
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(proj.resolve("data/l.csv"), CSV);
        Files.writeString(tmp.resolve("shared/l.csv"), CSV);
        Files.writeString(tmp.resolve("shared/secret.csv"), CSV);
        Files.writeString(tmp.resolve("outside/l.csv"), CSV);
        Files.createSymbolicLink(proj.resolve("external/shared"), Path.of("../../shared"));
    }

    /** Writes proj/studies/x.study reading {@code path} (the path string starts at line 2, column 20). */
    CliRun check(String path, String... more) throws IOException {
        Path study = proj.resolve("studies/x.study");
        Files.writeString(study, "study \"s\" {\n  data d = csv(\"" + path + "\")\n"
                + "  law l = chinchilla(N: N, D: D, y: loss)\n  fit l to d\n}\n");
        String[] args = new String[more.length + 2];
        args[0] = "check";
        args[1] = study.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.of(args);
    }

    @Test
    void aPathClimbingOutOfTheProjectIsRefusedAtItsLineAndColumn() throws IOException {
        CliRun run = check("../../../etc/passwd");
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("x.study:2:16: error: refusing to read data file '../../../etc/passwd': "),
                run.err());
        assertTrue(run.err().contains("is outside the study's project (" + proj.toAbsolutePath() + ")"), run.err());
        assertFalse(run.err().contains("root:"), "nothing of the file is read or shown");
    }

    @Test
    void anAbsolutePathOutsideTheProjectIsRefused() throws IOException {
        CliRun run = check(tmp.resolve("outside/l.csv").toAbsolutePath().toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("refusing to read data file"), run.err());
    }

    @Test
    void filesAnywhereInsideTheProjectAreRead() throws IOException {
        CliRun run = check("../data/l.csv");
        assertEquals(0, run.code(), run.err());
        run = check(proj.resolve("data/l.csv").toAbsolutePath().toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void aSymbolicLinkLeavingTheProjectIsRefusedUnlessItsTargetIsADataRoot() throws IOException {
        // Links are resolved first: proj/external/shared/l.csv is tmp/shared/l.csv, outside the project.
        CliRun run = check("../external/shared/l.csv");
        assertEquals(Main.STUDY_ERRORS, run.code(), run.err());
        assertTrue(run.err().contains("x.study:2:16: error: refusing to read data file '../external/shared/l.csv': "
                + proj.resolve("external/shared/l.csv") + " (which is " + tmp.resolve("shared/l.csv")
                + " after symbolic links) is outside the study's project"), run.err());
        run = check("../external/shared/l.csv", "--data-root", tmp.resolve("shared").toString());
        assertEquals(0, run.code(), "the link's target named as a data root is allowed: " + run.err());
    }

    @Test
    void climbingOutOfASymbolicLinkIsJudgedWhereTheFileSystemGoes() throws IOException {
        // Lexically proj/external/secret.csv; the file system reads tmp/secret.csv's ... tmp/shared/../secret.csv.
        CliRun run = check("../external/shared/../secret.csv");
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("x.study:2:16: error: refusing to read data file "
                + "'../external/shared/../secret.csv': " + proj.resolve("external/secret.csv") + " (which is "
                + tmp.resolve("secret.csv") + " after symbolic links)"), run.err());
    }

    @Test
    void aDataRootOnTheCommandLineAllowsAFolderOutside() throws IOException {
        String path = "../../outside/l.csv";
        assertEquals(Main.STUDY_ERRORS, check(path).code());
        CliRun run = check(path, "--data-root", tmp.resolve("outside").toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(Main.STUDY_ERRORS, check("../../shared/l.csv", "--data-root",
                tmp.resolve("outside").toString()).code(), "a data root allows itself, not its siblings");
    }

    @Test
    void withoutAStudiesFolderTheProjectIsTheStudysOwnFolder() throws IOException {
        Path loose = tmp.resolve("loose");
        Files.createDirectories(loose.resolve("d"));
        Files.writeString(loose.resolve("d/l.csv"), CSV);
        String body = "  law l = chinchilla(N: N, D: D, y: loss)\n  fit l to d\n}\n";
        Files.writeString(loose.resolve("ok.study"), "study \"s\" {\n  data d = csv(\"d/l.csv\")\n" + body);
        Files.writeString(loose.resolve("out.study"), "study \"s\" {\n  data d = csv(\"../outside/l.csv\")\n" + body);
        assertEquals(0, CliRun.of("check", loose.resolve("ok.study").toString()).code());
        CliRun run = CliRun.of("check", loose.resolve("out.study").toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("is outside the study's project (" + loose.toAbsolutePath() + ")"), run.err());
    }
}
