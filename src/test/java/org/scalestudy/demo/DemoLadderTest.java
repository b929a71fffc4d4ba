package org.scalestudy.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoLadderTest {

    /** The shipped file, relative to the Maven base directory (surefire's working dir). */
    private static Path shippedFile() {
        String base = System.getProperty("basedir", ".");
        return Path.of(base, "studies", "data", "demo-ladder.csv");
    }

    private static List<String[]> dataRows(String csv) {
        String[] lines = csv.split("\n", -1);
        List<String[]> rows = new ArrayList<>();
        // lines[0] is the header, the last element is the empty string after the final "\n"
        for (int i = 1; i < lines.length - 1; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }

    /** (a) The committed CSV is exactly what the generator produces. */
    @Test
    void shippedFileIsReproducible() throws IOException {
        Path file = shippedFile();
        assertTrue(Files.isRegularFile(file), "missing " + file.toAbsolutePath());
        assertArrayEquals(DemoLadder.csv().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file),
                "studies/data/demo-ladder.csv differs from DemoLadder.csv(); regenerate it with "
                        + "org.scalestudy.demo.DemoLadder studies/data/demo-ladder.csv");
    }

    /** (b) Deterministic: two calls give identical text. */
    @Test
    void twoCallsAreIdentical() {
        assertEquals(DemoLadder.csv(), DemoLadder.csv());
    }

    /** write() produces the same bytes as csv(), creating missing folders. */
    @Test
    void writeMatchesCsv(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("a").resolve("b").resolve("ladder.csv");
        DemoLadder.write(file);
        assertEquals(DemoLadder.csv(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** (c) Shape: header, 200 data rows (40 runs × 5 metrics), 40 distinct runs, order. */
    @Test
    void shapeAndOrder() {
        String csv = DemoLadder.csv();
        assertTrue(csv.startsWith("run,params,tokens,metric,value,baseline\n"));
        assertTrue(csv.endsWith("\n"));
        assertTrue(!csv.contains("\r"), "line ends must be \\n only");

        List<String[]> rows = dataRows(csv);
        assertEquals(200, rows.size());
        assertEquals(201, csv.split("\n").length);

        Set<String> runs = new LinkedHashSet<>();
        List<String> metricOrder = List.of("val_loss", "arc_easy", "hellaswag", "piqa", "winogrande");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            assertEquals(6, r.length, "row " + i);
            runs.add(r[0]);
            assertEquals(metricOrder.get(i % 5), r[3], "metric order at row " + i);
            long params = Long.parseLong(r[1]);
            long tokens = Long.parseLong(r[2]);
            assertEquals(0, tokens % params);
            assertTrue(r[4].matches("\\d+\\.\\d{6}"), "value format: " + r[4]);
            if (r[3].equals("val_loss")) {
                assertEquals("", r[5], "val_loss baseline must be empty");
            } else {
                double v = Double.parseDouble(r[4]);
                assertTrue(v >= 0 && v <= 1, "accuracy in [0,1]: " + v);
                assertTrue(!r[5].isEmpty());
            }
        }
        assertEquals(40, runs.size());

        // Runs appear sorted by size, then ratio, then seed; the first and last are known.
        List<String> expected = new ArrayList<>();
        for (long n : DemoLadder.SIZES) {
            for (int tpr : DemoLadder.TOKENS_PER_PARAM) {
                for (int s : DemoLadder.SEEDS) {
                    expected.add(DemoLadder.runId(n, tpr, s));
                }
            }
        }
        assertEquals(expected, new ArrayList<>(runs));
        assertEquals("n050m-tpr05-s1", expected.get(0));
        assertEquals("n800m-tpr40-s2", expected.get(39));
        assertTrue(String.join(",", rows.get(199))
                .startsWith("n800m-tpr40-s2,800000000,32000000000,winogrande,"));
    }

    /**
     * (d) The noiseless law at run n100m-tpr10 (N = 1e8, D = 1e9), where the powers of ten
     * make the arithmetic easy by hand:
     * <pre>
     *   N^α = (10^8)^0.3478 = 10^2.7824 ≈ 605.8987   → A/N^α = 482.01  / 605.8987  ≈ 0.795529
     *   D^β = (10^9)^0.3658 = 10^3.2922 ≈ 1959.7470  → B/D^β = 2085.43 / 1959.7470 ≈ 1.064132
     *   L   = 1.82 + 0.795529 + 1.064132 = 3.679661
     * </pre>
     */
    @Test
    void noiselessLossMatchesHandArithmetic() {
        double byHand = 1.82 + 0.795529 + 1.064132;
        assertEquals(3.679661, byHand, 1e-9);
        assertEquals(byHand, DemoLadder.trueLoss(1e8, 1e9), 2e-6);
        // Same thing with the powers of ten spelled out.
        assertEquals(1.82 + 482.01 * Math.pow(10, -2.7824) + 2085.43 * Math.pow(10, -3.2922),
                DemoLadder.trueLoss(1e8, 1e9), 1e-12);
    }

    /**
     * (e) Seed-averaged val_loss is within 2% of the noiseless law. Each observation is
     * L·exp(0.005·z), so the mean of two seeds is L·(1 + ε) with ε ≈ 0.005·(z1 + z2)/2, whose
     * standard deviation is 0.005/√2 ≈ 0.35%. A 2% miss would need a ≈5.7σ draw (and the
     * lognormal's mean bias, exp(0.005²/2) − 1 ≈ 1e-5, is negligible). The data are fixed by
     * the seed, so this is not flaky: it guards against a wrong law, wrong noise scale, or
     * rows attached to the wrong run.
     */
    @Test
    void seedAveragedLossTracksTheLaw() {
        Map<String, double[]> sums = new LinkedHashMap<>(); // "N,D" -> {sum, count}
        for (String[] r : dataRows(DemoLadder.csv())) {
            if (r[3].equals("val_loss")) {
                double[] s = sums.computeIfAbsent(r[1] + "," + r[2], k -> new double[2]);
                s[0] += Double.parseDouble(r[4]);
                s[1] += 1;
            }
        }
        assertEquals(20, sums.size());
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            String[] nd = e.getKey().split(",");
            double truth = DemoLadder.trueLoss(Double.parseDouble(nd[0]), Double.parseDouble(nd[1]));
            double mean = e.getValue()[0] / e.getValue()[1];
            assertEquals(2.0, e.getValue()[1]);
            double rel = Math.abs(mean - truth) / truth;
            assertTrue(rel < 0.02, e.getKey() + ": mean " + mean + " vs law " + truth);
        }
    }

    /** The benchmark truths span the ranges documented on the constants. */
    @Test
    void benchmarkTruthEndpoints() {
        double n0 = 5e7, d0 = 2.5e8, n1 = 8e8, d1 = 3.2e10;
        assertEquals(0.400, DemoLadder.Benchmark.ARC_EASY.trueAccuracy(n0, d0), 0.002);
        assertEquals(0.650, DemoLadder.Benchmark.ARC_EASY.trueAccuracy(n1, d1), 0.002);
        assertEquals(0.280, DemoLadder.Benchmark.HELLASWAG.trueAccuracy(n0, d0), 0.002);
        assertEquals(0.500, DemoLadder.Benchmark.HELLASWAG.trueAccuracy(n1, d1), 0.002);
        assertEquals(0.603, DemoLadder.Benchmark.PIQA.trueAccuracy(n0, d0), 0.002);
        assertEquals(0.723, DemoLadder.Benchmark.PIQA.trueAccuracy(n1, d1), 0.002);
        assertEquals(0.505, DemoLadder.Benchmark.WINOGRANDE.trueAccuracy(n0, d0), 0.002);
        assertEquals(0.580, DemoLadder.Benchmark.WINOGRANDE.trueAccuracy(n1, d1), 0.002);
        // Accuracy rises with both N and D for every benchmark.
        for (DemoLadder.Benchmark b : DemoLadder.Benchmark.values()) {
            assertTrue(b.trueAccuracy(2 * n0, d0) > b.trueAccuracy(n0, d0));
            assertTrue(b.trueAccuracy(n0, 2 * d0) > b.trueAccuracy(n0, d0));
        }
    }
}
