package org.scalestudy.data.readers;

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

    /** The warning, at the first value left out, or null when nothing was. */
    DataError warning() {
        if (count == 0) {
            return null;
        }
        return new DataError(first.file(), first.line(), first.column(), "left out " + count + " " + why
                + "; the first is here: " + first.raw());
    }
}
