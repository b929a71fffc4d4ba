package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * Fits are cached by a content hash of their inputs: an unchanged rebuild runs no fit, and a site built from
 * the cache is byte-identical to one built without it. The study has three groups, two laws (one with a
 * bootstrap and targets, so intervals and bands go through the cache too): six fits.
 */
class IncrementalBuildTest {
    static final String STUDY = """
            study "Incremental" {
              data d = csv("ladder.csv") { let C = 6 * N * D }
              law direct = direct_power(x: C, y: acc, baseline: 0.25)
              law mine = acc ~ 1 - exp(a) * C^(-alpha) {
                param a in [-10, 10] start 0, 2
                param alpha in [0, 2] start 0.1
              }
              fit direct to d by task
                window N <= 4e8
                holdout N > 4e8
                bootstrap 20 seed 7
                predict 1e22
              fit mine to d by task
            }
            """;

    @TempDir
    Path dir;

    /** acc = 1 - 0.75 * exp(-(A C^-alpha)) style ladder: four sizes per task, accuracies rising with compute. */
    static String ladder(double bump) {
        StringBuilder csv = new StringBuilder("run,task,N,D,acc\n");
        String[] tasks = {"t1", "t2", "t3"};
        double[] sizes = {5e7, 1e8, 2e8, 4e8, 8e8};
        for (int t = 0; t < tasks.length; t++) {
            for (int s = 0; s < sizes.length; s++) {
                double c = 6 * sizes[s] * 20 * sizes[s];
                double q = Math.exp(-(200 + 40 * t) * Math.pow(c, -0.12));
                double acc = 0.25 + 0.75 * q + (t == 2 && s == 0 ? bump : 0);
                csv.append("r").append(t).append(s).append(',').append(tasks[t]).append(',').append(sizes[s])
                        .append(',').append(20 * sizes[s]).append(',').append(acc).append('\n');
            }
        }
        return csv.toString();
    }

    Path project(String study, String data) throws IOException {
        Files.writeString(dir.resolve("ladder.csv"), data);
        Path file = dir.resolve("inc.study");
        Files.writeString(file, study);
        return file;
    }

    CliRun build(Path study, String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("build", study.toString(), "--out",
                dir.resolve(out).toString(), "--cache", dir.resolve("cache").toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return run;
    }

    @Test
    void anUnchangedRebuildRunsNoFitAndWritesTheSameBytes() throws IOException {
        Path study = project(STUDY, ladder(0));
        CliRun fresh = build(study, "fresh", "--no-cache");
        assertTrue(fresh.out().contains("fits: 6 run, 0 from the cache (cache off)"), fresh.out());
        CliRun cold = build(study, "cold");
        assertTrue(cold.out().contains("fits: 6 run, 0 from the cache"), cold.out());
        CliRun warm = build(study, "warm");
        assertTrue(warm.out().contains("fits: 0 run, 6 from the cache"), warm.out());
        assertEquals(BuildEndToEndTest.tree(dir.resolve("fresh")), BuildEndToEndTest.tree(dir.resolve("warm")));
        assertEquals(BuildEndToEndTest.tree(dir.resolve("fresh")), BuildEndToEndTest.tree(dir.resolve("cold")));
        assertTrue(Files.readString(dir.resolve("warm/inc/results.json")).contains("\"uncertainty\" : {")
                || Files.readString(dir.resolve("warm/inc/results.json")).contains("\"resamples\""),
                "the bootstrap went through the cache");
    }

    @Test
    void changingOneRowRefitsOnlyTheFitsThatUseIt() throws IOException {
        Path study = project(STUDY, ladder(0));
        build(study, "a");
        project(STUDY, ladder(0.01)); // task t3's smallest run: its two fits (direct, mine) change
        CliRun again = build(study, "b");
        assertTrue(again.out().contains("fits: 2 run, 4 from the cache"), again.out());
        assertEquals(BuildEndToEndTest.tree(dir.resolve("b")),
                BuildEndToEndTest.tree(freshBuild(study, "b-fresh")));
    }

    @Test
    void changingALawOrItsBootstrapRefitsItsFits() throws IOException {
        Path study = project(STUDY, ladder(0));
        build(study, "a");
        project(STUDY.replace("baseline: 0.25)", "baseline: 0.25, margin: 0.1)"), ladder(0));
        assertTrue(build(study, "b").out().contains("fits: 3 run, 3 from the cache"));
        project(STUDY.replace("baseline: 0.25)", "baseline: 0.25, margin: 0.1)").replace("seed 7", "seed 8"),
                ladder(0));
        assertTrue(build(study, "c").out().contains("fits: 3 run, 3 from the cache"));
        project(STUDY.replace("baseline: 0.25)", "baseline: 0.25, margin: 0.1)").replace("seed 7", "seed 8")
                .replace("start 0.1", "start 0.2"), ladder(0));
        assertTrue(build(study, "d").out().contains("fits: 3 run, 3 from the cache"));
    }

    @Test
    void movingAFitStatementKeepsItsFitsCachedAndItsNewLine() throws IOException {
        Path study = project(STUDY, ladder(0));
        build(study, "a");
        project("# a new first line\n" + STUDY, ladder(0));
        CliRun moved = build(study, "b");
        assertTrue(moved.out().contains("fits: 0 run, 6 from the cache"), moved.out());
        assertEquals(BuildEndToEndTest.tree(dir.resolve("b")),
                BuildEndToEndTest.tree(freshBuild(study, "b-fresh")), "line numbers follow the study");
    }

    @Test
    void damagedEntriesAreIgnoredAndRewritten() throws IOException {
        Path study = project(STUDY, ladder(0));
        build(study, "a");
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(dir.resolve("cache"))) {
            entries = walk.filter(p -> p.toString().endsWith(".fit")).sorted().toList();
        }
        assertEquals(6, entries.size());
        byte[] whole = Files.readAllBytes(entries.get(0));
        Files.write(entries.get(0), java.util.Arrays.copyOf(whole, whole.length / 2)); // truncated
        byte[] flipped = Files.readAllBytes(entries.get(1));
        flipped[flipped.length / 2] ^= 0x40; // one bit of the payload: the checksum catches it
        Files.write(entries.get(1), flipped);
        Files.writeString(entries.get(2), "not a cache entry");
        Files.write(entries.get(3), new byte[0]);
        CliRun again = build(study, "b");
        assertTrue(again.out().contains("fits: 4 run, 2 from the cache"), again.out());
        assertEquals(BuildEndToEndTest.tree(dir.resolve("a")), BuildEndToEndTest.tree(dir.resolve("b")));
        assertNotEquals(0, Files.size(entries.get(3)), "the damaged entry is rewritten");
        assertTrue(build(study, "c").out().contains("fits: 0 run, 6 from the cache"));
    }

    @Test
    void theDefaultCacheSitsBesideTheSiteFolderNotInIt() throws IOException {
        Path study = project(STUDY, ladder(0));
        CliRun run = CliRun.of("build", study.toString(), "--out", dir.resolve("out/site").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isDirectory(dir.resolve("out/.scalestudy-cache/fits")));
        try (Stream<Path> walk = Files.walk(dir.resolve("out/site"))) {
            assertTrue(walk.noneMatch(p -> p.toString().endsWith(".fit")), "no cache entry in the site");
        }
    }

    @Test
    void quietPrintsNothingOnSuccess() throws IOException {
        Path study = project(STUDY, ladder(0));
        CliRun run = build(study, "q", "--quiet");
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    Path freshBuild(Path study, String out) {
        build(study, out, "--no-cache");
        return dir.resolve(out);
    }
}
