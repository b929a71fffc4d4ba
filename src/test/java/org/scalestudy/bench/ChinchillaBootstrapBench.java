package org.scalestudy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Lbfgsb;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Newton;
import org.scalestudy.fit.Objective;
import org.scalestudy.law.Chinchilla;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;
import org.scalestudy.law.LawLibrary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;

/**
 * Issue 13's benchmark: the {@code chinchilla} law on Epoch AI's 240 runs, its search ({@link Chinchilla#SEARCH})
 * beside today's procedure and beside scipy, in one run.
 *
 * <ol>
 *   <li><b>One fit</b>: {@code law.fit} (the screened grid search, in parallel) against today's search (every
 *       one of the 4,500 starts with scipy's tolerances, the best 10 polished, each run evaluated on its own),
 *       and scipy's L-BFGS-B from the same 4,500 starts ({@code python3}; skipped with a message when python3
 *       or scipy is missing). Prints medians, the ratio to scipy, and the objective against today's.</li>
 *   <li><b>A study with {@code bootstrap 1000}</b> built end to end through {@link Pipeline} (every resample
 *       searched like the fit), against today's bootstrap (each resample refitted from the original optimum
 *       only) and against today's full grid per resample (its CPU time per resample, measured in part 3,
 *       times 1,000). Wall-clock and CPU seconds: on a shared machine, CPU seconds / processors is what an
 *       idle one would take.</li>
 *   <li><b>Agreement</b> on {@code -Dbench.resamples} (default 200) bootstrap resamples: the search's objective
 *       against the exhaustive grid's (all 4,500 starts searched, the best 10 polished, the best finished by
 *       Newton, {@link Chinchilla#EXHAUSTIVE}), within 1e-9 relative; and how often today's warm start ends
 *       above the exhaustive optimum by more than that.</li>
 * </ol>
 *
 * <pre>mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.ChinchillaBootstrapBench -Dexec.classpathScope=test</pre>
 *
 * Properties: {@code -Dbench.resamples} (part 3, default 200), {@code -Dbench.bootstrap} (part 2, default 1000),
 * {@code -Dbench.bootstrapRepeats} (default 3), {@code -Dbench.scipyStride} (default 1: all 4,500 starts),
 * {@code -Dbench.parts} (default {@code 123}; {@code 1} times one fit and scipy only), {@code -Dbench.scipy=off}
 * (skip scipy), {@code -Dbench.batches} (part 3: also run the search with these screening batches, e.g.
 * {@code 50,100}, and count how often each reaches the exhaustive grid's objective, and its CPU time).
 *
 * <p>Optional arguments: the CSV (default: Epoch's release in {@code studies/published/data/epoch-chinchilla/}),
 * the timed repetitions (default 5), scipy's repetitions (default 1).
 */
public final class ChinchillaBootstrapBench {
    private static final double DELTA = 1e-3;
    private static final double AGREE = 1e-9;
    /** Resamples on which today's full grid, with today's objective, is timed. */
    private static final int TIMED = 10;
    private static final Path DATA = Path.of("studies/published/data/epoch-chinchilla/svg_extracted_data.csv");

    /** Today's search: every start with scipy's tolerances, the best 10 polished, nothing more. */
    static final MultiStart<Objective> TODAY = new MultiStart<Objective>(Lbfgsb.scipyDefaults()).polishing(Lbfgsb.defaults(),
            Chinchilla.POLISHED);

