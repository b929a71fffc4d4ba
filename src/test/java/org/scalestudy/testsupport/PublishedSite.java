package org.scalestudy.testsupport;

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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code studies/published/} built once per test JVM, cold, into an empty fit cache of its own (the Epoch
 * bootstrap alone is a minute of CPU): every published-study test and the browser test read this one site, and
 * {@code CachedRebuildTest} builds again from its cache. And
 * what those tests share to read it: fits by law and group, parameters, and checks of what a description claims.
 * Tests that use it belong to the full tier ({@code @Tag("full")}).
 */
public final class PublishedSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path site;
    private static Path cache;
    private static CliRun build;
    private static Map<String, JsonNode> results;

    private PublishedSite() {
    }

    /** The built site's folder (a study's pages in {@code <slug>/}); deleted when the JVM exits. Do not write to it. */
    public static synchronized Path site() {
        if (site == null) {
            try {
                Path dir = Files.createTempDirectory("published-site");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Path out = dir.resolve("site");
                Path fits = dir.resolve("cache");
                CliRun run = CliRun.of("build", "studies/published", "--out", out.toString(), "--cache", fits.toString());
                assertEquals(0, run.code(), run.err());
                build = run;
                cache = fits;
                site = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return site;
    }

    /** The fit cache the site was built with (it held nothing before). Do not write to it. */
    public static synchronized Path cache() {
        site();
        return cache;
    }

    /** What the cold build printed (its summary: fits run, fits from the cache, bootstrap refits). */
    public static synchronized CliRun build() {
        site();
        return build;
    }

    /** Every published study's {@code results.json}, by slug. */
    public static synchronized Map<String, JsonNode> results() {
        if (results == null) {
            try {
                Path built = site();
                Map<String, JsonNode> out = new TreeMap<>();
                try (Stream<Path> studies = Files.list(Path.of("studies/published"))) {
                    for (Path study : studies.filter(p -> p.toString().endsWith(".study")).toList()) {
                        String slug = study.getFileName().toString().replace(".study", "");
                        out.put(slug, JSON.readTree(built.resolve(slug).resolve("results.json").toFile()));
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

    /** Fails unless the description says {@code format} filled with {@code values} (in the root locale). */
    public static void claims(String description, String format, Object... values) {
        String claim = String.format(Locale.ROOT, format, values);
        assertTrue(description.contains(claim), "the description should say '" + claim + "':\n" + description);
    }

    /** The study's fit of {@code law} in {@code group} ("" when the fit has no groups). */
    public static JsonNode fit(JsonNode study, String law, String group) {
        for (JsonNode f : study.get("fits")) {
            if (f.get("law").asText().equals(law) && f.get("group").asText().equals(group)) {
                return f;
            }
        }
        throw new AssertionError("no fit of " + law + " in group '" + group + "'");
    }

    /** A fit's parameter values by name (NaN for a null value). */
    public static Map<String, Double> parameters(JsonNode fit) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode p : fit.get("parameters")) {
            out.put(p.get("name").asText(), p.get("value").isNull() ? Double.NaN : p.get("value").asDouble());
        }
        return out;
    }
}
