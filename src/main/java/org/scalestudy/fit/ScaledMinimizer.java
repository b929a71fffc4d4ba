package org.scalestudy.fit;

/**
 * Runs a {@link Minimizer} on parameters scaled to the size of their start: it minimises
 * {@code g(z) = f(s z)} (componentwise) with {@code s_j = |start_j|}, or 1 for a start of 0, from
 * {@code z = 1} (and 0), inside the box divided by {@code s}, and maps the minimum back. A quasi-Newton
 * method's first steps, its initial curvature guess and its gradient tolerance then treat a parameter of
 * size 1e-4 and one of size 1e3 alike, instead of moving the small one by steps sized for the large
 * one (the stall of plain L-BFGS on laws such as {@code b1 (1 - exp(-b2 x))} with b1 ~ 1e2, b2 ~ 1e-4).
 *
 * <p>The reported gradient norm and tolerances are those of the scaled problem, so a convergence test
 * on them is a scaled first-order test: {@code |s_j df/dx_j|}, the change of {@code f} per relative
 * change of each parameter. Immutable and thread-safe.
 */
public record ScaledMinimizer(Minimizer<Objective> inner) implements Minimizer<Objective> {
    @Override
    public String name() {
        return inner.name() + " (scaled parameters)";
    }

    @Override
    public OptimizeResult minimize(Objective f, double[] start, Bounds bounds) {
        int n = f.dimension();
        Minimizer.checkDimensions(n, start, bounds);
        double[] s = new double[n];
        double[] z0 = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = start[j] == 0 || !Double.isFinite(start[j]) ? 1 : Math.abs(start[j]);
            z0[j] = start[j] / s[j];
            lo[j] = bounds.lower(j) / s[j];
            hi[j] = bounds.upper(j) / s[j];
        }
        Objective scaled = new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] z, double[] gradient) {
                double[] x = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = s[j] * z[j];
                }
                double value = f.valueAndGradient(x, gradient);
                for (int j = 0; j < n; j++) {
                    gradient[j] *= s[j];
                }
                return value;
            }
        };
        OptimizeResult m = inner.minimize(scaled, z0, Bounds.of(lo, hi));
        double[] z = m.x();
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            // on a bound, exactly on it (s z may round off the bound it was projected onto)
            x[j] = z[j] <= lo[j] ? bounds.lower(j) : z[j] >= hi[j] ? bounds.upper(j) : s[j] * z[j];
        }
        return OptimizeResult.local(name(), x, m.objective(), m.converged(),
                m.message() + " (parameters scaled by their starts)", m.iterations(), m.evaluations(), m.gradientNorm());
    }
}
