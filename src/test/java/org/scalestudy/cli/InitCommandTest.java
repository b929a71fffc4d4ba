package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/** {@code init} writes a study that checks and builds, says what it guessed, and never overwrites silently. */
class InitCommandTest {

    /**
     * A wide ladder: 4 sizes x 2 token ratios, loss from L = 1.7 + 400/N^0.34 + 2000/D^0.37, one benchmark from
     * the direct law -log acc = 30 C^-0.06, and a seed column (a keyword, so it cannot be used).
     */
    static String wideLadder() {
        StringBuilder csv = new StringBuilder("run,params,tokens,loss,arc_easy,seed\n");
        int i = 0;
        for (double n : new double[] {2e7, 5e7, 1e8, 2e8}) {
            for (double tpr : new double[] {10, 40}) {
                double d = tpr * n;
                double loss = 1.7 + 400 / Math.pow(n, 0.34) + 2000 / Math.pow(d, 0.37);
                double acc = Math.exp(-30 * Math.pow(6 * n * d, -0.06));
                csv.append("r").append(i++).append(',').append(n).append(',').append(d).append(',').append(loss)
                        .append(',').append(acc).append(",1\n");
            }
        }
        return csv.toString();
    }

    @Test
    void aWideLadderGetsAStudyThatChecksAndBuilds(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data/ladder.csv");
        Files.createDirectories(data.getParent());
        Files.writeString(data, wideLadder());
        Path study = dir.resolve("studies/ladder.study");
        CliRun init = CliRun.of("init", data.toString(), "--out", study.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.err().contains("loss: column 'loss'"), init.err());
        assertTrue(init.err().contains("scores (values in [0, 1]): arc_easy"), init.err());
        assertTrue(init.out().contains("no errors"), init.out());
        String text = Files.readString(study);
        assertTrue(text.contains("data runs = csv(\"../data/ladder.csv\") {\n    let C = 6 * params * tokens"), text);
        assertTrue(text.contains("law loss_law = chinchilla(N: params, D: tokens, y: loss)"), text);
        assertTrue(text.contains("law score_arc_easy = direct_power(x: C, y: arc_easy)"), text);
        // The largest size (2e8) is held out: 6 runs remain below it, enough for Chinchilla's 5.
        assertTrue(text.contains("fit loss_law to runs\n    window params < 200000000\n    holdout params >= 200000000"),
                text);
        assertTrue(text.contains("#   left out: 'seed'\n"), text); // a setting, not a score (a keyword: it would be quoted)

        assertEquals(0, Main.execute("check", study.toString()));
        Path site = dir.resolve("site");
        assertEquals(0, Main.execute("build", study.toString(), "--out", site.toString()));
        JsonNode results = new ObjectMapper().readTree(site.resolve("ladder/results.json").toFile());
        assertEquals(2, results.get("fits").size());
        // The direct law is exact on these data: the held-out 200M runs are predicted within 1e-9.
        assertTrue(results.get("fits").get(1).get("holdoutMetrics").get("mre").asDouble() < 1e-9,
                results.get("fits").get(1).get("holdoutMetrics").toString());
    }

