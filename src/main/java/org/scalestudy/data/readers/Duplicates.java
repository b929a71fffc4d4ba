package org.scalestudy.data.readers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalestudy.data.Column;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

/**
 * What a reader does with rows that repeat an earlier row's key (the same run, task and metric twice,
 * e.g. a model evaluated again): the option {@code duplicates: "last" | "first" | "error"}. With
 * {@code last} the later row is kept and the earlier one left out; with {@code first}, the other way
 * round; either way one warning names how many rows were dropped, how many of the pairs differ in a
 * value, and the first few pairs by line. With {@code error} every repeat is an error. Each reader
 * states its default ({@link DataReader#duplicates()}).
 */
public final class Duplicates {
    /** The option's name. */
    public static final String OPTION = "duplicates";
    /** How many pairs a warning lists. */
    static final int LISTED = 3;

    /** The policies, by the name a study gives them. */
    public enum Policy {
        LAST, FIRST, ERROR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Duplicates() {
    }

    /** The option's description for {@link DataReader#options()}. */
    static String description(Policy fallback) {
        return "rows repeating an earlier row's key: \"last\" keeps the later row, \"first\" the earlier, "
                + "\"error\" reports them (default \"" + fallback.key() + "\")";
    }

    /** The policy the study chose, or {@code fallback}. */
    static Policy policy(ReaderOptions options, Policy fallback) throws OptionError {
        String text = options.text(OPTION, null);
        if (text == null) {
            return fallback;
        }
        for (Policy p : Policy.values()) {
            if (p.key().equals(text)) {
                return p;
            }
        }
        throw new OptionError(OPTION, "option 'duplicates' is \"last\" (keep the later row), \"first\" (keep the "
                + "earlier) or \"error\"; not '" + text + "'");
    }

    /**
     * The table with one row per key, and the warning saying what was dropped (null when nothing was).
     *
     * @param read   the table as read; returned as it is when it has no key or no duplicate
     * @param policy {@link Policy#LAST} or {@link Policy#FIRST}
     */
    record Resolved(ReadTable read, DataError warning) { }

    static Resolved resolve(ReadTable read, Policy policy) {
        if (policy == Policy.ERROR || read.key().isEmpty()) {
            return new Resolved(read, null);
        }
        Table table = read.table();
        Map<String, Integer> kept = new HashMap<>();
        boolean[] keep = new boolean[table.rows()];
        List<int[]> pairs = new ArrayList<>(); // {earlier, later}
        for (int r = 0; r < table.rows(); r++) {
            Integer earlier = kept.get(RowValidator.key(table, read.key(), r));
            if (earlier == null) {
                keep[r] = true;
                kept.put(RowValidator.key(table, read.key(), r), r);
                continue;
            }
            pairs.add(new int[] {earlier, r});
            if (policy == Policy.LAST) {
                keep[earlier] = false;
                keep[r] = true;
                kept.put(RowValidator.key(table, read.key(), r), r);
            }
        }
        if (pairs.isEmpty()) {
            return new Resolved(read, null);
        }
        int[] rows = Table.indices(keep);
        Map<String, CellSource[]> sources = new LinkedHashMap<>();
        read.sources().forEach((name, src) -> {
            CellSource[] out = new CellSource[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = src[rows[i]];
            }
            sources.put(name, out);
        });
        ReadTable resolved = new ReadTable(table.select(rows), sources, read.roles(), read.key(),
                read.metricColumn(), read.inputs(), read.leftOut());
        return new Resolved(resolved, warning(read, policy, pairs));
    }

    private static DataError warning(ReadTable read, Policy policy, List<int[]> pairs) {
        Table table = read.table();
        List<String> compared = read.roles().keySet().stream().filter(c -> !read.key().contains(c)).toList();
        int differ = 0;
        java.util.Set<String> differing = new java.util.LinkedHashSet<>();
        for (int[] p : pairs) {
            List<String> d = differing(table, compared, p[0], p[1]);
            differ += d.isEmpty() ? 0 : 1;
            differing.addAll(d);
        }
        List<String> columns = compared.stream().filter(differing::contains).toList();
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, pairs.size()); i++) {
            int[] p = pairs.get(i);
            listed.append(i == 0 ? "" : "; ").append("line ").append(line(read, p[1])).append(" repeats line ")
                    .append(line(read, p[0])).append(" (").append(RowValidator.describeKey(table, read.key(), p[1]))
                    .append(')');
        }
        int n = pairs.size();
        String message = n + (n == 1 ? " row repeats" : " rows repeat") + " the " + String.join(", ", read.key())
                + " of an earlier row" + (compared.isEmpty() ? "" : "; " + (differ == 0 ? (n == 1 ? "it does" : "they do")
                + " not differ in " + String.join(", ", compared) : (n == 1 ? "it differs" : differ + " of them differ")
                + " in " + String.join(", ", columns)))
                + "; the " + (policy == Policy.LAST ? "later" : "earlier") + " row of each pair is kept (duplicates: \""
                + policy.key() + "\"; \"" + (policy == Policy.LAST ? "first" : "last") + "\" keeps the "
                + (policy == Policy.LAST ? "earlier" : "later") + ", \"error\" reports them): " + listed
                + (n > LISTED ? "; and " + (n - LISTED) + " more" : "");
        CellSource at = source(read, pairs.get(0)[1]);
        return new DataError(at == null ? null : at.file(), line(read, pairs.get(0)[1]), 0, message);
    }

    /** The columns among {@code columns} whose values differ between rows {@code a} and {@code b}. */
    private static List<String> differing(Table table, List<String> columns, int a, int b) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            Column column = table.column(c);
            if (column instanceof Column.Numbers nums
                    ? Double.compare(nums.values()[a], nums.values()[b]) != 0
                    : !((Column.Texts) column).values()[a].equals(((Column.Texts) column).values()[b])) {
                out.add(c);
            }
        }
        return out;
    }

    private static CellSource source(ReadTable read, int row) {
        CellSource[] s = read.sources().get(read.key().get(0));
        return s == null ? null : s[row];
    }

    private static int line(ReadTable read, int row) {
        CellSource at = source(read, row);
        return at == null ? read.table().sourceLine(row) : at.line();
    }
}
