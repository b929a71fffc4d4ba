package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.demo.DemoLadder;

/**
 * Builds the shipped demo study through the command line, as a user would, and looks at the site.
 * The demo is built once for the whole class (its Chinchilla fit runs a 4,500-start grid).
 */
class BuildEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern SPEC = Pattern.compile(
            "<script type=\"application/json\" id=\"([^\"]+)\"[^>]*>(.*?)</script>", Pattern.DOTALL);

    @TempDir
    static Path shared;
    static Path site;
    static int exitCode;

    @BeforeAll
    static void buildDemo() {
        site = shared.resolve("site");
        exitCode = Main.execute("build", "studies/demo.study", "--out", site.toString());
    }

    @Test
    void demoBuildsIntoIndexStudyPageAndResults() throws IOException {
        assertEquals(0, exitCode);
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("href=\"demo/index.html\"") || index.contains("href=\"demo/\""),
                "the index links the study with a relative link");
        for (String asset : List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")) {
            assertTrue(Files.size(site.resolve("assets").resolve(asset)) > 10_000, asset + " is copied in full");
        }
        String page = Files.readString(site.resolve("demo/index.html"));
        assertTrue(page.contains("Demo: direct power law and Chinchilla loss on a generated ladder"));
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing is loaded from outside the site");
    }

    @Test
    void resultsJsonHoldsEveryFitWithItsRuns() throws IOException {
        JsonNode results = JSON.readTree(site.resolve("demo/results.json").toFile());
        JsonNode fits = results.get("fits");
        // Four benchmarks for the direct law, one ungrouped Chinchilla fit.
        assertEquals(5, fits.size());
        List<String> groups = new ArrayList<>();
        fits.forEach(f -> groups.add(f.get("law").asText() + ":" + f.get("group").asText()));
        assertEquals(List.of("direct:metric=arc_easy", "direct:metric=hellaswag", "direct:metric=piqa",
                "direct:metric=winogrande", "chinchilla:"), groups);
        JsonNode arc = fits.get(0);
        // tpr == 20 keeps 5 sizes x 2 seeds = 10 runs; the two 800M runs are held out.
        assertEquals(10, arc.get("runs").size());
        assertEquals(8, arc.get("fitMetrics").get("n").asInt());
        assertEquals(2, arc.get("holdoutMetrics").get("n").asInt());
        JsonNode chinchilla = fits.get(4);
        // val_loss rows: 40 runs; 4 ratios x 2 seeds at 800M are held out.
        assertEquals(40, chinchilla.get("runs").size());
        assertEquals(8, chinchilla.get("holdoutMetrics").get("n").asInt());
        assertEquals(4500, chinchilla.get("optimization").get("starts").asInt());
        assertTrue(chinchilla.get("optimization").get("converged").asBoolean());
        // The loss ladder is generated with 0.5% noise: the law must predict the held-out 800M
        // runs within a few percent (a wrong fit is off by tens of percent).
        assertTrue(chinchilla.get("holdoutMetrics").get("mre").asDouble() < 0.03);
        for (JsonNode run : chinchilla.get("runs")) {
            String id = run.get("id").asText();
            String role = run.get("role").asText();
            assertEquals(id.startsWith("n800m") ? "holdout" : "fit", role, id);
        }
    }

    @Test
    void directLawRecoversTheDemoTruthWithinNoise() throws IOException {
        JsonNode fits = JSON.readTree(site.resolve("demo/results.json").toFile()).get("fits");
        JsonNode arc = fits.get(0);
        // Holdout predictions for arc_easy at the 800M, 20-tokens-per-parameter runs should sit
        // within 3 points of the noiseless truth of the generator (binomial noise sd ~ 0.01).
        double truth = DemoLadder.Benchmark.ARC_EASY.trueAccuracy(8e8, 1.6e10);
        for (JsonNode run : arc.get("runs")) {
            if (run.get("role").asText().equals("holdout")) {
                assertEquals(truth, run.get("predicted").asDouble(), 0.03, run.get("id").asText());
            }
        }
    }

    @Test
    void everyChartSpecHasDataAMarkAndEncodings() throws IOException {
        String page = String.join("\n", org.scalestudy.SitePages.texts(site.resolve("demo")));
        Matcher m = SPEC.matcher(page);
        int charts = 0;
        while (m.find()) {
            charts++;
            JsonNode spec = JSON.readTree(m.group(2));
            assertTrue(spec.get("$schema").asText().contains("vega-lite"), m.group(1));
            List<JsonNode> views = new ArrayList<>();
            if (spec.has("facet")) {
                // Small multiples: the panel spec's layers, filtering the top-level data.
                spec.get("spec").get("layer").forEach(views::add);
            } else if (spec.has("layer")) {
                spec.get("layer").forEach(views::add);
            } else {
                views.add(spec);
            }
            boolean plotsXAgainstY = false;
            for (JsonNode view : views) {
                JsonNode data = view.has("data") ? view.get("data") : spec.get("data");
                assertTrue(data != null && data.get("values").size() > 0, m.group(1) + " has data values");
                assertTrue(view.has("mark"), m.group(1) + " has a mark");
                JsonNode encoding = view.get("encoding");
                assertTrue(encoding.has("x") || encoding.has("y"), m.group(1) + " places its mark");
                // A reference rule may fix only y; the data layers encode both.
                plotsXAgainstY |= encoding.has("x") && encoding.has("y") && encoding.get("x").has("field");
            }
            assertTrue(plotsXAgainstY, m.group(1) + " plots a field against x and y");
        }
        // Four charts (scaling, residuals, parity, sensitivity) on each of the five fits' pages, and one
        // small-multiples chart on the study page, for the direct law, fitted to four benchmarks.
        assertEquals(21, charts);
        assertEquals(1, SPEC.matcher(Files.readString(site.resolve("demo/index.html"))).results().count());
    }

    @Test
    void sameInputsGiveByteIdenticalSites() throws IOException {
        Path again = shared.resolve("again");
        assertEquals(0, Main.execute("build", "studies/demo.study", "--out", again.toString()));
        assertEquals(tree(site), tree(again));
    }

    @Test
    void aBrokenStudyLeavesThePreviousSiteUntouchedAndPrintsWhere(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("site");
        Files.createDirectories(out.resolve("old"));
        Files.writeString(out.resolve("old/index.html"), "previous site");
        Path study = dir.resolve("broken.study");
        Files.writeString(study, "study \"b\" {\n  data d = csv(\"missing.csv\")\n  law l = chinchilla(N: a, D: b, y: c)\n"
                + "  fit l to d\n}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("build", study.toString(), "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        assertEquals(Main.STUDY_ERRORS, code);
        assertEquals(Map.of("old/index.html", "previous site"), tree(out));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("broken.study:2:16: error: cannot read data file 'missing.csv'"), printed);
        assertTrue(printed.contains("1 error; nothing was written"), printed);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("broken.study", "site"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folder is left behind");
        }
    }

    @Test
    void hostileTitleIsEscapedInHtmlAndSafeInEmbeddedJson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("l.csv"), "run,N,D,loss\n"
                + "</script><b>x,1e7,2e8,4.0\nb,2e7,4e8,3.6\nc,4e7,8e8,3.3\nd,8e7,1.6e9,3.1\ne,1.6e8,3.2e9,2.9\n"
                + "f,3.2e8,6.4e9,2.75\n");
        Files.writeString(dir.resolve("x.study"), "study \"<script>alert(1)</script>\" {\n"
                + "  description \"a & b <i>\"\n  data d = csv(\"l.csv\")\n"
                + "  law l = chinchilla(N: N, D: D, y: loss)\n  fit l to d\n}\n");
        Path out = dir.resolve("site");
        assertEquals(0, Main.execute("build", dir.resolve("x.study").toString(), "--out", out.toString()));
        for (String name : List.of("index.html", "x/index.html")) {
            String html = Files.readString(out.resolve(name));
            assertFalse(html.contains("<script>alert(1)"), name + " must not carry the title as markup");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), name + " shows the title escaped");
        }
        // The one fit's page: ungrouped, it is named by law and dataset.
        String page = Files.readString(out.resolve("x/fits/l--d.html"));
        assertFalse(page.contains("<script>alert(1)"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Matcher m = SPEC.matcher(page);
        int specs = 0;
        while (m.find()) {
            specs++;
            // Inside the JSON no '<' survives raw, so "</script>" cannot close the script element...
            assertFalse(m.group(2).contains("<"), m.group(1));
            // ...and the run id still reads back as written (the sensitivity chart has no runs, only refits).
            if (!m.group(1).contains("sensitivity")) {
                assertTrue(JSON.readTree(m.group(2)).toString().contains("</script><b>x"), m.group(1));
            }
        }
        // No report block: the default charts (scaling, residuals, parity; sensitivity is opt-in) for the one fit.
        assertEquals(3, specs);
        JsonNode results = JSON.readTree(out.resolve("x/results.json").toFile());
        assertEquals("<script>alert(1)</script>", results.get("title").asText());
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
