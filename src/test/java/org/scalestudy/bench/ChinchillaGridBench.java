package org.scalestudy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.FiniteDifference;
import org.scalestudy.fit.Huber;
import org.scalestudy.fit.Lbfgsb;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;
import org.scalestudy.law.Chinchilla;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;
import org.scalestudy.law.LawLibrary;
import org.scalestudy.fit.OptimizeResult;

/**
 * Times the {@code chinchilla} law's 4,500-start fit on Epoch AI's reconstruction of the Chinchilla
 * runs (240 after leaving out the five with the highest loss), and three baselines measured in the
 * same JVM: the same search on one thread; the same search with a plain objective
 * ({@code Math.exp}/{@code Math.log} logsumexp per run, the obvious implementation); and, with
 * {@code -Dbench.finiteDifferences=true}, the same search with central finite-difference gradients
 * (timed once: it takes about a minute).
 *
 * <pre>mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.ChinchillaGridBench -Dexec.classpathScope=test</pre>
 *
 * ({@code -Dskip.npm=true} only spares the {@code npm ci} that {@code generate-resources} runs.)
 *
 * Optional arguments: the CSV's path (default {@code studies/published/data/epoch-chinchilla/svg_extracted_data.csv}),
 * then the number of timed repetitions (default 9).
 */
public final class ChinchillaGridBench {
    private static final double[] PUBLISHED = {1.82, 482.01, 2085.43, 0.3478, 0.3658};
    private static final String[] NAMES = {"E", "A", "B", "alpha", "beta"};

