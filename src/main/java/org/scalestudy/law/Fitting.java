package org.scalestudy.law;

import java.util.List;
import java.util.function.UnaryOperator;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Lbfgsb;
import org.scalestudy.fit.LeastSquares;
import org.scalestudy.fit.LevenbergMarquardt;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.fit.Residuals;
import org.scalestudy.fit.StandardErrors;

/** The steps every built-in fit shares: checking its rows, running a search, closed forms. */
final class Fitting {
    /**
     * The search of the nonlinear laws: L-BFGS-B with tight tolerances ({@link Lbfgsb#defaults()})
     * from every start, in parallel, deterministic. Their objectives are summed losses, as the
     * minimiser's tolerances expect.
     */
    static final MultiStart<Objective> SEARCH = new MultiStart<>(Lbfgsb.defaults());

    /**
     * The search of the paper's grids (Eq. 4, Eq. 6): every start with scipy's default L-BFGS-B
     * tolerances, as the reference code runs them, then the 5 best restarted
     * with tight tolerances so the reported optimum is really reached (as {@link Chinchilla#SEARCH}).
     */
    static final MultiStart<Objective> SCREEN = new MultiStart<Objective>(Lbfgsb.scipyDefaults())
            .polishing(Lbfgsb.defaults(), 5);

    /**
     * The search of the laws fitted by nonlinear least squares: Levenberg-Marquardt from every start (see
     * {@link LevenbergMarquardt} for why it, and not L-BFGS, suits a sum of squares).
     */
    static final MultiStart<Residuals> LEAST_SQUARES = new MultiStart<>(LevenbergMarquardt.defaults());

    private Fitting() {
    }

    /**
     * Runs {@link #LEAST_SQUARES} and reports the best start's parameters, mapped by {@code canonical}
     * (which must map a minimum of {@code f} to an equivalent one, e.g. the other sign of a symmetric form:
     * the standard errors are taken there), with their standard errors.
     */
    static OptimizeResult leastSquares(SquaredError f, List<double[]> starts, Bounds bounds, String method,
            UnaryOperator<double[]> canonical) {
        OptimizeResult result = LEAST_SQUARES.run(f, starts, bounds);
        double[] x = canonical.apply(result.x());
        String[] onBound = result.onBound();
        return result.withMethod(method).withX(x, onBound, StandardErrors.of(f, x, onBound));
    }

    /**
     * A failure report when {@code rows} are too few for {@code law} or one is unusable, else null:
     * a fit never throws on rows it cannot use.
     */
    static OptimizeResult precheck(Law law, double[][] rows, String method) {
        int parameters = law.parameterNames().size();
        if (rows.length < law.minimumRows()) {
            return LawSupport.failure(parameters, method, "not fitted: needs at least " + law.minimumRows()
                    + " rows, got " + rows.length);
        }
        for (int i = 0; i < rows.length; i++) {
            String why = law.unusable(rows[i]);
            if (why != null) {
                return LawSupport.failure(parameters, method, "not fitted: row " + (i + 1) + " is unusable: " + why);
            }
        }
        return null;
    }

    /**
     * Runs {@link #SEARCH} and reports the best start's parameters, mapped by {@code toParameters}.
     * Variable {@code i} of the search must be a monotone function of parameter {@code i} alone
     * wherever it is bounded, so that its active bound is the parameter's.
     */
    static OptimizeResult search(Objective f, List<double[]> starts, Bounds bounds, String method,
            UnaryOperator<double[]> toParameters) {
        return search(SEARCH, f, starts, bounds, method, toParameters);
    }

    /** Like {@link #search}, with another multi-start search (e.g. {@link #SCREEN}, or one on one thread). */
    static OptimizeResult search(MultiStart<Objective> search, Objective f, List<double[]> starts, Bounds bounds,
            String method, UnaryOperator<double[]> toParameters) {
        OptimizeResult result = search.run(f, starts, bounds);
        return result.withMethod(method).withX(toParameters.apply(result.x()), result.onBound(),
                result.standardErrors());
    }

    /**
     * A straight line {@code y = intercept + slope x} by ordinary least squares, with x centred
     * first so that large offsets (log C is about 46) cost no digits.
     *
     * @param rss          the residual sum of squares
     * @param interceptSe  the standard error of the intercept, {@code s sqrt(1/n + mean^2 / Sxx)} with
     *                     {@code s^2 = rss / (n - 2)} (NaN for two rows: no degrees of freedom)
     * @param slopeSe      the standard error of the slope, {@code s / sqrt(Sxx)}
     */
    record Line(double intercept, double slope, double rss, double interceptSe, double slopeSe) {
        double at(double x) {
            return intercept + slope * x;
        }
    }

    /**
     * @param what names x in the message, e.g. {@code log C}
     * @throws IllegalArgumentException when fewer than two distinct x or a value is not finite
     */
    static Line line(double[] x, double[] y, String what) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[][] design = new double[n][];
        boolean spread = false;
        for (int i = 0; i < n; i++) {
            design[i] = new double[] {1, x[i] - mean};
            spread |= x[i] != x[0];
        }
        if (!spread) {
            throw new IllegalArgumentException("every row has the same " + what + ", so the slope is undetermined");
        }
        LeastSquares.Solution solution = LeastSquares.fit(design, y);
        double[] c = solution.coefficients();
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxx += design[i][1] * design[i][1];
        }
        double variance = n > 2 ? solution.residualSumOfSquares() / (n - 2) : Double.NaN;
        return new Line(c[0] - c[1] * mean, c[1], solution.residualSumOfSquares(),
                Math.sqrt(variance * (1.0 / n + mean * mean / sxx)), Math.sqrt(variance / sxx));
    }
}
