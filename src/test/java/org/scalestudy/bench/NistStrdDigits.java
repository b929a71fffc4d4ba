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
 * Prints a Markdown table: per start the smallest LRE over the parameters, that of the residual sum of
 * squares, the smallest over the standard errors (and "stopped" when the fit did not say converged); and
 * Commons Math's smallest LRE over the parameters.
 */
public final class NistStrdDigits {
    private NistStrdDigits() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nist-strd");
        List<NistStrd.Problem> problems = NistStrd.all();
        System.out.println("| problem | difficulty | start 1: parameters, RSS, std. errors | start 2: parameters, RSS,"
                + " std. errors | Commons Math LM: start 1, start 2 |");
        System.out.println("|---|---|---|---|---|");
        int[] atFour = new int[2];
        int[] atSix = new int[2];
        int converged = 0;
        for (NistStrd.Problem problem : problems) {
            StringBuilder row = new StringBuilder("| " + problem.name() + " | " + problem.difficulty() + " | ");
            StringBuilder theirs = new StringBuilder();
            for (int start = 0; start < 2; start++) {
                NistStrd.Outcome o = NistStrd.fit(problem, start, dir);
                double cm = commonsMath(problem, start, dir);
                double parameters = 11;
                for (int j = 0; j < problem.parameters().size(); j++) {
                    parameters = Math.min(parameters, o.digits(j));
                }
                atFour[0] += parameters >= 4 ? 1 : 0;
                atSix[0] += parameters >= 6 ? 1 : 0;
                atFour[1] += cm >= 4 ? 1 : 0;
                atSix[1] += cm >= 6 ? 1 : 0;
                converged += o.converged() ? 1 : 0;
                row.append(String.format(Locale.ROOT, "%.1f, %.1f, %.1f%s | ", parameters, o.rssDigits(),
                        o.minSdDigits(), o.converged() ? "" : " (stopped)"));
                theirs.append(String.format(Locale.ROOT, start == 0 ? "%.1f, " : "%.1f |", cm));
                if (args.length > 0) {
                    System.out.println("    " + o.message());
                }
            }
            System.out.println(row.append(theirs));
        }
        System.out.printf(Locale.ROOT, "%nParameters, 54 problem-starts: scalestudy %d at 4+ digits, %d at 6+, %d say"
                + " converged; Commons Math's LevenbergMarquardtOptimizer %d and %d%n", atFour[0], atSix[0], converged,
                atFour[1], atSix[1]);
    }

    /**
     * Commons Math's Levenberg-Marquardt on the same residuals (the law's, from the same study): the smallest
     * LRE over the parameters, 0 when it throws (it does when its tolerances cannot be met).
     */
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
            double min = 11;
            for (int j = 0; j < n; j++) {
                min = Math.min(min, NistStrd.lre(x[j], problem.certified()[j]));
            }
            return min;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
