package org.scalestudy.data.readers;

import java.util.Locale;

/**
 * What a column means, declared by the study ({@code csv("f.csv", params: "N")}) or fixed by a
 * format's reader. Rows are checked only against the roles their columns have: every value of a
 * role column must be present, a number (except {@link #RUN}), finite, and in the role's range.
 */
public enum Role {
    /** The run's name; any text, never empty. */
    RUN("a run's name"),
    /** Model parameters N; a number > 0. */
    PARAMS("model parameters N"),
    /** Training tokens D; a number > 0. */
    TOKENS("training tokens D"),
    /** Training compute in FLOPs; a number > 0. */
    FLOPS("training compute in FLOPs"),
    /** Tokens per parameter D/N; a number > 0. */
    TPR("tokens per parameter"),
    /** A loss; a number > 0. */
    LOSS("a loss"),
    /** An accuracy as a fraction; a number in [0, 1]. */
    ACCURACY("an accuracy (a fraction)"),
    /** Random-guess accuracy as a fraction; a number in [0, 1). */
    BASELINE("a random-guess accuracy (a fraction)"),
    /**
     * A benchmark score of a long table whose metric column says what it is: a number, in [0, 1]
     * when the row's metric is an accuracy ({@link #accuracyLike}); any other metric (a loss, a
     * perplexity, a Brier score, a log-likelihood, a count, a standard error) only has to be finite.
     * An empty score is a missing value, not an error: a fit that would use it says so.
     */
    SCORE("a benchmark score");

    private final String meaning;

    Role(String meaning) {
        this.meaning = meaning;
    }

    /** The name a study uses for the role (e.g. {@code params}), also the column it becomes. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    /** The role a study calls {@code key}, or null. */
    public static Role of(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Why a finite value is out of this role's range, or null when it is in range.
     *
     * @param accuracyMetric for {@link #SCORE}: whether the row's metric is an accuracy (held to [0, 1])
     */
    String outOfRange(double v, boolean accuracyMetric) {
        return switch (this) {
            case RUN -> null;
            case PARAMS, TOKENS, FLOPS, TPR, LOSS -> v > 0 ? null : "must be > 0";
            case ACCURACY -> v >= 0 && v <= 1 ? null : "must be in [0, 1] (an accuracy as a fraction; "
                    + "declare percent(\"column\") for percentages)";
            case BASELINE -> v >= 0 && v < 1 ? null : "must be in [0, 1) (a random-guess accuracy as a fraction)";
            case SCORE -> !accuracyMetric || v >= 0 && v <= 1 ? null
                    : "must be in [0, 1] (the row's metric is an accuracy)";
        };
    }

    /** The name parts that make a metric an accuracy (see {@link #accuracyLike}). */
    private static final java.util.Set<String> ACCURACY_PARTS = java.util.Set.of(
            "acc", "accuracy", "exact", "em", "pass", "f1", "mc1", "mc2");

    /**
     * Whether a metric's name says it is an accuracy, a fraction in [0, 1]: split at every character
     * that is not a letter or digit, one of its parts is {@code acc}, {@code accuracy}, {@code exact}
     * ({@code exact_match}), {@code em}, {@code pass} ({@code pass@16}), {@code f1}, {@code mc1},
     * or {@code mc2}, and none is {@code stderr} (a standard error is not an accuracy).
     * So {@code acc}, {@code acc_norm}, {@code exact_match}, {@code pass@1} and
     * {@code prompt_level_strict_acc} are accuracies; {@code brier}, {@code loglikelihood},
     * {@code perplexity}, {@code bits_per_byte}, {@code loss}, {@code n_syntaxerror},
     * {@code acc_stderr} and {@code sample_len} are not.
     */
    public static boolean accuracyLike(String metric) {
        boolean accuracy = false;
        for (String part : metric.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (part.equals("stderr")) {
                return false;
            }
            accuracy |= ACCURACY_PARTS.contains(part);
        }
        return accuracy;
    }
}
