package org.scalestudy.data.readers;

import java.nio.file.Path;
import org.scalestudy.data.DataError;

/**
 * Values a reader leaves out of its table for one reason, counted so that the study hears of them once: one
 * warning at the first such value's file, line and column, saying how many there were and why.
 */
final class LeftOut {
    private final String why;
    private int count;
    private CellSource first;

    /** @param why what the values are, e.g. "scores that are not numbers" */
    LeftOut(String why) {
        this.why = why;
    }

    void add(CellSource at) {
        if (count++ == 0) {
            first = at;
        }
    }

    /** The warning, or null when nothing was left out. */
    DataError warning(Path folder) {
        if (count == 0) {
            return null;
        }
        Path file = first.file();
        return new DataError(file, first.line(), first.column(), "left out " + count + " " + why
                + " (the first is this one, " + first.raw() + (count > 1 ? ", in " + display(folder, file) : "")
                + ")");
    }

    private static String display(Path folder, Path file) {
        return folder == null ? file.getFileName().toString()
                : folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}
