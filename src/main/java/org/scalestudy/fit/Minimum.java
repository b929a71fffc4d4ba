package org.scalestudy.fit;

/**
 * What one local minimisation reached.
 *
 * @param x            the best point found (a copy)
 * @param value        the objective there
 * @param converged    whether a convergence test was met (as opposed to running out of iterations,
 *                     a failed line search or a non-finite objective)
 * @param message      why it stopped, for people, e.g. {@code converged: relative reduction 3e-16 <= 1e-15}
 * @param iterations   iterations taken
 * @param evaluations  objective (value and gradient) evaluations
 * @param gradientNorm the infinity norm of the projected gradient at {@code x}
 */
public record Minimum(double[] x, double value, boolean converged, String message, int iterations,
        long evaluations, double gradientNorm) {
    public Minimum {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }
}
