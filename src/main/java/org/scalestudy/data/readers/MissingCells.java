package org.scalestudy.data.readers;

import java.util.List;
import java.util.Locale;
import org.scalestudy.data.CsvReader;

/**
 * The one rule for missing values, shared by every reader. A value is missing when it is absent (an
 * empty CSV cell, a JSON {@code null}, a key a JSON line lacks) or written as one of the usual
 * spellings: {@code NA}, {@code N/A}, {@code NaN}, {@code null}, in any letter case and with surrounding
 * blanks ignored (so {@code n/a} and {@code nan} too). A JSON NaN number and a JSON string with one of
 * those spellings are missing as well. A missing value is no error when read: {@code where present(x)}
 * can drop its row, and a fit that would use it is an error unless the fit says {@code drop missing}.
 */
public final class MissingCells {
    /** The spellings of a missing value besides the empty cell, compared ignoring case. */
    public static final List<String> SPELLINGS = List.of("NA", "N/A", "NaN", "null");

    private MissingCells() {
    }

    /** Whether a cell as written (null when absent) is a missing value. */
    public static boolean isMissing(String raw) {
        if (raw == null) {
            return true;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return true;
        }
        for (String spelling : SPELLINGS) {
            if (s.equalsIgnoreCase(spelling)) {
                return true;
            }
        }
        return false;
    }

    /** A text cell's value: null when missing, a Double when it is a number, else the text (stripped). */
    public static Object value(String raw) {
        if (isMissing(raw)) {
            return null;
        }
        String s = raw.strip();
        Double n = CsvReader.number(s);
        return n != null ? (Object) n : s;
    }

    /** The cell as written for a {@link CellSource}: null when it was empty, else stripped. */
    static String written(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** Lower-case form, for messages. */
    static String spellings() {
        return "empty, " + String.join(", ", SPELLINGS).toLowerCase(Locale.ROOT).replace("nan", "NaN");
    }
}
