package org.scalestudy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.scalestudy.law.Chinchilla;

/**
 * Issue 18's start-up targets, whole-process, as a user runs it: {@code bin/scalestudy --version} and a one-fit
 * Chinchilla study (Epoch AI's 240 runs, the law's 4,500-start grid, no bootstrap, {@code --no-cache}) run as new
 * JVMs by the launcher, with its defaults (the class-data archive {@code mvn package} makes, the JIT's first tier
 * only), then with the archive off ({@code SCALESTUDY_CDS=off}) and with the optimising JIT back
 * ({@code SCALESTUDY_JAVA_OPTS=-XX:TieredStopAtLevel=4}, the JVM's default); optionally the baseline's jar run
 * plainly ({@code java -jar}, as it ran before this work); then scipy's L-BFGS-B from the same 4,500 starts
 * ({@code chinchilla_scipy.py}, as {@link ChinchillaBootstrapBench} runs it), and the ratios (target: at least
 * 20x). Runs are interleaved (one of each variant, then again) so that a busy machine slows all alike. Prints medians
 * of the wall-clock seconds and of the child's CPU seconds (from {@code /proc/self/stat}).
 *
 * <pre>mvn -q package -DskipTests &amp;&amp; mvn -q -o test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.StartupBench -Dexec.classpathScope=test</pre>
 *
 * Optional arguments: the whole-process repetitions (default 7), scipy's repetitions (default 1; 0 skips it), a
 * baseline jar (e.g. 19c634e's, built as {@code run/ColdBuildBench} says). {@code -Dbench.flags}: more
 * {@code SCALESTUDY_JAVA_OPTS} to time the one-fit study with, each ';'-separated set one more variant.
 */
public final class StartupBench {
    private static final Path LAUNCHER = Path.of("bin/scalestudy").toAbsolutePath();
    private static final Path JAR = Path.of("target/scalestudy.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target/scalestudy.jsa").toAbsolutePath();
    private static final Path DATA = Path.of("studies/published/data/epoch-chinchilla/svg_extracted_data.csv");
    /** Issue 18's figures for today's build (median of 5, 2 cores): one fit, --version, scipy / one fit. */
    private static final double ISSUE_ONE_FIT = 1.04;
    private static final double ISSUE_VERSION = 0.17;
    private static final double ISSUE_RATIO = 15.8;

    private StartupBench() {
    }

    /** One way of running: a name, the command's first words, and environment variables to set. */
    private record Variant(String name, List<String> command, Map<String, String> env) { }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int scipyRepeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path baselineJar = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(ARCHIVE)) {
            throw new IllegalStateException("run 'mvn -q package -DskipTests' first: " + JAR + " and " + ARCHIVE
                    + " are made by it");
        }
        Path dir = Files.createTempDirectory("startup-bench");
        Path study = ChinchillaBootstrapBench.epochStudy(DATA, dir, "");
        List<String> oneFit = List.of("build", study.toString(), "--out", dir.resolve("site").toString(), "--no-cache",
                "-q");
        List<String> launcher = List.of(LAUNCHER.toString());
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("--version, launcher defaults", concat(launcher, List.of("--version")), Map.of()),
                new Variant("one-fit study, launcher defaults", concat(launcher, oneFit), Map.of()),
                new Variant("one-fit study, archive off", concat(launcher, oneFit), Map.of("SCALESTUDY_CDS", "off")),
                new Variant("one-fit study, optimising JIT on", concat(launcher, oneFit),
                        Map.of("SCALESTUDY_JAVA_OPTS", "-XX:TieredStopAtLevel=4"))));
        for (String set : System.getProperty("bench.flags", "").split(";")) {
            if (!set.isBlank()) {
                variants.add(new Variant("one-fit study, " + set.trim(), concat(launcher, oneFit),
                        Map.of("SCALESTUDY_JAVA_OPTS", set.trim())));
            }
        }
        if (baselineJar != null) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            variants.add(new Variant("one-fit study, baseline jar, java -jar",
                    concat(List.of(java, "-jar", baselineJar.toString()), oneFit), Map.of()));
        }
        System.out.printf(Locale.ROOT, "Whole-process start-up, %d runs each (interleaved), %d processors, %s %s%n",
                repeats, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        for (Variant v : variants) {
            run(v, dir); // warm the page cache
        }
        double[][][] t = new double[variants.size()][2][repeats];
        for (int i = 0; i < repeats; i++) {
            for (int k = 0; k < t.length; k++) {
                double[] s = run(variants.get(k), dir);
                t[k][0][i] = s[0];
                t[k][1][i] = s[1];
            }
        }
        for (int k = 0; k < t.length; k++) {
            WallAndCpu.report(variants.get(k).name(), t[k], 40);
        }
        System.out.printf(Locale.ROOT, "  issue 18's figures before this work: --version %.2f s, one-fit study %.2f s%n",
                ISSUE_VERSION, ISSUE_ONE_FIT);
        if (scipyRepeats == 0) {
            return;
        }
        double[] scipy = scipy(dir, scipyRepeats);
        if (scipy == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "  scipy L-BFGS-B from the same %d starts (one BLAS thread): %.2f s wall, %.2f CPU s"
                + " (median of %d)%n", Chinchilla.startGrid().size(), scipy[0], scipy[1], scipyRepeats);
        for (int k = 1; k < t.length; k++) {
            System.out.printf(Locale.ROOT, "  %-40s %5.1fx faster than scipy (%.1fx in CPU time)%s%n",
                    variants.get(k).name() + ":", scipy[0] / WallAndCpu.median(t[k][0]),
                    scipy[1] / WallAndCpu.median(t[k][1]), k == 1 ? "; target >= 20x, issue 18's figure "
                            + ISSUE_RATIO + "x" : "");
        }
    }

    /** Runs the variant (a new process) and returns its wall-clock and CPU seconds; fails unless it exits 0. */
    private static double[] run(Variant variant, Path dir) throws IOException, InterruptedException {
        double cpu = childrenCpu();
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(variant.command()).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("SCALESTUDY_JAVA_OPTS");
        builder.environment().remove("SCALESTUDY_CDS");
        builder.environment().putAll(variant.env());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", variant.command()) + " failed:\n" + out);
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
