package org.scalestudy.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Huber;
import org.scalestudy.fit.Lbfgsb;
import org.scalestudy.fit.LevenbergMarquardt;
import org.scalestudy.fit.MultiStart;
import org.scalestudy.fit.Objective;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.fit.Residuals;
import org.scalestudy.fit.ScaledMinimizer;
import org.scalestudy.fit.StandardErrors;
import org.scalestudy.law.formula.Derivative;
import org.scalestudy.law.formula.Term;
import org.scalestudy.results.CurvePoint;

/**
 * A law the study writes itself: {@code observed ~ formula} over data columns and named
 * parameters, fitted by minimising the sum over rows of {@code weight * loss(s(observed) -
 * s(formula))}, where {@code s} is the residual space (identity, log, or log(-log)) and the loss is
 * squares or Huber(δ), from every starting point: least squares by Levenberg–Marquardt on the
 * residuals (with asymptotic standard errors), Huber by the bounded L-BFGS on scaled parameters.
 * Gradients come from the formula by symbolic differentiation ({@link Derivative}).
 *
 * <p>A row is the values of the law's input columns, in the order of {@code inputNames}.
 */
public final class CustomLaw implements Law {
    public static final String KIND = "custom";

    /** The space residuals are taken in. */
    public enum Space {
        IDENTITY("identity"), LOG("log"), LOGLOG("loglog");

        public final String word;

        Space(String word) {
            this.word = word;
        }

        double apply(double v) {
            return switch (this) {
                case IDENTITY -> v;
                case LOG -> Math.log(v);
                case LOGLOG -> Math.log(-Math.log(v));
            };
        }

        /** ds/dv. */
        double slope(double v) {
            return switch (this) {
                case IDENTITY -> 1;
                case LOG -> 1 / v;
                case LOGLOG -> 1 / (v * Math.log(v));
            };
        }

        /** Why s(v) is undefined, or null. */
        String undefined(double v) {
            return switch (this) {
                case IDENTITY -> null;
                case LOG -> v > 0 ? null : "not positive, so its log is undefined";
                case LOGLOG -> v > 0 && v < 1 ? null : "outside (0, 1), so log(-log) is undefined";
            };
        }
    }

    /**
     * Everything that defines the law.
     *
     * @param formulaText the formula as written, for the page
     * @param parameters  parameter names, in the order of the {@code Term.Param} indices
     * @param inputNames  input column names, in the order of the {@code Term.Input} indices
     * @param observed    the observed value, over the inputs
     * @param formula     the prediction
     * @param weight      the row weight (Const 1 for none)
     * @param axis        the chart's x
     * @param axisText    the chart's x label
     * @param space       residual space
     * @param huberDelta  the Huber threshold, or NaN for least squares
     * @param bounds      the parameters' box
     * @param starts      the starting points (inside the box)
     */
    public record Definition(String formulaText, List<String> parameters, List<String> inputNames, Term observed,
                             Term formula, Term weight, Term axis, String axisText, Space space, double huberDelta,
                             Bounds bounds, List<double[]> starts) { }

    private final Definition d;
    private final Term[] gradient;

