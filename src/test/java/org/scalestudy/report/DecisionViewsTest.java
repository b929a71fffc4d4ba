package org.scalestudy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.Decision;
import org.scalestudy.results.StudyResult;

/** The "Which choice wins at scale" section: its counts, its table, and text from studies kept inert. */
class DecisionViewsTest {
    static final String HOSTILE = "</script><img src=x onerror=alert(1)>${7*7}";

    static Decision decision(String at, String context, boolean correct, double probability) {
        return new Decision("l", "d", "recipe", context, at, Double.NaN, "", 4, true, 100, probability, probability,
                correct, correct, List.of(
                        new Decision.Choice(HOSTILE, "recipe=" + HOSTILE, 1, 0.7, 0.65, 0.75, probability,
                                correct ? 0.72 : 0.6, correct ? 1 : 2, 1),
                        new Decision.Choice("b", "recipe=b", 2, 0.6, 0.55, 0.66, 1 - probability,
                                correct ? 0.61 : 0.7, correct ? 2 : 1, 1)));
    }

    static final List<Decision> DECISIONS = List.of(decision("C == 1", "task=x", true, 0.9),
            decision("C == 1", "task=y", false, 0.6), decision("C == 2", "task=x", false, 0.7),
            decision("C == 2", "task=y", false, 0.5));

    @Test
    void theSummaryCountsTheScoredDecisions() {
        // 1 of 4 right: 1 of 2 at C == 1, 0 of 2 at C == 2; the predicted winners' mean probability is
        // (0.9 + 0.6 + 0.7 + 0.5) / 4 = 0.675.
        assertEquals("Scored against the held-out runs, the predicted winner is the observed best in 1 of 4 decisions"
                + " (25%: 1 of 2 at C == 1, 0 of 2 at C == 2), and the whole ranking is right in 1 of 4 (25%); the"
                + " bootstrap gave the predicted winners a mean probability of 67.5%.",
                DecisionViews.summary(DECISIONS));
        Views.Table table = DecisionViews.of(DECISIONS).tables().get(0);
        assertEquals(List.of("group", "at", HOSTILE, "b", "predicted ranking", "P(ranking)", "P(winner)",
                "observed ranking", "winner right"), table.columns().stream().map(Views.Column::label).toList());
        List<String> first = table.rows().get(0).cells().stream().map(Views.Cell::text).toList();
        assertEquals(List.of("task=x", "C == 1", "0.7 (0.72)", "0.6 (0.61)", HOSTILE + " > b", "90%", "90%",
                HOSTILE + " > b", "\u2713 yes"), first);
        assertTrue(table.rows().get(0).cells().get(2).strong(), "the predicted winner in bold");
        assertEquals("95% bootstrap interval 0.65 to 0.75", table.rows().get(0).cells().get(2).title());
    }

    @Test
    void theSectionIsOnThePageWithItsTextEscaped(@TempDir Path tmp) throws Exception {
        StudyResult s = Fixtures.study();
        s = new StudyResult(s.slug(), s.title(), s.description(), s.sourceFile(), s.sourceText(), s.sourceSha256(),
                s.datasets(), s.fits(), s.report(), DECISIONS);
        new SiteBuilder().build(List.of(s), tmp.resolve("site"));
        String page = Files.readString(tmp.resolve("site").resolve(s.slug()).resolve("index.html"));
        assertTrue(page.contains("<section id=\"decisions\">"));
        assertTrue(page.contains("<a href=\"#decisions\">decisions</a>"));
        assertFalse(page.contains("<img src=x"), "no markup from the data");
        assertTrue(page.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;${7*7}"));
        String results = Files.readString(tmp.resolve("site").resolve(s.slug()).resolve("results.json"));
        assertTrue(results.contains("\"value\": \"</script><img src=x onerror=alert(1)>${7*7}\""), "JSON as is");

        // Without decisions, neither the section nor its link.
        StudyResult plain = Fixtures.study();
        new SiteBuilder().build(List.of(plain), tmp.resolve("plain"));
        String plainPage = Files.readString(tmp.resolve("plain").resolve(plain.slug()).resolve("index.html"));
        assertFalse(plainPage.contains("decisions"));
    }
}
