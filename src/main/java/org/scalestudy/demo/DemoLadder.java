package org.scalestudy.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the synthetic model ladder shipped as {@code studies/data/demo-ladder.csv}.
 *
 * <p>Nothing here is real data: every number comes from the closed-form "truth" laws
 * documented on the constants below plus pseudo-random noise from a {@link Random} with a
 * fixed seed. {@code java.util.Random}'s LCG and its {@code nextGaussian} (polar method)
 * are specified by the Java SE API, so the output is byte-identical on every conforming JVM.
 * Numbers are formatted with {@link Locale#ROOT}, lines end in {@code "\n"}, and no
 * timestamps are written.
 *
 * <h2>Ladder</h2>
 * {@link #SIZES} (5 model sizes, 50M–800M parameters) × {@link #TOKENS_PER_PARAM}
 * (5, 10, 20, 40 tokens per parameter, D = ratio·N) × {@link #SEEDS} (2 seeds) = 40 runs,
 * spanning C = 6ND from 7.5e16 to about 1.54e20 FLOPs. Run ids look like
 * {@code n050m-tpr05-s1}.
 *
 * <h2>Format</h2>
 * Long format, header {@code run,params,tokens,metric,value,baseline}, one row per
 * run × metric. Metrics, in row order: {@code val_loss} (empty baseline), then the
 * benchmarks of {@link Benchmark} in declaration order with their random-guess baseline.
 * Rows are sorted by size, ratio, seed, then metric. Params and tokens are plain integers,
 * values have 6 decimals.
 *
 * <h2>Noise</h2>
 * <ul>
 *   <li>{@code val_loss}: the Chinchilla law times lognormal noise,
 *       {@code L·exp(LOSS_NOISE_SD·z)} with z standard normal (≈0.5% seed-to-seed spread).</li>
 *   <li>Benchmarks: the Eq. 4 accuracy plus Gaussian noise with the binomial standard error
 *       {@code sqrt(acc(1−acc)/n_b)} of an eval set with {@code n_b} examples, clipped into
 *       [0, 1].</li>
 * </ul>
 * One generator stream is consumed in row order, one {@code nextGaussian()} per row.
 */
public final class DemoLadder {

    /** Seed of the single {@link Random} stream the whole file is drawn from. */
    public static final long SEED = 20251209L;

    /** Model sizes N in parameters: 50M, 100M, 200M, 400M, 800M. */
    public static final List<Long> SIZES =
            List.of(50_000_000L, 100_000_000L, 200_000_000L, 400_000_000L, 800_000_000L);

    /** Tokens-per-parameter ratios D/N. */
    public static final List<Integer> TOKENS_PER_PARAM = List.of(5, 10, 20, 40);

    /** Training seeds per (size, ratio) cell; seed s is run suffix {@code -s<s>}. */
    public static final List<Integer> SEEDS = List.of(1, 2);

    /** The CSV header, exactly. */
    public static final String HEADER = "run,params,tokens,metric,value,baseline";

    /** Name of the loss metric. */
    public static final String LOSS_METRIC = "val_loss";

    /** Chinchilla irreducible loss E (Besiroglu et al.'s replication of Hoffmann et al.). */
    public static final double LOSS_E = 1.82;
    /** Chinchilla parameter-term coefficient A. */
    public static final double LOSS_A = 482.01;
    /** Chinchilla data-term coefficient B. */
    public static final double LOSS_B = 2085.43;
    /** Chinchilla parameter exponent α. */
    public static final double LOSS_ALPHA = 0.3478;
    /** Chinchilla data exponent β. */
    public static final double LOSS_BETA = 0.3658;
    /**
     * Standard deviation of the log-loss noise: observed loss = L·exp(0.005·z), i.e. about
     * 0.5% seed-to-seed variation.
     */
    public static final double LOSS_NOISE_SD = 0.005;

    /**
     * Benchmarks with their truth law, Eq. 4 of Krajewski et al. (2025):
     * {@code −log Q = A/N^α + B/D^β}, where {@code Q = (acc − r)/(1 − r)} is the
     * accuracy normalised by the random baseline r, so {@code acc = r + (1 − r)·Q}.
     *
     * <p>How they were chosen: exponents with α = β + 0.03 (the parameter term decays a
     * little faster, as in the loss law), then A and B solved exactly so that the truth
     * accuracy hits a target at the smallest run (N = 50M, D = 250M, C = 7.5e16) and at the
     * largest (N = 800M, D = 32B, C ≈ 1.54e20), and rounded to integers. The two terms
     * contribute about equally at the smallest run. These are the "truth" that fits of the
     * demo study should roughly recover.
     */
    public enum Benchmark {
        /**
         * ARC-Easy, 4-way multiple choice: r = 0.25, A = 132, α = 0.28, B = 86, β = 0.25,
         * 2376 examples. Truth accuracy 0.400 (smallest run) → 0.650 (largest).
         */
        ARC_EASY("arc_easy", 0.25, 132.0, 0.28, 86.0, 0.25, 2376),
        /**
         * HellaSwag, 4-way: r = 0.25, A = 397, α = 0.31, B = 357, β = 0.28, 10042 examples.
         * Truth accuracy 0.280 (smallest run, near chance) → 0.500 (largest).
         */
        HELLASWAG("hellaswag", 0.25, 397.0, 0.31, 357.0, 0.28, 10042),
        /**
         * PIQA, 2-way: r = 0.5, A = 29, α = 0.20, B = 20, β = 0.17, 1838 examples.
         * Truth accuracy 0.603 (smallest run) → 0.723 (largest).
         */
        PIQA("piqa", 0.5, 29.0, 0.20, 20.0, 0.17, 1838),
        /**
         * WinoGrande, 2-way: r = 0.5, A = 294, α = 0.27, B = 223, β = 0.24, 1267 examples.
         * Truth accuracy 0.505 (smallest run, at chance) → 0.580 (largest), so many small
         * runs fall within 5% of the baseline, as on real ladders.
         */
        WINOGRANDE("winogrande", 0.5, 294.0, 0.27, 223.0, 0.24, 1267);

        /** Metric name as written in the CSV. */
        public final String metric;
        /** Random-guess baseline r. */
        public final double baseline;
        /** Coefficient A of the parameter term. */
        public final double a;
        /** Exponent α of the parameter term. */
        public final double alpha;
        /** Coefficient B of the data term. */
        public final double b;
        /** Exponent β of the data term. */
        public final double beta;
        /** Number of eval examples n_b, which sets the binomial noise. */
        public final int examples;

        Benchmark(String metric, double baseline, double a, double alpha, double b, double beta,
                  int examples) {
            this.metric = metric;
            this.baseline = baseline;
            this.a = a;
            this.alpha = alpha;
            this.b = b;
            this.beta = beta;
            this.examples = examples;
        }

        /** Noiseless normalised accuracy Q = exp(−(A/N^α + B/D^β)). */
        public double trueNormalized(double params, double tokens) {
            return Math.exp(-(a / Math.pow(params, alpha) + b / Math.pow(tokens, beta)));
        }

        /** Noiseless accuracy r + (1 − r)·Q. */
        public double trueAccuracy(double params, double tokens) {
            return baseline + (1.0 - baseline) * trueNormalized(params, tokens);
        }
    }

    private DemoLadder() {
    }

    /** Noiseless Chinchilla loss L = E + A/N^α + B/D^β. */
    public static double trueLoss(double params, double tokens) {
        return LOSS_E + LOSS_A / Math.pow(params, LOSS_ALPHA) + LOSS_B / Math.pow(tokens, LOSS_BETA);
    }

    /** Run id such as {@code n050m-tpr05-s1}. */
    public static String runId(long params, int tokensPerParam, int seed) {
        return String.format(Locale.ROOT, "n%03dm-tpr%02d-s%d",
                params / 1_000_000L, tokensPerParam, seed);
    }

    /** The whole CSV text, header included, each line ending in {@code "\n"}. */
    public static String csv() {
        Random rng = new Random(SEED);
        StringBuilder out = new StringBuilder(16_384);
        out.append(HEADER).append('\n');
        for (long n : SIZES) {
            for (int tpr : TOKENS_PER_PARAM) {
                long d = n * tpr;
                for (int seed : SEEDS) {
                    String run = runId(n, tpr, seed);
                    double loss = trueLoss(n, d) * Math.exp(LOSS_NOISE_SD * rng.nextGaussian());
                    row(out, run, n, d, LOSS_METRIC, loss, "");
                    for (Benchmark bench : Benchmark.values()) {
                        double acc = bench.trueAccuracy(n, d);
                        double sd = Math.sqrt(acc * (1.0 - acc) / bench.examples);
                        double obs = Math.min(1.0, Math.max(0.0, acc + sd * rng.nextGaussian()));
                        row(out, run, n, d, bench.metric, obs, Double.toString(bench.baseline));
                    }
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String run, long params, long tokens, String metric,
                            double value, String baseline) {
        out.append(run).append(',')
                .append(params).append(',')
                .append(tokens).append(',')
                .append(metric).append(',')
                .append(String.format(Locale.ROOT, "%.6f", value)).append(',')
                .append(baseline).append('\n');
    }

    /** Writes {@link #csv()} to {@code file} as UTF-8, creating parent folders. */
    public static void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the ladder to {@code args[0]}, default {@code studies/data/demo-ladder.csv}. */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "studies/data/demo-ladder.csv");
        write(file);
        System.out.println("wrote " + file);
    }
}
