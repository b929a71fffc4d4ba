package org.scalestudy.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Comparisons of computed numbers with expected ones, for every test. */
public final class Approx {
    private Approx() {
    }

    /** Fails unless {@code actual} is within {@code tolerance} of {@code expected}, relative to {@code expected}. */
    public static void assertRelative(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                "expected " + expected + " within " + tolerance + " relative, got " + actual);
    }

    /** The median (the mean of the middle two of an even count). */
    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
