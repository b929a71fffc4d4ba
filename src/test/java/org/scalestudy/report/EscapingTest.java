package org.scalestudy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.StudyResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String GROUP = "metric=</script><script>alert('g')</script>\"";
    private static final String RUN_ID = "run\"</script><!--\u2028\u2029&amp;";

    @TempDir
    Path tmp;

    private String buildHostilePage(Path site) throws IOException {
        StudyResult hostile = Fixtures.study("hostile", SCRIPT, SCRIPT, "x", "x");
        hostile = withGroupAndRunId(hostile);
        new SiteBuilder().build(List.of(hostile), site);
        return Files.readString(site.resolve("hostile/index.html"));
    }

    /** The hostile fit's page: its name keeps letters, digits and _ of law, dataset and group, nothing else. */
    private static String hostileFitPage(Path site) throws IOException {
        return Files.readString(site.resolve("hostile/fits/direct--runs--metric-script-script-alert-g-script.html"));
    }

    /** The fixture with the first fit's group and first run id replaced by hostile text. */
    private static StudyResult withGroupAndRunId(StudyResult s) {
        var f = s.fits().get(0);
        var runs = new java.util.ArrayList<>(f.runs());
        var r = runs.get(0);
        runs.set(0, new org.scalestudy.results.RunRow(RUN_ID, r.role(), r.x(), r.observed(), r.predicted(), r.note()));
        var fit = org.scalestudy.testsupport.FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), GROUP,
                f.line(), f.xLabel(), f.yLabel(), f.parameters(), f.optimization(), f.fitMetrics(),
                f.holdoutMetrics(), runs, f.curve());
        return new StudyResult(s.slug(), s.title(), s.description(), s.sourceFile(), s.sourceText(),
                s.sourceSha256(), s.datasets(), List.of(fit, s.fits().get(1)), s.report());
    }

    @Test
    void textFromTheStudyCannotInjectMarkup() throws IOException {
        Path site = tmp.resolve("site");
        String page = buildHostilePage(site);
        String index = Files.readString(site.resolve("index.html"));
        String fit = hostileFitPage(site);
        for (String html : List.of(page, index, fit)) {
            // The title never appears raw, only escaped…
            assertFalse(html.contains(SCRIPT), "raw script tag in page");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped title");
            // …and no script element other than ours exists: 3 library scripts + our own on the study page.
            assertFalse(html.contains("alert('g')</script>"));
        }
        // Fit page: 3 Vega <script src>, the site's own site.js, 2 JSON specs and no inline script; the study
        // page (no chart: no law has two groups) and the index load site.js only (for sortable tables).
        assertEquals(6, count(fit, "<script"));
        assertEquals(1, count(page, "<script"));
        assertEquals(1, count(index, "<script"));
        assertEquals(1, count(index, "<script src=\"assets/site.js\" defer></script>"));
        // The group appears in HTML with its quotes escaped, so it cannot close an attribute either.
        for (String html : List.of(page, fit)) {
            assertTrue(html.contains("metric=&lt;/script&gt;&lt;script&gt;alert(&#39;g&#39;)&lt;/script&gt;&quot;"),
                    "escaped group");
        }
        // So does the hostile run id, in the fit page's runs table.
        assertTrue(fit.contains("run&quot;&lt;/script&gt;&lt;!--"), "escaped run id");
    }

    @Test
    void embeddedJsonIsInertAndRoundTrips() throws IOException {
        Path site = tmp.resolve("site");
        buildHostilePage(site);
        Map<String, String> specs = Fixtures.embeddedJson(hostileFitPage(site));
        // Both specs were found, which also shows that none was cut short by an injected </script>.
        assertEquals(2, specs.size());
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> e : specs.entrySet()) {
            String text = e.getValue();
            // No '<' at all: neither </script nor <!-- can appear inside the element.
            assertFalse(text.contains("<"), e.getKey());
            assertFalse(text.contains(">"), e.getKey());
            // U+2028/2029 are escaped too (they end lines in older JavaScript parsers).
            assertFalse(text.contains("\u2028") || text.contains("\u2029"), e.getKey());
            // & is escaped, so an HTML entity cannot be smuggled in.
            assertFalse(text.contains("&"), e.getKey());
            JsonNode spec = json.readTree(text);
            // The text still parses to the original strings: escaping changed the encoding, not the data.
            if (e.getKey().startsWith("fit-1")) {
                assertTrue(spec.path("description").asText().endsWith(GROUP), e.getKey());
                assertEquals(RUN_ID, spec.path("data").path("values").get(0).path("id").asText(), e.getKey());
            }
        }
    }

    @Test
    void htmlSafeJsonEscapesEachDangerousCharacter() {
        var node = JsonSupport.NODES.objectNode().put("s", "</script>&\u2028\u2029'\"é");
        // Exactly the dangerous characters become \\u escapes; other non-ASCII text stays readable.
        assertEquals("{\"s\":\"\\u003C/script\\u003E\\u0026\\u2028\\u2029'\\\"é\"}", JsonSupport.htmlSafe(node));
    }

    @Test
    void resultsJsonKeepsTheOriginalStrings() throws IOException {
        Path site = tmp.resolve("site");
        buildHostilePage(site);
        JsonNode r = new ObjectMapper().readTree(Files.readString(site.resolve("hostile/results.json")));
        // results.json is not HTML; it must carry the exact strings for tools that read it.
        assertEquals(SCRIPT, r.path("title").asText());
        assertEquals(GROUP, r.path("fits").get(0).path("group").asText());
        assertEquals(RUN_ID, r.path("fits").get(0).path("runs").get(0).path("id").asText());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
