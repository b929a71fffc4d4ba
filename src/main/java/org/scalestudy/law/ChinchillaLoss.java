package org.scalestudy.law;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.fit.OptimizeResult;

/**
 * Stage 1 in N and D: {@code L = E + A / N^alpha + B / D^beta}, the {@code chinchilla} law itself, by composition
 * (its search, its refit, its curves). Rows {@code {N, D, L, acc}}; parameters {@code (E, A, B, alpha, beta)}.
 */
final class ChinchillaLoss implements LossModel {
    private final Law chinchilla;

    /** @param chinchilla the {@code chinchilla} law bound to its Huber threshold */
    ChinchillaLoss(Law chinchilla) {
        this.chinchilla = chinchilla;
    }

    @Override
    public String formula() {
        return "stage 1: " + chinchilla.formula();
    }

    @Override
    public int inputs() {
        return 2;
    }

    @Override
    public int parameters() {
        return 5;
    }

    @Override
    public String unusable(double[] row) {
        String why = LawInputs.arity(row, "N", "D", "loss", "y");
        if (why == null) {
            why = chinchilla.unusable(new double[] {row[0], row[1], row[2]});
        }
        return why != null ? why : LawInputs.finite("accuracy", row[3]);
    }

    /** The chinchilla fit on {@code (N, D, L)}; a failed search is an IllegalArgumentException with its message. */
    @Override
    public Fit fit(double[][] rows, double[] fitted) {
        double[][] losses = lossRows(rows);
        OptimizeResult fit = fitted == null ? chinchilla.fit(losses) : chinchilla.refit(losses, Arrays.copyOf(fitted, 5));
        OptimizeResult o = fit;
        if (!Double.isFinite(o.objective())) {
            throw new IllegalArgumentException(o.message());
        }
        return new Fit(fit.x(), fit.standardErrors(), "stage 1 (chinchilla on (N, D, L), " + rows.length
                + " rows): objective " + LawSupport.significant(o.objective(), 4), o);
    }

    @Override
    public double loss(double[] params, double[] row) {
        return Chinchilla.loss(params, row[0], row[1]);
    }

    @Override
    public double axis(double[] row) {
        return LawSupport.compute(row);
    }

    @Override
    public String axisLabel(Map<String, String> inputTexts) {
        return LawSupport.COMPUTE_LABEL;
    }

    /** Chinchilla's curves (one per D/N ratio of the rows), each loss mapped through {@code accuracy}. */
    @Override
    public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax,
                                  DoubleUnaryOperator accuracy) {
        List<CurvePoint> losses = chinchilla.curve(Arrays.copyOf(params, 5), lossRows(rows), xMin, xMax);
        List<CurvePoint> out = new ArrayList<>(losses.size());
        for (CurvePoint p : losses) {
            out.add(new CurvePoint(p.series(), p.x(), accuracy.applyAsDouble(p.y())));
        }
        return List.copyOf(out);
    }

    private static double[][] lossRows(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[] {rows[i][0], rows[i][1], rows[i][2]};
        }
        return out;
    }
}
