package org.scalestudy.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Name;

/**
 * Evaluates {@code let name = value of condition by key, ...}: brings the rows of one run (or of any
 * key) together. Each row gets {@code value} as it is on the one row where {@code condition} holds and
 * every key column equals this row's; e.g. every accuracy row of a run gets the run's validation loss,
 * which the long file keeps on a row of its own. Several such rows for one key are an error naming
 * their lines; a key with none gets a missing value, and a warning says how many rows.
 */
final class RunJoin {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final Evaluation evaluation;

    RunJoin(SourceFile source, List<Diagnostic> diagnostics, Evaluation evaluation) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.evaluation = evaluation;
    }

    /** The joined column, or null when the step has a problem (reported). */
    Column join(DataStep.Join join, Table table, String dataName) {
        boolean[] matches = evaluation.booleans(join.condition(), table, dataName);
        Value value = evaluation.eval(join.value(), table, dataName);
        String[] keys = keys(table, join.keys());
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int r = 0; r < matches.length; r++) {
            if (matches[r]) {
                byKey.computeIfAbsent(keys[r], k -> new ArrayList<>(1)).add(r);
            }
        }
        if (byKey.isEmpty()) {
            diagnostics.add(source.error(join.condition().pos(), "no row of data '" + dataName + "' has "
                    + join.conditionText() + ", so '" + join.name().text() + "' would be missing everywhere"));
            return null;
        }
        int several = 0;
        List<Integer> first = null;
        for (List<Integer> rows : byKey.values()) {
            if (rows.size() > 1) {
                several++;
                first = first == null ? rows : first;
            }
        }
        if (first != null) {
            diagnostics.add(source.error(join.pos(), describe(join.keys(), table, first.get(0)) + " has "
                    + first.size() + " rows where " + join.conditionText() + " (data lines " + lines(table, first)
                    + ")" + (several > 1 ? ", and " + (several - 1) + " other " + (several == 2
                    ? keyWord(join.keys()) + " has" : plural(keyWord(join.keys())) + " have") + " several" : "") + "; '" + join.name().text()
                    + "' takes its value from one row per " + keyWord(join.keys())
                    + ", so narrow the condition (or remove the duplicates with 'where')"));
            return null;
        }
        int n = table.rows();
        int[] from = new int[n];
        int missing = 0;
        int example = -1;
        Map<String, Boolean> missingKeys = new HashMap<>();
        for (int r = 0; r < n; r++) {
            List<Integer> rows = byKey.get(keys[r]);
            from[r] = rows == null ? -1 : rows.get(0);
            if (rows == null) {
                missing++;
                example = example < 0 ? r : example;
                missingKeys.put(keys[r], true);
            }
        }
        if (missing > 0) {
            diagnostics.add(source.warning(join.pos(), missing + " row" + (missing == 1 ? "" : "s") + " of data '"
                    + dataName + "' (" + missingKeys.size() + " " + (missingKeys.size() == 1 ? keyWord(join.keys())
                    : plural(keyWord(join.keys()))) + ") find no row where " + join.conditionText()
                    + ", e.g. " + describe(join.keys(), table, example) + " (data line " + table.sourceLine(example)
                    + "); their '" + join.name().text() + "' is missing"));
        }
        if (value instanceof Value.Numbers numbers) {
            double[] out = new double[n];
            for (int r = 0; r < n; r++) {
                out[r] = from[r] < 0 ? Double.NaN : numbers.values()[from[r]];
            }
            return new Column.Numbers(out);
        }
        String[] texts = ((Value.Texts) value).values();
        String[] out = new String[n];
        for (int r = 0; r < n; r++) {
            out[r] = from[r] < 0 ? "" : texts[from[r]];
        }
        return new Column.Texts(out, null);
    }

    /** Each row's key: the key columns' cells, joined by a character no cell holds. */
    private static String[] keys(Table table, List<Name> names) {
        String[] out = new String[table.rows()];
        for (int r = 0; r < out.length; r++) {
            StringBuilder key = new StringBuilder();
            for (Name name : names) {
                key.append(Selection.cell(table.column(name.text()), r)).append('\u0000');
            }
            out[r] = key.toString();
        }
        return out;
    }

    /** "run 'N=1e8 D=2e9'", or "run 'x', tpr 20" for several keys. */
    private static String describe(List<Name> names, Table table, int row) {
        List<String> parts = new ArrayList<>();
        for (Name name : names) {
            Column c = table.column(name.text());
            String cell = Selection.cell(c, row);
            parts.add(name.text() + " " + (c instanceof Column.Texts ? "'" + cell + "'" : cell));
        }
        return String.join(", ", parts);
    }

    private static String keyWord(List<Name> names) {
        return names.size() == 1 ? names.get(0).text() : "key";
    }

    private static String plural(String word) {
        return word.endsWith("s") ? word : word + "s";
    }

    private static String lines(Table table, List<Integer> rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < 5; i++) {
            out.add(Integer.toString(table.sourceLine(rows.get(i))));
        }
        String joined = out.size() == 2 ? out.get(0) + " and " + out.get(1) : String.join(", ", out);
        return joined + (rows.size() > 5 ? " and " + (rows.size() - 5) + " more" : "");
    }
}
