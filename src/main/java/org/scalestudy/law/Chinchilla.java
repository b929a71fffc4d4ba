package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.FastExp;
import org.scalestudy.fit.Grid;
import org.scalestudy.fit.Huber;
import org.scalestudy.fit.Lbfgsb;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Newton;
import org.scalestudy.fit.Objective;
import org.scalestudy.results.CurvePoint;

/**
 * {@code chinchilla}: the loss law of Hoffmann et al. (2022), Approach 3,
 * <pre>  L(N, D) = E + A / N^alpha + B / D^beta</pre>
 * fitted as Besiroglu et al. (2024) replicate it: with {@code A = e^a, B = e^b, E = e^e}, minimise
 * the Huber loss (threshold {@code delta}, default 1e-3) <em>summed</em> over runs of
 * {@code log L - logsumexp(a - alpha log N, b - beta log D, e)} with L-BFGS (analytic gradient, no
 * bounds) from every point of the grid alpha, beta in {0, 0.5, ..., 2}, e in {-1, -0.5, ..., 1},
 * a, b in {0, 5, ..., 25} (4,500 starts), keeping the best.
 *
 * <p>The search ({@link #SEARCH}), the same for the fit, every bootstrap resample and every refit of the
 * fit-window sweep: the objective is evaluated at all 4,500 starts, and L-BFGS with scipy's default
 * tolerances (what Besiroglu et al.'s notebook ran) is started from the {@link #BATCH} with the lowest
 * objective, then from the next {@link #BATCH}, until at least {@link #AGREEING} of the searched starts
 * agree on the best objective (within a relative 1e-6), so a landscape where few starts find the
 * optimum is searched further, up to the whole grid. The {@link #POLISHED} best are then restarted with
 * tight tolerances ({@link Lbfgsb#defaults()}) and the best of those is finished by {@link Newton}: the
 * summed Huber objective is about 1e-3, scipy's tolerances leave the best start short of the optimum, and
 * L-BFGS with tight ones still stops up to about 1e-9 relative above it. Screening by the starting
 * objective is what makes a bootstrap of 1,000 full searches affordable: most grid starts drift into
 * the sub-model where one power term has vanished (objective about 10 to 20 times the optimum's) and
 * cost most of the exhaustive search's evaluations, while the lowest 200 hold ten or more starts that
 * reach the optimum. {@code ChinchillaBootstrapBench} measures, on 200 or more resamples of Epoch's
 * data, that this search reaches the exhaustive grid's optimum ({@link #EXHAUSTIVE}). "Starts at
 * best" counts the searched starts whose final objective is within a relative 1e-6 of the best.
 *
 * <p>Arguments: INPUT {@code N} (parameters), INPUT {@code D} (training tokens), INPUT {@code y}
 * (loss), OPTION {@code delta}. Rows with a non-positive or non-finite N, D or L are unusable.
 * The chart's axis is compute {@code C = 6 N D}; the fitted curve has one series per distinct
 * tokens-per-parameter ratio D/N of the rows (to 3 significant digits), or, above
 * {@link #MAX_RATIO_SERIES} ratios, the one compute-optimal frontier.
 */
public final class Chinchilla implements LawKind {
    public static final String NAME = "chinchilla";
    private static final List<ArgSpec> ARGS = List.of(
            ArgSpec.input("N", "model parameters"),
            ArgSpec.input("D", "training tokens"),
            ArgSpec.input("y", "the observed loss L"),
            ArgSpec.option("delta", "threshold of the Huber loss on log L", 1e-3));
    private static final List<String> PARAMETERS = List.of("E", "A", "B", "alpha", "beta");

    /**
     * Above this many distinct tokens-per-parameter ratios among the rows, the chart's curve is the
     * compute-optimal frontier L(N*(C), D*(C)), series {@link #FRONTIER}, instead of one line per ratio.
     */
    static final int MAX_RATIO_SERIES = 8;
    static final String FRONTIER = "compute-optimal";

    /** The best results of the screen that are polished. */
    public static final int POLISHED = 10;
    /** Starts searched at a time, lowest objective first. */
    public static final int BATCH = 200;
    /** Searched starts that must agree on the best before the search stops. */
    public static final int AGREEING = 3;

