package org.scalestudy.report;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Interval;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TargetPrediction;

import java.util.ArrayList;
import java.util.List;

import static org.scalestudy.report.JsonSupport.NODES;
import static org.scalestudy.report.JsonSupport.putNumber;

/**
 * The tables a study's page offers for download, each as CSV and as JSON (an array of objects with the CSV's
 * columns as keys):
 *
 * <ul>
 *   <li>{@code data}: every run in every fit's scope — law, dataset, group, run, role, x, observed, note;</li>
 *   <li>{@code parameters}: law, dataset, group, parameter, value, low, high (interval bounds empty without a
 *       bootstrap);</li>
 *   <li>{@code predictions}: the law's prediction for every run (kind {@code run}) and at every target
 *       (kind {@code target}): a target's bootstrap confidence interval of the curve ({@code ci_low},
 *       {@code ci_high}) and the prediction interval of a held-out run or a target ({@code pi_level},
 *       {@code pi_low}, {@code pi_high}).</li>
 * </ul>
 *
 * CSV: comma-separated, {@code \n} line ends (like every file of the site), fields holding a comma, quote or
 * line break quoted with quotes doubled (RFC 4180). Numbers are the shortest text that reads back as the same
 * double (Jackson's Schubfach writer, the same as in {@code results.json}, so the text does not depend on the
 * JDK), e.g. {@code 1.2E21}; missing numbers are empty in CSV and {@code null} in JSON.
 */
final class Downloads {

    /** The downloadable tables, in the order the page lists them. */
    static final List<String> NAMES = List.of("data", "parameters", "predictions");

    /** What the rows of table {@code name} are, for the page. */
    static String description(String name) {
        return switch (name) {
            case "data" -> "the data used: every run in every fit's scope, with its role";
            case "parameters" -> "every fitted parameter, with its bootstrap interval";
            case "predictions" -> "the prediction for every run and every target, with the prediction interval"
                    + " of held-out runs and targets (pi_low, pi_high) and the confidence interval of the curve at"
                    + " targets (ci_low, ci_high)";
            default -> name;
        };
    }

    private Downloads() {
    }

    /** A table: column names and rows of values (String or Double). */
    record Sheet(List<String> columns, List<List<Object>> rows) {
    }

    /**
     * The sheet {@code name} (one of {@link #NAMES}) of a study. Built one at a time and written as a stream:
     * a study of a million runs has a million rows in {@code data} and in {@code predictions}.
     */
    static Sheet sheet(String name, StudyResult s) {
        return switch (name) {
            case "data" -> data(s);
            case "parameters" -> parameters(s);
            case "predictions" -> predictions(s);
            default -> throw new IllegalArgumentException("no download named " + name);
        };
    }

    static Sheet data(StudyResult s) {
        List<List<Object>> rows = new ArrayList<>();
        for (FitOutcome f : fits(s)) {
            for (RunRow r : orEmpty(f.runs())) {
                rows.add(List.of(text(f.law()), text(f.dataset()), text(f.group()), text(r.id()), r.role().text(),
                        r.x(), r.observed(), text(r.note())));
            }
        }
        return new Sheet(List.of("law", "dataset", "group", "run", "role", "x", "observed", "note"), rows);
    }

    static Sheet parameters(StudyResult s) {
        List<List<Object>> rows = new ArrayList<>();
        for (FitOutcome f : fits(s)) {
            for (ParameterValue p : orEmpty(f.parameters())) {
                rows.add(List.of(text(f.law()), text(f.dataset()), text(f.group()), text(p.name()), p.value(),
                        p.low(), p.high(), p.standardError()));
            }
        }
        return new Sheet(List.of("law", "dataset", "group", "parameter", "value", "low", "high", "standardError"),
                rows);
    }

    static Sheet predictions(StudyResult s) {
        return predictions(fits(s));
    }

