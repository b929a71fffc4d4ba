package org.scalestudy.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.scalestudy.data.Column;
import org.scalestudy.data.Table;

/**
 * Writes the text of a starting study for a ladder from a {@link ColumnGuess}: the guesses as comments, the
 * data declaration (deriving C = 6·N·D when there is no compute column), a Chinchilla law for the loss when N,
 * D and a loss are known, a direct power law (Eq. 2 of Krajewski et al.) for the scores when compute is known,
 * and fits that hold out the largest model size when there are at least three sizes. Columns whose names are
 * not plain names are quoted; N and D with a unit in their header ({@link HeaderUnits}) are mapped to their role
 * in that unit ({@code params: billions("Model Size (B)")}), compute in a power of ten is multiplied out in a
 * {@code let}; a fit whose columns have missing cells drops those rows ({@code drop missing}).
 */
public final class StudyScaffold {
    private StudyScaffold() {
    }

    /** Thrown when the guess holds nothing a law could be fitted to. */
    public static final class NothingToFit extends Exception {
        NothingToFit(String message) {
            super(message);
        }
    }

    /**
     * @param title    the study's title
     * @param dataPath the data file, relative to the folder the study will be written to, with {@code /}
     * @param command  the command that made it, for the header comment
     */
    public static String write(ColumnGuess g, Table table, String title, String dataPath, String command)
            throws NothingToFit {
        Refs refs = Refs.of(g);
        String x = g.compute() != null ? refs.compute : g.params() != null && g.tokens() != null ? "C" : null;
        boolean lossLaw = g.params() != null && g.tokens() != null
                && (g.loss() != null || (g.longLayout() && g.lossMetric() != null));
        boolean scoreLaw = x != null && (!g.scores().isEmpty() || (g.longLayout() && g.hasScoreMetrics()));
        if (!lossLaw && !scoreLaw) {
            throw new NothingToFit("found nothing to fit: a loss law needs N, D and a loss column; a score law needs"
                    + " compute (or N and D) and score columns in [0, 1]. What was found:\n  "
                    + String.join("\n  ", g.notes()));
        }
        StringBuilder s = new StringBuilder();
        s.append("# Made by `").append(oneLine(command)).append("`. What it guessed:\n");
        for (String note : g.notes()) {
            s.append("#   ").append(oneLine(note)).append('\n');
        }
        s.append("# Check the guesses, then run `scalestudy check` and `scalestudy build`.\n");
        s.append("study ").append(string(title)).append(" {\n");
        s.append("  description ").append(string("Scaling laws fitted to " + dataPath + "; the largest models are"
                + " held out to judge extrapolation.")).append("\n\n");
        s.append("  data runs = csv(").append(string(dataPath)).append(refs.options).append(")");
        if (g.compute() == null && "C".equals(x)) {
            s.append(" {\n    let C = 6 * ").append(refs.params).append(" * ").append(refs.tokens)
                    .append("    # training FLOPs\n  }");
        } else if (!refs.lets.isEmpty()) {
            s.append(" {\n").append(refs.lets).append("  }");
        }
        s.append("\n\n");

        List<String> splitNotes = new ArrayList<>();
        String lossSplit = !lossLaw ? "" : split(g, table, g.longLayout() ? longSeries(g, table, true)
                : List.of(new Series("the loss", g.loss(), allRows(table))), CHINCHILLA_MINIMUM, false, splitNotes);
        String scoreSplit = "";
        if (scoreLaw) {
            List<Series> series = new ArrayList<>();
            if (g.longLayout()) {
                series.addAll(longSeries(g, table, false));
            } else {
                g.scores().forEach(score -> series.add(new Series(score, score, allRows(table))));
            }
            scoreSplit = split(g, table, series, DIRECT_MINIMUM, true, splitNotes);
        }
        for (String note : splitNotes) {
            s.append("  # ").append(oneLine(note)).append('\n');
        }
        if (!splitNotes.isEmpty()) {
            s.append('\n');
        }
        if (lossLaw) {
            String y = ref(g.longLayout() ? g.value() : g.loss());
            s.append("  # L = E + A / N^alpha + B / D^beta, Huber loss on log L from 4,500 starts.\n");
            s.append("  law loss_law = chinchilla(N: ").append(refs.params).append(", D: ").append(refs.tokens)
                    .append(", y: ").append(y).append(")\n");
        }
        List<String> scoreLaws = new ArrayList<>();
        if (scoreLaw) {
            s.append("  # Eq. 2 of Krajewski et al.: -log Q = A * C^(-alpha), Q = (acc - r) / (1 - r).\n");
            String baseline = g.baseline() == null ? "" : ", baseline: " + ref(g.baseline());
            if (g.longLayout()) {
                s.append("  law score_law = direct_power(x: ").append(x).append(", y: ").append(ref(g.value()))
                        .append(baseline).append(")\n");
                scoreLaws.add("score_law");
            } else {
                if (g.baseline() == null) {
                    s.append("  # No baseline column: r = 0. For a 4-way multiple-choice benchmark add "
                            + "'baseline: 0.25'.\n");
                }
                for (String score : g.scores()) {
                    String law = lawName(score, scoreLaws);
                    s.append("  law ").append(law).append(" = direct_power(x: ").append(x).append(", y: ")
                            .append(ref(score)).append(baseline).append(")\n");
                    scoreLaws.add(law);
                }
            }
        }
        s.append('\n');
        if (lossLaw) {
            s.append("  fit loss_law to runs");
            if (g.longLayout()) {
                s.append("\n    where ").append(ref(g.metric())).append(" == ").append(string(g.lossMetric()));
            }
            s.append(lossSplit).append(dropMissing(table, g.params(), g.tokens(), g.longLayout() ? g.value() : g.loss()))
                    .append("\n\n");
        }
        if (scoreLaw) {
            s.append("  fit ").append(String.join(", ", scoreLaws)).append(" to runs");
            if (g.longLayout()) {
                s.append(" by ").append(ref(g.metric()));
                if (g.lossMetric() != null) {
                    s.append("\n    where ").append(ref(g.metric())).append(" != ").append(string(g.lossMetric()));
                }
            }
            List<String> read = new ArrayList<>(g.longLayout() ? List.of(g.value()) : g.scores());
            read.add(g.baseline());
            read.addAll(g.compute() != null ? List.of(g.compute()) : List.of(g.params(), g.tokens()));
            s.append(scoreSplit).append(dropMissing(table, read.toArray(String[]::new))).append("\n\n");
        }
        s.append("  report {\n    chart scaling, residuals\n    table parameters, errors, runs\n  }\n}\n");
        return s.toString();
    }

