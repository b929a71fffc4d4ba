package org.scalestudy.report;

import org.scalestudy.results.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.RunRow;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartSpecsTest {

    private static RunRow run(double x, double observed) {
        return new RunRow("r", Role.FIT, x, observed, observed, "");
    }

    @Test
    void logYOnlyWhenPositiveAndSpanningMoreThanADecade() {
        // Loss from 2 to 40 spans more than a decade: log y shows the power law as a line.
        assertTrue(ScalingChart.spansMoreThanADecade(List.of(run(1, 2), run(2, 40))));
        // Exactly a decade is not more than a decade.
        assertFalse(ScalingChart.spansMoreThanADecade(List.of(run(1, 2), run(2, 20))));
        // A zero or negative value cannot go on a log axis, whatever the span.
        assertFalse(ScalingChart.spansMoreThanADecade(List.of(run(1, 0), run(2, 40))));
        assertFalse(ScalingChart.spansMoreThanADecade(List.of()));
    }

    @Test
    void decadesAreExactPowersOfTenInsideTheRange() {
        // Tick values must be exact (1e21, not 1.0000000000000001e21) so labels and JSON stay clean.
        assertEquals(List.of(1e19, 1e20, 1e21), VegaLite.decades(List.of(1.2e18, 3e21, -5.0, Double.NaN)));
        assertEquals(List.of(), VegaLite.decades(List.of()));
    }

    @Test
    void pointsALogAxisCannotShowAreLeftOut() {
        FitOutcome f = Fixtures.study().fits().get(0);
        List<RunRow> runs = List.of(run(0, 0.3), run(-1, 0.3), run(Double.NaN, 0.3), run(1e20, Double.NaN),
                run(1e20, 0.5));
        FitOutcome g = new FitOutcome(f.law(), f.lawKind(), f.formula(), f.dataset(), f.group(), f.line(),
                f.xLabel(), f.yLabel(), f.parameters(), f.optimization(), f.fitMetrics(), f.holdoutMetrics(),
                runs, f.curve());
        JsonNode values = ScalingChart.INSTANCE.spec(g).path("data").path("values");
        // Only the run with positive finite x and finite observed value is drawn; the table still lists all.
        assertEquals(1, values.size());
        assertEquals(0.5, values.get(0).path("observed").asDouble());
    }

    @Test
    void relativeResidual() {
        // (observed − predicted) / observed, undefined when either is missing or observed is 0.
        assertEquals(0.1, ResidualsChart.relativeResidual(new RunRow("r", Role.FIT, 1, 2.0, 1.8, "")), 1e-12);
        assertTrue(Double.isNaN(ResidualsChart.relativeResidual(new RunRow("r", Role.FIT, 1, 0.0, 1.8, ""))));
        assertTrue(Double.isNaN(ResidualsChart.relativeResidual(new RunRow("r", Role.FIT, 1, 2.0, Double.NaN, ""))));
    }
}
