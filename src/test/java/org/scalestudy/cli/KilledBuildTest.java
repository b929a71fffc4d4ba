package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * A build killed with SIGKILL (Process.destroyForcibly) at any moment leaves the previous site complete: the
 * build runs in a child JVM, over a site an earlier build wrote, with a study whose title has changed (so the
 * new site differs from the old one in every study page). Whenever it is killed — while the JVM starts, while
 * it fits, as soon as its temporary site folder appears, as soon as that folder holds a study page — the site
 * folder afterwards is byte for byte the old site or the complete new one, never a mixture or a part. (Between
 * the swap's two renames the site folder is briefly absent and the old site sits whole in {@code .site-old};
 * the next build puts it back first.) A build after every kill succeeds and writes the new site.
 */
@Tag("full")
class KilledBuildTest {
    @TempDir
    Path dir;
    @TempDir
    Path cache;

    /** A build in this JVM; its fits come from the cache after the first (titles are not part of a fit's key). */
    CliRun buildHere(Path study, Path out) {
        return CliRun.of("build", study.toString(), "--out", out.toString(), "--cache", cache.toString());
    }

    /** Six Chinchilla fits (4,500 starts each) keep the child busy for several seconds. */
    static String study(String title) {
        return "study \"" + title + "\" {\n  data d = csv(\"l.csv\")\n"
                + "  law l = chinchilla(N: N, D: D, y: loss)\n  fit l to d by trial\n}\n";
    }

    static String ladder() {
        StringBuilder csv = new StringBuilder("run,trial,N,D,loss\n");
        double[] sizes = {1e7, 2e7, 4e7, 8e7, 1.6e8, 3.2e8};
        int[] ratios = {10, 20, 40};
        for (int seed = 0; seed < 6; seed++) {
            for (double n : sizes) {
                for (int r : ratios) {
                    double d = r * n;
                    double loss = 1.8 + 400 / Math.pow(n, 0.34) + 2000 / Math.pow(d, 0.28) + 0.001 * seed;
                    csv.append("s").append(seed).append("-").append((long) n).append("-").append(r).append(',')
                            .append(seed).append(',').append(n).append(',').append(d).append(',').append(loss)
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    @Test
    void killingABuildAtAnyMomentLeavesTheOldOrTheNewSiteWhole() throws Exception {
        Files.writeString(dir.resolve("l.csv"), ladder());
        Path studyFile = dir.resolve("k.study");
        Path site = dir.resolve("site");
        Files.writeString(studyFile, study("Old title"));
        CliRun first = buildHere(studyFile, site);
        assertEquals(0, first.code(), first.err());
        Map<String, String> oldSite = BuildEndToEndTest.tree(site);
        Files.writeString(studyFile, study("New title"));
        Path reference = dir.resolve("reference");
        assertEquals(0, buildHere(studyFile, reference).code());
        Map<String, String> newSite = BuildEndToEndTest.tree(reference);
        assertTrue(!oldSite.equals(newSite), "the two builds differ, so a mixture would show");

        List<String> moments = new ArrayList<>();
        List<BooleanSupplier> triggers = new ArrayList<>();
        for (long ms : new long[] {150, 700, 1500, 3000}) {
            long[] start = new long[1];
            moments.add("after " + ms + " ms");
            triggers.add(() -> {
                if (start[0] == 0) {
                    start[0] = System.nanoTime();
                }
                return System.nanoTime() - start[0] >= ms * 1_000_000L;
            });
        }
        moments.add("as soon as the temporary site folder appears");
        triggers.add(() -> tempSite(site) != null);
        moments.add("as soon as the temporary site folder holds the study page");
        triggers.add(() -> {
            Path tmp = tempSite(site);
            return tmp != null && Files.exists(tmp.resolve("k/index.html"));
        });

        int kills = 0;
        for (int i = 0; i < moments.size(); i++) {
            Process child = startBuild(studyFile, site);
            BooleanSupplier trigger = triggers.get(i);
            boolean killed = false;
            while (child.isAlive()) {
                if (trigger.getAsBoolean()) {
                    child.destroyForcibly();
                    killed = true;
                    break;
                }
                Thread.sleep(0, 200_000);
            }
            child.waitFor();
            kills += killed ? 1 : 0;
            String when = moments.get(i) + (killed ? "" : " (the build finished first)");
            if (Files.exists(site)) {
                Map<String, String> now = BuildEndToEndTest.tree(site);
                assertTrue(now.equals(oldSite) || now.equals(newSite),
                        "killed " + when + ": the site is the old or the new one, whole; files " + now.keySet());
            } else {
                assertEquals(oldSite, BuildEndToEndTest.tree(dir.resolve(".site-old")),
                        "killed " + when + " between the two renames: the old site is whole in .site-old");
            }
            CliRun again = buildHere(studyFile, site);
            assertEquals(0, again.code(), "the build after a kill " + when + " succeeds: " + again.err());
            assertEquals(newSite, BuildEndToEndTest.tree(site), "and writes the new site");
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of("k.study", "l.csv", "reference", "site"),
                        left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no temporary or old folder is left after the next build");
            }
            // Back to the old site for the next moment.
            Files.writeString(studyFile, study("Old title"));
            assertEquals(0, buildHere(studyFile, site).code());
            assertEquals(oldSite, BuildEndToEndTest.tree(site));
            Files.writeString(studyFile, study("New title"));
        }
        assertTrue(kills >= 4, "most builds were killed before they finished, not after: " + kills + " of 6");
    }

    static Process startBuild(Path study, Path site) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", study.toString(),
                "--out", site.toString(), "--no-cache", "--quiet");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static Path tempSite(Path site) {
        try (Stream<Path> s = Files.list(site.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(".site-tmp-")).findFirst().orElse(null);
        } catch (IOException e) {
            return null; // listed while a folder was renamed: look again
        }
    }
}
