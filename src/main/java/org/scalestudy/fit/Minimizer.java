package org.scalestudy.fit;

/**
 * A local minimiser of objectives of type {@code F} within a box: {@link Lbfgsb} and {@link Newton} take any
 * {@link Objective}, {@link LevenbergMarquardt} only {@link Residuals}. Implementations are immutable and
 * thread-safe.
 *
 * @param <F> the objectives it minimises
 */
public interface Minimizer<F extends Objective> {
    /**
     * Minimises {@code f} from {@code start} (projected into {@code bounds} first). Never throws on
     * a non-finite objective: the result says what happened. Its method is {@link #name()}, its starts 1.
     */
    OptimizeResult minimize(F f, double[] start, Bounds bounds);

    /** A short name for reports, e.g. {@code L-BFGS-B}. */
    String name();

    /** Throws unless {@code start} and {@code bounds} both have the objective's {@code n} variables. */
    static void checkDimensions(int n, double[] start, Bounds bounds) {
        if (start.length != n || bounds.dimension() != n) {
            throw new IllegalArgumentException("objective has " + n + " variables, start " + start.length
                    + ", bounds " + bounds.dimension());
        }
    }
}
