package org.scalestudy.lang;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The one table of the functions a study's expressions may call (names, arity, implementation) and of its
 * named constants: data steps and fit clauses ({@code org.scalestudy.data.Evaluator}), constant folding
 * ({@code org.scalestudy.check.Constants}) and the formulas of custom laws ({@code org.scalestudy.law.formula.Term})
 * all use it. All take and return numbers, but {@link #PRESENT}.
 */
public final class Functions {
    private Functions() {
    }

    private static final Map<String, DoubleUnaryOperator> UNARY = new TreeMap<>(Map.of(
            "log", Math::log,
            "log10", Math::log10,
            "exp", Math::exp,
            "sqrt", Math::sqrt,
            "abs", Math::abs,
            "sin", Math::sin,
            "cos", Math::cos,
            "atan", Math::atan));

    private static final Map<String, DoubleBinaryOperator> BINARY = new TreeMap<>(Map.of(
            "min", Math::min,
            "max", Math::max));

    /**
     * {@code present(x)}: true where x has a value, false where it is missing (an empty cell or a
     * missing-value spelling, see {@code org.scalestudy.data.readers.MissingCells}; NaN from arithmetic);
     * the one function that returns a condition.
     */
    public static final String PRESENT = "present";

    private static final Map<String, Double> CONSTANTS = new TreeMap<>(Map.of("pi", Math.PI));

    /**
     * The value of a named constant ({@code pi}), or null when {@code name} is not one. A constant's
     * name means the constant wherever an expression may name a column; a column of that name cannot be
     * used in expressions (the checker says so and asks for a rename).
     */
    public static Double constant(String name) {
        return CONSTANTS.get(name);
    }

    /** The number of arguments the function takes, or -1 when there is no such function. */
    public static int arity(String name) {
        return UNARY.containsKey(name) || PRESENT.equals(name) ? 1 : BINARY.containsKey(name) ? 2 : -1;
    }

    /** Every function name, sorted, for "expected one of" messages. */
    public static java.util.List<String> names() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(UNARY.keySet());
        all.addAll(BINARY.keySet());
        all.add(PRESENT);
        return java.util.List.copyOf(all);
    }

    /** The function of one number called {@code name}, or null when there is none. */
    public static DoubleUnaryOperator unary(String name) {
        return UNARY.get(name);
    }

    /** The function of two numbers called {@code name}, or null when there is none. */
    public static DoubleBinaryOperator binary(String name) {
        return BINARY.get(name);
    }
}
