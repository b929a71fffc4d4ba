package org.scalestudy.data;

/** A column of a {@link Table}: numbers (missing cells are NaN) or text. Arrays are never modified. */
public sealed interface Column {
    int size();

    Column select(int[] rows);

    record Numbers(double[] values) implements Column {
        public int size() {
            return values.length;
        }

        public Column select(int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Numbers(out);
        }
    }

    /**
     * @param firstNonNumber the first cell that is not a number, as "line L: 'text'", to explain
     *                       why a column one expected numeric is text; null when every cell was empty
     * @param firstNonNumberAt where that cell is in its file, to report it there, when the column's other
     *                         cells hold numbers; null when unknown (derived) or when no cell is a number
     */
    record Texts(String[] values, String firstNonNumber, Cell firstNonNumberAt) implements Column {
        /** A text column with no known cell position. */
        public Texts(String[] values, String firstNonNumber) {
            this(values, firstNonNumber, null);
        }

        public int size() {
            return values.length;
        }

        public Column select(int[] rows) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Texts(out, firstNonNumber, firstNonNumberAt);
        }
    }

    /** A cell of a data file: 1-based line and field (CSV) or character column (JSON), and its text. */
    record Cell(java.nio.file.Path file, int line, int column, String text) { }
}
