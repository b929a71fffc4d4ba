package org.scalestudy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws IOException {
        site = tmp.resolve("site");
        new SiteBuilder().build(List.of(Fixtures.study()), site);
    }

    /** The pages of the fixture's two fits: law, dataset and (for the grouped one) group name them. */
    private static final String FIT1 = "ladder/fits/direct--runs--metric-arc_easy.html";
    private static final String FIT2 = "ladder/fits/bnsl--runs.html";

    private static String read(String path) throws IOException {
        return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDocumentedLayout() throws IOException {
        // The layout is the contract with users and GitHub Pages: these exact files, nothing else at the top.
        // results.schema.json describes every results.json of the site (docs/results-json.md).
        assertEquals(List.of(".scalestudy-site", "assets", "index.html", "ladder", "results.schema.json"),
                Fixtures.entries(site));
        assertTrue(read("results.schema.json").contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
        // The page, its results, its source, and the downloads (data, parameters, predictions as CSV and JSON).
        assertEquals(List.of("data.csv", "data.json", "fits", "index.html", "ladder.study", "parameters.csv",
                "parameters.json", "predictions.csv", "predictions.json", "results.json"),
                Fixtures.entries(site.resolve("ladder")));
        // A page per fit, with the fit's JSON and CSV beside it.
        assertEquals(List.of("bnsl--runs.csv", "bnsl--runs.html", "bnsl--runs.json",
                "direct--runs--metric-arc_easy.csv", "direct--runs--metric-arc_easy.html",
                "direct--runs--metric-arc_easy.json"), Fixtures.entries(site.resolve("ladder/fits")));
        // The site must work offline, so the Vega scripts, the style sheet and the site's script are copied in.
        assertEquals(List.of("site.js", "style.css", "vega-embed.min.js", "vega-lite.min.js", "vega.min.js"),
                Fixtures.entries(site.resolve("assets")));
        // The copied scripts are the real bundles from the classpath, not stubs.
        assertTrue(Files.size(site.resolve("assets/vega.min.js")) > 100_000);
        // No temporary or old folder is left beside the site after a successful build.
        assertEquals(List.of("site"), Fixtures.entries(tmp).stream().filter(n -> n.contains("site")).toList());
    }

    @Test
    void sourceIsPublishedVerbatim() throws IOException {
        // Readers download the study beside its page; it must be exactly the text that was built.
        assertEquals(Fixtures.SOURCE, read("ladder/ladder.study"));
    }

    @Test
    void indexListsStudiesWithRelativeLinks() throws IOException {
        String index = read("index.html");
        // The index must link to the study page with a relative path so file:// and sub-path hosting work.
        assertTrue(index.contains("href=\"ladder/index.html\""), index);
        assertTrue(index.contains("Direct vs BNSL"));
        // Best holdout MRE is the smallest MRE over fits with held-out rows: only "direct" has some (5%).
        assertTrue(index.contains("5%"), index);
        for (String link : Fixtures.links(index)) {
            assertRelative(link);
        }
    }

    @Test
    void studyPageLinksAreRelative() throws IOException {
        String page = read("ladder/index.html");
        List<String> links = Fixtures.links(page);
        // The page loads its style from ../assets, which is what makes the site work offline; it draws no chart
        // (no law has two groups, so no small multiples), so it loads no Vega.
        assertTrue(links.contains("../assets/style.css"), links.toString());
        assertFalse(links.contains("../assets/vega-embed.min.js"), links.toString());
        // The overview and the leaderboard link to each fit's page.
        assertTrue(links.contains("fits/direct--runs--metric-arc_easy.html"), links.toString());
        assertTrue(links.contains("fits/bnsl--runs.html"), links.toString());
        for (String link : links) {
            assertRelative(link);
        }
    }

    @Test
    void fitPagesLinkBackAndToEachOtherRelatively() throws IOException {
        String page = read(FIT1);
        List<String> links = Fixtures.links(page);
        // Two folders down: assets and the index are ../../, the study page ../.
        assertTrue(links.contains("../../assets/vega-embed.min.js"), links.toString());
        assertTrue(links.contains("../../assets/style.css"), links.toString());
        assertTrue(links.contains("../../index.html"), links.toString());
        assertTrue(links.contains("../index.html"), links.toString());
        // The first fit links to the next and not to a previous one; the second, back.
        assertTrue(page.contains("<a href=\"bnsl--runs.html\" rel=\"next\""), page);
        assertFalse(page.contains("rel=\"prev\""));
        assertTrue(read(FIT2).contains("<a href=\"direct--runs--metric-arc_easy.html\" rel=\"prev\""));
        assertTrue(page.contains("fit 1 of 2"));
        // Its downloads sit beside it.
        assertTrue(links.contains("direct--runs--metric-arc_easy.json"), links.toString());
        assertTrue(links.contains("direct--runs--metric-arc_easy.csv"), links.toString());
        assertTrue(links.contains("../results.json"), links.toString());
        for (String link : links) {
            assertRelative(link);
        }
        // Every link from the study page to a fit page, and from a fit page to a file, lands on a file.
        for (String file : List.of("ladder/index.html", FIT1, FIT2)) {
            Path dir = site.resolve(file).getParent();
            for (String link : Fixtures.links(read(file))) {
                String target = link.replaceAll("#.*", "");
                if (!target.isEmpty()) {
                    assertTrue(Files.isRegularFile(dir.resolve(target).normalize()), file + " links to " + link);
                }
            }
        }
    }

    @Test
    void fitDownloadsAreTheFitAsResultsJsonHoldsItAndItsPredictions() throws IOException {
        JsonNode fit = JSON.readTree(read("ladder/fits/direct--runs--metric-arc_easy.json"));
        JsonNode inResults = JSON.readTree(read("ladder/results.json")).path("fits").get(0);
        assertEquals(inResults, fit);
        assertSorted(fit);
        // The CSV: the predictions sheet of this fit only, its 5 runs and no target.
        String csv = read("ladder/fits/direct--runs--metric-arc_easy.csv");
        String[] lines = csv.split("\n");
        // ci_*: a target's bootstrap confidence interval of the curve; pi_*: a prediction interval (none here).
        assertEquals("law,dataset,group,kind,run,role,series,x,observed,predicted,ci_low,ci_high,pi_level,pi_low,"
                + "pi_high", lines[0]);
        assertEquals(6, lines.length);
        assertEquals("direct,runs,metric=arc_easy,run,r4,holdout,,3.6E22,0.7,0.665,,,,,", lines[4]);
    }

    @Test
    void everyEmbeddedChartIsAValidVegaLiteSpec() throws IOException {
        String page = read(FIT1);
        Map<String, String> specs = new java.util.LinkedHashMap<>(Fixtures.embeddedJson(page));
        specs.putAll(Fixtures.embeddedJson(read(FIT2)));
        // Two fits × two requested charts.
        assertEquals(List.of("fit-1-residuals-spec", "fit-1-scaling-spec", "fit-2-residuals-spec",
                "fit-2-scaling-spec"), new ArrayList<>(specs.keySet()));
        for (Map.Entry<String, String> e : specs.entrySet()) {
            JsonNode spec = JSON.readTree(e.getValue());
            String id = e.getKey();
            // vega-embed needs the schema to know this is Vega-Lite.
            assertTrue(spec.path("$schema").asText().contains("vega-lite"), id);
            // Data is inlined so the page needs no fetch (file:// forbids it).
            assertTrue(spec.path("data").path("values").isArray(), id);
            assertTrue(spec.path("data").path("values").size() > 0, id);
            // A layer of marks, each with a mark; reference rules fix one channel, and at least one layer
            // encodes both x and y from fields.
            assertTrue(spec.path("layer").isArray() && spec.path("layer").size() >= 2, id);
            boolean xy = false;
            for (JsonNode layer : spec.path("layer")) {
                assertTrue(layer.path("mark").path("type").isTextual(), id);
                JsonNode enc = layer.path("encoding");
                assertTrue(enc.has("y") || enc.has("x"), id);
                xy |= enc.path("x").has("field") && enc.path("y").has("field");
            }
            assertTrue(xy, id);
            // No NaN sneaks into the data (Vega would read the string "NaN").
            assertFalse(e.getValue().contains("NaN"), id);
        }
        // The target div of each spec exists on the page.
        assertTrue(page.contains("<div id=\"fit-1-scaling\""));
    }

    @Test
    void scalingChartHasRolesTooltipsAndTheCurve() throws IOException {
        JsonNode spec = JSON.readTree(Fixtures.embeddedJson(read(FIT1)).get("fit-1-scaling-spec"));
        JsonNode curve = layer(spec, "curve");
        JsonNode points = layer(spec, "runs");
        // The fit has no bootstrap, so no band; the rule marks the largest x fitted on (r3, 1.2e21).
        assertTrue(layer(spec, "band").isMissingNode());
        assertEquals(1.2e21, layer(spec, "fit-edge").path("data").path("values").get(0).path("x").asDouble());
        // The curve is a line with its own data, reaching past the largest run (3.6e22 → 1e23).
        assertEquals("line", curve.path("mark").path("type").asText());
        assertEquals(1e23, curve.path("data").path("values").get(2).path("x").asDouble());
        // x is compute on a log scale.
        assertEquals("log", points.path("encoding").path("x").path("scale").path("type").asText());
        // acc spans 0.26–0.70 (less than a decade), so y is linear.
        assertFalse(points.path("encoding").path("y").path("scale").has("type"));
        // Points are coloured by role, with the roles present in fixed order.
        assertEquals("role", points.path("encoding").path("color").path("field").asText());
        assertEquals("[\"fit\",\"holdout\",\"excluded\"]",
                points.path("encoding").path("color").path("scale").path("domain").toString());
        // Tooltips give id, x, observed, predicted, role and note.
        List<String> tips = new ArrayList<>();
        points.path("encoding").path("tooltip").forEach(t -> tips.add(t.path("field").asText()));
        assertEquals(List.of("id", "x", "observed", "predicted", "role", "note"), tips);
        // The excluded run's missing prediction is null in the data, not NaN.
        JsonNode excluded = spec.path("data").path("values").get(4);
        assertEquals("r0", excluded.path("id").asText());
        assertTrue(excluded.path("predicted").isNull());
    }

    @Test
    void scalingChartUsesLogYAndOneLinePerSeriesForLoss() throws IOException {
        JsonNode spec = JSON.readTree(Fixtures.embeddedJson(read(FIT2)).get("fit-2-scaling-spec"));
        JsonNode curve = layer(spec, "curve");
        JsonNode points = layer(spec, "runs");
        // Loss spans 3–40, more than a decade, so y is logarithmic on both layers (shared scale).
        assertEquals("log", points.path("encoding").path("y").path("scale").path("type").asText());
        assertEquals("log", curve.path("encoding").path("y").path("scale").path("type").asText());
        // Two curve series → one dashed line per series, told apart in the legend.
        assertEquals("series", curve.path("encoding").path("strokeDash").path("field").asText());
        // The legend lists series in the fit's order, not sorted as text.
        assertEquals("[\"tpr=20\",\"tpr=80\"]",
                curve.path("encoding").path("strokeDash").path("scale").path("domain").toString());
    }

    @Test
    void residualChartPlotsRelativeResidualsWithAZeroRule() throws IOException {
        JsonNode spec = JSON.readTree(Fixtures.embeddedJson(read(FIT1)).get("fit-1-residuals-spec"));
        JsonNode values = spec.path("data").path("values");
        // The excluded run has no prediction, so it has no residual and is left out: 4 of 5 runs.
        assertEquals(4, values.size());
        // (observed − predicted) / observed for r4: (0.70 − 0.665) / 0.70 = 0.05.
        assertEquals(0.05, values.get(3).path("residual").asDouble(), 1e-12);
        // A layer is the rule at y = 0.
        JsonNode rule = layer(spec, "zero");
        assertEquals("rule", rule.path("mark").path("type").asText());
        assertEquals(0, rule.path("encoding").path("y").path("datum").asInt());
    }

    @Test
    void resultsJsonHasTheStudyWithSortedKeysAndNullsForNaN() throws IOException {
        String text = read("ladder/results.json");
        JsonNode r = JSON.readTree(text);
        // Identity of the study and of its source.
        assertEquals("ladder", r.path("slug").asText());
        assertEquals("Direct vs BNSL", r.path("title").asText());
        assertEquals("cd".repeat(32), r.path("sourceSha256").asText());
        assertEquals(1, r.path("formatVersion").asInt());
        // The source text is published as a file beside it, not repeated here (documented choice).
        assertFalse(r.has("sourceText"));
        // Fit values come through exactly.
        JsonNode direct = r.path("fits").get(0);
        assertEquals("metric=arc_easy", direct.path("group").asText());
        assertEquals(123.456789, direct.path("parameters").get(0).path("value").asDouble());
        assertEquals(0.05, direct.path("holdoutMetrics").path("mre").asDouble());
        assertEquals("holdout", direct.path("runs").get(3).path("role").asText());
        // Record component names are kept as written (xLabel, not xlabel).
        assertEquals("C = 6ND (FLOPs)", direct.path("xLabel").asText());
        // NaN is written as null (JSON has no NaN).
        JsonNode bnsl = r.path("fits").get(1);
        assertTrue(bnsl.path("holdoutMetrics").path("mae").isNull());
        assertTrue(bnsl.path("optimization").path("objective").isNull());
        assertEquals(0, bnsl.path("holdoutMetrics").path("n").asInt());
        assertFalse(text.contains("NaN"));
        // Keys are sorted at every level, so diffs between builds are about values only.
        assertSorted(r);
        // Pretty-printed with \n line ends and a final newline, on every OS.
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("}\n"));
    }

    /** The layer called {@code name}, or a missing node. */
    static JsonNode layer(JsonNode spec, String name) {
        for (JsonNode layer : spec.path("layer")) {
            if (layer.path("name").asText().equals(name)) {
                return layer;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void assertSorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            assertEquals(sorted, names);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            assertSorted(it.next());
        }
    }

    private static void assertRelative(String link) {
        // Absolute paths or URLs would break file:// viewing or hosting under a sub-path, or reach the network.
        assertFalse(link.startsWith("/") || link.contains("://") || link.startsWith("//"), link);
    }
}
