package org.scalestudy.law;

import org.scalestudy.fit.OptimizeResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoStageChinchillaTest {
    private static final Law LAW = new TwoStageChinchilla().bind(Map.of("delta", 1e-3));
    /** E, A, B, alpha, beta of a task loss near the OLMo ladder's HellaSwag fit; a, k, l0, b of its sigmoid. */
    static final double[] TRUTH = {0.5, 15, 45, 0.22, 0.24, 0.78, -13, 0.75, 0.26};

    /** 4 sizes x 4 token multipliers (20 M tokens per parameter), as the OLMo ladder: rows {N, D, L, acc}. */
    static double[][] ladder(double lossSd, double accSd, long seed) {
        Random random = new Random(seed);
        double[] sizes = {1.9e8, 3.7e8, 7.6e8, 1.28e9};
        double[] multipliers = {1, 2, 5, 10};
        double[][] rows = new double[16][];
        int k = 0;
        for (double n : sizes) {
            for (double m : multipliers) {
                double d = 20 * m * n;
                double loss = Chinchilla.loss(TRUTH, n, d) * Math.exp(lossSd * random.nextGaussian());
                rows[k++] = new double[] {n, d, loss,
                    TwoStageLogistic.accuracy(TRUTH, 5, loss) + accSd * random.nextGaussian()};
            }
        }
        return rows;
    }

    @Test
    void recoversNoiselessParametersAndChainsTheStages() {
        double[][] rows = ladder(0, 0, 1);
        OptimizeResult fit = LAW.fit(rows);
        // Stage 1 on exact losses: the Huber objective's optimum is zero at the truth, which the chinchilla search
        // reaches to about 1e-6 relative in the parameters (its L-BFGS and Newton tolerances; exponents and
        // amplitudes trade off along a shallow valley); stage 2 on exact (L, acc) pairs, Levenberg-Marquardt, 1e-6.
        LawTestSupport.assertRecovered("two_stage_chinchilla, noiseless", LAW.parameterNames(), TRUTH, fit.x(),
                LawTestSupport.relative(TRUTH, 1e-4));
        assertTrue(fit.message().startsWith("stage 1 (chinchilla on (N, D, L), 16 rows)"),
                fit.message());
        // A prediction is stage 2 at stage 1's loss: at N = 1.32e10, D = 5e12 (the 13B target's size), with the true
        // parameters, acc = 0.78 / (1 + exp(13 (L - 0.75))) + 0.26, L = 0.5 + 15 N^-0.22 + 45 D^-0.24.
        double n = 1.32e10;
        double d = 5e12;
        double loss = 0.5 + 15 * Math.pow(n, -0.22) + 45 * Math.pow(d, -0.24);
        double expected = 0.78 / (1 + Math.exp(13 * (loss - 0.75))) + 0.26;
        assertEquals(expected, LAW.predict(TRUTH, new double[] {n, d, 0, 0}), 1e-15);
        assertEquals(expected, LAW.predict(fit.x(), new double[] {n, d, 0, 0}), 1e-4);
        assertEquals(6 * n * d, LAW.axis(new double[] {n, d, 0, 0}));
    }

    @Test
    void aRowWithANonPositiveLossOrAMissingAccuracyIsUnusable() {
        assertEquals("loss is not positive", LAW.unusable(new double[] {1e8, 2e9, 0, 0.5}));
        assertEquals("accuracy is not a finite number", LAW.unusable(new double[] {1e8, 2e9, 1.2, Double.NaN}));
        assertEquals(null, LAW.unusable(new double[] {1e8, 2e9, 1.2, 0.5}));
        assertEquals(9, LAW.minimumRows());
    }
}
