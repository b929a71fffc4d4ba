package org.scalestudy.law;

/**
 * The normalized accuracy of Krajewski et al. (2025), {@code Q = (acc - r) / (1 - r)} for a
 * benchmark with random-guess accuracy {@code r}, and the row rule the accuracy laws share
 * ({@code direct_power}, {@code across_ratios}, {@code pass_at_k}, {@code ceiling}): a row is left
 * out of a fit when its accuracy is within {@code margin} (5% by default) of the baseline,
 * {@code acc < r (1 + margin)}, or when {@code Q} is not in (0, 1), so that {@code log(-log Q)} is
 * finite. The wording of the reasons matches {@link DirectPower}'s.
 */
final class NormalizedAccuracy {
    /** The shared INPUT {@code baseline} (default 0). */
    static final ArgSpec BASELINE = ArgSpec.input("baseline",
            "random-guess accuracy r of the benchmark, in [0, 1)", 0);
    /** The shared OPTION {@code margin} (default 0.05). */
    static final ArgSpec MARGIN = ArgSpec.option("margin",
            "rows with accuracy below baseline * (1 + margin) are left out of the fit", 0.05);

    private NormalizedAccuracy() {
    }

    /** The margin option, checked. */
    static double checkMargin(double margin) {
        if (!Double.isFinite(margin) || margin < 0) {
            throw new IllegalArgumentException("margin must be a finite number >= 0, got " + margin);
        }
        return margin;
    }

    /** Why an accuracy {@code acc} with baseline {@code r} cannot be fitted, or null. */
    static String unusable(double acc, double r, double margin) {
        if (!Double.isFinite(acc)) {
            return "accuracy is not a finite number";
        }
        if (!Double.isFinite(r)) {
            return "baseline is not a finite number";
        }
        if (r < 0 || r >= 1) {
            return "baseline outside [0, 1)";
        }
        if (acc >= 1) {
            return "accuracy >= 1 (Q >= 1)";
        }
        if (acc <= r) {
            return "accuracy at or below the baseline (Q <= 0)";
        }
        if (acc < r * (1 + margin)) {
            return "accuracy within " + LawSupport.significant(margin * 100, 3) + "% of the baseline";
        }
        if (!Double.isFinite(linearised(acc, r))) {
            return "log(-log Q) is not finite";
        }
        return null;
    }

    /** {@code log(-log Q)}, the space the accuracy laws are fitted in. */
    static double linearised(double acc, double r) {
        return Math.log(-Math.log((acc - r) / (1 - r)));
    }

    /** The accuracy whose {@code -log Q} is {@code negLogQ}: {@code r + (1 - r) exp(-negLogQ)}. */
    static double accuracy(double negLogQ, double r) {
        return r + (1 - r) * Math.exp(-negLogQ);
    }
}
