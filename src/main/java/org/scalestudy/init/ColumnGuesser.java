package org.scalestudy.init;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.scalestudy.data.Column;
import org.scalestudy.data.Table;

/**
 * Guesses the roles of a ladder's columns from their names and value ranges.
 *
 * <ul>
 *   <li><b>N</b>: a name such as {@code params}, {@code N}, {@code model_size}, {@code num_params}, with
 *       positive values between 1e5 and 1e13;</li>
 *   <li><b>D</b>: {@code tokens}, {@code D}, {@code train_tokens}, …, values between 1e6 and 1e16;</li>
 *   <li><b>compute</b>: {@code C}, {@code compute}, {@code flops}, …, values between 1e12 and 1e30;</li>
 *   <li><b>long layout</b>: a text column {@code metric}/{@code task}/{@code benchmark}/{@code eval} with a
 *       numeric {@code value}/{@code score}/{@code result} column; a metric value containing {@code loss}
 *       marks the loss rows, the others are benchmarks;</li>
 *   <li><b>wide layout</b>: a numeric column whose name contains {@code loss} (positive values below 30) is
 *       the loss; other numeric columns with every value in [0, 1] are benchmark scores, except names that
 *       look like settings ({@code seed}, {@code lr}, {@code step}, …);</li>
 *   <li><b>baseline</b>: {@code baseline}, {@code random_baseline}, {@code chance}, values in [0, 1).</li>
 * </ul>
 * Names compare without case and without {@code _ - .} and spaces, and without a unit at their end
 * ({@code Model Size (B)} is {@code Model Size} in billions, see {@link HeaderUnits}; the values are compared
 * in plain units). Any name can be used: a study quotes the ones that are not plain names. A text column
 * named {@code model}, {@code name}, {@code run} or {@code id} whose values are distinct names the runs.
 */
public final class ColumnGuesser {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Set<String> KEYWORDS = Set.of("study", "description", "data", "let", "where", "law", "fit",
            "to", "by", "window", "holdout", "report", "chart", "table", "and", "or", "not", "param", "in", "start",
            "bootstrap", "seed", "predict", "compare", "at", "prefer", "of", "narrative", "note");
    private static final Set<String> PARAMS = Set.of("n", "params", "nparams", "numparams", "parameters",
            "modelsize", "size", "paramsnoembed", "nonembeddingparams", "paramcount", "modelparams");
    private static final Set<String> TOKENS = Set.of("d", "tokens", "ntokens", "numtokens", "traintokens",
            "trainingtokens", "datasize", "tokensseen", "pretrainingdatasize", "pretrainingtokens",
            "trainingdatasize");
    private static final Set<String> RUN = Set.of("run", "model", "name", "id", "modelname", "runname", "runid");
    private static final Set<String> COMPUTE = Set.of("c", "compute", "flops", "flop", "trainingflop",
            "trainingflops", "trainflops", "computeflops");
    private static final Set<String> METRIC = Set.of("metric", "task", "benchmark", "eval", "evaluation");
    private static final Set<String> VALUE = Set.of("value", "score", "result", "val");
    private static final Set<String> BASELINE = Set.of("baseline", "randombaseline", "chance", "random",
            "randomguess", "chancelevel");
    private static final Pattern SETTING = Pattern.compile(
            "seed|lr|learningrate|step|steps|epoch|warmup|dropout|id|index|weightdecay|beta\\d*|wd|mult.*");

    private ColumnGuesser() {
    }

