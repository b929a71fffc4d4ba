package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.Column;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

/**
 * Builds a {@link ReadTable} row by row from cells that are numbers, text or absent, each with its
 * source. A column is numeric when every present value is a number; otherwise it is text, with
 * numbers written as in the file (or in their shortest form when the source has no text). Columns appear in the order they are first set.
 */
final class TableBuilder {
    private final List<String> names = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Map<String, CellSource>> sources = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    /** Starts a row whose diagnostics point at {@code line} by default. */
    void row(int line) {
        rows.add(new HashMap<>());
        sources.add(new HashMap<>());
        lines.add(line);
    }

    /** Declares a column now, so it has its place even if no row sets it. */
    void column(String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    /** Sets a cell of the current row: {@code value} is a Double, a String, or null for absent. */
    void set(String name, Object value, CellSource source) {
        column(name);
        rows.get(rows.size() - 1).put(name, value);
        sources.get(sources.size() - 1).put(name, source);
    }

    /** The value of a cell set earlier (a Double, a String, or null). */
    Object value(int row, String name) {
        return rows.get(row).get(name);
    }

    int rows() {
        return rows.size();
    }

    ReadTable build(Map<String, Role> roles, List<String> key, String metricColumn, List<Path> inputs) {
        return build(roles, key, metricColumn, inputs, List.of());
    }

    /** @param leftOut what the reader left out, one warning per reason ({@link LeftOut}) */
    ReadTable build(Map<String, Role> roles, List<String> key, String metricColumn, List<Path> inputs,
                    List<DataError> leftOut) {
        int n = rows.size();
        int[] sourceLines = new int[n];
        for (int r = 0; r < n; r++) {
            sourceLines[r] = lines.get(r);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, CellSource[]> cellSources = new LinkedHashMap<>();
        for (String name : names) {
            boolean numeric = true;
            String firstText = null;
            Column.Cell firstTextAt = null;
            for (int r = 0; r < n; r++) {
                Object v = rows.get(r).get(name);
                if (v instanceof String s) {
                    numeric = false;
                    firstText = "line " + sourceLines[r] + ": '" + s + "'";
                    CellSource at = sources.get(r).get(name);
                    firstTextAt = at == null || at.file() == null ? null
                            : new Column.Cell(at.file(), at.line(), at.column(), s);
                    break;
                }
            }
            if (firstTextAt != null && !anyNumber(name)) {
                firstTextAt = null; // a text column, not a numeric one spoiled by a cell: nothing to point at
            }
            CellSource[] src = new CellSource[n];
            for (int r = 0; r < n; r++) {
                src[r] = sources.get(r).get(name);
            }
            cellSources.put(name, src);
            if (numeric) {
                double[] values = new double[n];
                for (int r = 0; r < n; r++) {
                    Object v = rows.get(r).get(name);
                    values[r] = v == null ? Double.NaN : (Double) v;
                }
                columns.put(name, new Column.Numbers(values));
            } else {
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    Object v = rows.get(r).get(name);
                    values[r] = v == null ? "" : v instanceof String t ? t
                            : src[r] != null && src[r].raw() != null ? src[r].raw() : shortest((Double) v);
                }
                columns.put(name, new Column.Texts(values, firstText, firstTextAt));
            }
        }
        return new ReadTable(new Table(columns, List.of(), sourceLines), cellSources, roles, key, metricColumn,
                inputs, leftOut);
    }

    private boolean anyNumber(String name) {
        for (Map<String, Object> row : rows) {
            if (row.get(name) instanceof Double) {
                return true;
            }
        }
        return false;
    }

    static String shortest(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