    private ChinchillaGridBench() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "studies/published/data/epoch-chinchilla/svg_extracted_data.csv");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        double[][] rows = epochRows(csv);
        Law law = LawLibrary.find("chinchilla").orElseThrow().bind(java.util.Map.of("delta", 1e-3));
        Objective fast = Chinchilla.objective(rows, 1e-3);
        Objective plain = new PlainObjective(rows, 1e-3);
        List<double[]> grid = Chinchilla.startGrid();
        Bounds free = Bounds.unbounded(5);

        System.out.printf(Locale.ROOT, "Chinchilla grid fit: %d runs, %d starts, %d processors, %s %s%n", rows.length,
                grid.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));

        System.out.println("warming up ...");
        for (int i = 0; i < 4; i++) {
            law.fit(rows); // let the JIT compile the hot loop
        }
        OptimizeResult[] last = new OptimizeResult[1];
        double[] times = time(repeats, () -> {
            last[0] = law.fit(rows);
            return last[0].evaluations();
        });
        OptimizeResult o = last[0];
        report("law.fit (parallel, fast kernel)", times, o.evaluations());

        MultiStart<Objective> search = Chinchilla.SEARCH;
        double[] sequential = time(3, () -> search.sequential().run(fast, grid, free).evaluations());
        report("baseline: same, one thread", sequential, o.evaluations());

        OptimizeResult[] plainResult = new OptimizeResult[1];
        double[] plainTimes = time(3, () -> {
            plainResult[0] = search.run(plain, grid, free);
            return plainResult[0].evaluations();
        });
        report("baseline: plain Math.exp/log objective", plainTimes, plainResult[0].evaluations());

        OptimizeResult[] numericResult = new OptimizeResult[1];
        double[] numericTimes = {Double.NaN};
        if (Boolean.getBoolean("bench.finiteDifferences")) {
            Objective numeric = FiniteDifference.central(5, plain::value);
            numericTimes = time(1, () -> {
                numericResult[0] = search.run(numeric, grid, free);
                return numericResult[0].evaluations();
            });
            report("baseline: finite-difference gradients", numericTimes, numericResult[0].evaluations());
            System.out.println("  (each of those evaluations is 11 objective values: central differences in 5 variables)");
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "median %.3f s (parallel, fast kernel); one thread %.3f s; plain objective %.3f s%s%n",
                median(times), median(sequential), median(plainTimes), numericResult[0] == null ? ""
                        : String.format(Locale.ROOT, "; finite differences %.3f s", numericTimes[0]));
        System.out.println("fitted parameters (published by Besiroglu et al. 2024):");
        double[] p = last[0].x();
        for (int k = 0; k < 5; k++) {
            System.out.printf(Locale.ROOT, "  %-5s = %12.6g  (%g, %+.2f%%)%n", NAMES[k], p[k], PUBLISHED[k],
                    100 * (p[k] / PUBLISHED[k] - 1));
        }
        System.out.printf(Locale.ROOT, "objective %.10g, starts at best %d of %d, converged %s, gradient norm %.2e,"
                + " best start's iterations %d, evaluations %d%n", o.objective(), o.startsAtBest(), o.starts(),
                o.converged(), o.gradientNorm(), o.iterations(), o.evaluations());
        System.out.println("message: " + o.message());
        System.out.printf(Locale.ROOT, "plain-objective fit: objective %.10g, starts at best %d%n",
                plainResult[0].objective(), plainResult[0].startsAtBest());
        if (numericResult[0] != null) {
            System.out.printf(Locale.ROOT, "finite-difference fit: objective %.10g, starts at best %d%n",
                    numericResult[0].objective(), numericResult[0].startsAtBest());
        }
    }

    private static double[] time(int repeats, Supplier<Long> task) {
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            task.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    private static void report(String what, double[] seconds, long evaluations) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double s : seconds) {
            all.append(String.format(Locale.ROOT, " %.3f", s));
        }
        System.out.printf(Locale.ROOT, "%-42s median %.3f s, min %.3f s over %d run(s) [%s ], %d evaluations%n", what,
                median(seconds), sorted[0], seconds.length, all, evaluations);
    }

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** Rows {N, D, L} of Epoch's CSV, the five highest losses left out. */
    static double[][] epochRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0));
        int nColumn = header.indexOf("Model Size");
        int cColumn = header.indexOf("Training FLOP");
        int lossColumn = header.indexOf("loss");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                List<String> f = split(line);
                double n = Double.parseDouble(f.get(nColumn));
                rows.add(new double[] {n, Double.parseDouble(f.get(cColumn)) / (6 * n),
                    Double.parseDouble(f.get(lossColumn))});
            }
        }
        rows.sort(Comparator.comparingDouble(r -> r[2]));
        return rows.subList(0, rows.size() - 5).toArray(new double[0][]);
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** The objective as one would first write it: a stable logsumexp with Math.exp and Math.log per run. */
    private static final class PlainObjective implements Objective {
        private final double[] logN;
        private final double[] logD;
        private final double[] logL;
        private final double delta;

        PlainObjective(double[][] rows, double delta) {
            logN = new double[rows.length];
            logD = new double[rows.length];
            logL = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                logN[i] = Math.log(rows[i][0]);
                logD[i] = Math.log(rows[i][1]);
                logL[i] = Math.log(rows[i][2]);
            }
            this.delta = delta;
        }

        @Override
        public int dimension() {
            return 5;
        }

        @Override
        public double valueAndGradient(double[] t, double[] g) {
            double f = 0;
            Arrays.fill(g, 0);
            for (int i = 0; i < logN.length; i++) {
                double t1 = t[0] - t[3] * logN[i];
                double t2 = t[1] - t[4] * logD[i];
                double m = Math.max(t1, Math.max(t2, t[2]));
                double w1 = Math.exp(t1 - m);
                double w2 = Math.exp(t2 - m);
                double w3 = Math.exp(t[2] - m);
                double s = w1 + w2 + w3;
                double r = logL[i] - m - Math.log(s);
                f += Huber.value(r, delta);
                double c = -Huber.derivative(r, delta) / s;
                g[0] += c * w1;
                g[1] += c * w2;
                g[2] += c * w3;
                g[3] -= c * w1 * logN[i];
                g[4] -= c * w2 * logD[i];
            }
            return f;
        }
    }
}