    /**
     * The grid searched exhaustively: every start with scipy's L-BFGS-B tolerances, as Besiroglu et al.
     * ran it, then the {@link #POLISHED} best restarted with tight tolerances (ftol 1e-15,
     * pgtol 1e-10) and the best finished by Newton's method, so that the reported optimum is really
     * reached. The reference that {@link #SEARCH} is measured against.
     */
    public static final MultiStart EXHAUSTIVE = new MultiStart(Lbfgsb.scipyDefaults())
            .polishing(Lbfgsb.defaults(), POLISHED).finishing(Newton.defaults());

    /** How the grid is searched: {@link #EXHAUSTIVE}, screened (see the class comment). */
    public static final MultiStart SEARCH = EXHAUSTIVE.screening(BATCH, AGREEING);

    /**
     * Besiroglu et al.'s starting grid in the objective's variables {@code (a, b, e, alpha, beta)},
     * ordered as {@code itertools.product(alpha, beta, e, a, b)}.
     */
    private static final List<double[]> START_GRID = buildGrid();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Chinchilla loss law L = E + A/N^alpha + B/D^beta (Hoffmann et al. 2022), fitted as "
                + "Besiroglu et al. (2024): Huber on log L, L-BFGS from 4,500 starts";
    }

    @Override
    public List<ArgSpec> args() {
        return ARGS;
    }

    @Override
    public Law bind(Map<String, Double> options) {
        double delta = LawSupport.options(this, options)[0];
        if (!Double.isFinite(delta) || delta <= 0) {
            throw new IllegalArgumentException("delta must be a finite number > 0, got " + delta);
        }
        return new Bound(delta);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The 4,500 starting points, each {@code (a, b, e, alpha, beta)} (copies). */
    public static List<double[]> startGrid() {
        List<double[]> copy = new ArrayList<>(START_GRID.size());
        for (double[] start : START_GRID) {
            copy.add(start.clone());
        }
        return copy;
    }

    private static List<double[]> buildGrid() {
        List<double[]> product = Grid.cartesian(Grid.steps(0, 2, 0.5), Grid.steps(0, 2, 0.5),
                Grid.steps(-1, 1, 0.5), Grid.steps(0, 25, 5), Grid.steps(0, 25, 5));
        List<double[]> starts = new ArrayList<>(product.size());
        for (double[] p : product) {
            starts.add(new double[] {p[3], p[4], p[2], p[0], p[1]});
        }
        return List.copyOf(starts);
    }

    /**
     * The fit's objective over {@code (a, b, e, alpha, beta)} for these rows ({@code {N, D, L}}, all
     * usable): {@code sum_i Huber_delta(log L_i - logsumexp(a - alpha log N_i, b - beta log D_i, e))}.
     */
    public static Objective objective(double[][] rows, double delta) {
        return new HuberObjective(rows, delta, true);
    }

    /**
     * The same objective with every row evaluated on its own, even when rows repeat, as before repeats
     * were merged: the benchmarks' baseline for "today's" speed. Same values to rounding.
     */
    public static Objective objectiveEveryRow(double[][] rows, double delta) {
        return new HuberObjective(rows, delta, false);
    }

    /** The law's parameters {@code (E, A, B, alpha, beta)} from the objective's variables. */
    public static double[] parameters(double[] theta) {
        return new double[] {Math.exp(theta[2]), Math.exp(theta[0]), Math.exp(theta[1]), theta[3], theta[4]};
    }

    /** See {@link Law#computeOptimal}; null when alpha or beta is not positive. */
    public static Allocation optimum(double[] params, double compute) {
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

    static String method(double delta) {
        return "L-BFGS-B, Huber(" + LawSupport.significant(delta, 3) + ") summed on log L, from the lowest "
                + BATCH + " of the 4,500-start grid at a time until " + AGREEING + " agree, best " + POLISHED
                + " polished, the best finished by Newton";
    }

    /** The law with its Huber threshold fixed. Rows are {@code {N, D, L}}. */
    private static final class Bound extends NamedLaw {
        private final double delta;

        Bound(double delta) {
            super(NAME, "L = E + A / N^alpha + B / D^beta", PARAMETERS);
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
        public FitReport fit(double[][] rows) {
            return fit(rows, SEARCH);
        }

        private FitReport fit(double[][] rows, MultiStart search) {
            String method = method(delta);
            if (rows.length < minimumRows()) {
                return LawSupport.failure(5, method, "not fitted: needs at least " + minimumRows() + " rows, got "
                        + rows.length);
            }
            for (int i = 0; i < rows.length; i++) {
                String why = unusable(rows[i]);
                if (why != null) {
                    return LawSupport.failure(5, method, "not fitted: row " + (i + 1) + " is unusable: " + why);
                }
            }
            MultiStart.Result result = search.run(objective(rows, delta), START_GRID, Bounds.unbounded(5));
            return new FitReport(parameters(result.best().x()), result.toOptimization(method));
        }

        /**
         * A bootstrap resample (or a refit of the fit-window sweep) is searched as the fit is, from the
         * same grid by the same {@link #SEARCH}, on the calling thread (the bootstrap runs resamples in
         * parallel); {@code fitted} is not used.
         */
        @Override
        public FitReport refit(double[][] rows, double[] fitted) {
            return fit(rows, SEARCH.sequential());
        }

        @Override
        public int minimumRows() {
            return 5;
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
            return 6 * row[0] * row[1];
        }

        @Override
        public String axisLabel(Map<String, String> inputTexts) {
            return "C = 6·N·D";
        }

        @Override
        public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
            TreeMap<Double, String> ratios = new TreeMap<>();
            for (double[] row : rows) {
                if (row.length >= 2 && row[0] > 0 && row[1] > 0 && Double.isFinite(row[0]) && Double.isFinite(row[1])) {
                    double ratio = LawSupport.round(row[1] / row[0], 3);
                    if (ratio > 0 && Double.isFinite(ratio)) {
                        ratios.putIfAbsent(ratio, "D/N = " + LawSupport.significant(ratio, 3));
                    }
                }
            }
            double[] xs = LawSupport.logGrid(xMin, xMax, LawSupport.CURVE_POINTS);
            if (ratios.size() > MAX_RATIO_SERIES && computeOptimal(params, xMin) != null) {
                // A ladder of many ratios (Epoch's reconstruction has over 200) would draw as many lines;
                // the compute-optimal frontier is the one curve that summarises the law across them.
                List<CurvePoint> frontier = new ArrayList<>(xs.length);
                for (double c : xs) {
                    frontier.add(new CurvePoint(FRONTIER, c, computeOptimal(params, c).loss()));
                }
                return List.copyOf(frontier);
            }
            List<CurvePoint> points = new ArrayList<>(xs.length * ratios.size());
            for (Map.Entry<Double, String> entry : ratios.entrySet()) {
                double ratio = entry.getKey();
                for (double c : xs) {
                    double n = Math.sqrt(c / (6 * ratio));
                    points.add(new CurvePoint(entry.getValue(), c, loss(params, n, ratio * n)));
                }
            }
            return List.copyOf(points);
        }

        @Override
        public String toString() {
            return NAME + "(delta: " + delta + ")";
        }
    }

    static double loss(double[] params, double n, double d) {
        return params[0] + params[1] / Math.pow(n, params[3]) + params[2] / Math.pow(d, params[4]);
    }

    /**
     * The summed Huber objective. Immutable; allocates two small arrays per evaluation and nothing per run.
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
    private static final class HuberObjective implements Objective {
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

        HuberObjective(double[][] allRows, double delta, boolean merge) {
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
            if (fastData && Math.abs(e) <= FAST_RANGE
                    && inRange(a - alpha * minLogN) && inRange(a - alpha * maxLogN)
                    && inRange(b - beta * minLogD) && inRange(b - beta * maxLogD)) {
                return fast(a, b, e, alpha, beta, gradient);
            }
            return general(a, b, e, alpha, beta, gradient);
        }

        private static boolean inRange(double exponent) {
            return Math.abs(exponent) <= FAST_RANGE;
        }

        private double fast(double a, double b, double e, double alpha, double beta, double[] gradient) {
            final double d = delta;
            final double[] ln = logN;
            final double[] ld = logD;
            final double[] l = loss;
            final double[] il = inverseLoss;
            final double[] low = lossLow;
            final double[] high = lossHigh;
            final double bigE = StrictMath.exp(e);
            // A N^-alpha and B D^-beta once per distinct N and D: ladders repeat sizes and token counts
            final double[] termN = new double[distinctLogN.length];
            for (int j = 0; j < termN.length; j++) {
                termN[j] = FastExp.exp(a - alpha * distinctLogN[j]);
            }
            final double[] termD = new double[distinctLogD.length];
            for (int j = 0; j < termD.length; j++) {
                termD[j] = FastExp.exp(b - beta * distinctLogD[j]);
            }
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
            gradient[0] = ga;
            gradient[1] = gb;
            gradient[2] = ge * bigE;
            gradient[3] = galpha;
            gradient[4] = gbeta;
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
}
