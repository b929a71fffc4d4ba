package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code studies/published/} built once per test JVM (every published-study test reads the same
 * results), and what those tests share to read them: fits by law and group, parameters, and checks of
 * what a description claims.
 */
final class PublishedSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> results;

    private PublishedSite() {
    }

    /** Every published study's {@code results.json}, by slug. */
    static synchronized Map<String, JsonNode> results() {
        if (results == null) {
            try {
                Path site = Files.createTempDirectory("published-site");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(site)));
                assertEquals(0, Main.execute("build", "studies/published", "--out", site.toString(), "--no-cache"));
                Map<String, JsonNode> out = new TreeMap<>();
                try (Stream<Path> studies = Files.list(Path.of("studies/published"))) {
                    for (Path study : studies.filter(p -> p.toString().endsWith(".study")).toList()) {
                        String slug = study.getFileName().toString().replace(".study", "");
                        out.put(slug, JSON.readTree(site.resolve(slug).resolve("results.json").toFile()));
                    }
                }
                results = Collections.unmodifiableMap(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up
        }
    }

    static void claims(String description, String format, Object... values) {
        String claim = String.format(Locale.ROOT, format, values);
        assertTrue(description.contains(claim), "the description should say '" + claim + "':\n" + description);
    }

    static JsonNode fit(JsonNode study, String law, String group) {
        for (JsonNode f : study.get("fits")) {
            if (f.get("law").asText().equals(law) && f.get("group").asText().equals(group)) {
                return f;
            }
        }
        throw new AssertionError("no fit of " + law + " in group '" + group + "'");
    }

    static Map<String, Double> parameters(JsonNode fit) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode p : fit.get("parameters")) {
            out.put(p.get("name").asText(), p.get("value").isNull() ? Double.NaN : p.get("value").asDouble());
        }
        return out;
    }

    static void assertRelative(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                "expected " + expected + " within " + tolerance + " relative, got " + actual);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