    private ChinchillaBootstrapBench() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = args.length > 0 ? Path.of(args[0]) : DATA;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int scipyRepeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int resamples = Integer.getInteger("bench.resamples", 200);
        int bootstrap = Integer.getInteger("bench.bootstrap", 1000);
        String parts = System.getProperty("bench.parts", "123");
        double[][] rows = ChinchillaGridBench.epochRows(csv);
        Law law = LawLibrary.find("chinchilla").orElseThrow().bind(Map.of("delta", DELTA));
        List<double[]> grid = Chinchilla.startGrid();
        Bounds free = Bounds.unbounded(5);
        System.out.printf(Locale.ROOT, "Chinchilla on %s: %d runs, %d grid starts, %d processors, %s %s%n", csv,
                rows.length, grid.size(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        // ---- 1. one fit ----
        System.out.println("\n1. One fit (medians of " + repeats + ")");
        Objective everyRow = Chinchilla.objectiveEveryRow(rows, DELTA);
        for (int i = 0; i < 3; i++) {
            law.fit(rows);
        }
        TODAY.run(everyRow, grid, free);
        OptimizeResult[] fit = new OptimizeResult[1];
        double[][] newTimes = WallAndCpu.time(repeats, () -> fit[0] = law.fit(rows));
        OptimizeResult[] today = new OptimizeResult[1];
        double[][] todayTimes = WallAndCpu.time(Math.max(3, repeats / 2), () -> today[0] = TODAY.run(everyRow, grid, free));
        WallAndCpu.report("law.fit: screened grid + polish + Newton", newTimes, 50);
        WallAndCpu.report("before: today's search (all 4,500 starts)", todayTimes, 50);
        double newObjective = fit[0].objective();
        double todayObjective = today[0].objective();
        OptimizeResult exhaustive = Chinchilla.EXHAUSTIVE.run(Chinchilla.objective(rows, DELTA), grid, free);
        System.out.printf(Locale.ROOT, "  objective %.17g (today's %.17g: %+.2e relative; the exhaustive grid's %.17g:"
                + " %+.2e)%n", newObjective, todayObjective, rel(newObjective, todayObjective),
                exhaustive.objective(), rel(newObjective, exhaustive.objective()));
        System.out.printf(Locale.ROOT, "  gradient norm %.2e (today's %.2e); %s%n", fit[0].gradientNorm(),
                today[0].gradientNorm(), fit[0].message());
        System.out.printf(Locale.ROOT, "  speed-up over today's search: %.1fx wall, %.1fx CPU%n",
                WallAndCpu.median(todayTimes[0]) / WallAndCpu.median(newTimes[0]), WallAndCpu.median(todayTimes[1]) / WallAndCpu.median(newTimes[1]));
        if (!"off".equals(System.getProperty("bench.scipy"))) scipy(rows, grid, scipyRepeats, new double[] {WallAndCpu.median(newTimes[0]), WallAndCpu.median(newTimes[1])},
                new double[] {WallAndCpu.median(todayTimes[0]), WallAndCpu.median(todayTimes[1])});
        if (!parts.contains("3")) {
            return;
        }

        // ---- 3 first (its CPU time per full-grid resample is part 2's "before") ----
        Agreement agreement = agreement(law, rows, fit[0].x(), resamples);

        if (!parts.contains("2")) {
            return;
        }
        // ---- 2. the bootstrap ----
        int bootRepeats = Integer.getInteger("bench.bootstrapRepeats", 3);
        System.out.println("\n2. Bootstrap of " + bootstrap + " resamples (medians of " + bootRepeats + ")");
        Path study = bootstrapStudy(csv, bootstrap);
        FitOutcome[] outcome = new FitOutcome[1];
        build(bootstrapStudy(csv, 100)); // warm-up
        double[][] bootTimes = WallAndCpu.time(bootRepeats, () -> outcome[0] = build(study));
        WallAndCpu.report("study with bootstrap (full search per resample)", bootTimes, 50);
        double[] fitted = fit[0].x();
        // (a sum over the refits, not count(), which would skip them)
        double[][] warmTimes = WallAndCpu.time(bootRepeats, () -> IntStream.range(0, bootstrap).parallel()
                .mapToDouble(b -> warmStart(resample(rows, 1, b), fitted).x()[3]).sum());
        WallAndCpu.report("before: today's bootstrap (warm starts only)", warmTimes, 50);
        double todayFull = agreement.todayCpu * bootstrap;
        System.out.printf(Locale.ROOT, "  before: today's full grid per resample: %.0f CPU s for %d resamples (%.3f CPU s"
                + " each, on %d resamples in part 3), %.0f s on %d idle cores%n", todayFull, bootstrap, agreement.todayCpu,
                Math.min(TIMED, resamples), todayFull / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  target: under 60 s wall on 2 cores; median %.1f s wall, %.1f CPU s (%.1f s on an"
                + " idle 2-core machine)%n", WallAndCpu.median(bootTimes[0]), WallAndCpu.median(bootTimes[1]), WallAndCpu.median(bootTimes[1]) / 2);
        var alpha = outcome[0].parameters().get(3);
        var beta = outcome[0].parameters().get(4);
        System.out.printf(Locale.ROOT, "  alpha %.4f [%.4f, %.4f], beta %.4f [%.4f, %.4f], %d of %d resamples failed%n",
                alpha.value(), alpha.low(), alpha.high(), beta.value(), beta.low(), beta.high(),
                outcome[0].uncertainty().failed(), outcome[0].uncertainty().resamples());
    }

    /** What part 3 measured. */
    record Agreement(int resamples, int agreeing, int todayAbove, int warmAbove, double worst, double todayCpu) { }

    private static Agreement agreement(Law law, double[][] rows, double[] fitted, int count) {
        System.out.println("\n3. Agreement on " + count + " bootstrap resamples (seed 2): the search against the "
                + "exhaustive grid (within " + AGREE + " relative)");
        Bounds free = Bounds.unbounded(5);
        List<double[]> grid = Chinchilla.startGrid();
        var threads = ManagementFactory.getThreadMXBean();
        int[] batches = java.util.Arrays.stream(System.getProperty("bench.batches", "").split(","))
                .filter(t -> !t.isBlank()).mapToInt(t -> Integer.parseInt(t.trim())).toArray();
        double[][] out = IntStream.range(0, count).parallel().mapToObj(b -> {
            double[][] drawn = resample(rows, 2, b);
            Objective f = Chinchilla.objective(drawn, DELTA);
            long fastCpu = threads.getCurrentThreadCpuTime();
            OptimizeResult fast = Chinchilla.SEARCH.sequential().run(f, grid, free);
            fastCpu = threads.getCurrentThreadCpuTime() - fastCpu;
            // candidate screening batches (-Dbench.batches), each timed on the same resample
            double[] candidate = new double[2 * batches.length];
            for (int c = 0; c < batches.length; c++) {
                long cpu = threads.getCurrentThreadCpuTime();
                candidate[2 * c] = Chinchilla.EXHAUSTIVE.screening(batches[c], Chinchilla.AGREEING).sequential()
                        .run(f, grid, free).objective();
                candidate[2 * c + 1] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            }
            // today's search; on the first TIMED resamples also with today's objective (every row on its
            // own), timed: the "before" of a full-grid bootstrap
            OptimizeResult today = TODAY.sequential().run(f, grid, free);
            double todayCpu = Double.NaN;
            if (b < TIMED) {
                long cpu = threads.getCurrentThreadCpuTime();
                TODAY.sequential().run(Chinchilla.objectiveEveryRow(drawn, DELTA), grid, free);
                todayCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            }
            // the exhaustive grid = today's search finished by Newton from its best (Chinchilla.EXHAUSTIVE)
            OptimizeResult finished = Newton.defaults().minimize(f, today.x(), free);
            double exhaustive = Math.min(finished.objective(), today.objective());
            double warm = warmStart(drawn, fitted).objective();
            double[] o = {fast.objective(), today.objective(), exhaustive, warm, todayCpu, fast.starts(), fastCpu / 1e9};
            double[] all = java.util.Arrays.copyOf(o, o.length + candidate.length);
            System.arraycopy(candidate, 0, all, o.length, candidate.length);
            return all;
        }).toArray(double[][]::new);
        int agreeing = 0;
        int todayAbove = 0;
        int warmAbove = 0;
        int extended = 0;
        double worst = 0;
        double todayCpu = 0;
        for (double[] o : out) {
            double r = rel(o[0], o[2]);
            agreeing += Math.abs(r) <= AGREE ? 1 : 0;
            worst = Math.max(worst, Math.abs(r));
            todayAbove += rel(o[1], o[2]) > AGREE ? 1 : 0;
            warmAbove += rel(o[3], o[2]) > AGREE ? 1 : 0;
            extended += o[5] > Chinchilla.BATCH ? 1 : 0;
            todayCpu += Double.isNaN(o[4]) ? 0 : o[4] / Math.min(TIMED, count);
        }
        System.out.printf(Locale.ROOT, "  the search reaches the exhaustive grid's objective on %d of %d resamples (%.1f%%;"
                + " target >= 99.5%%); largest relative difference %.1e; %d searched more than %d starts%n", agreeing,
                count, 100.0 * agreeing / count, worst, extended, Chinchilla.BATCH);
        System.out.printf(Locale.ROOT, "  today's search without the Newton finish ends above it by more than %.0e on %d;"
                + " today's warm start on %d (%.0f%%)%n", AGREE, todayAbove, warmAbove, 100.0 * warmAbove / count);
        double fastCpu = 0;
        for (double[] o : out) {
            fastCpu += o[6] / count;
        }
        System.out.printf(Locale.ROOT, "  the search (batch %d): %.1f CPU ms a resample (mean)%n", Chinchilla.BATCH,
                1e3 * fastCpu);
        for (int c = 0; c < batches.length; c++) {
            int reached = 0;
            int same = 0;
            double largest = 0;
            double cpu = 0;
            for (double[] o : out) {
                double r = rel(o[7 + 2 * c], o[2]);
                reached += Math.abs(r) <= AGREE ? 1 : 0;
                largest = Math.max(largest, Math.abs(r));
                same += o[7 + 2 * c] == o[0] ? 1 : 0;
                cpu += o[8 + 2 * c] / count;
            }
            System.out.printf(Locale.ROOT, "  batch %d: reaches the exhaustive grid's objective on %d of %d resamples"
                    + " (largest relative difference %.1e); the same objective to the bit as batch %d on %d;"
                    + " %.1f CPU ms a resample (mean)%n", batches[c], reached, count, largest, Chinchilla.BATCH, same,
                    1e3 * cpu);
        }
        return new Agreement(count, agreeing, todayAbove, warmAbove, worst, todayCpu);
    }

    /** Today's bootstrap refit: one start, the original optimum, tight tolerances, each run on its own. */
    static OptimizeResult warmStart(double[][] rows, double[] fitted) {
        double[] start = {Math.log(fitted[1]), Math.log(fitted[2]), Math.log(fitted[0]), fitted[3], fitted[4]};
        OptimizeResult r = new MultiStart<>(Lbfgsb.defaults()).sequential()
                .run(Chinchilla.objectiveEveryRow(rows, DELTA), List.of(start), Bounds.unbounded(5));
        return r.withMethod("warm start").withX(Chinchilla.parameters(r.x()));
    }

    /** Resample b of {@code rows} as the bootstrap draws it (run/Bootstrap's generator). */
    static double[][] resample(double[][] rows, long seed, int b) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
        double[][] drawn = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            drawn[i] = rows[random.nextInt(rows.length)];
        }
        return drawn;
    }

