package org.scalestudy.run;

import java.util.ArrayList;
import java.util.List;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.BackTest;
import org.scalestudy.results.ComputeOptimal;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.Draws;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;
import org.scalestudy.results.WindowPoint;

/**
 * A {@link FitOutcome} as bytes and back, exactly: doubles travel as their IEEE bits (NaN, infinities and
 * -0.0 included), strings as UTF-8, nulls as a flag; the bootstrap's draws travel with the outcome, so a cached
 * fit needs no refit for anything. Used by {@link FitCache}; the format is private to it. The prediction
 * intervals and the degeneracy flag are not stored: they are made from the study's fits after every build.
 */
final class FitCodec {
    private FitCodec() {
    }

    static void write(FitOutcome f, Bytes.Out out) {
        string(out, f.law());
        string(out, f.lawKind());
        string(out, f.formula());
        string(out, f.dataset());
        string(out, f.group());
        out.putInt(f.line());
        string(out, f.xLabel());
        string(out, f.yLabel());
        out.putInt(f.parameters().size());
        for (ParameterValue p : f.parameters()) {
            string(out, p.name());
            doubles(out, p.value(), p.low(), p.high());
            string(out, p.onBound());
            out.putDouble(p.standardError());
        }
        OptimizeResult o = f.optimization();
        out.putBoolean(o != null);
        if (o != null) {
            string(out, o.method());
            out.putDouble(o.objective());
            out.putBoolean(o.converged());
            out.putInt(o.iterations());
            out.putLong(o.evaluations());
            out.putInt(o.starts());
            out.putInt(o.startsAtBest());
            out.putDouble(o.gradientNorm());
            string(out, o.message());
        }
        metrics(out, f.fitMetrics());
        metrics(out, f.holdoutMetrics());
        out.putInt(f.runs().size());
        for (RunRow r : f.runs()) {
            string(out, r.id());
            string(out, r.role().text());
            doubles(out, r.x(), r.observed(), r.predicted());
            string(out, r.note());
        }
        out.putInt(f.curve().size());
        for (CurvePoint c : f.curve()) {
            string(out, c.series());
            doubles(out, c.x(), c.y());
        }
        out.putInt(f.targets().size());
        for (TargetPrediction t : f.targets()) {
            string(out, t.series());
            doubles(out, t.x(), t.predicted(), t.low(), t.high());
        }
        Uncertainty u = f.uncertainty();
        out.putBoolean(u != null);
        if (u != null) {
            out.putInt(u.resamples());
            out.putLong(u.seed());
            out.putDouble(u.level());
            out.putInt(u.failed());
            out.putInt(u.band().size());
            for (Uncertainty.BandPoint b : u.band()) {
                string(out, b.series());
                doubles(out, b.x(), b.low(), b.high());
            }
            out.putInt(u.draws().parameters());
            out.putInt(u.draws().values().length);
            doubles(out, u.draws().values());
        }
        out.putInt(f.computeOptimal().size());
        for (ComputeOptimal c : f.computeOptimal()) {
            doubles(out, c.compute(), c.params(), c.paramsLow(), c.paramsHigh(), c.tokens(), c.tokensLow(),
                    c.tokensHigh(), c.loss(), c.lossLow(), c.lossHigh());
            out.putBoolean(c.target());
        }
        out.putInt(f.window().size());
        for (WindowPoint w : f.window()) {
            out.putDouble(w.cutoff());
            out.putInt(w.fitRows());
            out.putDouble(w.holdoutMre());
            out.putBoolean(w.converged());
        }
        BackTest b = f.backtest();
        out.putInt(b.origins());
        out.putInt(b.failed());
        out.putInt(b.errors().size());
        for (BackTest.Error e : b.errors()) {
            doubles(out, e.origin(), e.x(), e.distance(), e.error());
        }
    }

