package org.scalestudy.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Metrics#of}: prediction errors by hand (moved from the fit package, which no longer knows the results model). */
class MetricsTest {
    @Test
    void metricsByHand() {
        // obs (2, 4, 6, 8), pred (3, 4, 5, 10): errors (1, 0, -1, 2)
        Metrics m = Metrics.of(new double[] {2, 4, 6, 8}, new double[] {3, 4, 5, 10});
        assertEquals(4, m.n());
        // MAE = (1 + 0 + 1 + 2) / 4 = 1
        assertEquals(1.0, m.mae(), 1e-15);
        // MRE = (1/2 + 0/4 + 1/6 + 2/8) / 4 = (0.5 + 0 + 0.1666... + 0.25) / 4 = 0.2291666...
        assertEquals((0.5 + 1.0 / 6 + 0.25) / 4, m.mre(), 1e-15);
        // RMSE = sqrt((1 + 0 + 1 + 4) / 4) = sqrt(1.5)
        assertEquals(Math.sqrt(1.5), m.rmse(), 1e-15);
        // mean obs 5; SS_tot = 9 + 1 + 1 + 9 = 20; SS_res = 6; R^2 = 1 - 6/20 = 0.7
        assertEquals(0.7, m.r2(), 1e-15);
    }

    @Test
    void metricsEdgeCases() {
        Metrics none = Metrics.of(new double[0], new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mae()) && Double.isNaN(none.mre()) && Double.isNaN(none.rmse())
                && Double.isNaN(none.r2()));
        // one row: errors defined, R^2 not (no spread to explain)
        Metrics one = Metrics.of(new double[] {2}, new double[] {2.5});
        assertEquals(0.5, one.mae(), 0);
        assertEquals(0.25, one.mre(), 0);
        assertTrue(Double.isNaN(one.r2()));
        // every observation equal: SS_tot = 0, R^2 undefined
        assertTrue(Double.isNaN(Metrics.of(new double[] {3, 3}, new double[] {3, 4}).r2()));
        // perfect predictions
        Metrics perfect = Metrics.of(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertEquals(0, perfect.mae(), 0);
        assertEquals(1, perfect.r2(), 0);
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new double[] {1}, new double[0]));
    }
}
