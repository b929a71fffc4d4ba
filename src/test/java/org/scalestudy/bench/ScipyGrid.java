package org.scalestudy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * scipy's L-BFGS-B over Chinchilla starts ({@code chinchilla_scipy.py}, one BLAS thread), for the benchmarks that
 * compare with it: writes the rows {@code {N, D, L}} and the starts {@code (a, b, e, alpha, beta)} to {@code dir},
 * runs the script {@code repeats} times and returns its output lines ("wall cpu best evaluations", one per repeat),
 * or null (after printing why) without python3 and scipy.
 */
final class ScipyGrid {
    private ScipyGrid() {
    }

    static List<String> run(Path dir, double[][] rows, List<double[]> starts, int repeats)
            throws IOException, InterruptedException {
        StringBuilder data = new StringBuilder();
        for (double[] r : rows) {
            data.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        }
        StringBuilder grid = new StringBuilder();
        for (double[] s : starts) {
            grid.append(s[0]).append(',').append(s[1]).append(',').append(s[2]).append(',').append(s[3]).append(',')
                    .append(s[4]).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), data);
        Files.writeString(dir.resolve("starts.csv"), grid);
        Path script = dir.resolve("chinchilla_scipy.py");
        try (InputStream in = ScipyGrid.class.getResourceAsStream("chinchilla_scipy.py")) {
            Files.copy(in, script);
        }
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), dir.resolve("rows.csv").toString(),
                dir.resolve("starts.csv").toString(), String.valueOf(repeats)).redirectErrorStream(true);
        // one thread: scipy's L-BFGS-B calls BLAS, whose idle threads spin (20 times slower on a busy machine)
        for (String v : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            builder.environment().put(v, "1");
        }
        List<String> lines = new ArrayList<>();
        try {
            Process p = builder.start();
            lines.addAll(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                System.out.println("  scipy: skipped, python3 or scipy failed: " + String.join(" | ", lines));
                return null;
            }
        } catch (IOException e) {
            System.out.println("  scipy: skipped, python3 is not available (" + e.getMessage() + ")");
            return null;
        }
        return lines;
    }
}
