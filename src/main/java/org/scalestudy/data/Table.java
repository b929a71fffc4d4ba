package org.scalestudy.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a data file with named columns, plus, for each row, the line of the file it came from.
 * Immutable: every operation returns a new table.
 */
public final class Table {
    private final Map<String, Column> columns;
    private final List<String> derived;
    private final int[] sourceLines;

    public Table(Map<String, Column> columns, List<String> derived, int[] sourceLines) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.derived = List.copyOf(derived);
        this.sourceLines = sourceLines;
        for (Map.Entry<String, Column> c : columns.entrySet()) {
            if (c.getValue().size() != sourceLines.length) {
                throw new IllegalArgumentException("column " + c.getKey() + " has " + c.getValue().size()
                        + " rows, table has " + sourceLines.length);
            }
        }
    }

    public int rows() {
        return sourceLines.length;
    }

    /** Column names in file order, then derived columns in the order they were added. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name);
        }
        return c;
    }

    public boolean isDerived(String name) {
        return derived.contains(name);
    }

    /** The 1-based line of the data file a row came from. */
    public int sourceLine(int row) {
        return sourceLines[row];
    }

    /** A table with one more column (replacing none: names are checked before). */
    public Table with(String name, Column column) {
        Map<String, Column> next = new LinkedHashMap<>(columns);
        next.put(name, column);
        List<String> nextDerived = new ArrayList<>(derived);
        nextDerived.add(name);
        return new Table(next, nextDerived, sourceLines);
    }

    /** The rows where {@code keep} is true, in order. */
    public Table filter(boolean[] keep) {
        return select(indices(keep));
    }

    /** The given rows, in the given order. */
    public Table select(int[] rows) {
        Map<String, Column> next = new LinkedHashMap<>();
        columns.forEach((name, column) -> next.put(name, column.select(rows)));
        int[] lines = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            lines[i] = sourceLines[rows[i]];
        }
        return new Table(next, derived, lines);
    }

    public static int[] indices(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                out[j++] = i;
            }
        }
        return out;
    }
}
