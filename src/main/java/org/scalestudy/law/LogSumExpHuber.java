package org.scalestudy.law;

import java.util.List;
import org.scalestudy.fit.Huber;
import org.scalestudy.fit.LogSumExp;
import org.scalestudy.fit.Objective;

/**
 * The objective of the laws fitted "Huber on a log target vs a logsumexp of power-law terms", as
 * Besiroglu et al. fit Chinchilla and Krajewski et al. fit Eq. 4 and Eq. 6:
 * <pre>  f(theta) = sum_i Huber_delta(t_i - logsumexp_k(theta[intercept_k] - theta[slope_k] * u_k,i))</pre>
 * where a term without a slope is the constant {@code theta[intercept_k]} (e.g. {@code e = log E}).
 * Summed, not averaged (see {@link Objective}). Analytic gradient: the softmax weights {@code w_k}
 * of the terms give {@code d/d intercept_k = -sum h_i w_k} and {@code d/d slope_k = sum h_i w_k u_k,i},
 * {@code h_i} the Huber derivative at the residual.
 *
 * <p>Immutable and thread-safe; each evaluation allocates two small arrays.
 */
final class LogSumExpHuber implements Objective {
    /**
     * One term {@code theta[intercept] - theta[slope] * feature[i]}.
     *
     * @param slope   the slope's variable, or -1 for a constant term
     * @param feature one value per row (ignored, may be null, for a constant term)
     */
    record Term(int intercept, int slope, double[] feature) {
        static Term power(int intercept, int slope, double[] feature) {
            return new Term(intercept, slope, feature.clone());
        }

        static Term constant(int variable) {
            return new Term(variable, -1, null);
        }
    }

    private final int dimension;
    private final double[] target;
    private final Term[] terms;
    private final double delta;

    /**
     * @param dimension the number of variables
     * @param target    {@code t_i}, one per row
     */
    LogSumExpHuber(int dimension, double[] target, List<Term> terms, double delta) {
        this.dimension = dimension;
        this.target = target.clone();
        this.terms = terms.toArray(Term[]::new);
        this.delta = delta;
    }

    /** The method line of a fit with this objective, e.g. {@code L-BFGS-B, Huber(0.001) summed on log L, 81 starts}. */
    static String method(double delta, String target, int starts) {
        return "L-BFGS-B, Huber(" + LawSupport.significant(delta, 3) + ") summed on " + target + ", " + starts + " starts";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        int k = terms.length;
        double[] z = new double[k];
        double[] w = new double[k];
        double f = 0;
        for (int i = 0; i < target.length; i++) {
            for (int j = 0; j < k; j++) {
                Term t = terms[j];
                z[j] = t.slope() < 0 ? theta[t.intercept()] : theta[t.intercept()] - theta[t.slope()] * t.feature()[i];
            }
            double r = target[i] - LogSumExp.withWeights(z, w);
            f += Huber.value(r, delta);
            double h = Huber.derivative(r, delta);
            for (int j = 0; j < k; j++) {
                Term t = terms[j];
                double hw = h * w[j];
                gradient[t.intercept()] -= hw;
                if (t.slope() >= 0) {
                    gradient[t.slope()] += hw * t.feature()[i];
                }
            }
        }
        return f;
    }
}
