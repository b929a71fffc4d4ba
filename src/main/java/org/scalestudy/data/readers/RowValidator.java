package org.scalestudy.data.readers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.Column;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

/**
 * Checks every row of a {@link ReadTable} against its columns' roles and its key, and reports each
 * problem where the value came from: text where a number belongs, NaN or infinity, a value outside the
 * role's range ({@link Role#outOfRange}), and, when duplicates are errors
 * ({@link Duplicates.Policy#ERROR}), a row that repeats an earlier row's key (a duplicate run).
 * Columns without a role are not checked. A missing value ({@link MissingCells}) is no problem here,
 * whatever the role: a {@code where} may drop its row, and a fit that would use it reports it then; a row
 * whose key has a missing value is not checked for duplicates.
 */
public final class RowValidator {
    private RowValidator() {
    }

    /** Every problem, by row, then in role order, then the key (duplicates are errors). */
    public static List<DataError> problems(ReadTable read) {
        return problems(read, true);
    }

    /**
     * Every problem, by row, then in role order, then the key.
     *
     * @param duplicates whether a row repeating an earlier row's key is an error (else the caller has
     *                   resolved duplicates, see {@link Duplicates})
     */
    public static List<DataError> problems(ReadTable read, boolean duplicates) {
        Table table = read.table();
        List<DataError> out = new ArrayList<>();
        String[] metrics = read.metricColumn() == null ? null : texts(table.column(read.metricColumn()));
        Map<String, Integer> firstByKey = new HashMap<>();
        for (int r = 0; r < table.rows(); r++) {
            for (Map.Entry<String, Role> e : read.roles().entrySet()) {
                String why = problem(table, read, e.getKey(), e.getValue(), r, metrics == null ? null : metrics[r]);
                if (why != null) {
                    out.add(error(read, e.getKey(), r, why));
                }
            }
            if (duplicates && !read.key().isEmpty() && !missingKey(read, r)) {
                Integer first = firstByKey.putIfAbsent(key(table, read.key(), r), r);
                if (first != null) {
                    CellSource at = source(read, read.key().get(0), first);
                    out.add(error(read, read.key().get(0), r, "duplicate run: " + describeKey(table, read.key(), r)
                            + " already appears at " + where(at)));
                }
            }
        }
        return out;
    }

    /** The values of the key columns of row {@code r}, joined: equal strings mean duplicate rows. */
    static String key(Table table, List<String> key, int r) {
        StringBuilder out = new StringBuilder();
        for (String k : key) {
            out.append(cell(table.column(k), r)).append('\u0000');
        }
        return out.toString();
    }

    private static String problem(Table table, ReadTable read, String name, Role role, int r, String metric) {
        Column column = table.column(name);
        CellSource src = source(read, name, r);
        String raw = src == null ? null : src.raw();
        String label = "column '" + name + "' (" + role.meaning() + ")";
        if (MissingCells.isMissing(raw) || column instanceof Column.Numbers n && Double.isNaN(n.values()[r])) {
            return null;
        }
        if (role == Role.RUN) {
            return null;
        }
        double v;
        if (column instanceof Column.Numbers nums) {
            v = nums.values()[r];
        } else {
            Double parsed = CsvReader.number(((Column.Texts) column).values()[r].strip());
            if (parsed == null) {
                return label + ": '" + raw + "' is not a number";
            }
            v = parsed;
        }
        if (Double.isNaN(v)) {
            return label + ": NaN is not a usable value";
        }
        if (Double.isInfinite(v)) {
            return label + ": " + raw + " is not finite";
        }
        String range = role.outOfRange(v, metric != null && Role.accuracyLike(metric));
        return range == null ? null : label + ": " + TableBuilder.shortest(v) + " " + range;
    }

    private static boolean missingKey(ReadTable read, int r) {
        for (String k : read.key()) {
            CellSource at = source(read, k, r);
            if (at != null && MissingCells.isMissing(at.raw())) {
                return true;
            }
        }
        return false;
    }

    private static CellSource source(ReadTable read, String column, int row) {
        CellSource[] s = read.sources().get(column);
        return s == null ? null : s[row];
    }

    private static DataError error(ReadTable read, String column, int row, String message) {
        CellSource at = source(read, column, row);
        if (at == null) {
            return new DataError(null, read.table().sourceLine(row), 0, message);
        }
        return new DataError(at.file(), at.line(), at.column(), message);
    }

    static String where(CellSource at) {
        return at == null ? "an earlier row" : at.file().getFileName() + ":" + at.line();
    }

    static String describeKey(Table table, List<String> key, int r) {
        List<String> parts = new ArrayList<>();
        for (String k : key) {
            parts.add(k + " " + quoteIfText(table.column(k), cell(table.column(k), r)));
        }
        return String.join(", ", parts);
    }

    private static String quoteIfText(Column c, String s) {
        return c instanceof Column.Texts ? "'" + s + "'" : s;
    }

    private static String cell(Column column, int row) {
        return column instanceof Column.Texts t ? t.values()[row]
                : TableBuilder.shortest(((Column.Numbers) column).values()[row]);
    }

    private static String[] texts(Column column) {
        if (column instanceof Column.Texts t) {
            return t.values();
        }
        double[] v = ((Column.Numbers) column).values();
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = TableBuilder.shortest(v[i]);
        }
        return out;
    }
}
