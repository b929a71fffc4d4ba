package org.scalestudy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;

/**
 * What a full-procedure bootstrap resample costs for {@code across_ratios} (81 starts), {@code ceiling}
 * (150 starts) and {@code bnsl} (200 random starts), on Gadre et al.'s runs (arc_easy, every token
 * multiplier, fitted up to 411M parameters, one fit per pre-training dataset: 3 fits of 21 to 24 runs):
 * each law's study built with and without {@code bootstrap N} (default 200, {@code -Dbench.bootstrap}),
 * the difference divided by the resamples. Wall-clock and CPU seconds (CPU / processors is what an idle
 * machine would take).
 *
 * <pre>mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.ResampleCostBench -Dexec.classpathScope=test</pre>
 *
 * Optional argument: the timed repetitions (default 3). {@code -Dbench.laws=bnsl} times only the laws named
 * (comma-separated).
 */
public final class ResampleCostBench {
    private static final Path DATA = Path.of("studies/published/data").toAbsolutePath();

    private ResampleCostBench() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int resamples = Integer.getInteger("bench.bootstrap", 200);
        System.out.printf(Locale.ROOT, "Bootstrap cost per law: Gadre et al.'s arc_easy runs, %d resamples, %d processors%n",
                resamples, Runtime.getRuntime().availableProcessors());
        String only = System.getProperty("bench.laws", "across_ratios,ceiling,bnsl");
        for (String law : List.of("across_ratios(N: params, D: tokens, y: accuracy, baseline: baseline)",
                "ceiling(x: flops, y: accuracy, baseline: baseline)", "bnsl(x: flops, y: accuracy)")) {
            if (!List.of(only.split(",")).contains(law.substring(0, law.indexOf('(')))) {
                continue;
            }
            Path plain = study(law, "");
            Path boot = study(law, "bootstrap " + resamples + " seed 1");
            build(boot); // warm-up
            double[][] without = time(repeats, plain);
            double[][] with = time(repeats, boot);
            double perResampleCpu = (median(with[1]) - median(without[1])) / (3.0 * resamples);
            double perResampleWall = (median(with[0]) - median(without[0])) / (3.0 * resamples);
            System.out.printf(Locale.ROOT, "  %-14s study without bootstrap %.3f s wall (%.3f CPU s); with %.3f s wall"
                    + " (%.3f CPU s): %.2f ms CPU per resample (%.2f ms wall), %.1f CPU s per 1,000%n",
                    law.substring(0, law.indexOf('(')), median(without[0]), median(without[1]), median(with[0]),
                    median(with[1]), 1e3 * perResampleCpu, 1e3 * perResampleWall, 1e3 * perResampleCpu);
        }
    }

    private static Path study(String law, String bootstrap) throws IOException {
        Path dir = Files.createTempDirectory("resample-cost");
        Path file = dir.resolve("cost.study");
        Files.writeString(file, "study \"cost\" {\n"
                + "  data evals = gadre(\"" + DATA.resolve("gadre2024") + "\", tasks: list(arc_easy))\n"
                + "  law l = " + law + "\n"
                + "  fit l to evals by dataset window params < 1e9 holdout params > 1e9 " + bootstrap + "\n}\n");
        return file;
    }

    private static List<FitOutcome> build(Path study) {
        try {
            StudyResult result = Pipeline.run(Pipeline.check(StudyFiles.find(List.of(study)), List.of(DATA))).get(0);
            return result.fits();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[][] time(int repeats, Path study) {
        return WallAndCpu.time(repeats, () -> {
            List<FitOutcome> fits = build(study);
            if (fits.size() != 3) {
                throw new IllegalStateException("expected 3 fits, got " + fits.size());
            }
            return fits;
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
