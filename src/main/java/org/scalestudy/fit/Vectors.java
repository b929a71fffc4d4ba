package org.scalestudy.fit;

/** The small vector helpers the minimisers share. */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code y += a x}. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** The Euclidean norm, scaled by the largest component first so that no square overflows or underflows. */
    static double norm(double[] v) {
        double scale = 0;
        for (double e : v) {
            scale = Math.max(scale, Math.abs(e));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (double e : v) {
            double s = e / scale;
            sum += s * s;
        }
        return scale * Math.sqrt(sum);
    }

    static double sumOfSquares(double[] r) {
        double sum = 0;
        for (double v : r) {
            sum += v * v;
        }
        return sum;
    }

    static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(double[][] a) {
        for (double[] row : a) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }
}
