package org.scalestudy.data;

/** The value of an expression over every row of a table. */
public sealed interface Value {
    record Numbers(double[] values) implements Value { }

    record Booleans(boolean[] values) implements Value { }

    record Texts(String[] values) implements Value { }
}
