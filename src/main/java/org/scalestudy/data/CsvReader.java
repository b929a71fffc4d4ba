package org.scalestudy.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads RFC 4180 CSV text (a header line, then records; quoted fields with "" escapes; LF or CRLF
 * line ends; an optional UTF-8 byte-order mark) into a {@link Table}. A column is numeric when
 * every present cell is a number; missing cells (empty, NA, N/A, NaN, null: {@link org.scalestudy.data.readers.MissingCells}) are NaN in a numeric column and "" in a text one.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /**
     * The records of a CSV text, header first, as checked by {@link #read}: a named, unique header and
     * every record as long as the header.
     *
     * @param records the header, then one list of raw cells per record
     * @param lines   the 1-based line each record starts on
     */
    public record Records(List<List<String>> records, List<Integer> lines) {
        public List<String> header() {
            return records.get(0).stream().map(String::strip).toList();
        }
    }

    public static Table read(String text) throws DataError {
        Records parsed = records(text);
        List<List<String>> records = parsed.records();
        List<Integer> lines = parsed.lines();
        List<String> header = records.get(0);
        int rows = records.size() - 1;
        int[] sourceLines = new int[rows];
        for (int r = 0; r < rows; r++) {
            sourceLines[r] = lines.get(r + 1);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            columns.put(header.get(c).strip(), column(records, sourceLines, c));
        }
        return new Table(columns, List.of(), sourceLines);
    }

    /** Parses and checks the records of a CSV text (see {@link Records}). */
    public static Records records(String text) throws DataError {
        return records(text, null);
    }

    /**
     * As {@link #records(String)}, but an unnamed first column (the row index pandas writes with
     * {@code to_csv()}, a header starting {@code ,tokens,...}) is named {@code unnamedFirst}
     * instead of being an error; null keeps it an error.
     */
    public static Records records(String text, String unnamedFirst) throws DataError {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(text, records, lines);
        if (records.isEmpty()) {
            throw new DataError(1, 0, "the file is empty; expected a header line naming the columns");
        }
        List<String> header = records.get(0);
        if (unnamedFirst != null && header.size() > 1 && header.get(0).isBlank()) {
            header.set(0, unnamedFirst);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                throw new DataError(lines.get(0), i + 1, "column " + (i + 1) + " has no name in the header");
            }
            if (!seen.add(name)) {
                throw new DataError(lines.get(0), i + 1, "column name '" + name + "' appears twice in the header");
            }
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() != header.size()) {
                throw new DataError(lines.get(r), Math.min(record.size(), header.size()) + 1, "this row has "
                        + record.size() + (record.size() == 1 ? " field" : " fields") + "; the header names " + header.size() + " columns");
            }
        }
        return new Records(records, lines);
    }

    private static Column column(List<List<String>> records, int[] sourceLines, int c) {
        int rows = sourceLines.length;
        double[] numbers = new double[rows];
        String[] texts = new String[rows];
        String firstNonNumber = null;
        for (int r = 0; r < rows; r++) {
            String cell = records.get(r + 1).get(c).strip();
            boolean missing = org.scalestudy.data.readers.MissingCells.isMissing(cell);
            texts[r] = missing ? "" : cell;
            if (missing) {
                numbers[r] = Double.NaN;
            } else if (firstNonNumber == null) {
                Double value = number(cell);
                if (value == null) {
                    firstNonNumber = "line " + sourceLines[r] + ": '" + cell + "'";
                } else {
                    numbers[r] = value;
                }
            }
        }
        return firstNonNumber == null ? new Column.Numbers(numbers) : new Column.Texts(texts, firstNonNumber);
    }

    /** Compiled once: compiling it per cell was most of the time spent reading a large file. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:nan|inf|infinity)");

    /** A decimal number as written in data files (no hex, no trailing 'd'/'f' as Java would allow), or null. */
    public static Double number(String cell) {
        if (!NUMBER.matcher(cell).matches()) {
            return null;
        }
        String lower = cell.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(cell);
    }

    private static void parse(String text, List<List<String>> records, List<Integer> lines) throws DataError {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    int quoteField = fields.size() + 1;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new DataError(quoteLine, quoteField, "a quoted field is never closed");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new DataError(line, fields.size() + 1,
                                "unexpected text after a closing quote; expected ',' or the end of the line");
                    }
                }
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    field.append(text.charAt(i++));
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                } else {
                    if (i < n && text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                }
            }
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                records.add(fields);
                lines.add(recordLine);
            }
        }
    }
}
