package org.scalestudy.law;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scalestudy.fit.OptimizeResult;

/** Helpers shared by the built-in laws. */
final class LawSupport {
    /** Points per curve series. */
    static final int CURVE_POINTS = 60;

    private LawSupport() {
    }

    /**
     * The value of each OPTION of {@code kind} from {@code options} (its default when absent), in
     * the order of {@link LawKind#args()}.
     *
     * @throws IllegalArgumentException when {@code options} names something that is not an option
     */
    static double[] options(LawKind kind, Map<String, Double> options) {
        Set<String> known = new TreeSet<>();
        int count = 0;
        for (ArgSpec arg : kind.args()) {
            if (arg.kind() == ArgSpec.Kind.OPTION) {
                known.add(arg.name());
                count++;
            }
        }
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(kind.name() + " has no option '" + name + "'"
                        + (known.isEmpty() ? "" : "; its options are " + String.join(", ", known)));
            }
        }
        double[] values = new double[count];
        int k = 0;
        for (ArgSpec arg : kind.args()) {
            if (arg.kind() == ArgSpec.Kind.OPTION) {
                Double v = options.get(arg.name());
                values[k++] = v != null ? v : arg.defaultValue();
            }
        }
        return values;
    }

    /**
     * {@code count} points spaced evenly in log between {@code min} and {@code max} (both included),
     * one point when they are equal, none when the range is not a finite positive interval.
     */
    static double[] logGrid(double min, double max, int count) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            return new double[0];
        }
        if (min == max) {
            return new double[] {min};
        }
        double lo = Math.log(min);
        double step = (Math.log(max) - lo) / (count - 1);
        double[] xs = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = Math.exp(lo + i * step);
        }
        xs[0] = min;
        xs[count - 1] = max;
        return xs;
    }

    /** {@code v} rounded to {@code digits} significant digits, in plain notation: 20, 0.5, 1230. */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** {@code v} rounded to {@code digits} significant digits, as a double. */
    static double round(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }

    /** A failed fit's report: every parameter NaN, not converged. */
    static OptimizeResult failure(int parameters, String method, String message) {
        return OptimizeResult.failure(method, parameters, message);
    }

    /** The chart axis of the laws in N and D: training compute {@code C = 6 N D}. */
    static final String COMPUTE_LABEL = "C = 6·N·D";

    /** Training compute {@code 6 N D} of a row that starts {@code {N, D, ...}}. */
    static double compute(double[] row) {
        return 6 * row[0] * row[1];
    }

    static boolean allFinite(double[] row) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
