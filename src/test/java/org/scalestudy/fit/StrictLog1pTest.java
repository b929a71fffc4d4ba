package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The port returns {@link StrictMath#log1p}'s bits (NaN compared as NaN: Java does not specify its payload) on the
 * branch points of fdlibm's algorithm and on two million arguments across its ranges, so swapping it in changes no
 * result.
 */
class StrictLog1pTest {
    private static void same(double x) {
        assertEquals(Double.doubleToLongBits(StrictMath.log1p(x)), Double.doubleToLongBits(StrictLog1p.log1p(x)),
                () -> "log1p(" + x + ") = " + StrictMath.log1p(x) + ", port " + StrictLog1p.log1p(x));
    }

    @Test
    void sameBitsAtTheBranchPointsAndEdges() {
        double[] edges = {0.0, -0.0, -1, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0x1p-29, 0x1p-54, 0.41422, -0.2929,
                0.4142135623730950, -0.29289321881345254, 1, 2, 3, 0x1p53, 0x1p54, 1e17, Math.ulp(1.0), -Math.ulp(1.0)};
        for (double x : edges) {
            same(x);
            same(Math.nextUp(x));
            same(Math.nextDown(x));
        }
    }

    @Test
    void sameBitsOnTwoMillionArguments() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 2_000_000; i++) {
            same(switch (i % 4) {
                case 0 -> random.nextDouble();                          // softplus's range: exp(-|z|) in (0, 1]
                case 1 -> Math.exp(-random.nextDouble() * 800);          // tiny arguments, down to subnormal
                case 2 -> Double.longBitsToDouble(random.nextLong());    // any bits
                default -> random.nextDouble() * 3 - 1;                 // (-1, 2)
            });
        }
    }
}