    /**
     * scipy's L-BFGS-B from the grid's starts (every {@code -Dbench.scipyStride}-th, default 1: all of them;
     * with a larger stride its times are scaled up by the stride), BLAS on one thread.
     *
     * @param newSeconds   law.fit's median wall and CPU seconds
     * @param todaySeconds today's search's median wall and CPU seconds
     */
    private static void scipy(double[][] rows, List<double[]> grid, int repeats, double[] newSeconds,
            double[] todaySeconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("chinchilla-scipy");
        int stride = Integer.getInteger("bench.scipyStride", 1);
        List<double[]> starts = new ArrayList<>();
        int taken = 0;
        for (int i = 0; i < grid.size(); i += stride, taken++) {
            starts.add(grid.get(i));
        }
        List<String> lines = ScipyGrid.run(dir, rows, starts, repeats);
        if (lines == null) {
            return;
        }
        double scale = (double) grid.size() / taken;
        double[] wall = lines.stream().mapToDouble(l -> scale * Double.parseDouble(l.split(" ")[0])).toArray();
        double[] cpu = lines.stream().mapToDouble(l -> scale * Double.parseDouble(l.split(" ")[1])).toArray();
        String[] last = lines.get(lines.size() - 1).split(" ");
        System.out.printf(Locale.ROOT, "  scipy %s L-BFGS-B (one thread, analytic gradient), %d of the 4,500 starts (every"
                + " %d%s): %.2f s wall, %.2f CPU s for 4,500 (median of %d), best objective %s, %s evaluations%n",
                lines.size() > 0 ? version() : "", taken, stride, stride == 1 ? "" : "; times scaled by " + (float) scale,
                WallAndCpu.median(wall), WallAndCpu.median(cpu), wall.length, last[2], last[3]);
        System.out.printf(Locale.ROOT, "  law.fit is %.0fx faster than scipy in wall time, %.0fx in CPU time (target >= 20x);"
                + " today's search %.1fx, %.1fx%n", WallAndCpu.median(wall) / newSeconds[0], WallAndCpu.median(cpu) / newSeconds[1],
                WallAndCpu.median(wall) / todaySeconds[0], WallAndCpu.median(cpu) / todaySeconds[1]);
    }

