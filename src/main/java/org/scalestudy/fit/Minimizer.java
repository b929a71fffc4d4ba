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
}
