package org.scalestudy.law;

import org.scalestudy.fit.OptimizeResult;
import java.util.List;
import java.util.Map;

/**
 * {@code two_stage_linear}: the two-stage route Krajewski et al. (2025) compare the direct law
 * against. Stage 1 predicts the loss from compute, stage 2 the accuracy from the loss:
 * <pre>  log L = s log C + i,  acc = a + b L,  so  acc(C) = a + b exp(s log C + i)</pre>
 * each stage by ordinary least squares (closed form): stage 1 on {@code (log C, log L)}, stage 2 of
 * the observed accuracy on the observed loss. Parameters {@code s, i} (loss stage) and {@code a, b}
 * (accuracy stage). The reported objective is stage 2's residual sum of squares; the message gives
 * both stages'.
 *
 * <p>Arguments: INPUT {@code x} (compute C), INPUT {@code loss} (L), INPUT {@code y} (accuracy). A
 * row is unusable when C or L is not positive and finite, or the accuracy is not finite. At least 4
 * rows (one per parameter), with two distinct C and two distinct L.
 */
public final class TwoStageLinear implements LawKind {
    public static final String NAME = "two_stage_linear";
    static final String METHOD = "least squares on log L, then least squares of acc on L";
    private static final List<String> PARAMETERS = List.of("s", "i", "a", "b");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Two-stage route (Krajewski et al. 2025): log L = s log C + i, then acc = a + b L, "
                + "both by least squares, composed";
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

    private static final Bound BOUND = new Bound();

    /** The law (it has no options). */
    private static final class Bound extends TwoStageLaw {
        Bound() {
            super(NAME, LossStage.POWER, "acc = a + b * L", PARAMETERS, METHOD);
        }

        @Override
        OptimizeResult fitStage2(LossModel.Fit loss, double[] l, double[] acc) {
            Fitting.Line accuracy;
            try {
                accuracy = Fitting.line(l, acc, "loss");
            } catch (IllegalArgumentException e) {
                return LawSupport.failure(4, METHOD, "not fitted: stage 2: " + e.getMessage());
            }
            double[] params = {loss.params()[0], loss.params()[1], accuracy.intercept(), accuracy.slope()};
            return OptimizeResult.closedForm(METHOD, params, accuracy.rss(), "closed form: " + loss.description()
                    + "; stage 2 (least squares of acc on L): residual sum of squares "
                    + LawSupport.significant(accuracy.rss(), 3)).withX(params, new String[] {"", "", "", ""},
                    new double[] {loss.standardErrors()[0], loss.standardErrors()[1], accuracy.interceptSe(),
                        accuracy.slopeSe()});
        }

        @Override
        double accuracy(double[] params, double l) {
            return params[2] + params[3] * l;
        }
    }
}
