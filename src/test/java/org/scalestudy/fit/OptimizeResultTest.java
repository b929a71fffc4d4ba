package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one fit result: a value, compared by contents, never shared with its caller's arrays. */
class OptimizeResultTest {
    @Test
    void equalByContentsIncludingNaN() {
        OptimizeResult a = OptimizeResult.failure("m", 2, "not fitted");
        OptimizeResult b = OptimizeResult.failure("m", 2, "not fitted");
        // two fresh NaN arrays: equal as values (record equality alone would compare the arrays' identity)
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, OptimizeResult.failure("m", 3, "not fitted"));
        assertNotEquals(a, a.withMethod("other"));
    }

    @Test
    void keepsCopies() {
        double[] x = {1, 2};
        OptimizeResult r = OptimizeResult.closedForm("ols", x, 0.5, "closed form");
        x[0] = 99;
        assertEquals(1, r.x()[0], 0, "a later change to the caller's array does not reach the result");
        r.x()[1] = 99;
        assertEquals(2, r.x()[1], 0, "nor a change to an array it handed out");
    }

    @Test
    void factoriesSayWhatRan() {
        // a closed form: converged, 1 iteration, 1 evaluation, 1 start at the best, gradient norm 0
        OptimizeResult closed = OptimizeResult.closedForm("ols", new double[] {3}, 0.25, "closed form");
        assertTrue(closed.converged());
        assertEquals(1, closed.iterations());
        assertEquals(1, closed.evaluations());
        assertEquals(1, closed.starts());
        assertEquals(1, closed.startsAtBest());
        assertEquals(0, closed.gradientNorm(), 0);
        assertArrayEquals(new String[] {""}, closed.onBound());
        assertTrue(Double.isNaN(closed.standardErrors()[0]));
        // a failure: not converged, nothing run, every value NaN
        OptimizeResult failed = OptimizeResult.failure("m", 2, "not fitted: too few rows");
        assertFalse(failed.converged());
        assertEquals(0, failed.starts());
        assertEquals(0, failed.evaluations());
        assertTrue(Double.isNaN(failed.objective()) && Double.isNaN(failed.x()[0]) && Double.isNaN(failed.x()[1]));
        // another solution keeps the account
        OptimizeResult mapped = closed.withX(new double[] {4, 5}, new String[] {"lower", ""}, new double[] {0.1, 0.2});
        assertEquals(closed.message(), mapped.message());
        assertEquals(closed.objective(), mapped.objective(), 0);
        assertArrayEquals(new String[] {"lower", ""}, mapped.onBound());
        assertThrows(IllegalArgumentException.class,
                () -> closed.withX(new double[] {4, 5}, new String[] {""}, new double[] {0.1, 0.2}));
    }

    @Test
    void theActiveSetTestIsShared() {
        // at a lower bound a positive gradient pushes out (descent goes down); at an upper bound a negative one
        assertTrue(Bounds.held(0, 1, 0, 1));
        assertFalse(Bounds.held(0, -1, 0, 1));
        assertTrue(Bounds.held(1, -1, 0, 1));
        assertFalse(Bounds.held(0.5, 1, 0, 1), "inside the box nothing is held");
        assertFalse(Bounds.held(0, 0, 0, 1), "no gradient, no push");
    }
}
