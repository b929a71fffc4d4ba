package org.scalestudy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.scalestudy.report.ResultsJson;

/**
 * Checks a {@code results.json} that {@code diff} reads, field by field, before anything is compared: the
 * shape of every field the diff and its gate read (see the README's {@code results.json} section). A
 * malformed file is refused with its path and the field at fault, e.g.
 * {@code site/s/results.json: fits[0].parameters[1].value: expected a number or null, found a string}.
 */
final class ResultsCheck {
    private ResultsCheck() {
    }

    /** Throws an IOException naming {@code file} and the first field that is malformed. */
    static void check(JsonNode root, Path file) throws IOException {
        try {
            study(root);
        } catch (Malformed e) {
            throw new IOException(file + ": malformed results.json: " + e.getMessage());
        }
    }

    private static final class Malformed extends Exception {
        Malformed(String field, String expected, JsonNode found) {
            super(field + ": expected " + expected + ", found " + describe(found));
        }
    }

    private static void study(JsonNode root) throws Malformed {
        object(root, "(the file)");
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 1
                || version.asLong() > ResultsJson.FORMAT_VERSION) {
            throw new Malformed("formatVersion", "a whole number from 1 to " + ResultsJson.FORMAT_VERSION, version);
        }
        text(root, "slug", "slug", true);
        text(root, "title", "title", true);
        JsonNode fits = array(root, "fits", "fits", false);
        for (int i = 0; i < fits.size(); i++) {
            fit(fits.get(i), "fits[" + i + "]");
        }
        JsonNode decisions = array(root, "decisions", "decisions", true);
        for (int i = 0; decisions != null && i < decisions.size(); i++) {
            object(decisions.get(i), "decisions[" + i + "]");
        }
    }

    private static void fit(JsonNode fit, String at) throws Malformed {
        object(fit, at);
        for (String key : new String[] {"law", "dataset", "group"}) {
            text(fit, key, at + "." + key, false);
        }
        JsonNode parameters = array(fit, "parameters", at + ".parameters", false);
        for (int i = 0; i < parameters.size(); i++) {
            String p = at + ".parameters[" + i + "]";
            object(parameters.get(i), p);
            text(parameters.get(i), "name", p + ".name", false);
            number(parameters.get(i), "value", p + ".value");
        }
        JsonNode optimization = fit.get("optimization");
        object(optimization, at + ".optimization");
        JsonNode converged = optimization.get("converged");
        if (converged == null || !converged.isBoolean()) {
            throw new Malformed(at + ".optimization.converged", "true or false", converged);
        }
        text(optimization, "message", at + ".optimization.message", true);
        JsonNode holdout = fit.get("holdoutMetrics");
        object(holdout, at + ".holdoutMetrics");
        JsonNode n = holdout.get("n");
        if (n == null || !n.isIntegralNumber() || n.asLong() < 0) {
            throw new Malformed(at + ".holdoutMetrics.n", "a whole number >= 0", n);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = holdout.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!key.equals("n")) {
                number(holdout, key, at + ".holdoutMetrics." + key);
            }
        }
        for (String list : new String[] {"runs", "targets"}) {
            JsonNode items = array(fit, list, at + "." + list, true);
            for (int i = 0; items != null && i < items.size(); i++) {
                String item = at + "." + list + "[" + i + "]";
                object(items.get(i), item);
                if (items.get(i).has("predicted")) {
                    number(items.get(i), "predicted", item + ".predicted");
                }
            }
        }
    }

    private static void object(JsonNode node, String at) throws Malformed {
        if (node == null || !node.isObject()) {
            throw new Malformed(at, "an object", node);
        }
    }

    /** The array at {@code key}; null when it is absent and {@code optional}. */
    private static JsonNode array(JsonNode parent, String key, String at, boolean optional) throws Malformed {
        JsonNode node = parent.get(key);
        if (node == null && optional) {
            return null;
        }
        if (node == null || !node.isArray()) {
            throw new Malformed(at, "an array", node);
        }
        return node;
    }

    private static void text(JsonNode parent, String key, String at, boolean optional) throws Malformed {
        JsonNode node = parent.get(key);
        if (node == null && optional) {
            return;
        }
        if (node == null || !node.isTextual()) {
            throw new Malformed(at, "a string", node);
        }
    }

    private static void number(JsonNode parent, String key, String at) throws Malformed {
        JsonNode node = parent.get(key);
        if (node == null || !(node.isNumber() || node.isNull())) {
            throw new Malformed(at, "a number or null", node);
        }
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "nothing (the field is missing)";
        }
        String text = node.toString();
        text = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return switch (node.getNodeType()) {
            case STRING -> "the string " + text;
            case BOOLEAN -> "the boolean " + text;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> text;
        };
    }
}
