package org.scalestudy.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.Name;

/**
 * The rows one fit statement considers, computed from its type-checked clauses: the rows its
 * {@code where} keeps, which of them are in the fit window and which held out, each row's run id,
 * and the rows of each group ({@code by}).
 *
 * @param scoped  the rows in scope (those {@code where} keeps), in data order
 * @param window  per scoped row, whether it is in the fit window
 * @param holdout per scoped row, whether it is held out
 * @param ids     per scoped row, the run's id (the {@code run} column, else "line N")
 * @param groups  row indices (into {@code scoped}) per group key ("col=value, col=value"), in order of first
 *                appearance; one group "" when the fit is not grouped
 */
public record Selection(Table scoped, boolean[] window, boolean[] holdout, List<String> ids,
                        Map<String, List<Integer>> groups) {

    /** The selection, or null when a clause leaves nothing to fit (reported at the clause). */
    public static Selection of(FitDecl fit, Table table, String dataName, Evaluation evaluation, SourceFile source,
                               List<Diagnostic> diagnostics) {
        int[] scope = fit.where() == null ? allRows(table.rows())
                : Table.indices(evaluation.booleans(fit.where(), table, dataName));
        if (scope.length == 0) {
            diagnostics.add(source.error(fit.where().pos(), "'where' selects no row of data '" + dataName + "'"));
            return null;
        }
        Table scoped = table.select(scope);
        boolean[] holdout = fit.holdout() == null ? new boolean[scoped.rows()]
                : evaluation.booleans(fit.holdout(), scoped, dataName);
        boolean[] window;
        if (fit.window() == null) {
            window = new boolean[scoped.rows()];
            for (int i = 0; i < window.length; i++) {
                window[i] = !holdout[i];
            }
        } else {
            window = evaluation.booleans(fit.window(), scoped, dataName);
        }
        List<String> ids = ids(scoped);
        for (int i = 0; i < window.length; i++) {
            if (window[i] && holdout[i]) {
                diagnostics.add(source.error(fit.window().pos(), "window and holdout both select run '" + ids.get(i)
                        + "' (data line " + scoped.sourceLine(i) + "); a run is either fitted or predicted"));
                return null;
            }
        }
        if (fit.holdout() != null && Table.indices(holdout).length == 0) {
            diagnostics.add(source.error(fit.holdout().pos(), "'holdout' selects no row of data '" + dataName + "'"
                    + (fit.where() == null ? "" : " within 'where'")));
        }
        return new Selection(scoped, window, holdout, ids, groups(scoped, fit.groupBy()));
    }

    /** Each law input's value on every scoped row, in the inputs' order. */
    public Map<String, double[]> inputs(Map<String, LawDecl.Arg> inputs, Evaluation evaluation, String dataName) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, LawDecl.Arg> input : inputs.entrySet()) {
            out.put(input.getKey(), evaluation.numbers(input.getValue().value(), scoped, dataName));
        }
        return out;
    }

    private static int[] allRows(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Row indices per group key ("col=value, col=value"), groups in order of first appearance. */
    private static Map<String, List<Integer>> groups(Table table, List<Name> by) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int r = 0; r < table.rows(); r++) {
            StringBuilder key = new StringBuilder();
            for (Name g : by) {
                if (key.length() > 0) {
                    key.append(", ");
                }
                key.append(g.text()).append('=').append(cell(table.column(g.text()), r));
            }
            out.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static List<String> ids(Table table) {
        List<String> ids = new ArrayList<>(table.rows());
        for (int r = 0; r < table.rows(); r++) {
            ids.add(table.has("run") ? cell(table.column("run"), r) : "line " + table.sourceLine(r));
        }
        return ids;
    }

    /** A cell as text: text as it is, whole numbers without a fraction, others in Java's shortest form. */
    public static String cell(Column column, int row) {
        if (column instanceof Column.Texts t) {
            return t.values()[row];
        }
        double v = ((Column.Numbers) column).values()[row];
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
