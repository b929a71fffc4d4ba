package org.scalestudy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The issue 18 targets for the run stage, printed beside the baseline's figures: a cold build (no fit cache) of
 * every study in {@code studies/published/}, whole-process, by the baseline's jar and by this build's, alternating
 * in the same run (the machine is shared, so only an interleaved comparison means anything), with the medians of
 * their wall times and the ratio (target: at most 0.5); whether the two sites are byte-identical; and a cached
 * rebuild by this build (target: 0 fits and 0 bootstrap refits).
 *
 * <p>The baseline is commit 19c634e with {@code run/Workers} calling its work directly, so that parallel streams
 * run on the common ForkJoin pool as they did before the run stage had its own pool:
 *
 * <pre>
 * git archive 19c634e | tar -x -C /tmp/baseline   # then in run/Workers.call: return work.get();
 * (cd /tmp/baseline &amp;&amp; mvn -q package -DskipTests)
 * mvn -q package -DskipTests
 * mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.run.ColdBuildBench \
 *     -Dexec.classpathScope=test -Dexec.arguments=/tmp/baseline/target/scalestudy.jar,bin/scalestudy,3
 * </pre>
 *
 * <p>The second argument may be a jar (run as {@code java -jar}) or the launcher {@code bin/scalestudy} (run as a
 * user runs it, with its JVM options and class-data archive). ({@code -Dexec.arguments}, comma-separated, not
 * {@code -Dexec.args}: the build's own {@code exec} steps would read that one as their command line.)
 * <pre>
 * </pre>
 */
public final class ColdBuildBench {
    private static final Pattern SUMMARY =
            Pattern.compile("fits: (\\d+) run, (\\d+) from the cache[^;]*; bootstrap refits: (\\d+)");

    private ColdBuildBench() {
    }

    public static void main(String[] args) throws Exception {
        Path baseline = Path.of(args[0]);
        Path current = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // the studies built (default studies/published): when main has studies the baseline cannot read, a
        // directory holding the others (with their data) keeps the comparison like for like
        String studies = args.length > 3 ? args[3] : "studies/published";
        Path work = Files.createTempDirectory("cold-build");
        System.out.printf(Locale.ROOT, "cold build of " + studies + ", whole process, %d repetitions each, "
                        + "alternating; %d processors, %s %s%n", repeats, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        double[] before = new double[repeats];
        double[] after = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            before[i] = build(studies, baseline, work.resolve("baseline"), "--no-cache").wall;
            after[i] = build(studies, current, work.resolve("current"), "--no-cache").wall;
            System.out.printf(Locale.ROOT, "  round %d: baseline %6.1f s, this build %6.1f s%n", i + 1, before[i],
                    after[i]);
        }
        double b = median(before);
        double a = median(after);
        System.out.printf(Locale.ROOT, "  baseline (19c634e, common pool)  median %6.1f s wall%n", b);
        System.out.printf(Locale.ROOT, "  this build (own pool)            median %6.1f s wall%n", a);
        System.out.printf(Locale.ROOT, "  ratio %.2f (target: at most 0.50)%n", a / b);
        System.out.println("  sites byte-identical: " + differences(work.resolve("baseline"), work.resolve("current")));
        build(studies, current, work.resolve("cached"), "--cache", work.resolve("cache").toString());
        Run again = build(studies, current, work.resolve("cached"), "--cache", work.resolve("cache").toString());
        Matcher m = SUMMARY.matcher(again.out);
        if (!m.find()) {
            throw new IllegalStateException("no summary in: " + again.out);
        }
        System.out.printf(Locale.ROOT, "  cached rebuild: %s fits run, %s from the cache, %s bootstrap refits "
                + "(target: 0 and 0), %.1f s wall%n", m.group(1), m.group(2), m.group(3), again.wall);
    }

    private record Run(double wall, String out) { }

    private static Run build(String studies, Path jar, Path out, String... cache)
            throws IOException, InterruptedException {
        // a jar runs as java -jar (the baseline ran so); anything else is a launcher, run as it is (bin/scalestudy,
        // with its JVM options and class-data archive, as a user runs this build)
        List<String> command = new ArrayList<>(jar.toString().endsWith(".jar")
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                : List.of(jar.toAbsolutePath().toString()));
        command.addAll(List.of("build", studies, "--out", out.toString()));
        command.addAll(Arrays.asList(cache));
        Path log = Files.createTempFile("cold-build", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code + ":\n" + text);
        }
        return new Run(wall, text);
    }

    /** "yes", or how many files differ or are missing on either side. */
    private static String differences(Path a, Path b) throws IOException {
        List<Path> left = files(a);
        List<Path> right = files(b);
        int differ = 0;
        for (Path f : left) {
            if (!right.contains(f) || Files.mismatch(a.resolve(f), b.resolve(f)) != -1) {
                differ++;
            }
        }
        for (Path f : right) {
            differ += left.contains(f) ? 0 : 1;
        }
        return differ == 0 ? "yes (" + left.size() + " files)" : "no: " + differ + " of " + left.size() + " files differ";
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
