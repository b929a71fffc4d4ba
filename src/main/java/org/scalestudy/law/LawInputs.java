package org.scalestudy.law;

import java.util.Map;

/**
 * Row checks and labels shared by the built-in laws, so that every law words the same problem the
 * same way ("x is not positive", "loss is not a finite number").
 */
final class LawInputs {
    private LawInputs() {
    }

    /** "expected 3 inputs (x, y, baseline), got 2" when the row has the wrong length, else null. */
    static String arity(double[] row, String... names) {
        if (row.length == names.length) {
            return null;
        }
        return "expected " + names.length + " inputs (" + String.join(", ", names) + "), got " + row.length;
    }

    /** Why {@code v} is not a finite number, or null. */
    static String finite(String name, double v) {
        return Double.isFinite(v) ? null : name + " is not a finite number";
    }

    /** Why {@code v} is not a finite positive number, or null. */
    static String positive(String name, double v) {
        if (!Double.isFinite(v)) {
            return name + " is not a finite number";
        }
        return v > 0 ? null : name + " is not positive";
    }

    /** The Huber threshold option {@code delta}, checked: finite and positive. */
    static double huberDelta(double delta) {
        if (!Double.isFinite(delta) || delta <= 0) {
            throw new IllegalArgumentException("delta must be a finite number > 0, got " + delta);
        }
        return delta;
    }

    /**
     * The study's text for the INPUT {@code arg} (stripped), or {@code arg} itself when the study did
     * not bind it.
     */
    static String text(Map<String, String> inputTexts, String arg) {
        String text = inputTexts.get(arg);
        return text == null || text.isBlank() ? arg : text.strip();
    }
}
