package org.scalestudy.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.scalestudy.cli.Main;
import org.scalestudy.data.readers.GadreReader;
import org.scalestudy.data.readers.ReaderOptions;
import org.scalestudy.data.readers.Readers;

/**
 * Times building each study in {@code studies/published/} (check, fit, write the site) and reading
 * the Gadre et al. release alone, with the demo study built in the same JVM as the baseline. Needs
 * the releases in {@code studies/published/data/}.
 *
 * <pre>mvn -q -Dskip.npm=true test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.PublishedStudiesBench -Dexec.classpathScope=test</pre>
 *
 * Optional argument: the number of timed repetitions (default 3); one untimed build first warms up.
 */
public final class PublishedStudiesBench {
    private PublishedStudiesBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Path> studies;
        try (Stream<Path> files = Files.list(Path.of("studies/published"))) {
            studies = files.filter(p -> p.toString().endsWith(".study")).sorted().toList();
        }
        System.out.printf(Locale.ROOT, "published studies: %d, %d repetitions, %d processors, %s %s%n",
                studies.size(), repeats, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        Path out = Files.createTempDirectory("bench-site");
        PrintStream stdout = System.out;
        List<Path> all = new ArrayList<>(studies);
        all.add(0, Path.of("studies/demo.study"));
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        for (Path study : all) {
            build(study, out); // warm-up
        }
        System.setOut(stdout);
        for (Path study : all) {
            double[] times = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                long t0 = System.nanoTime();
                build(study, out);
                times[i] = (System.nanoTime() - t0) / 1e9;
                System.setOut(stdout);
            }
            System.out.printf(Locale.ROOT, "  %-50s median %7.2f s  (min %.2f, max %.2f)%s%n", study, median(times),
                    Arrays.stream(times).min().orElseThrow(), Arrays.stream(times).max().orElseThrow(),
                    study.endsWith("demo.study") ? "  <- baseline" : "");
        }
        double[] reads = new double[repeats];
        Path gadre = Path.of("studies/published/data/gadre2024").toAbsolutePath();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            Readers.read(new GadreReader(), gadre, org.scalestudy.data.DataSandbox.within(gadre, "the release"),
                    ReaderOptions.none());
            reads[i] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "  %-50s median %7.2f s%n", "read + check studies/published/data/gadre2024",
                median(reads));
    }

    private static void build(Path study, Path out) throws IOException {
        int code = Main.execute("build", study.toString(), "--out", out.resolve("site").toString());
        if (code != 0) {
            throw new IllegalStateException("build of " + study + " failed with exit code " + code);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
