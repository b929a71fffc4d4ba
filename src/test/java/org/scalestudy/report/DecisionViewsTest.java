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
                + " predicted winners' mean P(winner) is 67.5%.",
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

    /**
     * The verdict names the law the back-tests favour (the lower median back-test score, 0.05 against 0.08) and says
     * plainly when a law's probabilities score worse than a constant (0.30 against 0.23) and when the naive rule
     * beat the law (9 against 7 of 20).
     */
    @Test
    void theVerdictSaysWhichRuleToActOn() {
        List<org.scalestudy.results.DecisionScore> scores = List.of(
                new org.scalestudy.results.DecisionScore("direct", "d", "dataset", 20, 20, 7, 9, 60, 41, 14, 0.30,
                        0.23, 0.39, 0.08),
                new org.scalestudy.results.DecisionScore("shared", "d", "dataset", 20, 20, 10, 9, 60, 42, 20, 0.22,
                        0.28, 0.29, 0.05));
        String verdict = DecisionViews.verdict(scores);
        assertTrue(verdict.contains("The study's own back-tests (inside the fit windows, before any held-out run)"
                + " favour law shared: its median back-test score is 0.05, the lowest of the 2 laws compared."),
                verdict);
        assertTrue(verdict.contains("Law direct picks the observed best in 7 of 20; the naive pick (the best observed"
                + " at the largest fitted run) in 9 of 20; the Brier score of its P(winner) is 0.3 against 0.23 for a"
                + " constant one-in-k, on the 14 decisions with a probability (worse than saying nothing: do not act on"
                + " it). The naive rule did better here."), verdict);
        assertTrue(verdict.contains("Law shared picks the observed best in 10 of 20; the naive pick (the best observed"
                + " at the largest fitted run) in 9 of 20; the Brier score of its P(winner) is 0.22 against 0.28 for a"
                + " constant one-in-k, on the 20 decisions with a probability (better than saying nothing)."),
                verdict);
        Views.Table rules = DecisionViews.of(DECISIONS, scores, List.of()).tables().get(0);
        assertEquals(List.of("direct", "dataset", "20", "7", "9", "41 of 60", "0.3", "0.23", "0.39", "0.08"),
                rules.rows().get(0).cells().stream().map(Views.Cell::text).toList());
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
