package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * Text from a study or its data can never become markup, script or template code in the site: hostile
 * titles, descriptions, benchmark names (group values), run ids and CSV column names are shown as text in
 * HTML, read back exactly from results.json, and never close the chart specs' script elements.
 */
class HostileTextTest {
    static final String SCRIPT = "</script><script>alert(1)</script>";
    static final String TEMPLATE = "${7*7}";
    static final String FTL = "<#assign x=1>${x}";
    static final String HTML_COMMENT = "<!--";

    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void build() throws IOException {
        StringBuilder csv = new StringBuilder("run,N,D,bench,acc,\"" + SCRIPT.replace("\"", "\"\"") + "\","
                + "\"" + TEMPLATE + "\",\"a,\"\"b\"\"\"\n");
        String[] benches = {SCRIPT, TEMPLATE, FTL + HTML_COMMENT};
        double[] sizes = {1e7, 2e7, 4e7, 8e7};
        for (int b = 0; b < benches.length; b++) {
            for (int s = 0; s < sizes.length; s++) {
                double c = 6 * sizes[s] * 20 * sizes[s];
                double acc = 0.25 + 0.75 * Math.exp(-(3 + b) * Math.pow(c, -0.05));
                String run = s == 0 ? "\"<img src=x onerror=alert(2)>\"" : "r" + s;
                csv.append(run).append(",").append(sizes[s]).append(',').append(20 * sizes[s]).append(",\"")
                        .append(benches[b].replace("\"", "\"\"")).append("\",").append(acc).append(",1,2,3\n");
            }
        }
        Files.writeString(dir.resolve("h.csv"), csv.toString());
        Files.writeString(dir.resolve("h.study"), "study \"" + SCRIPT + " " + TEMPLATE + " " + FTL + "\" {\n"
                + "  description \"" + FTL + " & " + SCRIPT + " \\\" quoted\"\n"
                + "  data d = csv(\"h.csv\") { let C = 6 * N * D }\n"
                + "  law l = direct_power(x: C, y: acc, baseline: 0.25)\n"
                + "  fit l to d by bench\n}\n");
        site = dir.resolve("site");
        CliRun run = CliRun.of("build", dir.resolve("h.study").toString(), "--out", site.toString(), "--no-cache");
        assertEquals(0, run.code(), run.err());
    }

    /** The index, the study page and the three fits' pages. */
    static List<String> pages() throws IOException {
        List<String> pages = new ArrayList<>(List.of(Files.readString(site.resolve("index.html"))));
        pages.addAll(org.scalestudy.SitePages.texts(site.resolve("h")));
        assertEquals(5, pages.size());
        return pages;
    }

    @Test
    void noHostileTextSurvivesAsMarkupOrTemplateCode() throws IOException {
        for (String html : pages()) {
            assertFalse(html.contains("<script>alert(1)"), "a title or name never opens a script element");
            assertFalse(html.contains("<img src=x"), "a run id never becomes an element");
            assertFalse(html.contains("<#assign"), "FreeMarker directives from a study are text");
            assertFalse(html.contains("<!--"), "a study cannot open an HTML comment");
            assertFalse(html.contains(">49<") || html.contains(" 49 "), "${7*7} is never evaluated");
            assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "shown escaped");
            assertTrue(html.contains(TEMPLATE), "shown as written");
        }
        assertTrue(pages().get(1).contains("&lt;#assign x=1&gt;${x}"), "the description shows the directive as text");
        for (String page : pages()) {
            // Every <script> element of the page is either ours (loading assets or drawing charts) or a spec.
            int opened = page.split("<script", -1).length - 1;
            int closed = page.split("</script>", -1).length - 1;
            assertEquals(opened, closed, "every script element closes where scalestudy closes it");
        }
    }

    @Test
    void embeddedChartSpecsHoldNoRawAngleBracketAndReadBackExactly() throws IOException {
        String page = String.join("\n", pages().subList(1, 5));
        Matcher m = BuildEndToEndTest.SPEC.matcher(page);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            assertFalse(m.group(2).contains("<"), m.group(1));
            assertFalse(m.group(2).contains(">"), m.group(1));
            texts.add(new ObjectMapper().readTree(m.group(2)).toString());
        }
        assertEquals(10, texts.size(), "3 benchmarks x (scaling, residuals, parity: the default charts) + 1 set of small multiples");
        String all = String.join("\n", texts);
        assertTrue(all.contains("<img src=x onerror=alert(2)>"), "the run id reads back as written");
    }

    @Test
    void resultsJsonHoldsTheExactStrings() throws IOException {
        JsonNode results = new ObjectMapper().readTree(site.resolve("h/results.json").toFile());
        assertEquals(SCRIPT + " " + TEMPLATE + " " + FTL, results.get("title").asText());
        assertEquals(FTL + " & " + SCRIPT + " \" quoted", results.get("description").asText());
        List<String> groups = new ArrayList<>();
        results.get("fits").forEach(f -> groups.add(f.get("group").asText()));
        assertEquals(List.of("bench=" + SCRIPT, "bench=" + TEMPLATE, "bench=" + FTL + HTML_COMMENT), groups);
        List<String> columns = new ArrayList<>();
        results.get("datasets").get(0).get("columns").forEach(c -> columns.add(c.get("name").asText()));
        assertEquals(List.of("run", "N", "D", "bench", "acc", SCRIPT, TEMPLATE, "a,\"b\"", "C"), columns);
        assertEquals("<img src=x onerror=alert(2)>",
                results.get("fits").get(0).get("runs").get(0).get("id").asText());
    }
}
