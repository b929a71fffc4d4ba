package org.scalestudy.law;

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

    /** {@code log(1 + exp(z))}, whose derivative is {@link #sigmoid}. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
