package org.scalestudy.data;

/**
 * A problem in a data file at a line and (1-based) field; field 0 means the whole line.
 */
public final class DataError extends Exception {
    private final int line;
    private final int field;

    public DataError(int line, int field, String message) {
        super(message);
        this.line = line;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public int field() {
        return field;
    }
}
