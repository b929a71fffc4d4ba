package org.scalestudy.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code --fail-on-...} rules on hand-made results: each rule fires exactly when its threshold is passed. */
class GateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A study with one fit of law l on data d, group g. */
    static SortedMap<String, JsonNode> build(String mre, String alpha, boolean converged) throws Exception {
        String fit = "{\"law\":\"l\",\"dataset\":\"d\",\"group\":\"g\",\"parameters\":[{\"name\":\"alpha\",\"value\":"
                + alpha + "}],\"optimization\":{\"converged\":" + converged + ",\"message\":\"m\"},"
                + "\"holdoutMetrics\":{\"n\":2,\"mre\":" + mre + "}}";
        SortedMap<String, JsonNode> out = new TreeMap<>();
        out.put("s", JSON.readTree("{\"slug\":\"s\",\"fits\":[" + fit + "]}"));
        return out;
    }

    static List<String> reasons(Gate gate, SortedMap<String, JsonNode> a, SortedMap<String, JsonNode> b) {
        return gate.check(a, b).stream().map(Gate.Failure::text).toList();
    }

    @Test
    void mreIsMeasuredInPercentagePoints() throws Exception {
        Gate gate = new Gate(0.5, Double.NaN, false);
        // 3.0% -> 3.5% is +0.5 points: not more than 0.5, passes; 3.0% -> 3.6% fails.
        assertEquals(List.of(), reasons(gate, build("0.03", "1", true), build("0.035", "1", true)));
        assertEquals(List.of("s: l on d [g]: holdout MRE 3.00% → 3.60% (+0.60 points, more than 0.5)"),
                reasons(gate, build("0.03", "1", true), build("0.036", "1", true)));
        // A better holdout never fails; one that becomes undefined does.
        assertEquals(List.of(), reasons(gate, build("0.03", "1", true), build("0.01", "1", true)));
        assertEquals(List.of("s: l on d [g]: holdout MRE 3.00% became undefined"),
                reasons(gate, build("0.03", "1", true), build("null", "1", true)));
    }

    @Test
    void parametersMoveRelativeToTheirValueBefore() throws Exception {
        Gate gate = new Gate(Double.NaN, 5, false);
        assertEquals(List.of(), reasons(gate, build("0.03", "0.2", true), build("0.03", "0.21", true)), "exactly 5%");
        assertEquals(List.of(), reasons(gate, build("0.03", "0.2", true), build("0.03", "0.19", true)), "-5% too");
        assertEquals(List.of("s: l on d [g]: parameter alpha 0.2 → 0.189 (-5.50%, more than 5%)"),
                reasons(gate, build("0.03", "0.2", true), build("0.03", "0.189", true)));
        assertEquals(List.of("s: l on d [g]: parameter alpha 0 → 1e-9 (from 0, more than 5%)"),
                reasons(gate, build("0.03", "0", true), build("0.03", "1e-9", true)));
        assertEquals(List.of("s: l on d [g]: parameter alpha 0.2 → null (defined in one build only, more than 5%)"),
                reasons(gate, build("0.03", "0.2", true), build("0.03", "null", true)));
    }

    @Test
    void lostAndNoLongerConvergingFits() throws Exception {
        Gate gate = new Gate(Double.NaN, Double.NaN, true);
        assertEquals(List.of("s: l on d [g]: the fit converged before and does not now (m)"),
                reasons(gate, build("0.03", "1", true), build("0.03", "1", false)));
        assertEquals(List.of(), reasons(gate, build("0.03", "1", false), build("0.03", "1", false)));
        SortedMap<String, JsonNode> renamed = build("0.03", "1", true);
        renamed.put("s", JSON.readTree("{\"slug\":\"s\",\"fits\":[]}"));
        assertEquals(List.of("s: l on d [g]: the fit is gone"), reasons(gate, build("0.03", "1", true), renamed));
        assertEquals(List.of("s: the study is gone (it had 1 fits)"),
                reasons(gate, build("0.03", "1", true), new TreeMap<>()));
        assertTrue(Gate.NONE.check(build("0.03", "1", true), new TreeMap<>()).isEmpty(), "no rule, no failure");
    }

    @Test
    void thresholdsMustBeFiniteAndNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Gate(-0.1, Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> new Gate(Double.NaN, Double.POSITIVE_INFINITY, false));
    }
}