    @Test
    void anExistingStudyIsOnlyReplacedWithForce(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("ladder.csv");
        Files.writeString(data, wideLadder());
        Path study = dir.resolve("ladder.study");
        Files.writeString(study, "mine");
        CliRun refused = CliRun.of("init", data.toString(), "--out", study.toString());
        assertEquals(Main.USAGE, refused.code());
        assertTrue(refused.err().contains("exists; pass --force to replace it"), refused.err());
        assertEquals("mine", Files.readString(study));
        CliRun forced = CliRun.of("init", data.toString(), "--out", study.toString(), "--force",
                "--title", "Our \"ladder\"");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(study).contains("study \"Our \\\"ladder\\\"\" {"));
    }

    @Test
    void aFileWithNothingToFitWritesNothing(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("names.csv");
        Files.writeString(data, "name,colour\na,red\n");
        Path study = dir.resolve("names.study");
        CliRun run = CliRun.of("init", data.toString(), "--out", study.toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("found nothing to fit"), run.err());
        assertFalse(Files.exists(study));
    }

    @Test
    void aBadCsvIsReportedAtItsLineAndField(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, "a,a\n1,2\n");
        CliRun run = CliRun.of("init", data.toString(), "--out", dir.resolve("x.study").toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("bad.csv:1:2: error: column name 'a' appears twice in the header"), run.err());
    }

    /**
     * The public-model table of Ruan et al. (2024) as released (studies/published/data/obsscaling/): headers with
     * spaces and units, empty cells. init maps the units, quotes the names, drops the rows with missing cells, and
     * writes one direct-law fit per benchmark column that checks and builds.
     */
    @Test
    void theObservationalScalingTableAsReleasedGetsAStudyThatChecksAndBuilds(@TempDir Path dir) throws IOException {
        Path data = Path.of("studies/published/data/obsscaling/base_llm_benchmark_eval_sub_10b.csv").toAbsolutePath();
        Path study = dir.resolve("obs.study");
        CliRun init = CliRun.of("init", data.toString(), "--out", study.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.err().contains("N (parameters): column 'Model Size (B)' (values 0.07 to 9, in units of 1e9:"
                + " billions(...))"), init.err());
        assertTrue(init.out().contains("no errors"), init.out());
        String text = Files.readString(study);
        assertTrue(text.contains("run: \"Model\", params: billions(\"Model Size (B)\"), tokens: trillions("
                + "\"Pretraining Data Size (T)\")) {\n    let C = \"FLOPs (1E21)\" * 1e21"), text);
        String[] benchmarks = {"MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd",
            "HumanEval"};
        for (String b : benchmarks) {
            String y = b.equals("ARC-C") ? "\"ARC-C\"" : b;
            assertTrue(text.contains("law score_" + b.replace('-', '_') + " = direct_power(x: C, y: " + y + ")\n"),
                    b + ": " + text);
        }
        // The largest size is 9B: 9 billions, as billions() scales it.
        assertTrue(text.contains("    window params < 9000000000\n    holdout params >= 9000000000\n    drop missing"),
                text);
        Path site = dir.resolve("site");
        CliRun build = CliRun.of("build", study.toString(), "--out", site.toString(), "--data-root",
                data.getParent().toString(), "--no-cache");
        assertEquals(0, build.code(), build.err());
        // 13 of the 92 rows lack FLOPs or a score some law reads (10 without FLOPs; Llama-3-8B's ARC-C, ...).
        assertTrue(build.err().contains("warning: 'drop missing' leaves out 13 rows of data 'runs'"), build.err());
        JsonNode results = new ObjectMapper().readTree(site.resolve("obs/results.json").toFile());
        assertEquals(benchmarks.length, results.get("fits").size());
    }

    @Test
    void theDemoLadderGetsTheDemoShapeOfStudy(@TempDir Path dir) throws IOException {
        Path study = dir.resolve("demo.study");
        CliRun init = CliRun.of("init", Path.of("studies/data/demo-ladder.csv").toAbsolutePath()
                .toString(), "--out", study.toString());
        assertEquals(0, init.code(), init.err());
        String text = Files.readString(study);
        assertTrue(text.contains("fit loss_law to runs\n    where metric == \"val_loss\"\n"
                + "    window params < 800000000\n    holdout params >= 800000000"), text);
        assertTrue(text.contains("law score_law = direct_power(x: C, y: value, baseline: baseline)"), text);
        assertTrue(text.contains("fit score_law to runs by metric\n    where metric != \"val_loss\""), text);
    }

    /**
     * The release of Krajewski et al. (2025) as released: the DCLM-mixture extract (unnamed index column, no
     * params or flops, the 17.9B run evaluated twice) gets a krajewski_csv study that checks and builds: Eq. 2 at
     * 20 tokens per parameter (54 of its 148 runs) on every benchmark accuracy with at least 2 usable runs, with
     * the random-guess baselines, the largest run held out, and the Chinchilla law on the C4 loss of all 148 runs.
     */
    @Test
    void theKrajewskiReleaseAsReleasedGetsAStudyThatChecksAndBuilds(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data/metrics_dclm_data_mixture.extract.csv");
        Files.createDirectories(data.getParent());
        Files.copy(Path.of("studies/published/data/krajewski2025/metrics_dclm_data_mixture.extract.csv"), data);
        Path study = dir.resolve("studies/dclm.study");
        CliRun init = CliRun.of("init", data.toString(), "--out", study.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.err().contains("148 runs; by tokens per parameter: 10 (24), 20 (54), 40 (24), 80 (24), 160 (22)"),
                init.err());
        assertTrue(init.err().contains("Eq. 2 at tpr 20, the ratio with the most runs, on 28 benchmark and metric pairs"),
                init.err());
        assertTrue(init.err().contains("warning: 44 rows repeat the params, tokens, benchmark, metric_type"), init.err());
        String text = Files.readString(study);
        assertTrue(text.contains("data runs = krajewski_csv(\"../data/metrics_dclm_data_mixture.extract.csv\")"), text);
        assertTrue(text.contains("arc_challenge: 0.25, arc_easy: 0.25,"), text);
        assertTrue(text.contains("\"humaneval-py\": 0,"), text);
        assertTrue(text.contains("law direct = direct_power(x: flops, y: score, baseline: chance[benchmark])"), text);
        assertTrue(text.contains("    where tpr == 20 and (\n      benchmark == \"arc_challenge\" and metric_type == "
                + "\"acc\"\n      or benchmark == \"arc_challenge\" and metric_type == \"acc_norm\""), text);
        // The largest run at TPR 20: N = 357358895104 / 20.
        assertTrue(text.contains("    window params < 1.78679447552e10\n    holdout params >= 1.78679447552e10"), text);
        assertTrue(text.contains("fit loss_law to runs\n    where benchmark == \"c4\" and metric_type == \"loss\""),
                text);

        Path site = dir.resolve("site");
        assertEquals(0, Main.execute("build", study.toString(), "--out", site.toString(), "--no-cache"));
        JsonNode results = new ObjectMapper().readTree(site.resolve("dclm/results.json").toFile());
        assertEquals(29, results.get("fits").size());
        JsonNode arcEasy = null;
        for (JsonNode fit : results.get("fits")) {
            if (fit.get("group").asText().equals("benchmark=arc_easy, metric_type=acc")) {
                arcEasy = fit;
            }
        }
        // 53 runs fitted, the 17.9B run predicted.
        assertEquals(53, arcEasy.get("fitMetrics").get("n").asInt());
        assertEquals(1, arcEasy.get("holdoutMetrics").get("n").asInt());

        // Eq. 2 recomputed independently from the raw lines: ordinary least squares of log(-log Q) on log C,
        // Q = (acc - 0.25) / 0.75, N = tokens / 20, C = 6 N D, over the arc_easy acc rows at TPR 20 below the
        // largest run (all 53 clear chance by 5%); numpy's polyfit gives A = 2039.07, alpha = 0.17104 and
        // 0.81698 for the 17.9B run (observed 0.81103).
        TreeMap<Double, Double> accByTokens = new TreeMap<>();
        for (String line : Files.readAllLines(data).subList(1, 6901)) {
            String[] f = line.split(",");
            if (f[2].equals("arc_easy") && f[3].equals("acc") && Double.parseDouble(f[5]) == 20) {
                accByTokens.put(Double.parseDouble(f[1]), Double.parseDouble(f[4]));
            }
        }
        assertEquals(54, accByTokens.size());
        double largest = accByTokens.lastKey();
        double su = 0;
        double sz = 0;
        double suu = 0;
        double suz = 0;
        int n = 0;
        for (Map.Entry<Double, Double> e : accByTokens.entrySet()) {
            double tokens = e.getKey();
            if (tokens < largest && e.getValue() >= 0.25 * 1.05) {
                double u = Math.log(6 * (tokens / 20) * tokens);
                double z = Math.log(-Math.log((e.getValue() - 0.25) / 0.75));
                su += u;
                sz += z;
                suu += u * u;
                suz += u * z;
                n++;
            }
        }
        assertEquals(53, n);
        double slope = (suz - su * sz / n) / (suu - su * su / n);
        double intercept = (sz - slope * su) / n;
        Map<String, Double> params = new TreeMap<>();
        arcEasy.get("parameters").forEach(p -> params.put(p.get("name").asText(), p.get("value").asDouble()));
        assertEquals(Math.exp(intercept), params.get("A"), 1e-7 * params.get("A"));
        assertEquals(-slope, params.get("alpha"), 1e-7 * params.get("alpha"));
        assertEquals(2039.07, params.get("A"), 0.01);
        assertEquals(0.17104, params.get("alpha"), 1e-5);
        int predicted = 0;
        for (JsonNode run : arcEasy.get("runs")) {
            if (run.get("role").asText().equals("holdout")) {
                predicted++;
                double c = 6 * (largest / 20) * largest;
                double expected = 0.25 + 0.75 * Math.exp(-Math.exp(intercept + slope * Math.log(c)));
                assertEquals(expected, run.get("predicted").asDouble(), 1e-6 * expected);
                assertEquals(0.81698, run.get("predicted").asDouble(), 1e-5);
                assertEquals(0.811026936026936, run.get("observed").asDouble());
            }
        }
        assertEquals(1, predicted);
    }

    /** The C4-mixture file's verbatim excerpt (its own flops and params columns, three runs) checks and builds. */
    @Test
    void theC4ReleaseFileGetsAStudyThatChecksAndBuilds(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("metrics_c4_mixture.excerpt.csv");
        Files.copy(Path.of("src/test/resources/data/krajewski2025-c4/metrics_c4_mixture.excerpt.csv"), data);
        Path study = dir.resolve("c4.study");
        CliRun init = CliRun.of("init", data.toString(), "--out", study.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.err().contains("3 runs; by tokens per parameter: 20 (3)"), init.err());
        assertTrue(init.err().contains("loss: fewer than 5 runs with a c4 validation loss, so no loss law"), init.err());
        String text = Files.readString(study);
        assertTrue(text.contains("data runs = krajewski_csv(\"metrics_c4_mixture.excerpt.csv\")"), text);
        assertTrue(text.contains("benchmark == \"arc_easy\" and metric_type == \"acc\""), text);
        assertEquals(0, Main.execute("build", study.toString(), "--out", dir.resolve("site").toString(), "--no-cache"));
    }
}
