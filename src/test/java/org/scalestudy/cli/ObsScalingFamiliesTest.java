package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalestudy.testsupport.Approx.assertRelative;
import static org.scalestudy.testsupport.PublishedSite.fit;
import static org.scalestudy.testsupport.PublishedSite.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scalestudy.testsupport.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code studies/published/obsscaling-families.study} on the observational-scaling table as released: its
 * fits against an independent ordinary least squares on the raw CSV (split by hand here, no reader of the
 * tool), its skipped families, and what its narrative says.
 */
@Tag("full")
class ObsScalingFamiliesTest {
    private static final Path CSV = Path.of("studies/published/data/obsscaling/base_llm_benchmark_eval_sub_10b.csv");
    private static final double CHANCE = 0.25;
    /** direct_power leaves out accuracies below chance * (1 + 0.05). */
    private static final double FLOOR = CHANCE * 1.05;

    @TempDir
    static Path site;
    static JsonNode results;
    static String err;

    @BeforeAll
    static void build() throws IOException {
        CliRun run = CliRun.of("build", "studies/published/obsscaling-families.study", "--out",
                site.toString(), "--no-cache");
        assertEquals(0, run.code(), run.err());
        err = run.err();
        results = new ObjectMapper().readTree(site.resolve("obsscaling-families/results.json").toFile());
    }

