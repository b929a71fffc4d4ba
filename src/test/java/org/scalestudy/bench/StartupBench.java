package org.scalestudy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.scalestudy.law.Chinchilla;

/**
 * Issue 18's start-up targets, whole-process: {@code scalestudy --version} and a one-fit Chinchilla study (Epoch
 * AI's 240 runs, the law's 4,500-start grid, no bootstrap, {@code --no-cache}) run as new JVMs from the packaged
 * jar, each with the class-data archive that {@code mvn package} makes ({@code target/scalestudy.jsa}, as
 * {@code bin/scalestudy} runs it) and without; then scipy's L-BFGS-B from the same 4,500 starts
 * ({@code chinchilla_scipy.py}, as {@link ChinchillaBootstrapBench} runs it), and the ratio (target: at least 20x).
 * Runs are interleaved (archive, none, archive, ...) so that a busy machine slows both alike. Prints medians of the
 * wall-clock seconds and of the child's CPU seconds (from {@code /proc/self/stat}; on an idle 2-core machine the
 * wall time is about the CPU time when one core does the work).
 *
 * <pre>mvn -q package -DskipTests &amp;&amp; mvn -q -o test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.StartupBench -Dexec.classpathScope=test</pre>
 *
 * Optional arguments: the whole-process repetitions (default 5), scipy's repetitions (default 1; 0 skips it).
 */
