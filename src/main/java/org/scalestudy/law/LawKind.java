package org.scalestudy.law;

import java.util.List;
import java.util.Map;

/**
 * A law of the library, as a study names it: {@code law direct = direct_power(x: C, y: acc)}.
 * The checker validates arguments against {@link #args()}; the interpreter binds the options
 * with {@link #bind(Map)} and evaluates the inputs per row in the order of the INPUT args.
 */
public interface LawKind {
    /** The name used in studies, e.g. {@code direct_power}. */
    String name();

    /** One line: what it is and where it comes from, e.g. "Eq. 2 of Krajewski et al. (2025)". */
    String summary();

    /** Arguments in positional order. */
    List<ArgSpec> args();

    /**
     * A law ready to fit.
     *
     * @param options every OPTION argument by name, defaults already filled in
     * @throws IllegalArgumentException with a message fit for a diagnostic when an option is out of range
     */
    Law bind(Map<String, Double> options);
}
