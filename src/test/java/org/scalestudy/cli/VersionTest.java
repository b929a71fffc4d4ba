package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalestudy.testsupport.CliRun;

/** {@code --version} names the version pom.xml builds (the release tag's, one source of truth) and the commit. */
class VersionTest {

    @Test
    void versionIsThePomsRevisionAndTheCommitIsThisCheckoutsHead() throws IOException, InterruptedException {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.code());
        // pom.xml: <revision>X</revision> is the default the release workflow overrides with -Drevision=<tag>
        Matcher revision = Pattern.compile("<revision>([^<]+)</revision>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(revision.find(), "pom.xml declares the revision property");
        String head = git("rev-parse", "HEAD");
        assertTrue(head.matches("[0-9a-f]{40}"), head);
        // tests run on this build's classes, so the commit is the one checked out (modified when the tree was)
        Matcher line = Pattern.compile("scalestudy (\\S+) \\(commit ([0-9a-f]{40})(, modified)?\\)\n").matcher(run.out());
        assertTrue(line.matches(), "'" + run.out() + "'");
        assertEquals(revision.group(1), line.group(1));
        assertEquals(head, line.group(2));
        assertEquals(revision.group(1), Version.VERSION, "the site and fit cache use the same version");
    }

    @Test
    void theReleaseWorkflowSetsTheVersionFromTheTagAndPublishesChecksums() throws IOException {
        String yml = Files.readString(Path.of(".github/workflows/release.yml"));
        assertTrue(yml.contains("tags: ['v*']"), "runs on version tags");
        assertTrue(yml.contains("-Drevision=\"$VERSION\""), "the tag is the version the jar is built with");
        assertTrue(yml.contains("mvn -B verify -Pfull -Drevision=\"$VERSION\""), "the full test suite runs before release");
        assertTrue(yml.contains("sha256sum") && yml.contains("SHA256SUMS"), "checksums are published");
        assertTrue(yml.contains("scalestudy-$VERSION.jar"), "the jar is named by its version");
    }

    private static String git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
