package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.FitOutcome;

import java.util.List;

/**
 * One chart of a fit's page, whole: the points it draws, its Vega-Lite spec, the same points as a table (so the
 * page reads without JavaScript, and screen readers get the numbers) and its caption. The spec and the table are
 * both made from {@link #points}, so a chart and its table cannot drift apart: a point left out of one (x ≤ 0 on
 * a log axis, a non-finite value) is left out of the other. Runs a chart leaves out still appear in the runs
 * table.
 *
 * <p>Layers of a spec carry a {@code name} so tests and readers of the spec find them without relying on their
 * order.
 *
 * @param <P> what one point of the chart is (a run, a point of the fit-window sweep)
 */
sealed interface FitChart<P> permits ScalingChart, ResidualsChart, ParityChart, SensitivityChart {

    /** The chart for {@code name}. */
    static FitChart<?> of(ChartName name) {
        return switch (name) {
            case SCALING -> ScalingChart.INSTANCE;
            case RESIDUALS -> ResidualsChart.INSTANCE;
            case PARITY -> ParityChart.INSTANCE;
            case SENSITIVITY -> SensitivityChart.INSTANCE;
        };
    }

    /** The chart's name in a study's {@code report} block. */
    ChartName name();

    /** The points of {@code fit} the chart draws, in the order its table lists them. */
    List<P> points(FitOutcome fit);

    /** The chart's Vega-Lite spec, its data inlined ({@code data.values}). */
    ObjectNode spec(FitOutcome fit);

    /** The chart's points as a table: a row per point of {@link #points} (and, for scaling, per target). */
    Table table(FitOutcome fit);

    /** What the chart of {@code fit} shows, for its caption (naming only what the fit has). */
    String caption(FitOutcome fit);
}
