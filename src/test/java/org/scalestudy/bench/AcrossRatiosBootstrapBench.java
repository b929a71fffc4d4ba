package org.scalestudy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.scalestudy.law.Law;
import org.scalestudy.law.LawLibrary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;

/**
 * Times a study's {@code across_ratios} (Eq. 4) fit on 32 runs with {@code bootstrap 1000}: every
 * resample searched from the law's 81 starts, plus the interval band of the curve. Baselines from the
 * same JVM: the same study without the bootstrap (one fit), and the 1,000 refits alone on one thread.
 *
 * <pre>mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.AcrossRatiosBootstrapBench -Dexec.classpathScope=test</pre>
 *
 * Optional argument: the number of timed repetitions (default 7). Target: median under 5 s.
 */
public final class AcrossRatiosBootstrapBench {
    private AcrossRatiosBootstrapBench() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = Files.createTempDirectory("eq4-bench");
        Files.writeString(dir.resolve("runs.csv"), ladder());
        Path withBootstrap = study(dir, "boot.study", "bootstrap 1000 seed 7");
        Path without = study(dir, "plain.study", "");
        System.out.printf(Locale.ROOT, "Eq. 4 bootstrap: 32 runs, 81 starts per fit, %d processors, %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        for (int i = 0; i < 2; i++) {
            build(withBootstrap); // warm-up: let the JIT compile the objective
        }
        FitOutcome[] last = new FitOutcome[1];
        double[][] boot = WallAndCpu.time(repeats, () -> {
            last[0] = build(withBootstrap);
            return last[0].uncertainty().resamples();
        });
        report("study with bootstrap 1000 (81 starts each)", boot);
        System.out.printf(Locale.ROOT, "  %d of %d resamples failed; alpha = %.4g [%.4g, %.4g]%n",
                last[0].uncertainty().failed(), last[0].uncertainty().resamples(),
                last[0].parameters().get(2).value(), last[0].parameters().get(2).low(),
                last[0].parameters().get(2).high());
        report("baseline: the same study without bootstrap", WallAndCpu.time(repeats, () -> build(without).runs().size()));

        Law law = LawLibrary.find("across_ratios").orElseThrow().bind(java.util.Map.of());
        double[][] rows = rows();
        double[] fitted = law.fit(rows).x();
        report("baseline: 1000 refits on one thread", WallAndCpu.time(3, () -> {
            Random random = new Random(1);
            int ok = 0;
            for (int b = 0; b < 1000; b++) {
                double[][] drawn = new double[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    drawn[i] = rows[random.nextInt(rows.length)];
                }
                ok += Double.isFinite(law.refit(drawn, fitted).x()[0]) ? 1 : 0;
            }
            return ok;
        }));
    }

    /** 8 sizes x 4 ratios; Eq. 4 with A = 30, alpha = 0.25, B = 80, beta = 0.2, r = 0.25 (accuracies 0.33 to 0.67), noise sd 0.005. */
    static String ladder() {
        StringBuilder csv = new StringBuilder("params,tokens,acc,r\n");
        for (double[] row : rows()) {
            csv.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6f,0.25%n", row[0], row[1], row[2]));
        }
        return csv.toString();
    }

    static double[][] rows() {
        Random random = new Random(20251123);
        double[][] rows = new double[32][];
        int k = 0;
        for (int s = 0; s < 8; s++) {
            double n = 2e7 * Math.pow(2, s);
            for (double ratio : new double[] {10, 20, 40, 80}) {
                double d = ratio * n;
                double q = Math.exp(-(30 / Math.pow(n, 0.25) + 80 / Math.pow(d, 0.2)));
                double acc = 0.25 + 0.75 * q + 0.005 * random.nextGaussian();
                rows[k++] = new double[] {n, d, acc, 0.25};
            }
        }
        return rows;
    }

    private static Path study(Path dir, String name, String clause) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "study \"eq4\" {\n  data d = csv(\"runs.csv\")\n"
                + "  law eq4 = across_ratios(N: params, D: tokens, y: acc, baseline: r)\n"
                + "  fit eq4 to d " + clause + "\n}\n");
        return file;
    }

    private static FitOutcome build(Path study) {
        try {
            StudyResult result = Pipeline.run(Pipeline.check(StudyFiles.find(List.of(study)))).get(0);
            return result.fits().get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, double[][] seconds) {
        double[] wall = seconds[0].clone();
        double[] cpu = seconds[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-45s median %.3f s wall (min %.3f, max %.3f, n=%d); median %.3f CPU s%n",
                what, wall[wall.length / 2], wall[0], wall[wall.length - 1], wall.length, cpu[cpu.length / 2]);
    }
}
