package org.scalestudy.law;

import org.scalestudy.fit.StrictLog1p;

/** The logistic function and its integral, evaluated without overflow. */
final class Logistic {
    private Logistic() {
    }

    /** {@code 1 / (1 + exp(-z))}. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * {@code log(1 + exp(z))}, whose derivative is {@link #sigmoid}; {@code log1p} by {@link StrictLog1p}, the same
     * bits as {@code Math.log1p} without its native call (the hot spot of a BNSL fit).
     */
    static double softplus(double z) {
        return z > 0 ? z + StrictLog1p.log1p(Math.exp(-z)) : StrictLog1p.log1p(Math.exp(z));
    }
}