    /** Fewest usable runs of the Chinchilla law (see {@code Chinchilla.minimumRows}). */
    static final int CHINCHILLA_MINIMUM = 5;
    /** Fewest usable runs of the direct power law (see {@code DirectPower.minimumRows}). */
    static final int DIRECT_MINIMUM = 2;
    /** The direct law leaves out accuracies below baseline * (1 + margin), margin 0.05 by default. */
    private static final double DIRECT_MARGIN = 0.05;

    /**
     * {@code window N < largest, holdout N >= largest} when N has at least three distinct values and every
     * fitted series keeps at least {@code minimum} usable runs below the largest size; else "" (fit on all).
     *
     * @param series each fitted series as (y column, rows in it); a row is usable when N and y are finite and,
     *               for scores, y is above the baseline by the direct law's margin
     */
    private static String split(ColumnGuess g, Table table, List<Series> series, int minimum, boolean scores,
                                List<String> notes) {
        if (g.params() == null) {
            return "";
        }
        double[] n = ((Column.Numbers) table.column(g.params())).values();
        double[] xs = scores && g.compute() != null ? ((Column.Numbers) table.column(g.compute())).values()
                : ((Column.Numbers) table.column(g.tokens() != null ? g.tokens() : g.params())).values();
        TreeSet<Double> sizes = new TreeSet<>();
        for (double v : n) {
            if (Double.isFinite(v)) {
                sizes.add(v);
            }
        }
        if (sizes.size() < 3) {
            notes.add("no holdout: '" + g.params() + "' has fewer than 3 distinct sizes");
            return "";
        }
        double largest = sizes.last();
        double[] r = g.baseline() == null ? null : ((Column.Numbers) table.column(g.baseline())).values();
        for (Series one : series) {
            double[] y = ((Column.Numbers) table.column(one.y())).values();
            int usable = 0;
            for (int row : one.rows()) {
                double floor = !scores ? Double.NEGATIVE_INFINITY
                        : (r == null || Double.isNaN(r[row]) ? 0 : r[row]) * (1 + DIRECT_MARGIN);
                if (Double.isFinite(n[row]) && n[row] < largest && Double.isFinite(y[row]) && y[row] > floor
                        && Double.isFinite(xs[row])) {
                    usable++;
                }
            }
            if (usable < minimum) {
                notes.add("no holdout for " + one.name() + ": below the largest size only " + usable
                        + " usable runs remain, and the law needs " + minimum);
                return "";
            }
        }
        HeaderUnits.Unit unit = HeaderUnits.of(g.params());
        String at = number(unit == null ? largest : largest * unit.factor()); // as the reader scales it
        String nRef = Refs.of(g).params;
        return "\n    window " + nRef + " < " + at + "\n    holdout " + nRef + " >= " + at;
    }

