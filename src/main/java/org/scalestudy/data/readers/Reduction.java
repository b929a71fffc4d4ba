package org.scalestudy.data.readers;

import java.util.List;

/**
 * How {@code training_log} reduces one metric's per-checkpoint values of a run to the run's one value. The
 * values are taken in the file's row order (checkpoint order, as W&amp;B exports them); missing values (empty
 * cells, {@code NaN}) are skipped first, so "checkpoint" below means a checkpoint with a value for that metric.
 * With n such checkpoints:
 * <ul>
 *   <li>{@code last}: the value at the last one.</li>
 *   <li>{@code mean_last} with {@code percent: p} (0 &lt; p &le; 100): the mean of the last
 *       {@code k = max(1, ceil(p n / 100))} values (p = 10 and n = 73 give k = 8; n = 1 gives k = 1).</li>
 *   <li>{@code moving_average} with {@code window: w} (a whole number &ge; 1): the w-checkpoint trailing moving
 *       average at the last checkpoint, the mean of the last {@code min(w, n)} values; what OLMo's ladder code
 *       computes with {@code moving_average(values, w)[-1]}.</li>
 * </ul>
 * A run with no value for the metric gets a missing value.
 */
record Reduction(Kind kind, double amount) {
    enum Kind { LAST, MEAN_LAST, MOVING_AVERAGE }

    static final double DEFAULT_PERCENT = 10;

    /** The reduction the study declares by the options {@code reduce}, {@code percent} and {@code window}. */
    static Reduction of(ReaderOptions options) throws OptionError {
        String name = options.text("reduce", "last");
        Kind kind = switch (name) {
            case "last" -> Kind.LAST;
            case "mean_last" -> Kind.MEAN_LAST;
            case "moving_average" -> Kind.MOVING_AVERAGE;
            default -> throw new OptionError("reduce", "option 'reduce' is \"last\", \"mean_last\" or "
                    + "\"moving_average\", not \"" + name + "\"");
        };
        Double percent = number(options, "percent");
        Double window = number(options, "window");
        if (percent != null && kind != Kind.MEAN_LAST) {
            throw new OptionError("percent", "option 'percent' goes with reduce: \"mean_last\"");
        }
        if (window != null && kind != Kind.MOVING_AVERAGE) {
            throw new OptionError("window", "option 'window' goes with reduce: \"moving_average\"");
        }
        if (kind == Kind.MEAN_LAST) {
            double p = percent == null ? DEFAULT_PERCENT : percent;
            if (!(p > 0 && p <= 100)) {
                throw new OptionError("percent", "option 'percent' is a share of the checkpoints, in (0, 100], not "
                        + TableBuilder.shortest(p));
            }
            return new Reduction(kind, p);
        }
        if (kind == Kind.MOVING_AVERAGE) {
            if (window == null) {
                throw new OptionError("reduce", "reduce: \"moving_average\" needs a window of checkpoints, e.g. "
                        + "window: 5");
            }
            if (!(window >= 1 && window == Math.rint(window))) {
                throw new OptionError("window", "option 'window' is a whole number of checkpoints >= 1, not "
                        + TableBuilder.shortest(window));
            }
            return new Reduction(kind, window);
        }
        return new Reduction(kind, 0);
    }

    private static Double number(ReaderOptions options, String name) throws OptionError {
        ReaderOptions.Value v = options.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof ReaderOptions.Value.Number n) {
            return n.value();
        }
        throw new OptionError(name, "option '" + name + "' takes a number, e.g. " + name + ": 10");
    }

    /** How many of n values the reduction averages (n &ge; 1). */
    int count(int n) {
        return switch (kind) {
            case LAST -> 1;
            case MEAN_LAST -> Math.max(1, (int) Math.ceil(amount * n / 100));
            case MOVING_AVERAGE -> (int) Math.min(amount, n);
        };
    }

    /** The run's value from its checkpoints' values in order (null for missing), or null when none is present. */
    Double reduce(List<Double> values) {
        double[] present = values.stream().filter(v -> v != null && !Double.isNaN(v)).mapToDouble(Double::doubleValue)
                .toArray();
        if (present.length == 0) {
            return null;
        }
        int k = count(present.length);
        double sum = 0;
        for (int i = present.length - k; i < present.length; i++) {
            sum += present[i];
        }
        return sum / k;
    }

    /** For the method text: "mean of the last 10% of checkpoints". */
    String describe() {
        return switch (kind) {
            case LAST -> "the last checkpoint";
            case MEAN_LAST -> "the mean of the last " + TableBuilder.shortest(amount) + "% of checkpoints";
            case MOVING_AVERAGE -> "the " + TableBuilder.shortest(amount) + "-checkpoint moving average at the last one";
        };
    }

}