    private static String version() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import scipy; print(scipy.__version__)").start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static Path bootstrapStudy(Path csv, int resamples) throws IOException {
        return epochStudy(csv, Files.createTempDirectory("chinchilla-bootstrap"), " bootstrap " + resamples + " seed 1");
    }

    /**
     * A study in {@code dir} (with a copy of Epoch's CSV) fitting Chinchilla's Approach 3 law to the runs below loss
     * 3.42, the fit line ending in {@code fitClauses} (e.g. {@code " bootstrap 100 seed 1"}, or nothing).
     */
    static Path epochStudy(Path csv, Path dir, String fitClauses) throws IOException {
        Files.copy(csv, dir.resolve("epoch.csv"));
        Path study = dir.resolve("epoch.study");
        Files.writeString(study, "study \"epoch\" {\n"
                + "  data runs = csv(\"epoch.csv\", params: \"Model Size\", flops: \"Training FLOP\", loss: loss) {\n"
                + "    let tokens = flops / (6 * params)\n    where loss < 3.42\n  }\n"
                + "  law approach3 = chinchilla(N: params, D: tokens, y: loss)\n"
                + "  fit approach3 to runs" + fitClauses + "\n}\n");
        return study;
    }

    private static FitOutcome build(Path study) {
        try {
            StudyResult result = Pipeline.run(Pipeline.check(StudyFiles.find(List.of(study)))).get(0);
            return result.fits().get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double rel(double value, double reference) {
        return (value - reference) / Math.abs(reference);
    }
}
