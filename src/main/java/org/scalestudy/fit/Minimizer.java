package org.scalestudy.fit;

/** A local minimiser of an {@link Objective} within a box. Implementations are immutable and thread-safe. */
public interface Minimizer {
    /**
     * Minimises {@code f} from {@code start} (projected into {@code bounds} first). Never throws on
     * a non-finite objective: the result says what happened.
     */
    Minimum minimize(Objective f, double[] start, Bounds bounds);

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
