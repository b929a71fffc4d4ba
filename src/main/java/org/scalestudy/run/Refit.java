package org.scalestudy.run;

import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;

/**
 * How a task's law is fitted again on other rows of its group (a bootstrap resample, a narrower window, a
 * back-test origin): by its law alone, or jointly with the groups it shares parameters with ({@link JointFits}).
 */
@FunctionalInterface
interface Refit {
    /**
     * @param rows   rows of this task's group to fit
     * @param cutoff the largest x the other groups of a joint fit keep of their fit rows (infinite: all of them),
     *               so that a back-test or a narrower window sees no group beyond it
     */
    OptimizeResult fit(double[][] rows, double cutoff);

    /** The law's own search ({@link Law#refit}), knowing the original fit's parameters. */
    static Refit alone(Law law, double[] fitted) {
        return (rows, cutoff) -> law.refit(rows, fitted);
    }
}
