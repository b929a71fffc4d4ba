package org.scalestudy.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code diff} lists decisions whose predicted winner, P(winner) or verdict changed, and only those. */
class DecisionDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tolerance TOLERANCE = new Tolerance(1e-6, 1e-12);

    static String decision(String context, String winner, double p, String correct) {
        return "{\"law\":\"l\",\"dataset\":\"d\",\"compare\":\"recipe\",\"context\":\"" + context + "\",\"at\":\"C == 1\","
                + "\"series\":\"\",\"winnerProbability\":" + p + ",\"winnerCorrect\":" + correct
                + ",\"choices\":[{\"value\":\"" + winner + "\",\"rank\":1}]}";
    }

    static SortedMap<String, JsonNode> build(String... decisions) throws Exception {
        SortedMap<String, JsonNode> out = new TreeMap<>();
        out.put("s", JSON.readTree("{\"slug\":\"s\",\"title\":\"S\",\"fits\":[],\"decisions\":["
                + String.join(",", decisions) + "]}"));
        return out;
    }

    @Test
    void aFlippedWinnerAndAShiftedProbabilityAreListed() throws Exception {
        SortedMap<String, JsonNode> before = build(decision("task=x", "a", 0.9, "true"),
                decision("task=y", "a", 0.8, "null"), decision("task=z", "b", 0.7, "false"));
        SortedMap<String, JsonNode> after = build(decision("task=x", "b", 0.6, "false"),
                decision("task=y", "a", 0.8 + 1e-9, "null"), decision("task=z", "b", 0.75, "false"));
        ResultsDiff.Report report = ResultsDiff.compare(before, after, TOLERANCE);
        List<ResultsDiff.DecisionChange> changes = report.studies().get(0).decisions();
        assertEquals(2, changes.size(), "task=y moved by 1e-9, within the tolerance");
        assertEquals("l on d: recipe [task=x] at C == 1", changes.get(0).decision());
        String md = MarkdownDiff.render(report, "A", "B", TOLERANCE);
        assertTrue(md.contains("| l on d: recipe \\[task=x\\] at C == 1 | a | b | 90.0% | 60.0% | yes | no |"), md);
        assertTrue(md.contains("| l on d: recipe \\[task=z\\] at C == 1 | b | b | 70.0% | 75.0% | no | no |"), md);
    }

    @Test
    void aDecisionInOneBuildOnlyIsListedWithADash() throws Exception {
        ResultsDiff.Report report = ResultsDiff.compare(build(), build(decision("task=x", "a", 0.9, "true")),
                TOLERANCE);
        String md = MarkdownDiff.render(report, "A", "B", TOLERANCE);
        assertTrue(md.contains("| l on d: recipe \\[task=x\\] at C == 1 | — | a | — | 90.0% | — | yes |"), md);
        assertTrue(ResultsDiff.compare(build(decision("task=x", "a", 0.9, "true")),
                build(decision("task=x", "a", 0.9, "true")), TOLERANCE).isEmpty());
    }
}
