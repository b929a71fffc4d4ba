package org.scalestudy.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalestudy.bench.WallAndCpu;
import org.scalestudy.report.SiteBuilder;
import org.scalestudy.results.StudyResult;

/**
 * What the prediction intervals cost: a cold build of every study in {@code studies/published/} (check, fit
 * without the cache, write the site, in this JVM) with the rolling-origin back-tests that size the intervals,
 * against the same build without them (the baseline), alternating, in the same run. Prints the medians of wall
 * and CPU seconds. The target (issue 16): under 60 s wall on 2 cores with the intervals.
 *
 * <pre>mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.run.IntervalCostBench -Dexec.classpathScope=test</pre>
 *
 * Optional argument: timed repetitions of each (default 3); one build of each first warms up.
 */
public final class IntervalCostBench {
    private IntervalCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "cold build of studies/published, %d repetitions, %d processors, %s %s%n",
                repeats, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        Path out = Files.createTempDirectory("interval-cost");
        build(false, out);
        build(true, out);
        List<double[]> without = new ArrayList<>();
        List<double[]> with = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            without.add(once(false, out));
            with.add(once(true, out));
        }
        double baseWall = median(without, 0);
        double wall = median(with, 0);
        System.out.printf(Locale.ROOT, "  without back-tests (baseline)  median %6.1f s wall, %6.1f s CPU%n", baseWall,
                median(without, 1));
        System.out.printf(Locale.ROOT, "  with back-tests and intervals  median %6.1f s wall, %6.1f s CPU%n", wall,
                median(with, 1));
        System.out.printf(Locale.ROOT, "  intervals add %.1f s wall (x%.2f); target: under 60 s wall on 2 cores%n",
                wall - baseWall, wall / baseWall);
    }

    private static double[] once(boolean backtests, Path out) {
        double[][] t = WallAndCpu.time(1, () -> build(backtests, out));
        return new double[] {t[0][0], t[1][0]};
    }

    private static Object build(boolean backtests, Path out) {
        try {
            Pipeline.Checked checked = Pipeline.check(StudyFiles.find(List.of(Path.of("studies/published"))));
            FitRunner runner = new FitRunner(null, Progress.NONE, backtests);
            List<StudyResult> results = new ArrayList<>();
            for (int i = 0; i < checked.studies().size(); i++) {
                results.add(Interpreter.run(checked.studies().get(i), checked.files().get(i), checked.hashes().get(i),
                        runner));
            }
            new SiteBuilder().build(results, out.resolve("site"));
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<double[]> times, int which) {
        double[] v = times.stream().mapToDouble(t -> t[which]).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
