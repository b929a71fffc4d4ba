package org.scalestudy.init;

import java.util.List;

/**
 * What {@link ColumnGuesser} made of a data file's columns. Any role may be null (not found).
 *
 * @param params     column of model parameters N
 * @param tokens     column of training tokens D
 * @param compute    column of training compute C (FLOPs); null means compute is derived as 6·N·D when N and D exist
 * @param loss       column of a loss, in the wide layout (one column per quantity)
 * @param scores     columns of accuracies in [0, 1], in the wide layout, in file order
 * @param metric     text column naming the quantity of each row, in the long layout (e.g. {@code metric})
 * @param value      numeric column holding that quantity's value, in the long layout
 * @param lossMetric the {@code metric} value that names the loss rows, in the long layout; null when none does
 * @param hasScoreMetrics whether the long layout has metric values other than the loss (benchmarks)
 * @param baseline   column of random-guess accuracies, or null
 * @param notes      one line per guess and per column left out, saying why
 * @param run        text column naming each row (a model, a run), distinct on every row, or null
 */
public record ColumnGuess(String params, String tokens, String compute, String loss, List<String> scores,
                          String metric, String value, String lossMetric, boolean hasScoreMetrics,
                          String baseline, List<String> notes, String run) {

    /** A guess without a run-name column. */
    public ColumnGuess(String params, String tokens, String compute, String loss, List<String> scores,
                       String metric, String value, String lossMetric, boolean hasScoreMetrics,
                       String baseline, List<String> notes) {
        this(params, tokens, compute, loss, scores, metric, value, lossMetric, hasScoreMetrics, baseline, notes,
                null);
    }

    boolean longLayout() {
        return metric != null && value != null;
    }
}
