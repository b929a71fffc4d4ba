package org.scalestudy.results;

import java.util.Optional;

/**
 * What a run is to a fit: fitted on, held out to judge the extrapolation, or left out (with a note saying why).
 * Written as its {@link #text()} ({@code fit}, {@code holdout}, {@code excluded}) in results.json, the cache and
 * the site.
 */
public enum Role implements Named {
    FIT("fit"),
    HOLDOUT("holdout"),
    EXCLUDED("excluded");

    private final String text;

    Role(String text) {
        this.text = text;
    }

    /** The role's name as results.json and the site write it. */
    @Override
    public String text() {
        return text;
    }

    /** The role named {@code text}, if any. */
    public static Optional<Role> parse(String text) {
        return Named.parse(values(), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
