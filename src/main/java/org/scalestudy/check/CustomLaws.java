package org.scalestudy.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalestudy.data.Column;
import org.scalestudy.lang.Functions;
import org.scalestudy.data.Table;
import org.scalestudy.fit.Bounds;
import org.scalestudy.fit.Grid;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.CustomLawDecl;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.law.CustomLaw;
import org.scalestudy.law.formula.Term;
import org.scalestudy.results.Role;

/**
 * Checks laws a study writes itself ({@code law l = y ~ formula { ... }}): first on their own
 * (parameters, bounds, starts, settings), then against each dataset they are fitted to (every
 * other name must be a numeric column), compiling the formula for the optimiser.
 */
final class CustomLaws {
    static final List<String> SETTINGS = List.of("loss", "residuals", "weight", "x");
    static final int MAX_STARTS = 100_000;

    private final SourceFile source;
    private final List<Diagnostic> diagnostics;

    CustomLaws(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** What a custom law declares, checked, before any data is known. */
    record Spec(CustomLawDecl decl, List<String> params, double[] lower, double[] upper, List<double[]> starts,
                CustomLaw.Space space, double delta, CustomLawDecl.Setting weight, CustomLawDecl.Setting x) { }

    Spec check(CustomLawDecl decl) {
        int before = errors();
        Set<String> used = new LinkedHashSet<>();
        names(decl.formula(), used);
        List<String> params = new ArrayList<>();
        double[] lower = new double[decl.params().size()];
        double[] upper = new double[decl.params().size()];
        List<double[]> axes = new ArrayList<>();
        for (int i = 0; i < decl.params().size(); i++) {
            CustomLawDecl.Param p = decl.params().get(i);
            String name = p.name().text();
            if (params.contains(name)) {
                diagnostics.add(source.error(p.name().pos(), "parameter '" + name + "' is declared twice"));
            }
            params.add(name);
            if (Functions.constant(name) != null) {
                diagnostics.add(source.error(p.name().pos(), "'" + name + "' is the constant "
                        + Functions.constant(name) + "; name the parameter otherwise"));
            }
            if (!used.contains(name)) {
                diagnostics.add(source.error(p.name().pos(), "parameter '" + name
                        + "' appears nowhere in the formula, so no data can fix its value"));
            }
            lower[i] = p.lower() == null ? Double.NEGATIVE_INFINITY : number(p.lower(), "a lower bound");
            upper[i] = p.upper() == null ? Double.POSITIVE_INFINITY : number(p.upper(), "an upper bound");
            if (lower[i] >= upper[i]) {
                diagnostics.add(source.error(p.lower().pos(), "the bounds of '" + name
                        + "' are empty: the lower bound must be below the upper bound"));
            }
            axes.add(starts(p, lower[i], upper[i]));
        }
        CustomLaw.Space space = CustomLaw.Space.IDENTITY;
        double delta = Double.NaN;
        CustomLawDecl.Setting weight = null;
        CustomLawDecl.Setting x = null;
        Set<String> seen = new LinkedHashSet<>();
        for (CustomLawDecl.Setting s : decl.settings()) {
            String key = s.key().text();
            if (!SETTINGS.contains(key)) {
                diagnostics.add(source.error(s.key().pos(), "unknown setting '" + key + "' of a law"
                        + Suggestions.hint(key, SETTINGS)
                        + (key.equals("param") ? "" : "; parameters are declared with 'param NAME'")));
                continue;
            }
            if (!seen.add(key)) {
                diagnostics.add(source.error(s.key().pos(), "setting '" + key + "' is given twice"));
                continue;
            }
            switch (key) {
                case "residuals" -> space = space(s);
                case "loss" -> delta = loss(s);
                case "weight" -> weight = s;
                default -> x = s;
            }
        }
        long total = 1;
        for (double[] axis : axes) {
            total *= Math.max(1, axis.length);
        }
        if (total > MAX_STARTS) {
            diagnostics.add(source.error(decl.name().pos(), "law '" + decl.name().text() + "' has " + total
                    + " starting points (the product of each parameter's starts); at most " + MAX_STARTS
                    + " are allowed"));
        }
        if (errors() > before) {
            return null;
        }
        return new Spec(decl, List.copyOf(params), lower, upper, Grid.cartesian(axes.toArray(double[][]::new)),
                space, delta, weight, x);
    }

    /** The law compiled against one dataset, or null with diagnostics. */
    BoundLaw bind(Spec spec, Table table, String dataName, Name usedAt) {
        CustomLawDecl decl = spec.decl();
        int before = errors();
        Map<String, Integer> inputs = new LinkedHashMap<>();
        Map<String, Pos> firstUse = new LinkedHashMap<>();
        List<Expr> parts = new ArrayList<>(List.of(decl.observed(), decl.formula()));
        if (spec.weight() != null) {
            parts.add(spec.weight().value());
        }
        if (spec.x() != null) {
            parts.add(spec.x().value());
        }
        for (Expr part : parts) {
            columns(part, spec.params(), firstUse);
        }
        for (Map.Entry<String, Pos> use : firstUse.entrySet()) {
            String name = use.getKey();
            if (!table.has(name)) {
                List<String> candidates = new ArrayList<>(table.names());
                candidates.addAll(spec.params());
                diagnostics.add(source.error(use.getValue(), "unknown name '" + name + "' in law '"
                        + decl.name().text() + "': neither a declared parameter nor a column of data '" + dataName
                        + "'" + Suggestions.hint(name, candidates)));
            } else if (!(table.column(name) instanceof Column.Numbers)) {
                diagnostics.add(source.error(use.getValue(), "column '" + name + "' of data '" + dataName
                        + "' holds text; a law needs numbers"));
            } else {
                inputs.put(name, inputs.size());
            }
        }
        if (errors() > before) {
            diagnostics.add(source.error(usedAt.pos(), "law '" + decl.name().text() + "' cannot be fitted to data '"
                    + dataName + "' (see line " + decl.pos().line() + ")"));
            return null;
        }
        FormulaCompiler compiler = new FormulaCompiler(source, diagnostics, spec.params(), inputs);
        Term observed = compiler.compile(decl.observed());
        Term formula = compiler.compile(decl.formula());
        Term weight = spec.weight() == null ? new Term.Const(1) : compiler.compile(spec.weight().value());
        String firstColumn = null;
        Set<String> formulaColumns = new LinkedHashSet<>();
        names(decl.formula(), formulaColumns);
        for (String n : formulaColumns) {
            if (inputs.containsKey(n) && firstColumn == null) {
                firstColumn = n;
            }
        }
        if (firstColumn == null && spec.x() == null) {
            diagnostics.add(source.error(decl.formula().pos(), "the formula of law '" + decl.name().text()
                    + "' uses no data column; name one (e.g. C) or set 'x:' for the chart"));
            return null;
        }
        Term axis = spec.x() != null ? compiler.compile(spec.x().value())
                : new Term.Input(inputs.get(firstColumn), firstColumn);
        String axisText = spec.x() != null ? spec.x().text() : firstColumn;
        if (errors() > before) {
            return null;
        }
        for (Term t : List.of(observed, weight, axis)) {
            if (mentionsParam(t)) {
                diagnostics.add(source.error(decl.pos(), "the observed value, weight and x of law '"
                        + decl.name().text() + "' may use data columns only, not parameters"));
                return null;
            }
        }
        CustomLaw law = new CustomLaw(new CustomLaw.Definition(decl.formulaText(), spec.params(),
                List.copyOf(inputs.keySet()), observed, formula, weight, axis, axisText, spec.space(), spec.delta(),
                Bounds.of(spec.lower(), spec.upper()), spec.starts()));
        Map<String, LawDecl.Arg> args = new LinkedHashMap<>();
        for (String column : inputs.keySet()) {
            args.put(column, new LawDecl.Arg(null, new Expr.Column(column, decl.pos()), column, decl.pos()));
        }
        return new BoundLaw(decl.name(), CustomLaw.KIND, law, args, text(decl.observed()),
                LawSpecs.custom(law.definition()));
    }

    /** Reports a law whose objective is undefined from every start on the rows it would be fitted on. */
    void checkDefined(CustomLaw law, Name name, double[][] rows, List<Role> roles, List<String> ids,
                      String where) {
        List<double[]> fitRows = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (roles.get(i).equals(Role.FIT)) {
                fitRows.add(rows[i]);
            }
        }
        var objective = law.objective(fitRows.toArray(double[][]::new));
        CustomLaw.Definition d = law.definition();
        for (double[] start : d.starts()) {
            if (Double.isFinite(objective.value(start))) {
                return;
            }
        }
        double[] start = d.starts().get(0);
        String at = "";
        for (int i = 0; i < rows.length; i++) {
            if (roles.get(i).equals(Role.FIT) && !Double.isFinite(law.predict(start, rows[i]))) {
                at = "; at the first start it is " + law.predict(start, rows[i]) + " for run '" + ids.get(i) + "'";
                break;
            }
        }
        diagnostics.add(source.error(name.pos(), "law '" + name.text() + "' is undefined (NaN or infinite) on the fit"
                + " rows of data '" + where + " from every starting point" + at
                + "; change its starts or bounds, or its residual space"));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private int errors() {
        return (int) diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    private double number(Expr e, String what) {
        Double v = Constants.of(e);
        if (v == null || Double.isNaN(v)) {
            diagnostics.add(source.error(e.pos(), what + " must be a constant number (inf and -inf allowed)"));
            return Double.NaN;
        }
        return v;
    }

    private double[] starts(CustomLawDecl.Param p, double lo, double hi) {
        List<Double> values = new ArrayList<>();
        if (p.range() != null) {
            double from = number(p.range().from(), "a start");
            double to = number(p.range().to(), "a start");
            double step = number(p.range().step(), "a step");
            if (!(step > 0) || !(to >= from) || (to - from) / step > MAX_STARTS) {
                diagnostics.add(source.error(p.range().step().pos(), "a start range needs from <= to and a positive"
                        + " step giving at most " + MAX_STARTS + " values"));
                return new double[] {Double.NaN};
            }
            for (double v : Grid.steps(from, to, step)) {
                values.add(v);
            }
        } else if (!p.starts().isEmpty()) {
            for (Expr e : p.starts()) {
                values.add(number(e, "a start"));
            }
        } else {
            // No starts given: the middle of a finite box, one inside a half-open one, else 1.
            boolean finiteLo = Double.isFinite(lo);
            boolean finiteHi = Double.isFinite(hi);
            values.add(finiteLo && finiteHi ? (lo + hi) / 2 : finiteLo ? lo + 1 : finiteHi ? hi - 1 : 1.0);
        }
        for (double v : values) {
            if (lo < hi && !(v >= lo && v <= hi)) {
                diagnostics.add(source.error(p.pos(), "start " + v + " of '" + p.name().text()
                        + "' lies outside its bounds [" + lo + ", " + hi + "]"));
                break;
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private CustomLaw.Space space(CustomLawDecl.Setting s) {
        if (s.value() instanceof Expr.Column c) {
            for (CustomLaw.Space space : CustomLaw.Space.values()) {
                if (space.word.equals(c.name())) {
                    return space;
                }
            }
        }
        diagnostics.add(source.error(s.value().pos(), "residuals are taken in identity, log or loglog space"));
        return CustomLaw.Space.IDENTITY;
    }

    private double loss(CustomLawDecl.Setting s) {
        if (s.value() instanceof Expr.Column c && c.name().equals("squares")) {
            return Double.NaN;
        }
        if (s.value() instanceof Expr.Call call && call.function().equals("huber") && call.args().size() == 1) {
            Double delta = Constants.of(call.args().get(0));
            if (delta != null && delta > 0 && Double.isFinite(delta)) {
                return delta;
            }
        }
        diagnostics.add(source.error(s.value().pos(), "a loss is 'squares' or 'huber(delta)' with a positive delta"));
        return Double.NaN;
    }

    /** Every column-like name in an expression, in order of first appearance. */
    private static void names(Expr e, Set<String> out) {
        if (e instanceof Expr.Column c) {
            out.add(c.name());
        } else if (e instanceof Expr.Unary u) {
            names(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            names(b.left(), out);
            names(b.right(), out);
        } else if (e instanceof Expr.Call call) {
            call.args().forEach(a -> names(a, out));
        }
    }

    private static void columns(Expr e, List<String> params, Map<String, Pos> out) {
        if (e instanceof Expr.Column c) {
            if (!params.contains(c.name()) && Functions.constant(c.name()) == null) {
                out.putIfAbsent(c.name(), c.pos());
            }
        } else if (e instanceof Expr.Unary u) {
            columns(u.operand(), params, out);
        } else if (e instanceof Expr.Binary b) {
            columns(b.left(), params, out);
            columns(b.right(), params, out);
        } else if (e instanceof Expr.Call call) {
            call.args().forEach(a -> columns(a, params, out));
        }
    }

    private static boolean mentionsParam(Term t) {
        if (t instanceof Term.Param) {
            return true;
        } else if (t instanceof Term.Neg n) {
            return mentionsParam(n.a());
        } else if (t instanceof Term.Add x) {
            return mentionsParam(x.a()) || mentionsParam(x.b());
        } else if (t instanceof Term.Sub x) {
            return mentionsParam(x.a()) || mentionsParam(x.b());
        } else if (t instanceof Term.Mul x) {
            return mentionsParam(x.a()) || mentionsParam(x.b());
        } else if (t instanceof Term.Div x) {
            return mentionsParam(x.a()) || mentionsParam(x.b());
        } else if (t instanceof Term.Pow x) {
            return mentionsParam(x.a()) || mentionsParam(x.b());
        } else if (t instanceof Term.Fn f) {
            return mentionsParam(f.a());
        } else if (t instanceof Term.MinMax m) {
            return mentionsParam(m.a()) || mentionsParam(m.b());
        }
        return false;
    }

    private static String text(Expr e) {
        return e instanceof Expr.Column c ? c.name() : "y";
    }
}
