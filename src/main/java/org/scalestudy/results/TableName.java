package org.scalestudy.results;

import java.util.Optional;

/** The tables a study's {@code report} block may ask for, in the order the site lists them. */
public enum TableName {
    PARAMETERS("parameters"),
    ERRORS("errors"),
    RUNS("runs"),
    TARGETS("targets");

    private final String text;

    TableName(String text) {
        this.text = text;
    }

    /** The name a report block uses. */
    public String text() {
        return text;
    }

    /** The table named {@code text}, if any. */
    public static Optional<TableName> parse(String text) {
        for (TableName t : values()) {
            if (t.text.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