    /**
     * The {@code predictions} sheet of {@code fits} only (a fit page's CSV download has its fit's). {@code ci_low},
     * {@code ci_high}: a target's bootstrap confidence interval of the curve (empty for runs, and without a
     * bootstrap); {@code pi_level}, {@code pi_low}, {@code pi_high}: a held-out run's or a target's prediction
     * interval (empty when it has none).
     */
    static Sheet predictions(List<FitOutcome> fits) {
        List<List<Object>> rows = new ArrayList<>();
        for (FitOutcome f : fits) {
            for (RunRow r : orEmpty(f.runs())) {
                Interval i = r.interval();
                rows.add(List.of(text(f.law()), text(f.dataset()), text(f.group()), "run", text(r.id()),
                        r.role().text(), "", r.x(), r.observed(), r.predicted(), Double.NaN, Double.NaN,
                        level(i), low(i), high(i)));
            }
            for (TargetPrediction t : orEmpty(f.targets())) {
                Interval i = t.interval();
                rows.add(List.of(text(f.law()), text(f.dataset()), text(f.group()), "target", "", "",
                        text(t.series()), t.x(), Double.NaN, t.predicted(), t.low(), t.high(),
                        level(i), low(i), high(i)));
            }
        }
        return new Sheet(List.of("law", "dataset", "group", "kind", "run", "role", "series", "x", "observed",
                "predicted", "ci_low", "ci_high", "pi_level", "pi_low", "pi_high"), rows);
    }

    private static double level(Interval i) {
        return i == null ? Double.NaN : i.level();
    }

    private static double low(Interval i) {
        return i == null ? Double.NaN : i.low();
    }

    private static double high(Interval i) {
        return i == null ? Double.NaN : i.high();
    }

    /** The sheet as CSV text with a header line, every line ending in {@code \n}. */
    static String csv(Sheet sheet) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            writeCsv(sheet, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes {@link #csv(Sheet)}'s text to {@code out}, a line at a time. */
    static void writeCsv(Sheet sheet, java.io.Writer out) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        appendLine(line, new ArrayList<>(sheet.columns()));
        out.write(line.toString());
        for (List<Object> row : sheet.rows()) {
            line.setLength(0);
            appendLine(line, row);
            out.write(line.toString());
        }
    }

    /** The sheet as a pretty-printed JSON array of objects, keys sorted. */
    static String json(Sheet sheet) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            writeJson(sheet, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #json(Sheet)}'s text to {@code out} as a stream, in the form {@link JsonSupport#pretty} gives
     * the same array as a tree (keys sorted, non-finite numbers as null, a final newline).
     */
    static void writeJson(Sheet sheet, java.io.OutputStream out) throws java.io.IOException {
        List<String> columns = sheet.columns();
        Integer[] sorted = new Integer[columns.size()];
        java.util.Arrays.setAll(sorted, i -> i);
        java.util.Arrays.sort(sorted, java.util.Comparator.comparing(columns::get));
        try (com.fasterxml.jackson.core.JsonGenerator g = JsonSupport.prettyGenerator(out)) {
            g.writeStartArray();
            for (List<Object> row : sheet.rows()) {
                g.writeStartObject();
                for (int i : sorted) {
                    g.writeFieldName(columns.get(i));
                    Object v = row.get(i);
                    if (v instanceof Double d) {
                        if (Double.isFinite(d)) {
                            g.writeNumber(d);
                        } else {
                            g.writeNull();
                        }
                    } else {
                        g.writeString((String) v);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.write('\n');
    }

    /** The sheet as JSON built as a tree: what {@link #writeJson} must equal byte for byte (see its test). */
    static String jsonTree(Sheet sheet) {
        ArrayNode array = NODES.arrayNode();
        for (List<Object> row : sheet.rows()) {
            ObjectNode o = array.addObject();
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v instanceof Double d) {
                    putNumber(o, sheet.columns().get(i), d);
                } else {
                    o.put(sheet.columns().get(i), (String) v);
                }
            }
        }
        return JsonSupport.pretty(array);
    }

    private static void appendLine(StringBuilder out, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = fields.get(i);
            out.append(v instanceof Double d ? number(d) : field((String) v));
        }
        out.append('\n');
    }

    /** The shortest text that reads back as {@code v}; "" when not finite. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return DoubleToDecimal.toString(v);
    }

    private static String field(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static List<FitOutcome> fits(StudyResult s) {
        return orEmpty(s.fits());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
