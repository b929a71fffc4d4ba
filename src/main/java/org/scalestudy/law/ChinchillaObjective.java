package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import org.scalestudy.fit.FastExp;
import org.scalestudy.fit.Huber;
import org.scalestudy.fit.Objective;

/**
 * The objective of {@link Chinchilla}'s fit over {@code (a, b, e, alpha, beta)} for rows {@code {N, D, L}} (all
 * usable): {@code sum_i Huber_delta(log L_i - logsumexp(a - alpha log N_i, b - beta log D_i, e))}, summed, not
 * averaged. Immutable; allocates two small arrays per evaluation and nothing per run.
 * Identical runs (a bootstrap resample repeats about a third of them) are evaluated once, weighted by
 * how often they occur; runs keep their order of first appearance, so on rows without repeats every
 * sum is the same to the last bit as without the weights.
 *
 * <p>Fast path (parameters and data in a moderate range, as on every start of the grid): the
 * prediction {@code P = E + A N^-alpha + B D^-beta} takes two exponentials ({@link FastExp}),
 * computed once per distinct N and per distinct D;
 * the Huber regime of {@code r = log L - log P} is decided by comparing {@code P} with
 * {@code L e^(+-delta)}, so a logarithm is needed only for runs inside the quadratic zone. The
 * linear-zone terms {@code delta |r|} are summed as {@code delta log(prod L/P or P/L)}, the
 * product kept in range by exact power-of-two rescaling: one logarithm per evaluation.
 * Otherwise a general path evaluates {@code logsumexp} with the largest term factored out.
 */
final class ChinchillaObjective implements Objective {
    /** The fast path needs every exponent argument and log L within this bound. */
    private static final double FAST_RANGE = 200;
    private static final double LN2 = 0.6931471805599453;

    private final double[] logN;
    private final double[] logD;
    private final double[] logL;
    private final double[] loss;
    private final double[] inverseLoss;
    private final double[] lossLow;
    private final double[] lossHigh;
    /** How many times each distinct run occurs. */
    private final int[] count;
    /** Distinct values of log N and log D, and each run's index into them. */
    private final double[] distinctLogN;
    private final double[] distinctLogD;
    private final int[] whichN;
    private final int[] whichD;
    private final double minLogN;
    private final double maxLogN;
    private final double minLogD;
    private final double maxLogD;
    private final boolean fastData;
    private final double delta;

    ChinchillaObjective(double[][] allRows, double delta, boolean merge) {
        java.util.Map<java.util.List<Long>, Integer> seen = new java.util.HashMap<>();
        List<double[]> distinctRows = new ArrayList<>();
        int[] counts = new int[allRows.length];
        for (double[] row : allRows) {
            List<Long> key = List.of(Double.doubleToLongBits(row[0]), Double.doubleToLongBits(row[1]),
                    Double.doubleToLongBits(row[2]));
            Integer at = merge ? seen.putIfAbsent(key, distinctRows.size()) : null;
            if (at == null) {
                counts[distinctRows.size()] = 1;
                distinctRows.add(row);
            } else {
                counts[at]++;
            }
        }
        double[][] rows = distinctRows.toArray(new double[0][]);
        int n = rows.length;
        count = java.util.Arrays.copyOf(counts, n);
        logN = new double[n];
        logD = new double[n];
        logL = new double[n];
        loss = new double[n];
        inverseLoss = new double[n];
        lossLow = new double[n];
        lossHigh = new double[n];
        double down = StrictMath.exp(-delta);
        double up = StrictMath.exp(delta);
        double nLo = Double.POSITIVE_INFINITY;
        double nHi = Double.NEGATIVE_INFINITY;
        double dLo = Double.POSITIVE_INFINITY;
        double dHi = Double.NEGATIVE_INFINITY;
        boolean fast = true;
        for (int i = 0; i < n; i++) {
            logN[i] = StrictMath.log(rows[i][0]);
            logD[i] = StrictMath.log(rows[i][1]);
            logL[i] = StrictMath.log(rows[i][2]);
            loss[i] = rows[i][2];
            inverseLoss[i] = 1 / rows[i][2];
            lossLow[i] = rows[i][2] * down;
            lossHigh[i] = rows[i][2] * up;
            nLo = Math.min(nLo, logN[i]);
            nHi = Math.max(nHi, logN[i]);
            dLo = Math.min(dLo, logD[i]);
            dHi = Math.max(dHi, logD[i]);
            fast &= Math.abs(logL[i]) <= FAST_RANGE && Double.isFinite(inverseLoss[i]);
        }
        whichN = new int[n];
        whichD = new int[n];
        distinctLogN = distinct(logN, whichN);
        distinctLogD = distinct(logD, whichD);
        minLogN = nLo;
        maxLogN = nHi;
        minLogD = dLo;
        maxLogD = dHi;
        fastData = fast;
        this.delta = delta;
    }