    static FitOutcome read(Bytes.In in) {
        String law = string(in);
        String lawKind = string(in);
        String formula = string(in);
        String dataset = string(in);
        String group = string(in);
        int line = in.getInt();
        String xLabel = string(in);
        String yLabel = string(in);
        int n = count(in);
        List<ParameterValue> parameters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parameters.add(new ParameterValue(string(in), in.getDouble(), in.getDouble(), in.getDouble(), string(in),
                    in.getDouble()));
        }
        OptimizeResult optimization = null;
        if (in.getBoolean()) {
            // the solution is the parameters just read (a fit's x is its law's parameters), so it is not written twice
            double[] x = new double[n];
            String[] onBound = new String[n];
            double[] standardErrors = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = parameters.get(i).value();
                onBound[i] = parameters.get(i).onBound();
                standardErrors[i] = parameters.get(i).standardError();
            }
            String method = string(in);
            double objective = in.getDouble();
            boolean converged = in.getBoolean();
            int iterations = in.getInt();
            long evaluations = in.getLong();
            int starts = in.getInt();
            int startsAtBest = in.getInt();
            double gradientNorm = in.getDouble();
            optimization = new OptimizeResult(method, x, objective, converged, string(in), iterations, evaluations,
                    starts, startsAtBest, gradientNorm, onBound, standardErrors);
        }
        Metrics fitMetrics = metrics(in);
        Metrics holdoutMetrics = metrics(in);
        n = count(in);
        List<RunRow> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            runs.add(new RunRow(string(in), Role.parse(string(in)).orElseThrow(), in.getDouble(), in.getDouble(), in.getDouble(),
                    string(in)));
        }
        n = count(in);
        List<CurvePoint> curve = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            curve.add(new CurvePoint(string(in), in.getDouble(), in.getDouble()));
        }
        n = count(in);
        List<TargetPrediction> targets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            targets.add(new TargetPrediction(string(in), in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getDouble()));
        }
        Uncertainty uncertainty = null;
        if (in.getBoolean()) {
            int resamples = in.getInt();
            long seed = in.getLong();
            double level = in.getDouble();
            int failed = in.getInt();
            n = count(in);
            List<Uncertainty.BandPoint> band = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                band.add(new Uncertainty.BandPoint(string(in), in.getDouble(), in.getDouble(), in.getDouble()));
            }
            int drawWidth = in.getInt();
            double[] values = new double[count(in)];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.getDouble();
            }
            uncertainty = new Uncertainty(resamples, seed, level, failed, List.copyOf(band),
                    new Draws(drawWidth, values));
        }
        n = count(in);
        List<ComputeOptimal> optimal = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            optimal.add(new ComputeOptimal(in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getBoolean()));
        }
        n = count(in);
        List<WindowPoint> window = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            window.add(new WindowPoint(in.getDouble(), in.getInt(), in.getDouble(), in.getBoolean()));
        }
        int origins = in.getInt();
        int failed = in.getInt();
        n = count(in);
        List<BackTest.Error> errors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            errors.add(new BackTest.Error(in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble()));
        }
        return new FitOutcome(new FitOutcome.Subject(law, lawKind, formula, dataset, group, line, xLabel, yLabel),
                new FitOutcome.Estimate(List.copyOf(parameters), optimization, fitMetrics, holdoutMetrics,
                        List.copyOf(runs), List.copyOf(curve), List.copyOf(targets), List.copyOf(optimal)),
                uncertainty, new FitOutcome.Checks(List.copyOf(window), new BackTest(origins, failed,
                        List.copyOf(errors))));
    }

    private static void metrics(Bytes.Out out, Metrics m) {
        out.putBoolean(m != null);
        if (m != null) {
            out.putInt(m.n());
            doubles(out, m.mae(), m.mre(), m.rmse(), m.r2());
        }
    }

    private static Metrics metrics(Bytes.In in) {
        return in.getBoolean()
                ? new Metrics(in.getInt(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble())
                : null;
    }

    private static void doubles(Bytes.Out out, double... values) {
        for (double v : values) {
            out.putDouble(v);
        }
    }

    private static void string(Bytes.Out out, String s) {
        out.putString(s);
    }

    private static String string(Bytes.In in) {
        return in.getString();
    }

    private static int count(Bytes.In in) {
        return in.getCount();
    }
}
