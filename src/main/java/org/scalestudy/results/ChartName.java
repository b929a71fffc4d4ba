package org.scalestudy.results;

import java.util.List;
import java.util.Optional;

/** The charts a study's {@code report} block may ask for, in the order the site lists them. */
public enum ChartName implements Named {
    /** The runs and the fitted curve, extended to the targets, with the intervals. */
    SCALING("scaling", true),
    /** The relative residual of each run. */
    RESIDUALS("residuals", true),
    /** Predicted against observed. */
    PARITY("parity", true),
    /** Holdout MRE of the law refitted on ever fewer runs (refits the law once per rung of its ladder). */
    SENSITIVITY("sensitivity", false);

    /** Charts shown without a report block: all but {@link #SENSITIVITY}, which refits every law once per rung. */
    public static final List<ChartName> DEFAULTS = List.of(SCALING, RESIDUALS, PARITY);

    private final String text;
    private final boolean drawsRuns;

    ChartName(String text, boolean drawsRuns) {
        this.text = text;
        this.drawsRuns = drawsRuns;
    }

    /** The name a report block uses. */
    @Override
    public String text() {
        return text;
    }

    /** True when the chart draws the fit's runs, so its numbers are the runs table's. */
    public boolean drawsRuns() {
        return drawsRuns;
    }

    /** The chart named {@code text}, if any. */
    public static Optional<ChartName> parse(String text) {
        return Named.parse(values(), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
