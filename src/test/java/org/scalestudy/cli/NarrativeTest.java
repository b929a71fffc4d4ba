package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * A study's description, its narrative file and its notes are Markdown on the page; raw HTML and javascript:
 * links from a study are escaped or dropped; a narrative path must stay inside the project.
 */
class NarrativeTest {
    @TempDir
    Path project;

    private Path study(String description, String narrative) throws IOException {
        Files.createDirectories(project.resolve("studies/data"));
        Files.copy(Path.of("studies/data/demo-ladder.csv"), project.resolve("studies/data/demo-ladder.csv"));
        Path file = project.resolve("studies/s.study");
        Files.writeString(file, "study \"S\" {\n"
                + "  description \"" + description + "\"\n"
                + "  narrative \"" + narrative + "\"\n"
                + "  data ladder = csv(\"data/demo-ladder.csv\") { let C = 6 * params * tokens }\n"
                + "  law direct = direct_power(x: C, y: value, baseline: baseline)\n"
                + "  fit direct to ladder by metric where metric == \"arc_easy\" and tokens == 20 * params\n"
                + "    note \"Why *this* window: <b>bold</b> [x](javascript:alert(1))\"\n"
                + "  report { chart scaling table parameters note \"Read the **holdout** column.\" }\n"
                + "}\n");
        return file;
    }

    @Test
    void descriptionNarrativeAndNotesRenderAsMarkdownWithNothingUnescaped() throws IOException {
        Path file = study("Hostile <script>alert(1)</script> and [a link](javascript:alert(2)).", "s.md");
        Files.writeString(project.resolve("studies/s.md"), "Findings:\n\n- holdout MRE 3.1%\n- see [Table 2](#fits)\n");
        Path site = project.resolve("site");
        CliRun run = CliRun.of("build", file.toString(), "--out", site.toString(), "--no-cache", "--quiet");
        assertEquals(0, run.code(), run.err());
        String page = Files.readString(site.resolve("s/index.html"));
        assertTrue(page.contains("<div class=\"lede\"><p>Hostile &lt;script&gt;alert(1)&lt;/script&gt; and a link.</p>\n"
                + "<p>Findings:</p>\n<ul>\n<li>holdout MRE 3.1%</li>\n<li>see <a rel=\"nofollow\" href=\"#fits\">"
                + "Table 2</a></li>\n</ul>\n</div>"), page);
        assertTrue(page.contains("<div class=\"note\"><p>Read the <strong>holdout</strong> column.</p>\n</div>"), page);
        String fit = Files.readString(site.resolve("s/fits/direct--ladder--metric-arc_easy.html"));
        assertTrue(fit.contains("<div class=\"note\"><p>Why <em>this</em> window: &lt;b&gt;bold&lt;/b&gt; x</p>\n</div>"),
                fit);
        for (String html : new String[] {page, fit}) {
            // (the study page also lists the study's source, escaped: the text may appear, never as markup)
            assertFalse(html.contains("<script>alert"), "raw HTML from the study is escaped");
            assertFalse(html.toLowerCase().matches("(?s).*(href|src)=\"?\\s*javascript:.*"), "javascript: links are dropped");
        }
        // results.json keeps the Markdown as written: description, a blank line, the narrative file
        JsonNode results = new ObjectMapper().readTree(site.resolve("s/results.json").toFile());
        assertEquals("Hostile <script>alert(1)</script> and [a link](javascript:alert(2)).\n\nFindings:\n\n"
                + "- holdout MRE 3.1%\n- see [Table 2](#fits)", results.get("description").asText());
        assertEquals("Read the **holdout** column.", results.at("/report/note").asText());
        assertEquals(6, results.at("/report/fitNotes/0/line").asInt(), "the fit statement's line");
        // the meta description is plain text, escaped by the template
        assertTrue(page.contains("<meta name=\"description\" content=\"Hostile &lt;script&gt;alert(1)&lt;/script&gt;"
                + " and a link. Findings: - holdout MRE 3.1% - see Table 2\">"), page);
    }

    @Test
    void aNarrativeOutsideTheProjectIsAnErrorAtTheStudyLine() throws IOException {
        // line 3, column 13: the path string after 'narrative'
        Path file = study("d", "../../secret.md");
        CliRun run = CliRun.of("check", file.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("s.study:3:13: error: refusing to read narrative '../../secret.md': "), run.err());
        assertTrue(run.err().contains("is outside the study's project"), run.err());
    }

    @Test
    void anAbsoluteNarrativePathIsRefused() throws IOException {
        Path file = study("d", "/etc/hostname");
        CliRun run = CliRun.of("check", file.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("s.study:3:13: error: a narrative is a Markdown file named relative to the study's"
                + " folder, e.g. narrative \"notes.md\"; not '/etc/hostname'"), run.err());
    }

    @Test
    void aMissingNarrativeFileIsAnError() throws IOException {
        Path file = study("d", "nope.md");
        CliRun run = CliRun.of("check", file.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("s.study:3:13: error: cannot read narrative 'nope.md' (no such file: "), run.err());
    }
}
