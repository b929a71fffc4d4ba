package org.scalestudy.results;

import java.util.Optional;

/** The tables a study's {@code report} block may ask for, in the order the site lists them. */
public enum TableName implements Named {
    PARAMETERS("parameters"),
    ERRORS("errors"),
    RUNS("runs"),
    TARGETS("targets");

    private final String text;

    TableName(String text) {
        this.text = text;
    }

    /** The name a report block uses. */
    @Override
    public String text() {
        return text;
    }

    /** The table named {@code text}, if any. */
    public static Optional<TableName> parse(String text) {
        return Named.parse(values(), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
