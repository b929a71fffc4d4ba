package org.scalestudy.law;

import java.util.List;
import org.scalestudy.fit.FastExp;
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
 * <p>Identical rows are evaluated once, weighted by how often they occur. Immutable and thread-safe;
 * an evaluation with other than two power terms allocates two small arrays.
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
    /** How many times each row occurs: identical rows (a bootstrap resample repeats about a third) count once, weighted. */
    private final double[] count;

    /**
     * @param dimension the number of variables
     * @param target    {@code t_i}, one per row
     */
    LogSumExpHuber(int dimension, double[] target, List<Term> terms, double delta) {
        this.dimension = dimension;
        this.delta = delta;
        // Collapse identical rows (same target, same features) into one with a count, in order of first
        // appearance: rows without repeats keep their order and count 1, so their sums are unchanged.
        java.util.Map<java.util.List<Long>, Integer> seen = new java.util.HashMap<>();
        int[] first = new int[target.length];
        double[] counts = new double[target.length];
        int distinct = 0;
        for (int i = 0; i < target.length; i++) {
            java.util.List<Long> key = new java.util.ArrayList<>(terms.size() + 1);
            key.add(Double.doubleToLongBits(target[i]));
            for (Term t : terms) {
                key.add(t.slope() < 0 ? 0L : Double.doubleToLongBits(t.feature()[i]));
            }
            Integer at = seen.putIfAbsent(key, distinct);
            if (at == null) {
                first[distinct] = i;
                counts[distinct++] = 1;
            } else {
                counts[at]++;
            }
        }
        this.count = java.util.Arrays.copyOf(counts, distinct);
        this.target = new double[distinct];
        Term[] kept = new Term[terms.size()];
        for (int j = 0; j < kept.length; j++) {
            Term t = terms.get(j);
            double[] feature = t.slope() < 0 ? null : new double[distinct];
            for (int d = 0; d < distinct; d++) {
                if (feature != null) {
                    feature[d] = t.feature()[first[d]];
                }
            }
            kept[j] = new Term(t.intercept(), t.slope(), feature);
        }
        for (int d = 0; d < distinct; d++) {
            this.target[d] = target[first[d]];
        }
        this.terms = kept;
    }

    /** What this objective minimises, for a method line, e.g. {@code Huber(0.001) summed on log L}. */
    static String objective(double delta, String target) {
        return "Huber(" + LawSupport.significant(delta, 3) + ") summed on " + target;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        if (terms.length == 2 && terms[0].slope() >= 0 && terms[1].slope() >= 0) {
            return twoPowers(theta, gradient);
        }
        return anyTerms(theta, gradient);
    }

    /**
     * The common case of two power terms (Eq. 4's {@code A/N^alpha + B/D^beta}) without arrays or
     * calls per run (and without {@code Math.log1p}, which HotSpot does not inline): {@code logsumexp(z1, z2) = max + log(1 + e)} with {@code e = exp(-|z1 - z2|)},
     * and softmax weights {@code 1/(1 + e)} for the larger term, {@code e/(1 + e)} for the other.
     * A bootstrap of Eq. 4 spends nearly all its time here. Same values as {@link #anyTerms} to rounding.
     */
    private double twoPowers(double[] theta, double[] gradient) {
        Term first = terms[0];
        Term second = terms[1];
        double a1 = theta[first.intercept()];
        double s1 = theta[first.slope()];
        double a2 = theta[second.intercept()];
        double s2 = theta[second.slope()];
        double[] u1 = first.feature();
        double[] u2 = second.feature();
        double f = 0;
        double gA1 = 0;
        double gS1 = 0;
        double gA2 = 0;
        double gS2 = 0;
        for (int i = 0; i < target.length; i++) {
            double z1 = a1 - s1 * u1[i];
            double z2 = a2 - s2 * u2[i];
            if (!(Double.isFinite(z1) && Double.isFinite(z2))) {
                return anyTerms(theta, gradient); // NaN or infinite: the general path's rules
            }
            double w1;
            double w2;
            double lse;
            if (z1 >= z2) {
                double e = FastExp.exp(z2 - z1);
                lse = z1 + Math.log(1 + e);
                w1 = 1 / (1 + e);
                w2 = e * w1;
            } else {
                double e = FastExp.exp(z1 - z2);
                lse = z2 + Math.log(1 + e);
                w2 = 1 / (1 + e);
                w1 = e * w2;
            }
            double r = target[i] - lse;
            f += count[i] * Huber.value(r, delta);
            double h = count[i] * Huber.derivative(r, delta);
            gA1 -= h * w1;
            gS1 += h * w1 * u1[i];
            gA2 -= h * w2;
            gS2 += h * w2 * u2[i];
        }
        java.util.Arrays.fill(gradient, 0);
        gradient[first.intercept()] += gA1;
        gradient[first.slope()] += gS1;
        gradient[second.intercept()] += gA2;
        gradient[second.slope()] += gS2;
        return f;
    }

    /** Any mix of power and constant terms. */
    double anyTerms(double[] theta, double[] gradient) {
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
            f += count[i] * Huber.value(r, delta);
            double h = count[i] * Huber.derivative(r, delta);
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
