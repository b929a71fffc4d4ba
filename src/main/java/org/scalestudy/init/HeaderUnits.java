package org.scalestudy.init;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit written at the end of a column's header, in parentheses, as public model tables do:
 * {@code Model Size (B)} (billions), {@code Pretraining Data Size (T)} (trillions), {@code (M)} (millions),
 * {@code (K)} (thousands), and a power of ten such as {@code FLOPs (1E21)} (units of 1e21; also {@code (1e21)},
 * {@code (10^21)}). A named unit maps to the reader's unit of the same meaning ({@code billions("Model Size (B)")});
 * a power of ten has none, so a study multiplies by it ({@code "FLOPs (1E21)" * 1e21}).
 */
final class HeaderUnits {
    private static final Pattern SUFFIX = Pattern.compile("^(.*?)\\s*\\(\\s*([KMBT]|1[eE][+]?(\\d{1,3})|10\\^(\\d{1,3}))\\s*\\)$");
    private static final Map<String, Unit> NAMED = Map.of(
            "K", new Unit(1e3, "thousands"),
            "M", new Unit(1e6, "millions"),
            "B", new Unit(1e9, "billions"),
            "T", new Unit(1e12, "trillions"));

    private HeaderUnits() {
    }

    /**
     * @param factor   what a value in the column is worth in plain units
     * @param function the reader's unit of that factor ({@code billions}), or null when it has none
     */
    record Unit(double factor, String function) { }

    /** The unit of a header, or null when it names none. */
    static Unit of(String header) {
        Matcher m = SUFFIX.matcher(header.strip());
        if (!m.matches() || m.group(1).isBlank()) {
            return null;
        }
        String u = m.group(2).toUpperCase(Locale.ROOT);
        if (NAMED.containsKey(u)) {
            return NAMED.get(u);
        }
        String exponent = m.group(3) != null ? m.group(3) : m.group(4);
        return new Unit(Double.parseDouble("1e" + exponent), null);
    }

    /** A power of ten as a study writes it: {@code 1e21}. */
    static String power(double factor) {
        return "1e" + Math.round(Math.log10(factor));
    }

    /** The header without its unit: {@code Model Size (B)} gives {@code Model Size}. */
    static String base(String header) {
        Matcher m = SUFFIX.matcher(header.strip());
        return m.matches() && !m.group(1).isBlank() ? m.group(1) : header;
    }
}
