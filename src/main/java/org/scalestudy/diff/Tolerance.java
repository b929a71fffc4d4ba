package org.scalestudy.diff;

/**
 * When a number before and after count as the same: |after − before| ≤ max(absolute, relative · |before|), so
 * that the relative tolerance compares with the relative change the diff shows. Two undefined
 * values (JSON {@code null}, read as NaN) are the same; an undefined and a defined one differ.
 */
public record Tolerance(double relative, double absolute) {
    public Tolerance {
        if (!(relative >= 0) || !(absolute >= 0) || Double.isInfinite(relative) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerances must be finite numbers >= 0");
        }
    }

    /** Whether {@code a} (before) and {@code b} (after) count as the same. */
    public boolean same(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;   // |inf - x| <= tolerance * |inf| would hold for every x
        }
        return Math.abs(a - b) <= Math.max(absolute, relative * Math.abs(a));
    }
}
