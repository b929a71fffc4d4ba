package org.scalestudy.run;

import org.scalestudy.results.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scalestudy.check.FitTask;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.JointFit;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.SharedFit;

/**
 * The joint fits of a study ({@code share p across column}): the tasks of one law, dataset and context, fitted
 * together by {@link JointFit#fitJointly} with the shared parameters held equal.
 *
 * <p>Each task gets a {@link Refit} that fits its own rows jointly with the other groups' fit rows (those up to the
 * cutoff x, so a back-test or a narrower window sees no group beyond it). Its bootstrap resamples its own rows with
 * the other groups held at theirs; the effective-compute multipliers are bootstrapped jointly instead (every group
 * resampled with its own seed, all refitted together), since they compare the groups.
 */
final class JointFits {
    private JointFits() {
    }

    /** The refit of every task that shares parameters (absent: the task is fitted alone). */
    static Map<FitTask, Refit> refits(List<FitTask> tasks) {
        Map<FitTask, Refit> out = new IdentityHashMap<>();
        for (List<FitTask> members : sets(tasks).values()) {
            List<double[][]> fitRows = members.stream().map(m -> m.rowsOf(Role.FIT)).toList();
            for (int i = 0; i < members.size(); i++) {
                int self = i;
                out.put(members.get(i), (rows, cutoff) -> fitMember(members, fitRows, self, rows, cutoff));
            }
        }
        return out;
    }

    /** The tasks each task is fitted jointly with, itself included, in task order (absent: fitted alone). */
    static Map<FitTask, List<FitTask>> partners(List<FitTask> tasks) {
        Map<FitTask, List<FitTask>> out = new IdentityHashMap<>();
        for (List<FitTask> members : sets(tasks).values()) {
            List<FitTask> fixed = List.copyOf(members);
            for (FitTask member : fixed) {
                out.put(member, fixed);
            }
        }
        return out;
    }

    /** Where a joint bootstrap's draws come from: {@code compute} run, or a cache that stored them. */
    @FunctionalInterface
    interface DrawSource {
        double[][] draws(List<FitTask> members, java.util.function.Supplier<double[][]> compute);

        DrawSource COMPUTE = (members, compute) -> compute.get();
    }

    /** The joint fits with their multipliers; {@code fits.get(i)} is the outcome of {@code tasks.get(i)}. */
    static List<SharedFit> multipliers(List<FitTask> tasks, List<FitOutcome> fits) {
        return multipliers(tasks, fits, DrawSource.COMPUTE);
    }

    /** As above, the joint bootstraps' draws taken from {@code source} (e.g. the fit cache). */
    static List<SharedFit> multipliers(List<FitTask> tasks, List<FitOutcome> fits, DrawSource source) {
        Map<FitTask, FitOutcome> outcomes = new IdentityHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            outcomes.put(tasks.get(i), fits.get(i));
        }
        List<SharedFit> out = new ArrayList<>();
        for (List<FitTask> members : sets(tasks).values()) {
            FitTask first = members.get(0);
            JointFit law = (JointFit) first.law();
            Set<String> shared = new TreeSet<>(first.share().parameters());
            double[] reference = params(outcomes.get(first));
            List<double[]> drawn = List.of(source.draws(members, () -> jointDraws(members).toArray(double[][]::new)));
            List<SharedFit.Multiplier> multipliers = new ArrayList<>();
            for (int j = 0; j < members.size(); j++) {
                FitTask member = members.get(j);
                double m = law.computeMultiplier(reference, params(outcomes.get(member)), shared);
                double[] values = new double[drawn.size()];
                int n = 0;
                for (double[] draw : drawn) {
                    if (Double.isFinite(draw[j])) {
                        values[n++] = draw[j];
                    }
                }
                double[] finite = Arrays.copyOf(values, n);
                boolean any = Double.isFinite(m) && n > 0;
                multipliers.add(new SharedFit.Multiplier(member.share().value(), member.group(), m,
                        any ? Bootstrap.percentile(finite, Bootstrap.lower()) : Double.NaN,
                        any ? Bootstrap.percentile(finite, Bootstrap.upper()) : Double.NaN));
            }
            out.add(new SharedFit(first.lawName(), first.dataset(), first.share().column(), first.share().context(),
                    List.copyOf(shared), first.line(), first.share().value(), List.copyOf(multipliers)));
        }
        return List.copyOf(out);
    }

    /**
     * Per joint bootstrap resample b, every member's multiplier against the first: each member's fit rows
     * resampled with its own seed ({@link Bootstrap#seedOf}), all refitted together.
     */
    private static List<double[]> jointDraws(List<FitTask> members) {
        FitTask first = members.get(0);
        JointFit law = (JointFit) first.law();
        Set<String> shared = new TreeSet<>(first.share().parameters());
        List<double[][]> fitRows = members.stream().map(m -> m.rowsOf(Role.FIT)).toList();
        long[] seeds = members.stream().mapToLong(Bootstrap::seedOf).toArray();
        // Resamples in parallel (each its own generators' draws), collected in resample order.
        return java.util.stream.IntStream.range(0, first.resamples()).parallel().mapToObj(b -> {
            List<double[][]> groups = new ArrayList<>();
            for (int j = 0; j < members.size(); j++) {
                groups.add(Bootstrap.resampleRows(fitRows.get(j), seeds[j], b));
            }
            List<OptimizeResult> reports = law.fitJointly(groups, shared);
            double[] multipliers = new double[members.size()];
            for (int j = 0; j < members.size(); j++) {
                multipliers[j] = law.computeMultiplier(reports.get(0).x(), reports.get(j).x(), shared);
            }
            return multipliers;
        }).toList();
    }

    /**
     * Member {@code self} fitted on {@code rows}, jointly with the others' fit rows ({@code fitRows}, by member) up
     * to {@code cutoff}.
     */
    private static OptimizeResult fitMember(List<FitTask> members, List<double[][]> fitRows, int self, double[][] rows,
                                       double cutoff) {
        FitTask first = members.get(0);
        List<double[][]> groups = new ArrayList<>();
        int at = -1;
        for (int j = 0; j < members.size(); j++) {
            if (j == self) {
                at = groups.size();
                groups.add(rows);
                continue;
            }
            FitTask other = members.get(j);
            double[][] kept = Arrays.stream(fitRows.get(j)).filter(r -> other.law().axis(r) <= cutoff)
                    .toArray(double[][]::new);
            if (kept.length > 0) {
                groups.add(kept);  // a group with no run up to the cutoff is left out of this refit
            }
        }
        return ((JointFit) first.law()).fitJointly(groups, new TreeSet<>(first.share().parameters())).get(at);
    }

    /** Tasks that share parameters, by law, dataset, context and shared parameters, in task order. */
    private static Map<String, List<FitTask>> sets(List<FitTask> tasks) {
        Map<String, List<FitTask>> out = new LinkedHashMap<>();
        for (FitTask t : tasks) {
            if (t.share() != null && t.law() instanceof JointFit) {
                String key = t.lawName() + "\u0000" + t.dataset() + "\u0000" + t.share().context() + "\u0000"
                        + t.share().parameters();
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            }
        }
        return out;
    }

    private static double[] params(FitOutcome outcome) {
        return outcome.parameters().stream().mapToDouble(ParameterValue::value).toArray();
    }
}