    /** The distinct values of {@code values}, sorted; {@code which[i]} is the position of values[i]. */
    private static double[] distinct(double[] values, int[] which) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[count - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        double[] unique = java.util.Arrays.copyOf(sorted, count);
        for (int i = 0; i < values.length; i++) {
            which[i] = java.util.Arrays.binarySearch(unique, values[i]);
        }
        return unique;
    }

    @Override
    public int dimension() {
        return 5;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double a = theta[0];
        double b = theta[1];
        double e = theta[2];
        double alpha = theta[3];
        double beta = theta[4];
        if (fastAt(a, b, e, alpha, beta)) {
            return fast(a, b, e, alpha, beta, gradient);
        }
        return general(a, b, e, alpha, beta, gradient);
    }

    private static boolean inRange(double exponent) {
        return Math.abs(exponent) <= FAST_RANGE;
    }

    private boolean fastAt(double a, double b, double e, double alpha, double beta) {
        return fastData && Math.abs(e) <= FAST_RANGE
                && inRange(a - alpha * minLogN) && inRange(a - alpha * maxLogN)
                && inRange(b - beta * minLogD) && inRange(b - beta * maxLogD);
    }

    /**
     * The values at many points. Grid points repeat their {@code (a, alpha)} and {@code (b, beta)} pairs (Besiroglu et
     * al.'s 4,500 starts have 30 of each), so the fast path's {@code A N^-alpha} and {@code B D^-beta} are computed
     * once per pair and distinct N or D in the call, not once per point, and no gradient is summed: the value's own
     * operations on the same numbers, so the same bits as {@link #value} at each point.
     */
    @Override
    public double[] values(List<double[]> points) {
        double[] out = new double[points.size()];
        java.util.Map<java.util.List<Long>, double[]> termsN = new java.util.HashMap<>();
        java.util.Map<java.util.List<Long>, double[]> termsD = new java.util.HashMap<>();
        double[] gradient = new double[5];
        for (int i = 0; i < out.length; i++) {
            double[] theta = points.get(i); // (a, b, e, alpha, beta)
            if (fastAt(theta[0], theta[1], theta[2], theta[3], theta[4])) {
                double[] termN = termsN.computeIfAbsent(pair(theta[0], theta[3]),
                        k -> terms(theta[0], theta[3], distinctLogN));
                double[] termD = termsD.computeIfAbsent(pair(theta[1], theta[4]),
                        k -> terms(theta[1], theta[4], distinctLogD));
                out[i] = fast(StrictMath.exp(theta[2]), termN, termD, null);
            } else {
                out[i] = valueAndGradient(theta, gradient); // the general path, as value takes it
            }
        }
        return out;
    }

    private static java.util.List<Long> pair(double scale, double exponent) {
        return java.util.List.of(Double.doubleToLongBits(scale), Double.doubleToLongBits(exponent));
    }

    /** {@code exp(scale - exponent * log x)} for each distinct log x: A N^-alpha or B D^-beta. */
    private static double[] terms(double scale, double exponent, double[] distinctLogs) {
        double[] terms = new double[distinctLogs.length];
        for (int j = 0; j < terms.length; j++) {
            terms[j] = FastExp.exp(scale - exponent * distinctLogs[j]);
        }
        return terms;
    }

    private double fast(double a, double b, double e, double alpha, double beta, double[] gradient) {
        // A N^-alpha and B D^-beta once per distinct N and D: ladders repeat sizes and token counts
        return fast(StrictMath.exp(e), terms(a, alpha, distinctLogN), terms(b, beta, distinctLogD), gradient);
    }

