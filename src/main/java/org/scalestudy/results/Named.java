package org.scalestudy.results;

import java.util.Optional;

/** A constant written as a word in studies, results.json and the site ({@link Role}, {@link ChartName}, {@link TableName}). */
interface Named {
    /** The word. */
    String text();

    /** The constant among {@code values} whose word is {@code text}, if any. */
    static <E extends Named> Optional<E> parse(E[] values, String text) {
        for (E value : values) {
            if (value.text().equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