    public static ColumnGuess guess(Table table) {
        List<String> notes = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        String run = runColumn(table);
        if (table.has("run")) {
            used.add("run");
        }
        if (run != null) {
            used.add(run);
            notes.add("run names: column '" + run + "'");
        }
        String params = byName(table, PARAMS, 1e5, 1e13, used, "N (parameters)", notes);
        String tokens = byName(table, TOKENS, 1e6, 1e16, used, "D (tokens)", notes);
        String compute = byName(table, COMPUTE, 1e12, 1e30, used, "C (compute)", notes);
        String baseline = byName(table, BASELINE, 0, 1, used, "a baseline", notes);
        note(notes, "N (parameters)", params, table, "");
        note(notes, "D (tokens)", tokens, table, "");
        if (compute != null) {
            note(notes, "C (compute)", compute, table, "");
        } else if (params != null && tokens != null) {
            notes.add("C (compute): derived as C = 6 * " + params + " * " + tokens);
        }
        note(notes, "random-guess baseline", baseline, table, "");

        String metric = null;
        String value = null;
        for (String name : table.names()) {
            if (metric == null && table.column(name) instanceof Column.Texts
                    && METRIC.contains(key(name))) {
                metric = name;
            }
        }
        for (String name : table.names()) {
            if (value == null && !used.contains(name) && table.column(name) instanceof Column.Numbers
                    && VALUE.contains(key(name))) {
                value = name;
            }
        }
        String lossMetric = null;
        boolean scoreMetrics = false;
        String loss = null;
        List<String> scores = new ArrayList<>();
        if (metric != null && value != null) {
            used.add(metric);
            used.add(value);
            for (String v : distinct((Column.Texts) table.column(metric))) {
                boolean isLoss = v.toLowerCase(Locale.ROOT).contains("loss") && !v.contains("\"")
                        && !v.contains("\\");
                if (isLoss && lossMetric == null) {
                    lossMetric = v;
                } else if (!isLoss) {
                    scoreMetrics = true;
                }
            }
            notes.add("long layout: each row holds one quantity, named in '" + metric + "', valued in '" + value + "'");
            notes.add(lossMetric == null ? "loss: no value of '" + metric + "' contains 'loss'"
                    : "loss: the rows where " + metric + " == \"" + lossMetric + "\"");
            if (scoreMetrics) {
                notes.add("scores: the other values of '" + metric + "', one fit each");
            }
        } else {
            metric = null;
            value = null;
            for (String name : table.names()) {
                if (used.contains(name) || !(table.column(name) instanceof Column.Numbers numbers)) {
                    continue;
                }
                double[] range = range(numbers.values());
                if (range == null) {
                    continue;
                }
                String key = key(name);
                if (loss == null && key.contains("loss") && range[0] > 0 && range[1] < 30) {
                    loss = name;
                    used.add(name);
                    note(notes, "loss", name, table, "");
                } else if (!key.contains("loss") && range[0] >= 0 && range[1] <= 1
                        && !SETTING.matcher(key).matches()) {
                    scores.add(name);
                    used.add(name);
                }
            }
            if (!scores.isEmpty()) {
                notes.add("scores (values in [0, 1]): " + String.join(", ", scores));
            }
        }
        for (String name : table.names()) {
            if (!used.contains(name)) {
                notes.add("left out: '" + name + "'");
            }
        }
        return new ColumnGuess(params, tokens, compute, loss, List.copyOf(scores), metric, value, lossMetric,
                scoreMetrics, baseline, List.copyOf(notes), run);
    }

    /** The first usable numeric column with one of {@code names} whose finite values lie in [lo, hi]. */
    private static String byName(Table table, Set<String> names, double lo, double hi, Set<String> used,
                                 String role, List<String> notes) {
        for (String name : table.names()) {
            if (used.contains(name) || !names.contains(key(HeaderUnits.base(name)))
                    || !(table.column(name) instanceof Column.Numbers numbers)) {
                continue;
            }
            double[] range = range(numbers.values());
            HeaderUnits.Unit unit = HeaderUnits.of(name);
            double factor = unit == null ? 1 : unit.factor();
            if (range == null || range[0] * factor < lo || range[1] * factor > hi) {
                notes.add("column '" + name + "' is named like " + role + " but its values" + (unit == null ? ""
                        : " in plain units (x " + HeaderUnits.power(factor) + ")") + " are not between "
                        + StudyScaffold.number(lo) + " and " + StudyScaffold.number(hi));
            } else {
                used.add(name);
                return name;
            }
        }
        return null;
    }

    private static void note(List<String> notes, String role, String column, Table table, String extra) {
        if (column == null) {
            notes.add(role + ": not found");
            return;
        }
        double[] r = range(((Column.Numbers) table.column(column)).values());
        HeaderUnits.Unit unit = HeaderUnits.of(column);
        notes.add(role + ": column '" + column + "' (values " + StudyScaffold.number(r[0]) + " to "
                + StudyScaffold.number(r[1]) + (unit == null ? "" : ", in units of " + HeaderUnits.power(unit.factor())
                + (unit.function() == null ? "" : ": " + unit.function() + "(...)")) + ")" + extra);
    }

    /** Smallest and largest finite value; null when there is none. */
    static double[] range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    private static List<String> distinct(Column.Texts texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : texts.values()) {
            if (v != null && !v.isEmpty()) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** A text column named like a run's name whose present values are all distinct, or null. */
    private static String runColumn(Table table) {
        for (String name : table.names()) {
            if (RUN.contains(key(name)) && table.column(name) instanceof Column.Texts texts) {
                Set<String> seen = new java.util.HashSet<>();
                boolean distinct = true;
                for (String v : texts.values()) {
                    distinct &= v != null && !v.isEmpty() && seen.add(v);
                }
                if (distinct) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Whether a study can write the name bare; other names are written quoted. */
    static boolean usable(String name) {
        return IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]+", "");
    }
}
