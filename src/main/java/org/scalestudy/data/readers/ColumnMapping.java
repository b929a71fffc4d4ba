package org.scalestudy.data.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalestudy.data.Column;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.Table;

/**
 * The study's column mapping for the plain formats ({@code csv}, {@code jsonl}): an option named
 * after a {@link Role} maps a file column to it, optionally in a unit, e.g.
 * {@code params: "Model Size"}, {@code tokens: billions("D (B)")}, {@code accuracy: percent("acc")}.
 * The column is renamed to the role's name (in place) and scaled to plain numbers; its rows are then
 * checked against the role. {@code key: "run, task"} names the columns identifying a row (default:
 * {@code run} when it has a role, else none).
 */
final class ColumnMapping {
    static final String KEY = "key";

    private ColumnMapping() {
    }

    /** The options the plain formats accept: one per role, and {@code key}. */
    static Map<String, String> options() {
        Map<String, String> out = new TreeMap<>();
        for (Role role : Role.values()) {
            if (role != Role.SCORE) {
                out.put(role.key(), "the column holding " + role.meaning() + ", e.g. " + role.key() + ": \"column\""
                        + (role == Role.RUN ? "" : " or " + role.key() + ": percent(\"column\")"));
            }
        }
        out.put(KEY, "the columns that identify a row, e.g. key: \"run, task\" (default: run, when mapped)");
        out.put(Duplicates.OPTION, Duplicates.description(Duplicates.Policy.ERROR));
        return out;
    }

    static ReadTable apply(ReadTable read, ReaderOptions options) throws OptionError {
        Table table = read.table();
        Map<String, String> renames = new LinkedHashMap<>(); // file column -> role name
        Map<String, Double> factors = new LinkedHashMap<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String option : options.names()) {
            Role role = Role.of(option);
            if (role == null || role == Role.SCORE) {
                continue;
            }
            ReaderOptions.Value v = options.get(option);
            String column;
            double factor = 1;
            if (v instanceof ReaderOptions.Value.Text t) {
                column = t.text();
            } else if (v instanceof ReaderOptions.Value.Scaled s) {
                if (role == Role.RUN) {
                    throw new OptionError(option, "a run's name has no unit; write run: \"" + s.column() + "\"");
                }
                column = s.column();
                factor = s.factor();
            } else {
                throw new OptionError(option, "option '" + option + "' names a column, e.g. " + option
                        + ": \"column\"");
            }
            if (!table.has(column)) {
                throw new OptionError(option, "no column '" + column + "' in the file" + hint(column, table.names()));
            }
            if (renames.containsKey(column)) {
                throw new OptionError(option, "column '" + column + "' already has the role '"
                        + renames.get(column) + "'");
            }
            if (!column.equals(role.key()) && table.has(role.key())) {
                throw new OptionError(option, "the file already has a column '" + role.key()
                        + "'; map that column instead, or rename one of them");
            }
            renames.put(column, role.key());
            factors.put(column, factor);
            roles.put(role.key(), role);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, CellSource[]> sources = new LinkedHashMap<>();
        for (String name : table.names()) {
            String target = renames.getOrDefault(name, name);
            columns.put(target, scale(table.column(name), factors.getOrDefault(name, 1.0)));
            sources.put(target, read.sources().get(name));
        }
        Table mapped = new Table(columns, List.of(), lines(table));
        List<String> key = options.list(KEY);
        for (String k : key) {
            if (!mapped.has(k)) {
                throw new OptionError(KEY, "no column '" + k + "' in the file (after the role mapping)"
                        + hint(k, mapped.names()));
            }
        }
        if (key.isEmpty() && roles.containsKey(Role.RUN.key())) {
            key = List.of(Role.RUN.key());
        }
        return new ReadTable(mapped, sources, roles, key, null, read.inputs(), read.leftOut());
    }

    private static Column scale(Column column, double factor) {
        if (factor == 1) {
            return column;
        }
        if (column instanceof Column.Numbers nums) {
            double[] out = new double[nums.values().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = inUnit(nums.values()[i], factor);
            }
            return new Column.Numbers(out);
        }
        Column.Texts texts = (Column.Texts) column;
        String[] out = new String[texts.values().length];
        for (int i = 0; i < out.length; i++) {
            Double v = CsvReader.number(texts.values()[i].strip());
            out[i] = v == null ? texts.values()[i] : Double.toString(inUnit(v, factor));
        }
        return new Column.Texts(out, texts.firstNonNumber(), texts.firstNonNumberAt());
    }

    /** {@code v} in plain units: a factor below 1 divides by its inverse, so percent(55) is exactly 0.55. */
    static double inUnit(double v, double factor) {
        return factor < 1 ? v / Math.rint(1 / factor) : v * factor;
    }

    private static int[] lines(Table table) {
        int[] out = new int[table.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = table.sourceLine(r);
        }
        return out;
    }

    static String hint(String name, List<String> names) {
        List<String> close = new ArrayList<>();
        for (String n : names) {
            if (n.equalsIgnoreCase(name) || n.replace(" ", "").equalsIgnoreCase(name.replace(" ", ""))) {
                close.add(n);
            }
        }
        return close.isEmpty() ? "; columns: " + String.join(", ", names) : "; did you mean '" + close.get(0) + "'?";
    }
}