    /** The fast path's value, and its gradient into {@code gradient} unless that is null (the screen needs none). */
    private double fast(double bigE, double[] termN, double[] termD, double[] gradient) {
        final boolean withGradient = gradient != null;
        final double d = delta;
        final double[] ln = logN;
        final double[] ld = logD;
        final double[] l = loss;
        final double[] il = inverseLoss;
        final double[] low = lossLow;
        final double[] high = lossHigh;
        final int[] wn = whichN;
        final int[] wd = whichD;
        final int[] times = count;
        double quadratic = 0;
        double product = 1; // prod over linear-zone runs of exp(|r|) ...
        int binaryExponent = 0; // ... times 2^binaryExponent
        int linear = 0;
        double ga = 0;
        double gb = 0;
        double ge = 0;
        double galpha = 0;
        double gbeta = 0;
        for (int i = 0; i < ln.length; i++) {
            double lni = ln[i];
            double ldi = ld[i];
            double t1 = termN[wn[i]];
            double t2 = termD[wd[i]];
            double predicted = bigE + t1 + t2;
            double inverse = 1 / predicted;
            double h; // dHuber/dr at r = log L - log predicted
            int k = times[i];
            if (predicted < low[i]) { // r > delta
                h = d;
                double ratio = l[i] * inverse;
                for (int j = 0; j < k; j++) {
                    product *= ratio;
                }
                linear += k;
            } else if (predicted > high[i]) { // r < -delta
                h = -d;
                double ratio = predicted * il[i];
                for (int j = 0; j < k; j++) {
                    product *= ratio;
                }
                linear += k;
            } else {
                double r = StrictMath.log(l[i] * inverse);
                h = r;
                quadratic += 0.5 * r * r * k;
            }
            if (product > 0x1p100) {
                int e2 = Math.getExponent(product);
                product = Math.scalb(product, -e2);
                binaryExponent += e2;
            }
            if (!withGradient) {
                continue;
            }
            // d f / d log(predicted) = -h; d log(predicted) / d(a, b, e) = (t1, t2, E) / predicted
            double c = -h * inverse * k;
            double c1 = c * t1;
            double c2 = c * t2;
            ga += c1;
            gb += c2;
            ge += c;
            galpha -= c1 * lni;
            gbeta -= c2 * ldi;
        }
        if (withGradient) {
            gradient[0] = ga;
            gradient[1] = gb;
            gradient[2] = ge * bigE;
            gradient[3] = galpha;
            gradient[4] = gbeta;
        }
        double sumAbs = StrictMath.log(product) + binaryExponent * LN2;
        return quadratic + d * sumAbs - 0.5 * d * d * linear;
    }

    private double general(double a, double b, double e, double alpha, double beta, double[] gradient) {
        final double d = delta;
        double f = 0;
        double ga = 0;
        double gb = 0;
        double ge = 0;
        double galpha = 0;
        double gbeta = 0;
        for (int i = 0; i < logN.length; i++) {
            double t1 = a - alpha * logN[i];
            double t2 = b - beta * logD[i];
            // softmax numerators relative to the largest term, which contributes exactly 1
            double m;
            double w1;
            double w2;
            double w3;
            if (t1 >= t2 && t1 >= e) {
                m = t1;
                w1 = 1;
                w2 = StrictMath.exp(t2 - m);
                w3 = StrictMath.exp(e - m);
            } else if (t2 >= e) {
                m = t2;
                w1 = StrictMath.exp(t1 - m);
                w2 = 1;
                w3 = StrictMath.exp(e - m);
            } else {
                m = e;
                w1 = StrictMath.exp(t1 - m);
                w2 = StrictMath.exp(t2 - m);
                w3 = 1;
            }
            double s = w1 + w2 + w3;
            double r = logL[i] - (m + StrictMath.log(s));
            double h = Huber.derivative(r, d);
            f += Huber.value(r, d) * count[i];
            double c = -h / s * count[i];
            double c1 = c * w1;
            double c2 = c * w2;
            ga += c1;
            gb += c2;
            ge += c * w3;
            galpha -= c1 * logN[i];
            gbeta -= c2 * logD[i];
        }
        gradient[0] = ga;
        gradient[1] = gb;
        gradient[2] = ge;
        gradient[3] = galpha;
        gradient[4] = gbeta;
        return f;
    }
}
