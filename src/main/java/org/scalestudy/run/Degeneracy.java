package org.scalestudy.run;

import org.scalestudy.results.Role;
import org.scalestudy.check.FitTask;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Uncertainty;

/**
 * Flags a fit whose uncertainty cannot be trusted: one with no spare degree of freedom (as many fit runs as
 * parameters, or fewer: every resample that can be fitted reproduces the same curve, so its bootstrap band has
 * no width) or one whose bootstrap lost more than {@link #MAX_FAILED_SHARE} of its refits (the percentiles
 * describe only the resamples that happened to be fittable).
 */
final class Degeneracy {
    static final double MAX_FAILED_SHARE = 0.1;

    private Degeneracy() {
    }

    /** {@code fit}, the outcome of {@code task}, with its flag. */
    static FitOutcome flag(FitTask task, FitOutcome fit) {
        return fit.withDegenerate(reason(task, fit));
    }

    /** Why {@code fit} is degenerate, or "" when it is not. */
    static String reason(FitTask task, FitOutcome fit) {
        StringBuilder why = new StringBuilder(tooFewRuns(task, fit));
        Uncertainty u = fit.uncertainty();
        if (u != null && u.resamples() > 0 && u.failed() > MAX_FAILED_SHARE * u.resamples()) {
            why.append(why.length() == 0 ? "" : "; ").append(u.failed()).append(" of ").append(u.resamples())
                    .append(" bootstrap refits failed (more than ").append(Math.round(MAX_FAILED_SHARE * 100))
                    .append("%)");
        }
        return why.toString();
    }

    /**
     * "no spare degree of freedom: N runs for P parameters" when the fit has no more runs than parameters of its own
     * (its curve passes through them, so neither a bootstrap nor a back-test can say how far off it is; parameters
     * it shares with other groups are not its own); "" otherwise.
     */
    static String tooFewRuns(FitTask task, FitOutcome fit) {
        long runs = fit.runs().stream().filter(r -> r.role().equals(Role.FIT)).count();
        int parameters = fit.parameters().size() - (task.share() == null ? 0 : task.share().parameters().size());
        return runs > parameters ? "" : "no spare degree of freedom: " + runs + (runs == 1 ? " run" : " runs")
                + " for " + parameters + (task.share() == null ? "" : " unshared") + " parameter"
                + (parameters == 1 ? "" : "s");
    }
}
