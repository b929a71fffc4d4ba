package org.scalestudy.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.WindowPoint;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.scalestudy.testsupport.FlatFits;

/** Each chart's points, spec and table: what it draws and what its table lists are the same points. */
class FitChartTest {

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
        FitOutcome g = FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), f.group(), f.line(),
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

    /**
     * A fit with a point of every kind a chart leaves out: x ≤ 0 and non-finite x (not on a log axis), a missing
     * observation, a missing prediction, an observation of 0 (no relative residual); a target with no prediction;
     * and a fit-window sweep with a refit whose holdout MRE is not finite and a cut-off of 0.
     */
    private static FitOutcome awkward() {
        FitOutcome f = Fixtures.study().fits().get(0);
        List<RunRow> runs = List.of(
                new RunRow("ok1", Role.FIT, 1e19, 0.41, 0.40, ""),
                new RunRow("zero-x", Role.FIT, 0, 0.45, 0.44, ""),
                new RunRow("nan-x", Role.FIT, Double.NaN, 0.46, 0.45, ""),
                new RunRow("no-obs", Role.FIT, 1e20, Double.NaN, 0.5, ""),
                new RunRow("no-pred", Role.EXCLUDED, 1e18, 0.26, Double.NaN, "within 5% of baseline"),
                new RunRow("obs-0", Role.FIT, 2e20, 0.0, 0.1, ""),
                new RunRow("ok2", Role.HOLDOUT, 3.6e22, 0.70, 0.665, ""));
        List<TargetPrediction> targets = List.of(new TargetPrediction("", 1e24, 0.8, Double.NaN, Double.NaN),
                new TargetPrediction("", 1e25, Double.NaN, Double.NaN, Double.NaN));
        List<WindowPoint> window = List.of(new WindowPoint(1.2e21, 3, 0.05, true),
                new WindowPoint(3e20, 2, Double.NaN, false), new WindowPoint(1.2e20, 2, 0.12, true),
                new WindowPoint(0, 1, 0.3, true));
        return FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), f.group(), f.line(), f.xLabel(),
                f.yLabel(), f.parameters(), f.optimization(), f.fitMetrics(), f.holdoutMetrics(), runs, f.curve(),
                targets, null, List.of(), window);
    }

    /** The first cell of each row of a chart's table: a run's id, a target's label, a sweep's cut-off. */
    private static List<String> firstColumn(Table t) {
        return t.rows().stream().map(r -> r.cells().get(0).text()).toList();
    }

    @Test
    void runChartsTableTheRunsTheyDraw() {
        FitOutcome f = awkward();
        // Scaling: positive finite x and a finite observation (obs-0 is drawn: y is linear, 0.0 to 0.7).
        // Residuals: positive finite x and a relative residual (not no-obs, no-pred, or obs-0).
        // Parity: finite observed and predicted, whatever x.
        assertEquals(List.of("ok1", "no-pred", "obs-0", "ok2"), ids(ScalingChart.INSTANCE, f));
        assertEquals(List.of("ok1", "ok2"), ids(ResidualsChart.INSTANCE, f));
        assertEquals(List.of("ok1", "zero-x", "nan-x", "obs-0", "ok2"), ids(ParityChart.INSTANCE, f));
        for (FitChart<RunRow> chart : List.of(ScalingChart.INSTANCE, ResidualsChart.INSTANCE, ParityChart.INSTANCE)) {
            JsonNode drawn = chart.spec(f).path("data").path("values");
            List<String> drawnIds = new ArrayList<>();
            drawn.forEach(v -> drawnIds.add(v.path("id").asText()));
            List<String> tabled = firstColumn(chart.table(f));
            // The scaling table goes on with the targets it draws: the one with a prediction, not the other.
            List<String> expected = new ArrayList<>(drawnIds);
            if (chart == ScalingChart.INSTANCE) {
                expected.add("target");
            }
            assertEquals(expected, tabled, chart.name().text());
        }
    }

    private static List<String> ids(FitChart<RunRow> chart, FitOutcome f) {
        return chart.points(f).stream().map(RunRow::id).toList();
    }

    @Test
    void sensitivityTableHoldsTheSweepPointsTheChartDraws() {
        FitOutcome f = awkward();
        // Two of the four refits can be drawn: 3e20 has no holdout MRE and a cut-off of 0 is off the log axis.
        JsonNode drawn = SensitivityChart.INSTANCE.spec(f).path("data").path("values");
        List<Double> cutoffs = new ArrayList<>();
        drawn.forEach(v -> cutoffs.add(v.path("cutoff").asDouble()));
        assertEquals(List.of(1.2e21, 1.2e20), cutoffs);
        Table t = SensitivityChart.INSTANCE.table(f);
        assertEquals(List.of("1.2e21", "1.2e20"), firstColumn(t));
        assertEquals(List.of(Numbers.sortKey(1.2e21), Numbers.sortKey(1.2e20)),
                t.rows().stream().map(r -> r.cells().get(0).sort()).toList());
        // The two refits left out are named under the table, so a failed refit does not vanish unremarked.
        assertEquals("Not drawn, so not listed: the refits up to 3e20, 0, without a finite holdout MRE or a positive"
                + " cut-off.", t.note());
        // A fit without holdout runs has no sweep at all.
        assertEquals("No sweep: the fit has no holdout runs.",
                SensitivityChart.INSTANCE.table(Fixtures.study().fits().get(1)).note());
    }

    @Test
    void everyChartNameHasItsChart() {
        for (ChartName name : ChartName.values()) {
            assertEquals(name, FitChart.of(name).name());
        }
    }
}
