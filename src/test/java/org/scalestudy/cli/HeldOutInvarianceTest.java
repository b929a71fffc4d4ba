package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held-out runs judge the prediction intervals and never build them: Krajewski et al.'s DCLM study is built twice,
 * once as released and once with every held-out accuracy (C = 6 N D above 6e21) scaled by 0.9, and every interval
 * (held-out runs, the curve's prediction band, the quantile) is byte-identical, while the held-out observations and
 * the coverage counts do change.
 */
@Tag("full")
class HeldOutInvarianceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUDY = "krajewski-direct-vs-two-stage.study";
    private static final String DATA = "data/krajewski2025/metrics_dclm_data_mixture.extract.csv";

    @Test
    void changingEveryHeldOutObservationLeavesEveryIntervalAsItWas(@TempDir Path dir) throws IOException {
        JsonNode released = build(dir.resolve("a"), false);
        JsonNode changed = build(dir.resolve("b"), true);
        assertEquals(intervals(released), intervals(changed));
        assertNotEquals(observations(released), observations(changed));
        assertTrue(intervals(released).size() > 288, "every fit's intervals are compared");
    }

    private static JsonNode build(Path root, boolean change) throws IOException {
        Path studies = root.resolve("studies");
        Files.createDirectories(studies.resolve(DATA).getParent());
        Files.copy(Path.of("studies/published").resolve(STUDY), studies.resolve(STUDY));
        String narrative = STUDY.replace(".study", ".md");
        Files.copy(Path.of("studies/published").resolve(narrative), studies.resolve(narrative));
        List<String> lines = Files.readAllLines(Path.of("studies/published").resolve(DATA), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int changed = 0;
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            // ,tokens,benchmark,metric_type,score,tpr: N = tokens / tpr, C = 6 N D; the DCLM loss is an input
            if (change && !cells[0].isEmpty() && !cells[2].equals("dclm") && !cells[4].isEmpty()) {
                double tokens = Double.parseDouble(cells[1]);
                double tpr = Double.parseDouble(cells[5]);
                if (6 * tokens / tpr * tokens > 6e21) {
                    cells[4] = String.format(Locale.ROOT, "%.17g", 0.9 * Double.parseDouble(cells[4]));
                    changed++;
                }
            }
            out.add(String.join(",", cells));
        }
        assertTrue(!change || changed > 96, changed + " scores changed");
        Files.write(studies.resolve(DATA), out, StandardCharsets.UTF_8);
        Path site = root.resolve("site");
        assertEquals(0, Main.execute("build", studies.resolve(STUDY).toString(), "--out", site.toString(),
                "--no-cache", "--quiet"));
        return JSON.readTree(site.resolve("krajewski-direct-vs-two-stage/results.json").toFile());
    }

    /** Every interval the study holds: per held-out run, each fit's quantile and its prediction band. */
    private static ArrayNode intervals(JsonNode results) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode fit : results.get("fits")) {
            out.addAll(ofHeldOutRuns(fit, "interval"));
            out.add(fit.get("prediction").get("quantile"));
            out.add(fit.get("prediction").get("band"));
        }
        return out;
    }

    private static ArrayNode observations(JsonNode results) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode fit : results.get("fits")) {
            out.addAll(ofHeldOutRuns(fit, "observed"));
        }
        return out;
    }

    /** The field {@code key} of every held-out run of {@code fit}. */
    private static ArrayNode ofHeldOutRuns(JsonNode fit, String key) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode run : fit.get("runs")) {
            if (run.get("role").asText().equals("holdout")) {
                out.add(run.get(key));
            }
        }
        return out;
    }
}