    /**
     * How the study names N, D and C, and the reader options and {@code let}s that make those names.
     *
     * @param options the csv options, each starting with ", "
     * @param lets    {@code let} lines, each ending with a line end
     */
    private record Refs(String params, String tokens, String compute, String options, String lets) {
        static Refs of(ColumnGuess g) {
            StringBuilder options = new StringBuilder();
            StringBuilder lets = new StringBuilder();
            if (g.run() != null && !g.run().equals("run")) {
                options.append(", run: ").append(string(g.run()));
            }
            String params = role(g.params(), "params", "N", options, lets);
            String tokens = role(g.tokens(), "tokens", "D", options, lets);
            String compute = null;
            if (g.compute() != null) {
                HeaderUnits.Unit unit = HeaderUnits.of(g.compute());
                if (unit == null) {
                    compute = ref(g.compute());
                } else {
                    compute = "C";
                    lets.append("    let C = ").append(ref(g.compute())).append(" * ").append(HeaderUnits.power(unit.factor()))
                            .append("    # training FLOPs\n");
                }
            }
            return new Refs(params, tokens, compute, options.toString(), lets.toString());
        }

        /** N or D: mapped to its role (in its header's unit) when its name or unit needs it, else as it is. */
        private static String role(String column, String role, String letName, StringBuilder options,
                                   StringBuilder lets) {
            if (column == null) {
                return null;
            }
            HeaderUnits.Unit unit = HeaderUnits.of(column);
            if (unit != null && unit.function() == null) {
                lets.append("    let ").append(letName).append(" = ").append(ref(column)).append(" * ")
                        .append(number(unit.factor())).append('\n');
                return letName;
            }
            if (unit != null) {
                options.append(", ").append(role).append(": ").append(unit.function()).append('(')
                        .append(string(column)).append(')');
                return role;
            }
            if (!ColumnGuesser.usable(column)) {
                options.append(", ").append(role).append(": ").append(string(column));
                return role;
            }
            return column;
        }
    }

    /** One fitted series: its name for notes, its y column, its rows. */
    private record Series(String name, String y, int[] rows) { }

    /** Rows of the long layout whose metric is (or, with {@code equal} false, is not) {@code value}, by metric. */
    private static List<Series> longSeries(ColumnGuess g, Table table, boolean loss) {
        String[] metric = ((Column.Texts) table.column(g.metric())).values();
        java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int row = 0; row < metric.length; row++) {
            String m = metric[row] == null ? "" : metric[row];
            boolean isLoss = m.equals(g.lossMetric());
            if (loss == isLoss && !m.isEmpty()) {
                groups.computeIfAbsent(loss ? "" : m, k -> new ArrayList<>()).add(row);
            }
        }
        List<Series> out = new ArrayList<>();
        groups.forEach((name, rows) -> out.add(new Series(name.isEmpty() ? "the loss" : name, g.value(),
                rows.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }

    private static int[] allRows(Table table) {
        int[] rows = new int[table.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** A column as a study writes it: bare when it is a plain name, else quoted ({@code "ARC-C"}). */
    static String ref(String column) {
        return ColumnGuesser.usable(column) ? column : string(column);
    }

    /** A law's name for a score column: {@code score_} and the column's letters and digits, unique. */
    private static String lawName(String column, List<String> taken) {
        String base = "score_" + column.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /**
     * {@code drop missing} (on its own line) when one of the columns a fit reads has a missing cell, else "".
     * Null names (a role not found) are skipped.
     */
    private static String dropMissing(Table table, String... columns) {
        for (String c : columns) {
            if (c != null && table.has(c) && table.column(c) instanceof Column.Numbers nums) {
                for (double v : nums.values()) {
                    if (Double.isNaN(v)) {
                        return "\n    drop missing    # rows with an empty cell in a column the laws read are left out";
                    }
                }
            }
        }
        return "";
    }

    /** A number as the study language reads it back exactly: shortest round-trip form. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    /** A study string literal: only {@code \"} and {@code \\} escapes; line ends become spaces. */
    static String string(String text) {
        return "\"" + oneLine(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
