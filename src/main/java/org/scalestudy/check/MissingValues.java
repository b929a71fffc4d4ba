package org.scalestudy.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalestudy.data.Column;
import org.scalestudy.data.Table;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.LawDecl;

/**
 * The missing values of a dataset that a fit would use. A numeric column of the file holds NaN only where
 * its cell is missing ({@link org.scalestudy.data.readers.MissingCells}: empty, NA, N/A, NaN, null). A
 * missing value is no error until a fit would use it: a row in a fit's window or holdout whose law input is
 * undefined and reads (directly or through the dataset's {@code let}s) a file column that is missing in
 * that row.
 */
final class MissingValues {
    /** How many rows a diagnostic names. */
    static final int LISTED = 3;

    private final Set<String> fileColumns;
    private final Path file;
    private final List<DataStep> steps;

    /**
     * @param fileColumns the columns as read from the file (not derived)
     * @param file        the one file the rows came from, or null when they came from several
     * @param steps       the dataset's steps, to follow {@code let}s
     */
    MissingValues(Set<String> fileColumns, Path file, List<DataStep> steps) {
        this.fileColumns = Set.copyOf(fileColumns);
        this.file = file;
        this.steps = List.copyOf(steps);
    }

    /** A row a law would use, with the missing value it reads: "column 'c' is empty at file:line (run 'id')". */
    record Missing(int row, String text) { }

    /**
     * The rows a law would use that have a missing value it reads, in row order; empty when there is none.
     *
     * @param used rows of {@code table} the law is fitted on or predicts (window or holdout)
     */
    List<Missing> used(Map<String, LawDecl.Arg> inputs, Map<String, double[]> values, Table table, boolean[] used,
                      List<String> ids, java.util.function.Function<Path, String> display) {
        List<String> reads = new ArrayList<>();
        for (LawDecl.Arg arg : inputs.values()) {
            for (String c : columns(arg.value())) {
                if (fileColumns.contains(c) && table.has(c) && table.column(c) instanceof Column.Numbers
                        && !reads.contains(c)) {
                    reads.add(c);
                }
            }
        }
        List<Missing> out = new ArrayList<>();
        if (reads.isEmpty()) {
            return out;
        }
        for (int r = 0; r < table.rows(); r++) {
            if (!used[r] || !undefined(values, r)) {
                continue;
            }
            for (String c : reads) {
                if (Double.isNaN(((Column.Numbers) table.column(c)).values()[r])) {
                    out.add(new Missing(r, "column '" + c + "' is missing at " + (file == null ? "line " + table.sourceLine(r)
                            + " of its file" : display.apply(file) + ":" + table.sourceLine(r)) + " (run '"
                            + ids.get(r) + "')"));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean undefined(Map<String, double[]> values, int r) {
        for (double[] v : values.values()) {
            if (Double.isNaN(v[r])) {
                return true;
            }
        }
        return false;
    }

    /** The columns of the file an expression reads, following the dataset's {@code let}s. */
    Set<String> columns(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out, new LinkedHashSet<>());
        return out;
    }

    private void collect(Expr e, Set<String> out, Set<String> seen) {
        if (e instanceof Expr.Column c) {
            Expr derived = let(c.name());
            if (derived != null && seen.add(c.name())) {
                collect(derived, out, seen);
            } else if (derived == null) {
                out.add(c.name());
            }
        } else {
            e.children().forEach(child -> collect(child, out, seen));
        }
    }

    private Expr let(String name) {
        for (DataStep step : steps) {
            if (step instanceof DataStep.Let let && let.name().text().equals(name)) {
                return let.expr();
            }
        }
        return null;
    }
}