public final class StartupBench {
    private static final Path JAR = Path.of("target/scalestudy.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target/scalestudy.jsa").toAbsolutePath();
    private static final Path DATA = Path.of("studies/published/data/epoch-chinchilla/svg_extracted_data.csv");
    /** Issue 18's figures for today's build (median of 5, 2 cores): one fit, --version, scipy / one fit. */
    private static final double ISSUE_ONE_FIT = 1.04;
    private static final double ISSUE_VERSION = 0.17;
    private static final double ISSUE_RATIO = 15.8;

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int scipyRepeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(ARCHIVE)) {
            throw new IllegalStateException("run 'mvn -q package -DskipTests' first: " + JAR + " and " + ARCHIVE
                    + " are made by it");
        }
        Path dir = Files.createTempDirectory("startup-bench");
        Files.copy(DATA, dir.resolve("epoch.csv"));
        Path study = dir.resolve("one-fit.study");
        Files.writeString(study, "study \"epoch one fit\" {\n"
                + "  data runs = csv(\"epoch.csv\", params: \"Model Size\", flops: \"Training FLOP\", loss: loss) {\n"
                + "    let tokens = flops / (6 * params)\n    where loss < 3.42\n  }\n"
                + "  law approach3 = chinchilla(N: params, D: tokens, y: loss)\n"
                + "  fit approach3 to runs\n}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> withArchive = List.of(java, "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", JAR.toString());
        List<String> without = List.of(java, "-jar", JAR.toString());
        List<String> version = List.of("--version");
        List<String> oneFit = List.of("build", study.toString(), "--out", dir.resolve("site").toString(), "--no-cache",
                "-q");
        System.out.printf(Locale.ROOT, "Whole-process start-up, %d runs each (interleaved), %d processors, %s %s%n",
                repeats, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        run(withArchive, version, dir); // warm the page cache
        run(without, oneFit, dir);
        // -Dbench.flags: more JVM options to time the one-fit study with (and the archive), e.g.
        // "-XX:TieredStopAtLevel=1;-XX:+UseParallelGC": each ';'-separated set is one more variant
        List<String> flagSets = new java.util.ArrayList<>();
        for (String set : System.getProperty("bench.flags", "").split(";")) {
            if (!set.isBlank()) {
                flagSets.add(set.trim());
            }
        }
        List<List<String>> commands = new java.util.ArrayList<>(List.of(concat(withArchive, version),
                concat(without, version), concat(withArchive, oneFit), concat(without, oneFit)));
        List<String> names = new java.util.ArrayList<>(List.of("--version, with the CDS archive", "--version, without",
                "one-fit study, with the archive", "one-fit study, without"));
        for (String set : flagSets) {
            List<String> flagged = new java.util.ArrayList<>(withArchive.subList(0, 4));
            flagged.addAll(List.of(set.split(" +")));
            flagged.addAll(withArchive.subList(4, withArchive.size()));
            commands.add(concat(flagged, oneFit));
            names.add("one-fit study, archive, " + set);
        }
        double[][][] t = new double[commands.size()][][];
        for (int k = 0; k < t.length; k++) {
            t[k] = new double[2][repeats];
        }
        for (int i = 0; i < repeats; i++) {
            for (int k = 0; k < t.length; k++) {
                double[] s = run(commands.get(k), List.of(), dir);
                t[k][0][i] = s[0];
                t[k][1][i] = s[1];
            }
        }
        for (int k = 0; k < t.length; k++) {
            WallAndCpu.report(names.get(k), t[k], 34);
        }
        System.out.printf(Locale.ROOT, "  issue 18's figures before this work: --version %.2f s, one-fit study %.2f s%n",
                ISSUE_VERSION, ISSUE_ONE_FIT);
        System.out.printf(Locale.ROOT, "  the archive saves %.0f ms on --version and %.0f ms on the one-fit study "
                + "(medians, wall)%n", 1000 * (WallAndCpu.median(t[1][0]) - WallAndCpu.median(t[0][0])),
                1000 * (WallAndCpu.median(t[3][0]) - WallAndCpu.median(t[2][0])));
        if (scipyRepeats == 0) {
            return;
        }
        double[] scipy = scipy(dir, scipyRepeats);
        if (scipy == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "  scipy L-BFGS-B from the same %d starts (one BLAS thread): %.2f s wall, %.2f CPU s"
                + " (median of %d)%n", Chinchilla.startGrid().size(), scipy[0], scipy[1], scipyRepeats);
        System.out.printf(Locale.ROOT, "  the one-fit study, whole process, is %.1fx faster than scipy with the archive "
                + "(%.1fx in CPU time), %.1fx without (%.1fx); target >= 20x, issue 18's figure %.1fx%n",
                scipy[0] / WallAndCpu.median(t[2][0]), scipy[1] / WallAndCpu.median(t[2][1]), scipy[0] / WallAndCpu.median(t[3][0]),
                scipy[1] / WallAndCpu.median(t[3][1]), ISSUE_RATIO);
        for (int k = 4; k < t.length; k++) {
            System.out.printf(Locale.ROOT, "  %s: %.1fx faster than scipy (%.1fx in CPU time)%n", names.get(k),
                    scipy[0] / WallAndCpu.median(t[k][0]), scipy[1] / WallAndCpu.median(t[k][1]));
        }
    }

    /** Runs the command (a new process) and returns its wall-clock and CPU seconds; fails unless it exits 0. */
    private static double[] run(List<String> command, List<String> more, Path dir)
            throws IOException, InterruptedException {
        List<String> all = concat(command, more);
        double cpu = childrenCpu();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(all).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", all) + " failed:\n" + out);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new double[] {wall, childrenCpu() - cpu};
    }

    /** CPU seconds (user + system) of this process's waited-for children, from /proc; NaN elsewhere. */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 16 and 17 of stat (cutime, cstime) are 13 and 14 after the command name and state
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** scipy's median wall and CPU seconds over the grid, or null (with a message) without python3 and scipy. */
    private static double[] scipy(Path dir, int repeats) throws IOException, InterruptedException {
        List<String> lines = ScipyGrid.run(dir, ChinchillaGridBench.epochRows(DATA), Chinchilla.startGrid(), repeats);
        if (lines == null) {
            return null;
        }
        return new double[] {WallAndCpu.median(lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[0])).toArray()),
            WallAndCpu.median(lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).toArray())};
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
