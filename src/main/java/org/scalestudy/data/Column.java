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
     */
    record Texts(String[] values, String firstNonNumber) implements Column {
        public int size() {
            return values.length;
        }

        public Column select(int[] rows) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Texts(out, firstNonNumber);
        }
    }
}
