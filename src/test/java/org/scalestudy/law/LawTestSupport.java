package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.scalestudy.fit.Objective;

/**
 * Shared checks of the law tests: parameter recovery with stated tolerances, linearised standard
 * errors to derive noisy-data tolerances from, and gradient checks. Run the tests with
 * {@code -Dscalestudy.verbose=true} to print every recovered parameter and its error.
 */
final class LawTestSupport {
    private static final boolean VERBOSE = Boolean.getBoolean("scalestudy.verbose");

    private LawTestSupport() {
    }

    /** Asserts {@code |fit_j - truth_j| <= tolerance_j} for every parameter, naming the worst offender. */
    static void assertRecovered(String what, List<String> names, double[] truth, double[] fit, double[] tolerance) {
        assertEquals(truth.length, fit.length);
        StringBuilder report = new StringBuilder(what);
        boolean ok = true;
        for (int j = 0; j < truth.length; j++) {
            double error = Math.abs(fit[j] - truth[j]);
            ok &= error <= tolerance[j];
            report.append(String.format(Locale.ROOT, "%n  %-7s truth %-12.6g fit %-14.8g |error| %.2e (rel %.2e) tolerance %.2e%s",
                    names.get(j), truth[j], fit[j], error, error / Math.abs(truth[j]), tolerance[j],
                    error <= tolerance[j] ? "" : "  <-- FAILS"));
        }
        if (VERBOSE) {
            System.out.println(report);
        }
        assertTrue(ok, report.toString());
    }

    /** {@code relative * |truth_j|} for each j. */
    static double[] relative(double[] truth, double relative) {
        return Arrays.stream(truth).map(v -> relative * Math.abs(v)).toArray();
    }

    /** {@code factor * se_j} for each j. */
    static double[] times(double[] se, double factor) {
        return Arrays.stream(se).map(v -> factor * v).toArray();
    }

    /**
     * Linearised standard errors of a least-squares estimate of {@code theta} from observations with
     * independent noise of standard deviation {@code noise[i]} (in the space the residuals are taken
     * in): the sandwich {@code (J'J)^-1 J' diag(noise^2) J (J'J)^-1}, J the Jacobian of
     * {@code model} at {@code theta} by central differences (relative step 1e-6). For a Huber fit
     * whose residuals are mostly beyond delta (a median-like fit) the true errors are up to
     * sqrt(pi/2) = 1.25 times larger under Gaussian noise.
     */
    static double[] standardErrors(Function<double[], double[]> model, double[] theta, double[] noise) {
        int p = theta.length;
        int n = model.apply(theta).length;
        double[][] jacobian = new double[n][p];
        for (int j = 0; j < p; j++) {
            double h = 1e-6 * Math.max(Math.abs(theta[j]), 1e-12);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double[] fu = model.apply(up);
            double[] fd = model.apply(down);
            for (int i = 0; i < n; i++) {
                jacobian[i][j] = (fu[i] - fd[i]) / (2 * h);
            }
        }
        RealMatrix j = new Array2DRowRealMatrix(jacobian, false);
        RealMatrix inverse = new LUDecomposition(j.transpose().multiply(j)).getSolver().getInverse();
        double[][] weighted = new double[n][];
        for (int i = 0; i < n; i++) {
            weighted[i] = jacobian[i].clone();
            for (int k = 0; k < p; k++) {
                weighted[i][k] *= noise[i] * noise[i];
            }
        }
        RealMatrix meat = j.transpose().multiply(new Array2DRowRealMatrix(weighted, false));
        RealMatrix covariance = inverse.multiply(meat).multiply(inverse);
        double[] se = new double[p];
        for (int k = 0; k < p; k++) {
            se[k] = Math.sqrt(covariance.getEntry(k, k));
        }
        return se;
    }

    /** The same standard deviation for all {@code n} rows. */
    static double[] constant(int n, double sd) {
        double[] s = new double[n];
        Arrays.fill(s, sd);
        return s;
    }

    /**
     * Asserts the analytic gradient of {@code f} at {@code x} matches central differences of its value
     * (step 1e-6 relative, so the difference is accurate to about 1e-6 of the slope's scale).
     */
    static void assertGradient(Objective f, double[] x) {
        double[] g = new double[x.length];
        double value = f.valueAndGradient(x, g);
        assertEquals(value, f.value(x), 0, "value and valueAndGradient agree");
        double scale = 0;
        double[] numeric = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[k]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[k] += h;
            down[k] -= h;
            numeric[k] = (f.value(up) - f.value(down)) / (2 * h);
            scale = Math.max(scale, Math.abs(numeric[k]));
        }
        for (int k = 0; k < x.length; k++) {
            assertEquals(numeric[k], g[k], 1e-5 * Math.max(scale, 1e-12),
                    "d/dx" + k + " at " + Arrays.toString(x));
        }
    }

    /** {@code count} values from {@code from} to {@code to}, evenly spaced in log. */
    static double[] logSpaced(double from, double to, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = from * Math.pow(to / from, i / (double) (count - 1));
        }
        return v;
    }
}
