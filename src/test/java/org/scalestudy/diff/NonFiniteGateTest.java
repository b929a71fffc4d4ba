package org.scalestudy.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.scalestudy.diff.GateTest.build;
import static org.scalestudy.diff.GateTest.reasons;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An infinite value (1e999 in a results.json reads as infinity) before or after is a change under every
 * rule: before, 1e999 → 1.2 passed --fail-on-parameter-change (the relative change inf/inf is NaN, never
 * "more than") and the diff said "no changes" (|1.2 − inf| ≤ 1e-6 · inf holds).
 */
class NonFiniteGateTest {
    @Test
    void anInfiniteParameterBeforeOrAfterBreaksTheParameterRule() throws Exception {
        Gate gate = new Gate(Double.NaN, 50, false);
        assertEquals(List.of("s: l on d [g]: parameter alpha inf → 1.2 (not finite, more than 50%)"),
                reasons(gate, build("0.03", "1e999", true), build("0.03", "1.2", true)));
        assertEquals(List.of("s: l on d [g]: parameter alpha 1.2 → -inf (not finite, more than 50%)"),
                reasons(gate, build("0.03", "1.2", true), build("0.03", "-1e999", true)));
        assertEquals(1, reasons(gate, build("0.03", "1e999", true), build("0.03", "1e999", true)).size(),
                "infinite in both builds is no value to compare: a change");
    }

    @Test
    void anInfiniteHoldoutMreBeforeOrAfterBreaksTheMreRule() throws Exception {
        Gate gate = new Gate(0.5, Double.NaN, false);
        assertEquals(List.of("s: l on d [g]: holdout MRE inf → 0.03 is not finite"),
                reasons(gate, build("1e999", "1", true), build("0.03", "1", true)));
        assertEquals(List.of("s: l on d [g]: holdout MRE 0.03 → inf is not finite"),
                reasons(gate, build("0.03", "1", true), build("1e999", "1", true)));
    }

    @Test
    void theDiffShowsAnInfiniteValueAsChanged() {
        Tolerance tolerance = new Tolerance(1e-6, 1e-12);
        assertFalse(tolerance.same(Double.POSITIVE_INFINITY, 1.2));
        assertFalse(tolerance.same(1.2, Double.NEGATIVE_INFINITY));
        assertEquals(true, tolerance.same(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), "the same value");
    }
}
