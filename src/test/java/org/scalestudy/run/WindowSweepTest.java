package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.Metrics;
import org.scalestudy.law.DirectPower;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.law.Law;
import org.scalestudy.results.WindowPoint;

class WindowSweepTest {
    private static final Law LAW = new DirectPower().bind(Map.of("margin", 0.05));

    /** Rows {C, acc, baseline} of Eq. 2 with A = 60, alpha = 0.09, r = 0.25, for C = 1e18 ... 1e22 (9 runs). */
    private static double[][] ladder(double noise, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[9][];
        for (int i = 0; i < rows.length; i++) {
            double c = Math.pow(10, 18 + 0.5 * i);
            double acc = 0.25 + 0.75 * Math.exp(-60 * Math.pow(c, -0.09));
            rows[i] = new double[] {c, acc * (1 + noise * random.nextGaussian()), 0.25};
        }
        return rows;
    }

    @Test
    void exactDataExtrapolatesFromEveryWindowDownToTheFewestRows() {
        double[][] rows = ladder(0, 1);
        double[][] fit = Arrays.copyOfRange(rows, 0, 6);      // C up to 10^20.5
        double[][] holdout = Arrays.copyOfRange(rows, 6, 9);  // C from 1e21
        List<WindowPoint> sweep = WindowSweep.sweep(LAW, fit, holdout, LAW.fit(fit).x());
        // Six distinct x values; the law needs two rows, so cut-offs keep 6, 5, 4, 3 and 2 rows.
        assertEquals(List.of(6, 5, 4, 3, 2), sweep.stream().map(WindowPoint::fitRows).toList());
        // Largest cut-off first: 10^20.5, then half a decade lower each step.
        assertEquals(Math.pow(10, 20.5), sweep.get(0).cutoff(), 0);
        assertEquals(Math.pow(10, 18.5), sweep.get(4).cutoff(), 0);
        for (WindowPoint w : sweep) {
            // Noiseless data on the law itself: any two rows determine it, so every refit predicts exactly.
            assertTrue(w.holdoutMre() < 1e-9, "cutoff " + w.cutoff() + ": " + w.holdoutMre());
            assertTrue(w.converged());
        }
    }

    @Test
    void eachPointIsTheLawRefittedOnTheRowsUpToItsCutoff() {
        double[][] rows = ladder(0.01, 7);
        double[][] fit = Arrays.copyOfRange(rows, 0, 6);
        double[][] holdout = Arrays.copyOfRange(rows, 6, 9);
        List<WindowPoint> sweep = WindowSweep.sweep(LAW, fit, holdout, LAW.fit(fit).x());
        double[] observed = Arrays.stream(holdout).mapToDouble(LAW::observed).toArray();
        for (WindowPoint w : sweep) {
            // The rows are in ascending C, so "x <= cutoff" is the first fitRows rows; the closed form
            // (least squares) fitted on them directly gives the same holdout error.
            OptimizeResult direct = LAW.fit(Arrays.copyOfRange(fit, 0, w.fitRows()));
            double[] predicted = Arrays.stream(holdout).mapToDouble(r -> LAW.predict(direct.x(), r)).toArray();
            assertEquals(Metrics.of(observed, predicted).mre(), w.holdoutMre(), 1e-15, "cutoff " + w.cutoff());
            assertEquals(fit[w.fitRows() - 1][0], w.cutoff(), 0);
        }
        // With 1% noise the error does change with the window (the sweep is not a constant).
        assertTrue(sweep.stream().mapToDouble(WindowPoint::holdoutMre).distinct().count() == sweep.size());
    }

    @Test
    void noHoldoutNoSweep() {
        double[][] rows = ladder(0, 1);
        assertEquals(List.of(), WindowSweep.sweep(LAW, rows, new double[0][], LAW.fit(rows).x()));
    }
}
