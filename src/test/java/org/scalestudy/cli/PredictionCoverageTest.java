package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalestudy.testsupport.PublishedSite;

/**
 * The prediction intervals of the published studies judged on their held-out runs, from results.json alone (the
 * targets of issue 16): pooled over every held-out run with an interval (at least 900), the nominal 90% intervals
 * contain 85-95%; Eq. 2 on Krajewski et al.'s DCLM ladder at least 80%; and they are not wide for the sake of
 * coverage: the median half-width relative to the prediction is at most 4 times the median absolute relative error
 * of the point predictions. Also: what each fit reports (inside, runs) agrees with its runs' intervals.
 */
@Tag("full")
class PredictionCoverageTest {

    /** Per held-out run with an interval: inside, half-width / |prediction|, |pred - obs| / |obs|. */
    private record Judged(boolean inside, double relativeHalfWidth, double relativeError) { }

    private static Map<String, List<Judged>> judgedByLaw() {
        Map<String, List<Judged>> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> study : PublishedSite.results().entrySet()) {
            for (JsonNode fit : study.getValue().get("fits")) {
                int inside = 0;
                int runs = 0;
                for (JsonNode run : fit.get("runs")) {
                    JsonNode interval = run.get("interval");
                    if (!run.get("role").asText().equals("holdout") || interval == null || interval.isNull()) {
                        continue;
                    }
                    double observed = run.get("observed").asDouble();
                    double predicted = run.get("predicted").asDouble();
                    double low = interval.get("low").asDouble();
                    double high = interval.get("high").asDouble();
                    assertEquals("prediction", interval.get("kind").asText());
                    assertEquals(0.9, interval.get("level").asDouble());
                    boolean in = low <= observed && observed <= high;
                    inside += in ? 1 : 0;
                    runs++;
                    out.computeIfAbsent(study.getKey() + "/" + fit.get("law").asText(), k -> new ArrayList<>())
                            .add(new Judged(in, (high - low) / 2 / Math.abs(predicted),
                                    Math.abs(predicted - observed) / Math.abs(observed)));
                }
                JsonNode summary = fit.get("prediction");
                if (runs > 0) {
                    assertEquals(runs, summary.get("holdoutRuns").asInt(), fit.get("group").asText());
                    assertEquals(inside, summary.get("holdoutInside").asInt(), fit.get("group").asText());
                }
            }
        }
        return out;
    }

    @Test
    void pooledNinetyPercentIntervalsHoldEightyFiveToNinetyFivePercentOfHeldOutRuns() {
        Map<String, List<Judged>> byLaw = judgedByLaw();
        List<Judged> all = byLaw.values().stream().flatMap(List::stream).toList();
        long inside = all.stream().filter(Judged::inside).count();
        double coverage = (double) inside / all.size();
        double sharpness = median(all.stream().mapToDouble(Judged::relativeHalfWidth).toArray())
                / median(all.stream().mapToDouble(Judged::relativeError).toArray());
        StringBuilder table = new StringBuilder();
        byLaw.forEach((law, judged) -> table.append(String.format(Locale.ROOT, "%-45s %4d runs %5.1f%% inside%n",
                law, judged.size(), 100.0 * judged.stream().filter(Judged::inside).count() / judged.size())));
        System.out.printf(Locale.ROOT, "prediction intervals: %d of %d held-out runs inside (%.1f%%), median"
                + " half-width %.2f x the median error%n%s", inside, all.size(), 100 * coverage, sharpness, table);
        assertTrue(all.size() >= 900, all.size() + " held-out runs with an interval");
        assertTrue(coverage >= 0.85 && coverage <= 0.95, "pooled coverage " + coverage);
        assertTrue(sharpness <= 4, "median half-width / median error " + sharpness);
        List<Judged> eq2 = byLaw.get("krajewski-direct-vs-two-stage/direct");
        double eq2Coverage = (double) eq2.stream().filter(Judged::inside).count() / eq2.size();
        assertEquals(96, eq2.size());
        assertTrue(eq2Coverage >= 0.80, "Eq. 2 on the DCLM ladder " + eq2Coverage);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