    /** The file's rows as fields; it has no quoted field, so a comma always separates. */
    static List<String[]> rows() throws IOException {
        List<String> lines = Files.readAllLines(CSV);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    /**
     * Slope and intercept of the least-squares line of {@code log(-log Q)} on {@code log C}, Q = (acc - r)/(1 - r),
     * over the rows with FLOPs, below 6.5B parameters, in {@code family} (null: any) and above the floor:
     * {@code {alpha, A}} with {@code log(-log Q) = log A - alpha log C}.
     */
    static double[] ols(String family) throws IOException {
        List<double[]> points = new ArrayList<>();
        for (String[] f : rows()) {
            // 0 Model, 1 Model Family, 2 Model Size (B), 3 Pretraining Data Size (T), 4 FLOPs (1E21), 5 MMLU
            if (f[4].isEmpty() || f[5].isEmpty() || Double.parseDouble(f[2]) >= 6.5
                    || family != null && !f[1].equals(family)) {
                continue;
            }
            double acc = Double.parseDouble(f[5]);
            if (acc < FLOOR) {
                continue;
            }
            double q = (acc - CHANCE) / (1 - CHANCE);
            points.add(new double[] {Math.log(Double.parseDouble(f[4]) * 1e21), Math.log(-Math.log(q))});
        }
        double n = points.size();
        double mx = points.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = points.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = points.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = points.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double slope = sxy / sxx;
        return new double[] {-slope, Math.exp(my - slope * mx), n};
    }

    @Test
    void qwenFamilyFitIsTheLeastSquaresLineOfItsThreeModelsBelow6point5B() throws IOException {
        double[] ols = ols("Qwen1.5");
        // Qwen1.5-0.5B, -1.8B and -4B: MMLU 0.394, 0.467, 0.565, all above the floor of 0.2625.
        assertEquals(3, ols[2]);
        Map<String, Double> p = parameters(fit(results, "family", "Model Family=Qwen1.5"));
        assertRelative(ols[0], p.get("alpha"), 1e-9);
        assertRelative(ols[1], p.get("A"), 1e-9);
        // numpy.polyfit on the same points (python3, numpy 1.x) gives alpha = 0.30257968843047767 and
        // A = 6982252.315292478; the law's least squares gives the same line to 1e-12.
        assertRelative(0.30257968843047767, p.get("alpha"), 1e-12);
        assertRelative(6982252.315292478, p.get("A"), 1e-9);
        // Qwen1.5-7B (168e21 FLOPs, MMLU 0.6197) is held out: acc = 0.25 + 0.75 exp(-A C^-alpha) = 0.63944,
        // 3.18% above what it scored.
        JsonNode run = run(fit(results, "family", "Model Family=Qwen1.5"), "Qwen/Qwen1.5-7B");
        assertEquals("holdout", run.get("role").asText());
        double predicted = CHANCE + (1 - CHANCE) * Math.exp(-ols[1] * Math.pow(168e21, -ols[0]));
        assertRelative(predicted, run.get("predicted").asDouble(), 1e-9);
        assertRelative(0.6394361736379826, predicted, 1e-12);
        assertRelative(0.0318475874115226, fit(results, "family", "Model Family=Qwen1.5").get("holdoutMetrics")
                .get("mre").asDouble(), 1e-9);
    }

    @Test
    void thePooledFitIsTheLeastSquaresLineOfEveryUsableModelAndMissesBadly() throws IOException {
        double[] ols = ols(null);
        // 30 models with FLOPs below 6.5B score MMLU above the floor (numpy.polyfit: alpha 0.10347805402952555,
        // A 429.6175328564703).
        assertEquals(30, ols[2]);
        JsonNode pooled = fit(results, "pooled", "");
        Map<String, Double> p = parameters(pooled);
        assertRelative(ols[0], p.get("alpha"), 1e-9);
        assertRelative(ols[1], p.get("A"), 1e-9);
        assertRelative(0.10347805402952555, p.get("alpha"), 1e-9);
        assertEquals(30, pooled.get("fitMetrics").get("n").asInt());
        // Its 28 held-out models (6.5B and up, with FLOPs and MMLU) are off by 27.2% on average.
        assertEquals(28, pooled.get("holdoutMetrics").get("n").asInt());
        assertRelative(0.2716764903367518, pooled.get("holdoutMetrics").get("mre").asDouble(), 1e-9);
    }

    @Test
    void familiesWithoutThreeUsableModelsBelow6point5BAreSkippedOnceAndListed() throws IOException {
        // 39 families; 10 models (Qwen2, Mistral, GPT-2, InternLM2, DeciLM: 5 families entirely) have no FLOPs and
        // are dropped by 'where present(...)', leaving 34 families; only Qwen1.5 has three usable models in the
        // window, so 33 are skipped.
        JsonNode skipped = results.get("skippedGroups");
        assertEquals(33, skipped.size());
        assertEquals(1, results.get("fits").size() - 1, "one family fit, beside the pooled one");
        JsonNode pythia = null;
        for (JsonNode s : skipped) {
            assertEquals("family", s.get("law").asText());
            assertEquals(3, s.get("minimum").asInt());
            assertEquals(19, s.get("line").asInt());
            if (s.get("group").asText().equals("Model Family=Pythia")) {
                pythia = s;
            }
        }
        // Pythia below 6.5B: six models, of which only the 2.8B (MMLU 0.2678) is above the floor of 0.2625.
        assertEquals(1, pythia.get("runs").asInt());
        assertEquals(1, err.split("'min runs 3' skips", -1).length - 1, "one warning: " + err);
        assertTrue(err.contains("obsscaling-families.study:19:3: warning: 'min runs 3' skips 33 groups of data"
                + " 'models' with fewer usable runs in the fit window: Model Family=Llama-2 (0), "), err);
        String page = Files.readString(site.resolve("obsscaling-families/index.html"));
        assertTrue(page.contains("<h3 id=\"skipped\">Skipped groups</h3>"), "the study page lists them");
        assertTrue(page.contains("<td>Model Family=GPT-Neo/J</td><td class=\"num\">2</td><td class=\"num\">3</td>"
                + "<td class=\"num\">19</td><td>skipped</td>"), "GPT-Neo/J: only its 2.7B and 6.05B are above the floor");
    }

    @Test
    void theNarrativeQuotesTheResults() throws IOException {
        String md = Files.readString(Path.of("studies/published/obsscaling-families.md"));
        for (String claim : List.of("0.639", "0.620", "3.2%", "27.2%", "33 families", "alpha = 0.303")) {
            assertTrue(md.contains(claim), "the narrative should say " + claim);
        }
        assertTrue(Arrays.stream(rows().toArray(String[][]::new)).filter(f -> f[4].isEmpty()).count() == 10,
                "10 models without FLOPs, as the narrative says");
        assertTrue(md.contains("10 models"), md);
        // Its example of compute alone: Yi-6B (108e21 FLOPs, MMLU 0.641) and OLMo-7B (105e21, 0.281).
        assertTrue(md.contains("(1.1e23 and 1.05e23 FLOPs), Yi-6B scores 0.64 and OLMo-7B 0.28"), md);
        for (String[] f : rows()) {
            if (f[0].equals("01-ai/Yi-6B")) {
                assertEquals("108.0", f[4]);
                assertEquals(0.641, Double.parseDouble(f[5]), 5e-4);
            } else if (f[0].equals("allenai/OLMo-7B-hf")) {
                assertEquals("105.0", f[4]);
                assertEquals(0.281, Double.parseDouble(f[5]), 5e-4);
            }
        }
        assertTrue(md.contains("(R² 0.07)"), md);
        assertEquals(0.07, fit(results, "pooled", "").get("fitMetrics").get("r2").asDouble(), 0.005);
    }

    private static JsonNode run(JsonNode fit, String id) {
        for (JsonNode r : fit.get("runs")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no run " + id);
    }
}
