package org.scalestudy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;
import org.scalestudy.fit.Residuals;
import org.scalestudy.run.NistStrd;

/**
 * Correct significant digits (LRE) on NIST's StRD nonlinear regression suite, per problem and start: the
 * product's fit (a user law in a study, {@code loss: squares}, through the whole pipeline) beside Commons
 * Math's {@code LevenbergMarquardtOptimizer} (MINPACK's algorithm, default settings, no bounds) on the same
 * residuals, so the README's table and its comparison can be regenerated:
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.scalestudy.bench.NistStrdDigits -Dexec.classpathScope=test</pre>
 *
 * Prints a Markdown table: the smallest LRE over the parameters and the residual sum of squares, the
 * smallest over the standard errors, and whether the fit said converged.
 */
public final class NistStrdDigits {
    private NistStrdDigits() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nist-strd");
        List<NistStrd.Problem> problems = NistStrd.all();
        System.out.println("| problem | difficulty | start | digits | SE digits | says | Commons Math LM digits |");
        System.out.println("|---|---|---|---:|---:|---|---:|");
        int[] atFour = new int[2];
        int[] atSix = new int[2];
        for (NistStrd.Problem problem : problems) {
            for (int start = 0; start < 2; start++) {
                NistStrd.Outcome o = NistStrd.fit(problem, start, dir);
                double cm = commonsMath(problem, start, dir);
                atFour[0] += o.minDigits() >= 4 ? 1 : 0;
                atSix[0] += o.minDigits() >= 6 ? 1 : 0;
                atFour[1] += cm >= 4 ? 1 : 0;
                atSix[1] += cm >= 6 ? 1 : 0;
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %s | %.1f |%n", problem.name(),
                        problem.difficulty(), start + 1, o.minDigits(), o.minSdDigits(),
                        o.converged() ? "converged" : "stopped", cm);
                if (args.length > 0) {
                    System.out.println("    " + o.message());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nscalestudy: %d of 54 at 4+ digits, %d at 6+; Commons Math LM: %d and %d%n",
                atFour[0], atSix[0], atFour[1], atSix[1]);
    }

    /** Commons Math's Levenberg-Marquardt on the same residuals (the law's, from the same study). */
    static double commonsMath(NistStrd.Problem problem, int start, Path dir) throws Exception {
        Residuals f = NistStrdResiduals.of(problem, dir);
        int m = f.count();
        int n = f.dimension();
        MultivariateJacobianFunction model = point -> {
            double[] x = point.toArray();
            double[] r = new double[m];
            double[][] jac = new double[m][n];
            f.residuals(x, r, jac);
            // Commons Math fits "model" to "target": model = -r, target = 0
            double[] value = new double[m];
            for (int i = 0; i < m; i++) {
                value[i] = -r[i];
                for (int j = 0; j < n; j++) {
                    jac[i][j] = -jac[i][j];
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
        };
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(problem.starts()[start]).model(model).target(new double[m]).maxEvaluations(10_000)
                    .maxIterations(10_000).build());
            double[] x = optimum.getPoint().toArray();
            double min = NistStrd.lre(f.value(x), problem.rss());
            for (int j = 0; j < n; j++) {
                min = Math.min(min, NistStrd.lre(x[j], problem.certified()[j]));
            }
            return min;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
