package org.scalestudy.lang;

import java.util.Comparator;

/**
 * A problem found in a study or in a file it reads, at a line and column (both 1-based;
 * for data files the line is the file's line and the column the field's 1-based index).
 *
 * @param file       the file as the user should see it (relative path where possible)
 * @param line       1-based line
 * @param column     1-based column (0 when the problem concerns the whole line or file)
 * @param message    what is wrong and what would have been valid
 * @param sourceLine the text of that line, to show under the message with a caret; null for none
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String sourceLine) {

    public enum Severity { ERROR, WARNING;
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::message);

    /** {@code file:line:column: error: message}, then the source line and a caret under the column. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(file).append(':').append(line);
        if (column > 0) {
            out.append(':').append(column);
        }
        out.append(": ").append(severity.label()).append(": ").append(message);
        if (sourceLine != null) {
            String line = sourceLine.replace('\t', ' ');
            int caret = Math.min(Math.max(column - 1, 0), line.length());
            int from = line.length() <= WINDOW ? 0 : Math.max(0, Math.min(caret - WINDOW / 2, line.length() - WINDOW));
            int to = Math.min(line.length(), from + WINDOW);
            String shown = (from > 0 ? "..." : "") + line.substring(from, to) + (to < line.length() ? "..." : "");
            out.append('\n').append("  ").append(shown);
            if (column > 0) {
                out.append('\n').append("  ").append(" ".repeat(caret - from + (from > 0 ? 3 : 0))).append('^');
            }
        }
        return out.toString();
    }

    /**
     * The most characters of a source line shown under a message; a longer line is cut to this many around
     * the column, with {@code ...} where it was cut.
     */
    public static final int WINDOW = 120;
}
