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
            String shown = sourceLine.replace('\t', ' ');
            out.append('\n').append("  ").append(shown);
            if (column > 0) {
                out.append('\n').append("  ").append(" ".repeat(Math.min(column - 1, shown.length()))).append('^');
            }
        }
        return out.toString();
    }
}
