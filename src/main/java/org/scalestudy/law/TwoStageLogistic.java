package org.scalestudy.law;

import org.scalestudy.fit.OptimizeResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scalestudy.fit.Bounds;

/**
 * {@code two_stage_logistic}: the two-stage route of Krajewski et al. (2025) with a logistic link.
 * Stage 1 predicts the loss from compute, stage 2 the accuracy from the loss:
 * <pre>  log L = s log C + i,  acc = a / (1 + exp(-k (L - l0))) + b</pre>
 * Stage 1 by ordinary least squares on {@code (log C, log L)}; stage 2 by nonlinear least squares of
 * the observed accuracy on the observed loss: Levenberg-Marquardt (analytic Jacobian, no bounds) on
 * the residuals from the reference's start {@code a = max acc},
 * {@code b = min acc}, {@code k = 1}, {@code l0 = median L}.
 *
 * <p>Sign convention: the form is symmetric, {@code (a, k, l0, b)} and {@code (-a, -k, l0, a + b)}
 * give the same curve (as {@code 1 - sigmoid(z) = sigmoid(-z)}), and the reference's start with
 * {@code k = +1} often ends on the {@code a < 0} copy. The law reports the copy with {@code a >= 0}:
 * then {@code a} is the height of the S-curve, and accuracy falls as loss rises exactly when
 * {@code k < 0}, from {@code a + b} at low loss to {@code b} at high loss, through {@code a/2 + b} at
 * {@code L = l0}. A prediction chains the stages: {@code acc(exp(s log C + i))}.
 *
 * <p>Parameters {@code s, i} (loss stage), {@code a, k, l0, b} (accuracy stage). The reported
 * objective, iterations and starts are stage 2's; the message also gives stage 1's residuals.
 * Arguments and row rule as {@code two_stage_linear}; at least 6 rows (one per parameter).
 */
public final class TwoStageLogistic implements LawKind {
    public static final String NAME = "two_stage_logistic";
    static final String METHOD = "least squares on log L, then Levenberg-Marquardt least squares of acc on L";
    private static final List<String> PARAMETERS = List.of("s", "i", "a", "k", "l0", "b");
    private static final Bound BOUND = new Bound();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Two-stage route (Krajewski et al. 2025): log L = s log C + i by least squares, then "
                + "acc = a / (1 + exp(-k (L - l0))) + b by nonlinear least squares, composed";
    }

    @Override
    public List<ArgSpec> args() {
        return LossStage.ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        LawSupport.options(this, options);
        return BOUND;
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** {@code a / (1 + exp(-k (L - l0))) + b} for {@code params = (..., a, k, l0, b)} from {@code offset}. */
    static double accuracy(double[] p, int offset, double loss) {
        return p[offset] * Logistic.sigmoid(p[offset + 1] * (loss - p[offset + 2])) + p[offset + 3];
    }

    /** Stage 2's model over {@code theta = (a, k, l0, b)}. */
    static final SquaredError.Model LOGISTIC = new SquaredError.Model() {
        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public double value(double[] t, double loss, double[] gradient) {
            double d = loss - t[2];
            double sigma = Logistic.sigmoid(t[1] * d);
            if (gradient != null) {
                double slope = t[0] * sigma * (1 - sigma);
                gradient[0] = sigma;
                gradient[1] = slope * d;
                gradient[2] = -slope * t[1];
                gradient[3] = 1;
            }
            return t[0] * sigma + t[3];
        }
    };

    /** The law (it has no options). */
    private static final class Bound extends TwoStageLaw {
        Bound() {
            super(NAME, LossStage.POWER, "acc = a / (1 + exp(-k * (L - l0))) + b, a >= 0", PARAMETERS, METHOD);
        }

        @Override
        OptimizeResult fitStage2(LossModel.Fit loss, double[] l, double[] acc) {
            OptimizeResult o = fitLogistic(l, acc, METHOD);
            double[] t = o.x();
            double[] se = o.standardErrors();
            return new OptimizeResult(o.method(), new double[] {loss.params()[0], loss.params()[1], t[0], t[1], t[2],
                    t[3]}, o.objective(), o.converged(), loss.description()
                    + "; stage 2 (from (a, k, l0, b) = (max acc, 1, median L, min acc)): " + o.message(),
                    o.iterations(), o.evaluations(), o.starts(), o.startsAtBest(), o.gradientNorm(),
                    new String[] {"", "", "", "", "", ""},
                    new double[] {loss.standardErrors()[0], loss.standardErrors()[1], se[0], se[1], se[2], se[3]});
        }

        @Override
        double accuracy(double[] params, double l) {
            return TwoStageLogistic.accuracy(params, 2, l);
        }
    }

    /**
     * Stage 2 alone: {@code acc = a / (1 + exp(-k (L - l0))) + b} by Levenberg-Marquardt from
     * {@code (max acc, 1, median L, min acc)}, reported as the copy with {@code a >= 0}; shared by every
     * two-stage law with a logistic second stage ({@link TwoStageChinchilla} too).
     */
    static OptimizeResult fitLogistic(double[] l, double[] acc, String method) {
        double max = Arrays.stream(acc).max().orElseThrow();
        double min = Arrays.stream(acc).min().orElseThrow();
        List<double[]> starts = List.of(new double[] {max, 1, median(l), min});
        return Fitting.leastSquares(new SquaredError(LOGISTIC, l, acc), starts, Bounds.unbounded(4),
                method, t -> t[0] < 0 ? new double[] {-t[0], -t[1], t[2], t[0] + t[3]} : t);
    }

    /** numpy's median: the middle value, or the mean of the two middle values. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}