    public CustomLaw(Definition definition) {
        this.d = definition;
        this.gradient = new Term[definition.parameters().size()];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = Derivative.of(definition.formula(), i);
        }
    }

    public Definition definition() {
        return d;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String formula() {
        return "y ~ " + d.formulaText() + " (residuals in " + d.space().word + ", "
                + (Double.isNaN(d.huberDelta()) ? "least squares" : "Huber(" + d.huberDelta() + ")") + ")";
    }

    @Override
    public List<String> parameterNames() {
        return d.parameters();
    }

    @Override
    public String unusable(double[] row) {
        for (int i = 0; i < row.length; i++) {
            if (!Double.isFinite(row[i])) {
                return d.inputNames().get(i) + " is missing or not finite";
            }
        }
        double obs = observed(row);
        if (!Double.isFinite(obs)) {
            return "the observed value is not finite";
        }
        String why = d.space().undefined(obs);
        if (why != null) {
            return "the observed value is " + why;
        }
        double w = d.weight().eval(null, row);
        if (!(w >= 0) || !Double.isFinite(w)) {
            return "its weight is negative or not finite";
        }
        return null;
    }

    @Override
    public int minimumRows() {
        return Math.max(1, d.parameters().size());
    }

    /** Whether the loss is least squares (else Huber). */
    public boolean leastSquares() {
        return Double.isNaN(d.huberDelta());
    }

    /**
     * The objective of a least-squares law as residuals {@code sqrt(w) (s(observed) - s(formula))}, with
     * their Jacobian from the symbolic gradient; its sum of squares is {@link #objective}.
     */
    public Residuals residuals(double[][] rows) {
        int n = rows.length;
        double[] target = new double[n];
        double[] root = new double[n];
        double scale = 0;
        for (int r = 0; r < n; r++) {
            target[r] = d.space().apply(observed(rows[r]));
            root[r] = Math.sqrt(d.weight().eval(null, rows[r]));
            scale = Math.hypot(scale, root[r] * target[r]);
        }
        int k = gradient.length;
        double norm = scale;
        return new Residuals() {
            @Override
            public int dimension() {
                return k;
            }

            @Override
            public int count() {
                return n;
            }

            @Override
            public double scale() {
                return norm;
            }

            @Override
            public void residuals(double[] p, double[] out, double[][] jacobian) {
                for (int r = 0; r < n; r++) {
                    double pred = d.formula().eval(p, rows[r]);
                    out[r] = root[r] * (target[r] - d.space().apply(pred));
                    if (jacobian != null) {
                        double factor = -root[r] * d.space().slope(pred);
                        for (int i = 0; i < k; i++) {
                            jacobian[r][i] = factor * gradient[i].eval(p, rows[r]);
                        }
                    }
                }
            }
        };
    }

    /** The objective this law minimises on these rows. */
    public Objective objective(double[][] rows) {
        int n = rows.length;
        double[] target = new double[n];
        double[] weight = new double[n];
        for (int r = 0; r < n; r++) {
            target[r] = d.space().apply(observed(rows[r]));
            weight[r] = d.weight().eval(null, rows[r]);
        }
        int k = gradient.length;
        return new Objective() {
            @Override
            public int dimension() {
                return k;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                java.util.Arrays.fill(g, 0);
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    double pred = d.formula().eval(p, rows[r]);
                    double resid = target[r] - d.space().apply(pred);
                    double dLoss;
                    if (Double.isNaN(d.huberDelta())) {
                        sum += weight[r] * resid * resid;
                        dLoss = 2 * resid;
                    } else {
                        sum += weight[r] * Huber.value(resid, d.huberDelta());
                        dLoss = Huber.derivative(resid, d.huberDelta());
                    }
                    // d/dp of loss(target - s(pred)) = -loss'(resid) s'(pred) dpred/dp
                    double factor = -weight[r] * dLoss * d.space().slope(pred);
                    for (int i = 0; i < k; i++) {
                        g[i] += factor * gradient[i].eval(p, rows[r]);
                    }
                }
                return sum;
            }
        };
    }

    /**
     * Least squares by {@link LevenbergMarquardt} (with standard errors), Huber by L-BFGS-B on parameters
     * scaled to their starts ({@link ScaledMinimizer}), from every start.
     */
    @Override
    public OptimizeResult fit(double[][] rows) {
        String starts = d.starts().size() + " start" + (d.starts().size() == 1 ? "" : "s");
        if (leastSquares()) {
            String method = "least squares on " + d.space().word + " residuals, Levenberg-Marquardt from " + starts
                    + " (symbolic Jacobian)";
            Residuals residuals = residuals(rows);
            OptimizeResult result = new MultiStart<>(LevenbergMarquardt.defaults()).run(residuals, d.starts(),
                    d.bounds());
            if (!Double.isFinite(result.objective())) {
                return LawSupport.failure(d.parameters().size(), method,
                        "the objective is undefined (NaN or infinite) from every start");
            }
            double[] x = result.x();
            String[] onBound = result.onBound();
            return result.withMethod(method).withX(x, onBound, StandardErrors.of(residuals, x, onBound));
        }
        String method = "Huber(" + d.huberDelta() + ") on " + d.space().word + " residuals, L-BFGS-B on scaled "
                + "parameters from " + starts + " (symbolic gradient)";
        OptimizeResult result = new MultiStart<>(new ScaledMinimizer(Lbfgsb.defaults())).run(objective(rows),
                d.starts(), d.bounds());
        if (!Double.isFinite(result.objective())) {
            return LawSupport.failure(d.parameters().size(), method,
                    "the objective is undefined (NaN or infinite) from every start");
        }
        return result.withMethod(method);
    }

    @Override
    public double predict(double[] params, double[] row) {
        return d.formula().eval(params, row);
    }

    @Override
    public double observed(double[] row) {
        return d.observed().eval(null, row);
    }

    @Override
    public double axis(double[] row) {
        return d.axis().eval(null, row);
    }

    @Override
    public String axisLabel(Map<String, String> inputTexts) {
        return d.axisText();
    }

    /**
     * When the formula depends on one input and the axis is that input, a smooth curve over the
     * range; otherwise the law's predictions at the runs themselves, ordered by x (a formula in
     * several inputs has no single curve against one axis).
     */
    @Override
    public List<CurvePoint> curve(double[] params, double[][] rows, double xMin, double xMax) {
        List<CurvePoint> out = new ArrayList<>();
        if (d.inputNames().size() == 1 && d.axis() instanceof Term.Input) {
            for (double x : LawSupport.logGrid(xMin, xMax, LawSupport.CURVE_POINTS)) {
                out.add(new CurvePoint("", x, predict(params, new double[] {x})));
            }
            return out;
        }
        List<double[]> points = new ArrayList<>();
        for (double[] row : rows) {
            double x = axis(row);
            double y = predict(params, row);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                points.add(new double[] {x, y});
            }
        }
        points.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        for (double[] p : points) {
            out.add(new CurvePoint("predicted at runs", p[0], p[1]));
        }
        return out;
    }
}
