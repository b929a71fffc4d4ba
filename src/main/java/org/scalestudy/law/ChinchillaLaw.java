package org.scalestudy.law;

import java.util.List;
import java.util.Map;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.CurvePoint;

/**
 * The {@link Chinchilla} law with its Huber threshold fixed: {@code L = E + A / N^alpha + B / D^beta} over rows
 * {@code {N, D, L}}, fitted by {@link ChinchillaSearch}, allocating compute by Hoffmann et al.'s closed form, drawn
 * by {@link ChinchillaCurve}. Immutable.
 */
final class ChinchillaLaw extends NamedLaw {
    static final List<String> PARAMETERS = List.of("E", "A", "B", "alpha", "beta");
    private static final int MINIMUM_ROWS = 5;

    private final double delta;

    ChinchillaLaw(double delta) {
        super(Chinchilla.NAME, "L = E + A / N^alpha + B / D^beta", PARAMETERS);
        this.delta = delta;
    }

    @Override
    public String unusable(double[] row) {
        if (row.length != 3) {
            return "expected 3 inputs (N, D, y), got " + row.length;
        }
        String[] names = {"N", "D", "loss"};
        for (int i = 0; i < 3; i++) {
            if (!Double.isFinite(row[i])) {
                return names[i] + " is not a finite number";
            }
            if (row[i] <= 0) {
                return names[i] + " is not positive";
            }
        }
        return null;
    }

    @Override
    public OptimizeResult fit(double[][] rows) {
        return fit(rows, ChinchillaSearch.SEARCH);
    }

    /**
     * A bootstrap resample (or a refit of the fit-window sweep) is searched as the fit is, from the same grid by
     * the same {@link ChinchillaSearch#SEARCH}, on the calling thread (the bootstrap runs resamples in parallel);
     * {@code fitted} is not used.
     */
    @Override
    public OptimizeResult refit(double[][] rows, double[] fitted) {
        return fit(rows, ChinchillaSearch.SEARCH.sequential());
    }

    private OptimizeResult fit(double[][] rows, MultiStart<Objective> search) {
        OptimizeResult failure = Fitting.precheck(this, rows, ChinchillaSearch.method(search, delta));
        return failure != null ? failure : ChinchillaSearch.fit(search, rows, delta);
    }

    @Override
    public int minimumRows() {
        return MINIMUM_ROWS;
    }

    /**
     * Hoffmann et al.'s closed form (their eq. 4): minimising {@code A/N^alpha + B/D^beta} with
     * {@code D = C/(6N)} gives {@code N* = G (C/6)^(beta/(alpha+beta))},
     * {@code D* = (C/6)^(alpha/(alpha+beta)) / G}, {@code G = (alpha A / (beta B))^(1/(alpha+beta))}.
     * Null when the exponents are not both positive (no interior optimum).
     */
    @Override
    public Allocation computeOptimal(double[] params, double compute) {
        return optimum(params, compute);
    }

    /** See {@link #computeOptimal}; {@code params} are {@code (E, A, B, alpha, beta)}. */
    static Allocation optimum(double[] params, double compute) {
        double a = params[1];
        double b = params[2];
        double alpha = params[3];
        double beta = params[4];
        if (!(alpha > 0 && beta > 0 && a > 0 && b > 0 && compute > 0)) {
            return null;
        }
        double sum = alpha + beta;
        double logG = (Math.log(alpha * a) - Math.log(beta * b)) / sum;
        double logBudget = Math.log(compute / 6);
        double n = Math.exp(logG + beta / sum * logBudget);
        double d = Math.exp(alpha / sum * logBudget - logG);
        return new Allocation(n, d, loss(params, n, d));
    }

    /** The predicted loss {@code E + A / N^alpha + B / D^beta}. */
    static double loss(double[] params, double n, double d) {
        return params[0] + params[1] / Math.pow(n, params[3]) + params[2] / Math.pow(d, params[4]);
    }

    @Override
    public double predict(double[] params, double[] row) {
        return loss(params, row[0], row[1]);
    }

    @Override
    public double observed(double[] row) {
        return row[2];
    }

    @Override
    public double axis(double[] row) {
        return LawSupport.compute(row);
    }

    @Override
    public String axisLabel(Map<String, String> inputTexts) {
        return LawSupport.COMPUTE_LABEL;
    }

    @Override
    public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
        return ChinchillaCurve.points(params, rows, xMin, xMax);
    }

    @Override
    public String toString() {
        return Chinchilla.NAME + "(delta: " + delta + ")";
    }
}
