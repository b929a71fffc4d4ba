package org.scalestudy.data.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declared name pattern with placeholders, as {@code training_log} takes them: {@code {size}-{multiplier}xC.csv}
 * for file names, {@code eval/downstream/{task}_rc_5shot_len_norm} for column names. A placeholder
 * {@code {name}} (letters, digits, underscores) matches one or more characters, as few as let the rest match
 * (so {@code {size}-{multiplier}xC.csv} splits {@code 760M-0.5xC.csv} at the first dash); {@code *} matches any
 * characters, none included, and is not captured; everything else matches itself. A name matches when the
 * whole name matches.
 */
final class NamePattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}|\\*");
    private final String text;
    private final Pattern regex;
    private final List<String> names;

    private NamePattern(String text, Pattern regex, List<String> names) {
        this.text = text;
        this.regex = regex;
        this.names = names;
    }

    /**
     * @param option the option the pattern came from, for the error
     * @throws OptionError when a brace does not open a placeholder, or a placeholder repeats
     */
    static NamePattern of(String option, String text) throws OptionError {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(literal(option, text, text.substring(at, m.start())));
            if (m.group(1) == null) {
                regex.append(".*?");
            } else {
                if (names.contains(m.group(1))) {
                    throw new OptionError(option, "option '" + option + "': the placeholder {" + m.group(1)
                            + "} appears twice in \"" + text + "\"");
                }
                names.add(m.group(1));
                regex.append("(.+?)");
            }
            at = m.end();
        }
        regex.append(literal(option, text, text.substring(at)));
        return new NamePattern(text, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(names));
    }

    private static String literal(String option, String text, String part) throws OptionError {
        if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
            throw new OptionError(option, "option '" + option + "': \"" + text + "\" has a brace that is not a "
                    + "placeholder; write {name} with a name of letters, digits and underscores");
        }
        return part.isEmpty() ? "" : Pattern.quote(part);
    }

    /** The placeholders' names, in order. */
    List<String> names() {
        return names;
    }

    /** The placeholders' values when the whole of {@code name} matches, else null. */
    Map<String, String> match(String name) {
        Matcher m = regex.matcher(name);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), m.group(i + 1));
        }
        return values;
    }

    @Override
    public String toString() {
        return text;
    }
}
