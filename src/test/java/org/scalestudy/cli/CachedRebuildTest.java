package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;
import org.scalestudy.testsupport.CliRun;
import org.scalestudy.testsupport.PublishedSite;

/**
 * Compute once (issue 18): every published study built twice with one fit cache (the first build is the test JVM's
 * shared {@link PublishedSite}). The second build runs no fit
 * and no bootstrap refit (the decisions of gadre-dataset-choice and the joint fits' multipliers take the draws
 * kept in the cache), and writes a site byte-identical to the first's.
 */
@Tag("full")
class CachedRebuildTest {
    private static final Pattern SUMMARY =
            Pattern.compile("fits: (\\d+) run, (\\d+) from the cache; bootstrap refits: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void aSecondBuildOfEveryPublishedStudyRunsNothingAndWritesTheSameBytes() throws Exception {
        int tasks = Pipeline.check(StudyFiles.find(List.of(Path.of("studies/published")))).studies().stream()
                .mapToInt(s -> s.tasks().size()).sum();
        long[] cold = summary(PublishedSite.build());
        long[] warm = summary(build("warm"));
        assertEquals(tasks, cold[0] + cold[1], "every fit task of the cold build runs or is read back");
        // Only the 12 Eq. 2 fits that krajewski-direct-vs-two-stage and krajewski-functional-forms both state (the
        // same law, rows and bootstrap: the same key) can come from the cache in a cold build: whichever study
        // stores one first, the other may read it (both may fit it when they reach it at once).
        assertTrue(cold[1] <= 12, cold[1] + " fits of the cold build came from the cache");
        // epoch-chinchilla alone declares "bootstrap 1000"; gadre-dataset-choice two more fits of 1,000 each.
        assertTrue(cold[2] >= 3000, "the cold build ran " + cold[2] + " bootstrap refits");
        assertEquals(0, warm[0], "fits run by the cached rebuild");
        assertEquals(tasks, warm[1], "every fit of the cached rebuild comes from the cache");
        assertEquals(0, warm[2], "bootstrap refits run by the cached rebuild");
        Path coldSite = PublishedSite.site();
        List<Path> files = files(coldSite);
        assertEquals(files, files(dir.resolve("warm")), "the same files");
        assertTrue(files.size() > 9, "a site per study");
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(coldSite.resolve(f)),
                    Files.readAllBytes(dir.resolve("warm").resolve(f)), f.toString());
        }
    }

    private CliRun build(String out) {
        CliRun run = CliRun.of("build", "studies/published", "--out", dir.resolve(out).toString(), "--cache",
                PublishedSite.cache().toString());
        assertEquals(0, run.code(), run.err());
        return run;
    }

    /** Fits run, fits from the cache, bootstrap refits, from the build's summary line. */
    private static long[] summary(CliRun run) {
        Matcher m = SUMMARY.matcher(run.out());
        assertTrue(m.find(), run.out());
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
