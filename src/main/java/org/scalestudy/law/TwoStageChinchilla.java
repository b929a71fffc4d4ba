package org.scalestudy.law;

import java.util.List;
import java.util.Map;
import org.scalestudy.fit.OptimizeResult;

/**
 * {@code two_stage_chinchilla}: the two-step route of Bhagia et al. (2024), "Establishing Task Scaling Laws via
 * Compute-Efficient Model Ladders". Stage 1 is a Chinchilla-form law of the task loss in parameters N and tokens
 * D, stage 2 the logistic link of {@code two_stage_logistic} from task loss to accuracy:
 * <pre>  L(N, D) = E + A / N^alpha + B / D^beta,  acc = a / (1 + exp(-k (L - l0))) + b</pre>
 * Stage 1 ({@link ChinchillaLoss}, the {@link LossModel} of this {@link TwoStageLaw}) is the {@code chinchilla} law
 * itself, by composition: the same search (Huber loss with threshold
 * {@code delta} on log L, from the 4,500-start grid; see {@link Chinchilla}) on the rows {@code (N, D, L)}.
 * Stage 2 is {@link TwoStageLogistic#fitLogistic}: Levenberg-Marquardt least squares of the observed accuracy on
 * the observed loss, from {@code (max acc, 1, median L, min acc)}, reported with {@code a >= 0}. A prediction
 * chains them, {@code acc(L-hat(N, D))}, so stage 1's error passes through the sigmoid.
 *
 * <p>Arguments: INPUT {@code N}, INPUT {@code D}, INPUT {@code loss} (stage 1's target, stage 2's input), INPUT
 * {@code y} (the accuracy), OPTION {@code delta} (stage 1's Huber threshold, default 1e-3). A row is unusable when
 * N, D or the loss is not positive and finite, or the accuracy is not finite. Parameters
 * {@code E, A, B, alpha, beta} (loss stage) then {@code a, k, l0, b} (accuracy stage); at least 9 rows, one per
 * parameter. The reported objective, iterations and starts are stage
 * 1's search; the message gives both stages'. The chart's axis is compute {@code C = 6 N D}, one curve per
 * tokens-per-parameter ratio as {@code chinchilla} draws them.
 */
public final class TwoStageChinchilla implements LawKind {
    public static final String NAME = "two_stage_chinchilla";
    private static final List<String> PARAMETERS = List.of("E", "A", "B", "alpha", "beta", "a", "k", "l0", "b");
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("N", "model parameters"),
            ArgSpec.input("D", "training tokens"),
            ArgSpec.input("loss", "the observed task loss L (stage 1's target, stage 2's input); must be positive"),
            ArgSpec.input("y", "the observed accuracy (stage 2's target)"),
            ArgSpec.option("delta", "threshold of stage 1's Huber loss on log L", 1e-3));
    private static final LawKind STAGE1 = new Chinchilla();
    private static final String METHOD = "chinchilla's search on (N, D, L), then Levenberg-Marquardt least squares "
            + "of acc on L";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Two-step route (Bhagia et al. 2024): L = E + A/N^alpha + B/D^beta as chinchilla fits it, then "
                + "acc = a / (1 + exp(-k (L - l0))) + b by nonlinear least squares, composed";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        double[] values = LawSupport.options(this, options);
        return new Bound(STAGE1.bind(Map.of("delta", values[0])));
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The law with stage 1 bound to its Huber threshold. Rows are {@code {N, D, L, acc}}. */
    private static final class Bound extends TwoStageLaw {
        Bound(Law chinchilla) {
            super(NAME, new ChinchillaLoss(chinchilla), "acc = a / (1 + exp(-k * (L - l0))) + b, a >= 0", PARAMETERS,
                    METHOD);
        }

        /** Stage 2 by {@link TwoStageLogistic#fitLogistic}; the reported search is stage 1's. */
        @Override
        OptimizeResult fitStage2(LossModel.Fit loss, double[] l, double[] acc) {
            String method = loss.search().method() + "; then Levenberg-Marquardt least squares of acc on L";
            OptimizeResult accuracy = TwoStageLogistic.fitLogistic(l, acc, method);
            double[] params = new double[9];
            double[] se = new double[9];
            System.arraycopy(loss.params(), 0, params, 0, 5);
            System.arraycopy(accuracy.x(), 0, params, 5, 4);
            System.arraycopy(loss.standardErrors(), 0, se, 0, 5);
            System.arraycopy(accuracy.standardErrors(), 0, se, 5, 4);
            OptimizeResult o = loss.search();
            OptimizeResult o2 = accuracy;
            String[] onBound = new String[9];
            java.util.Arrays.fill(onBound, "");
            return new OptimizeResult(method, params, o.objective(), o.converged() && o2.converged(),
                    loss.description() + "; stage 2 (from (a, k, l0, b) = (max acc, 1, median L, min acc)): residual "
                            + "sum of squares " + LawSupport.significant(o2.objective(), 4) + "; " + o2.message(),
                    o.iterations(), o.evaluations(), o.starts(), o.startsAtBest(), o.gradientNorm(), onBound, se);
        }

        @Override
        double accuracy(double[] params, double l) {
            return TwoStageLogistic.accuracy(params, 5, l);
        }
    }
}
