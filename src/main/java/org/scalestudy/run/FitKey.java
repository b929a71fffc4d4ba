package org.scalestudy.run;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.scalestudy.check.FitTask;

/**
 * The content hash of a fit's inputs: SHA-256 over the tool version, the law's name, spec, kind and formula,
 * the dataset and group names, the axis labels, every row's id, values (as IEEE bits), role and note, and the
 * bootstrap and targets, and for a joint fit the same of every task it is fitted with. Everything an outcome
 * depends on, except the fit statement's line, which {@link FitRunner} sets on an outcome read from the cache (so adding a comment above a fit does not refit it).
 */
final class FitKey {
    /** Bump when the meaning of a cached outcome changes without a version change. */
    static final int FORMAT = 6; // 2: outcomes carry onBound, the compute-optimal points and the window sweep;
                                 // 3: standard errors, and Levenberg-Marquardt for least-squares laws;
                                 // 4: chinchilla, ceiling and bnsl search every bootstrap resample and window
                                 // refit as the fit (issue 13); 5: rolling-origin back-tests (issue 16);
                                 // 6: the bootstrap's draws kept with the outcome, and joint fits cached (issue 18)

    private FitKey() {
    }

    /** @param sweep whether the outcome includes the fit-window sweep */
    static String of(FitTask task, String toolVersion, boolean sweep) {
        return of(task, toolVersion, sweep, List.of());
    }

    /**
     * @param partners the tasks {@code task} is fitted jointly with ({@link JointFits}), itself included, in their
     *                 order; empty when it is fitted alone. A joint fit depends on their rows and shared parameters.
     */
    static String of(FitTask task, String toolVersion, boolean sweep, List<FitTask> partners) {
        Bytes.Out out = new Bytes.Out();
        out.putInt(FORMAT);
        out.putString(toolVersion);
        out.putBoolean(sweep);
        task(out, task);
        out.putInt(partners.size());
        for (FitTask partner : partners) {
            out.putBoolean(partner == task);
            task(out, partner);
            out.putLong(Bootstrap.seedOf(partner));
            texts(out, partner.share() == null ? List.of() : partner.share().parameters());
        }
        return sha256(out);
    }

    /** The key of the joint bootstrap of {@code members}' multipliers: every member's inputs and seed, in order. */
    static String joint(List<FitTask> members, String toolVersion) {
        Bytes.Out out = new Bytes.Out();
        out.putInt(FORMAT);
        out.putString(toolVersion);
        out.putString("joint multipliers");
        out.putInt(members.size());
        for (FitTask member : members) {
            task(out, member);
            out.putLong(Bootstrap.seedOf(member));
            texts(out, member.share() == null ? List.of() : member.share().parameters());
        }
        return sha256(out);
    }

    private static void task(Bytes.Out out, FitTask task) {
        out.putString(task.lawName());
        out.putString(task.lawSpec());
        out.putString(task.law().kind());
        out.putString(task.law().formula());
        out.putString(task.dataset());
        out.putString(task.group());
        out.putString(task.xLabel());
        out.putString(task.yLabel());
        out.putInt(task.rows().length);
        for (double[] row : task.rows()) {
            out.putInt(row.length);
            for (double v : row) {
                out.putDouble(v);
            }
        }
        texts(out, task.ids());
        texts(out, task.roles().stream().map(org.scalestudy.results.Role::text).toList());
        texts(out, task.notes());
        out.putInt(task.resamples());
        out.putLong(task.seed());
        out.putInt(task.targets().length);
        for (double t : task.targets()) {
            out.putDouble(t);
        }
    }

    private static String sha256(Bytes.Out out) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(out.view());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void texts(Bytes.Out out, List<String> values) {
        out.putInt(values.size());
        for (String v : values) {
            out.putString(v);
        }
    }
}
