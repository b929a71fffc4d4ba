package org.scalestudy.law;

import java.util.List;
import java.util.Set;
import org.scalestudy.fit.OptimizeResult;

/**
 * A law that can be fitted to several groups at once with some parameters shared (held equal across the groups)
 * and the others fitted per group: e.g. Eq. 2 with one exponent for three pre-training datasets, each with its own
 * A. Sharing what the groups have in common steadies fits on few runs each, and makes the groups' remaining
 * parameters comparable.
 */
public interface JointFit {
    /**
     * Fits every group jointly.
     *
     * @param groups the usable fit rows of each group (as {@link Law#fit} takes them)
     * @param shared names of parameters held equal across the groups
     * @return per group, its fitted parameters in {@link Law#parameterNames()} order and how the fit went (all
     *         groups share one optimisation); non-finite parameters when the joint fit cannot be made
     */
    List<OptimizeResult> fitJointly(List<double[][]> groups, Set<String> shared);

    /**
     * The effective-compute multiplier of group {@code other} against group {@code reference}: how many times the
     * compute of the reference the other needs to reach the same predicted value; NaN when the law's parameters
     * do not give one (e.g. the exponent is not shared).
     */
    double computeMultiplier(double[] reference, double[] other, Set<String> shared);
}
