package org.scalestudy.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.data.DatasetLoader;
import org.scalestudy.data.DatasetLoader.Loaded;
import org.scalestudy.data.Evaluation;
import org.scalestudy.data.Selection;
import org.scalestudy.data.Table;
import org.scalestudy.data.readers.OptionError;
import org.scalestudy.data.readers.ReaderOptions;
import org.scalestudy.data.readers.Readers;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.CustomLawDecl;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.LawDeclaration;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.lang.ast.Study;
import org.scalestudy.law.ArgSpec;
import org.scalestudy.law.CustomLaw;
import org.scalestudy.law.LawKind;
import org.scalestudy.law.LawLibrary;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.Role;

/**
 * Syntax tree to checked study: resolves every name, types every expression, binds the laws and
 * builds each fit's task. The data stage computes what the checks need ({@link DatasetLoader} reads a
 * declaration and applies its steps once the checker has typed each; {@link Selection} picks a fit's
 * rows). Reports every problem it finds in one pass; throws them all together.
 */
public final class Checker {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final ExprTyper typer;
    private final Evaluation evaluation;
    private final DatasetLoader loader;
    private final CustomLaws customLaws;

    private final DataSandbox sandbox;
    private final Comparisons comparing;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<org.scalestudy.results.SkippedGroup> skipped = new ArrayList<>();

    private Checker(SourceFile source, DataSandbox sandbox) {
        this.source = source;
        this.sandbox = sandbox;
        this.typer = new ExprTyper(source, diagnostics);
        this.evaluation = new Evaluation(source, diagnostics);
        this.loader = new DatasetLoader(source, diagnostics, evaluation);
        this.customLaws = new CustomLaws(source, diagnostics);
        this.comparing = new Comparisons(source, diagnostics, typer, evaluation);
    }

    /**
     * @param slug the study's folder name in the site
     * @throws DiagnosticException with every error found; warnings alone do not throw
     */
    public static CheckedStudy check(SourceFile source, Study study, String slug) throws DiagnosticException {
        return check(source, study, slug, DataSandbox.forStudy(source.path(), List.of()));
    }

    /**
     * @param slug    the study's folder name in the site
     * @param sandbox where the study may read data files
     * @throws DiagnosticException with every error found; warnings alone do not throw
     */
    public static CheckedStudy check(SourceFile source, Study study, String slug, DataSandbox sandbox)
            throws DiagnosticException {
        Checker checker = new Checker(source, sandbox);
        CheckedStudy checked = checker.run(study, slug);
        boolean errors = checker.diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        if (errors) {
            throw new DiagnosticException(checker.diagnostics);
        }
        return checked;
    }


    private CheckedStudy run(Study study, String slug) {
        Map<String, Loaded> data = new LinkedHashMap<>();
        for (DataDecl decl : study.data()) {
            if (data.containsKey(decl.name().text())) {
                duplicate(decl.name(), "data", data.get(decl.name().text()).decl().name());
                continue;
            }
            Loaded loaded = load(decl);
            data.put(decl.name().text(), loaded);
        }
        Map<String, BoundLaw> laws = new LinkedHashMap<>();
        Map<String, CustomLaws.Spec> customs = new LinkedHashMap<>();
        Set<String> lawNames = new HashSet<>();
        for (LawDeclaration declaration : study.laws()) {
            if (!lawNames.add(declaration.name().text())) {
                LawDeclaration decl = declaration;
                Name first = study.laws().stream().filter(l -> l.name().text().equals(decl.name().text()))
                        .findFirst().orElseThrow().name();
                duplicate(decl.name(), "law", first);
                continue;
            }
            if (declaration instanceof CustomLawDecl custom) {
                CustomLaws.Spec spec = customLaws.check(custom);
                if (spec != null) {
                    customs.put(custom.name().text(), spec);
                }
                continue;
            }
            BoundLaw bound = bindLaw((LawDecl) declaration);
            if (bound != null) {
                laws.put(declaration.name().text(), bound);
            }
        }
        List<FitTask> tasks = new ArrayList<>();
        Set<String> fitted = new HashSet<>();
        Set<String> usedData = new HashSet<>();
        for (FitDecl fit : study.fits()) {
            for (Name lawName : fit.laws()) {
                fitted.add(lawName.text());
                if (!lawNames.contains(lawName.text())) {
                    diagnostics.add(source.error(lawName.pos(), "unknown law '" + lawName.text() + "'"
                            + Suggestions.hint(lawName.text(), lawNames)
                            + (lawNames.isEmpty() ? "; declare it first with 'law " + lawName.text()
                            + " = ...'" : "")));
                }
            }
            usedData.add(fit.data().text());
            if (!data.containsKey(fit.data().text())) {
                if (study.data().stream().noneMatch(d -> d.name().text().equals(fit.data().text()))) {
                    diagnostics.add(source.error(fit.data().pos(), "unknown data '" + fit.data().text() + "'"
                            + Suggestions.hint(fit.data().text(), data.keySet())));
                }
                continue;
            }
            Loaded loaded = data.get(fit.data().text());
            if (loaded.table() == null) {
                continue; // its loading problem is already reported
            }
            tasks.addAll(fitTasks(fit, loaded, laws, customs));
        }
        for (LawDeclaration decl : study.laws()) {
            if (!fitted.contains(decl.name().text())) {
                diagnostics.add(source.warning(decl.name().pos(), "law '" + decl.name().text()
                        + "' is declared but never fitted"));
            }
        }
        for (DataDecl decl : study.data()) {
            if (!usedData.contains(decl.name().text())) {
                diagnostics.add(source.warning(decl.name().pos(), "data '" + decl.name().text()
                        + "' is declared but no fit uses it"));
            }
        }
        if (study.fits().isEmpty()) {
            diagnostics.add(source.error(study.pos(), "this study fits nothing; add a statement such as "
                    + "'fit <law> to <data>'"));
        }
        ReportRequest report = ReportNames.of(source, study.report(), study.fits(), diagnostics);
        String description = Narrative.of(source, study, diagnostics);
        List<DatasetSummary> summaries = data.values().stream().filter(l -> l.summary() != null)
                .map(Loaded::summary).toList();
        return new CheckedStudy(source, slug, study.title(), description, summaries, tasks, report,
                List.copyOf(diagnostics), List.copyOf(comparisons), List.copyOf(skipped));
    }

    private void duplicate(Name name, String what, Name first) {
        diagnostics.add(source.error(name.pos(), what + " '" + name.text() + "' is already declared at line "
                + first.pos().line()));
    }

    // ---- data ----------------------------------------------------------------------------

    private Loaded load(DataDecl decl) {
        var reader = Readers.find(decl.reader().text());
        if (reader.isEmpty()) {
            diagnostics.add(source.error(decl.reader().pos(), "unknown data reader '" + decl.reader().text() + "'"
                    + Suggestions.hint(decl.reader().text(), Readers.names()) + "; readers: "
                    + String.join(", ", Readers.names())));
            return Loaded.failed(decl);
        }
        ReaderOptions options = ReaderArguments.convert(decl, reader.get(), source, diagnostics);
        if (options == null) {
            return Loaded.failed(decl);
        }
        DataSandbox.Resolved resolved = sandbox.resolve(decl.path());
        if (resolved instanceof DataSandbox.Refused refused) {
            diagnostics.add(source.error(decl.pathPos(), "refusing to read data file '" + decl.path() + "': "
                    + refused.reason()));
            return Loaded.failed(decl);
        }
        Path file = ((DataSandbox.Allowed) resolved).file();
        try {
            return loader.load(decl, reader.get(), options, file, sandbox, (step, table) -> typed(step, table, decl));
        } catch (OptionError e) {
            diagnostics.add(source.error(ReaderArguments.position(decl, e.option()), e.getMessage()));
            return Loaded.failed(decl);
        }
    }

    /** Types one data step against the table as it is before the step; false when it has a problem. */
    private boolean typed(DataStep step, Table table, DataDecl decl) {
        String dataName = decl.name().text();
        if (step instanceof DataStep.Where where) {
            return typer.expect(where.condition(), table, dataName, Type.BOOLEAN, "a 'where' filter") != Type.ERROR;
        }
        Name name = step instanceof DataStep.Let let ? let.name() : ((DataStep.Join) step).name();
        boolean ok = true;
        if (table.has(name.text())) {
            diagnostics.add(source.error(name.pos(), "column '" + name.text() + "' already exists in data '"
                    + dataName + "'; choose another name"));
            ok = false;
        }
        if (step instanceof DataStep.Join join) {
            for (Name key : join.keys()) {
                if (!table.has(key.text())) {
                    diagnostics.add(source.error(key.pos(), "unknown column '" + key.text() + "' in data '"
                            + dataName + "'" + Suggestions.hint(key.text(), table.names())));
                    ok = false;
                }
            }
            ok &= typer.expect(join.condition(), table, dataName, Type.BOOLEAN, "the condition after 'of'")
                    != Type.ERROR;
        }
        Expr value = step instanceof DataStep.Let let ? let.expr() : ((DataStep.Join) step).value();
        Type t = typer.type(value, table, dataName);
        if (t == Type.BOOLEAN) {
            diagnostics.add(source.error(value.pos(), "a derived column is a number or text, not a condition"));
            return false;
        }
        return ok && t != Type.ERROR;
    }

    // ---- laws ----------------------------------------------------------------------------

    private BoundLaw bindLaw(LawDecl decl) {
        var kind = LawLibrary.find(decl.kind().text());
        if (kind.isEmpty()) {
            diagnostics.add(source.error(decl.kind().pos(), "unknown law kind '" + decl.kind().text() + "'"
                    + Suggestions.hint(decl.kind().text(), LawLibrary.all().stream().map(LawKind::name).toList())));
            return null;
        }
        LawKind k = kind.get();
        List<ArgSpec> specs = k.args();
        List<String> argNames = specs.stream().map(ArgSpec::name).toList();
        Map<String, LawDecl.Arg> given = new LinkedHashMap<>();
        boolean ok = true;
        boolean seenNamed = false;
        int positional = 0;
        for (LawDecl.Arg arg : decl.args()) {
            String name;
            if (arg.name() == null) {
                if (seenNamed) {
                    diagnostics.add(source.error(arg.pos(), "a positional argument cannot follow a named one; "
                            + "write it as 'name: value'"));
                    ok = false;
                    continue;
                }
                if (positional >= specs.size()) {
                    diagnostics.add(source.error(arg.pos(), k.name() + " takes at most " + specs.size()
                            + " arguments (" + String.join(", ", argNames) + ")"));
                    ok = false;
                    continue;
                }
                name = specs.get(positional++).name();
            } else {
                seenNamed = true;
                name = arg.name().text();
                if (!argNames.contains(name)) {
                    diagnostics.add(source.error(arg.name().pos(), k.name() + " has no argument '" + name + "'"
                            + Suggestions.hint(name, argNames)));
                    ok = false;
                    continue;
                }
            }
            if (given.containsKey(name)) {
                diagnostics.add(source.error(arg.pos(), "argument '" + name + "' is given twice"));
                ok = false;
                continue;
            }
            given.put(name, arg);
        }
        Map<String, Double> options = new TreeMap<>();
        Map<String, LawDecl.Arg> inputs = new LinkedHashMap<>();
        for (ArgSpec spec : specs) {
            LawDecl.Arg arg = given.get(spec.name());
            if (arg == null) {
                if (spec.required()) {
                    diagnostics.add(source.error(decl.kind().pos(), k.name() + " needs argument '" + spec.name()
                            + "' (" + spec.description() + ")"));
                    ok = false;
                } else if (spec.kind() == ArgSpec.Kind.OPTION) {
                    options.put(spec.name(), spec.defaultValue());
                } else {
                    inputs.put(spec.name(), new LawDecl.Arg(null, new Expr.Num(spec.defaultValue(), decl.pos()),
                            Double.toString(spec.defaultValue()), decl.pos()));
                }
                continue;
            }
            if (spec.kind() == ArgSpec.Kind.OPTION) {
                Double value = constant(arg.value());
                if (value == null) {
                    diagnostics.add(source.error(arg.value().pos(), "option '" + spec.name() + "' of " + k.name()
                            + " must be a constant number (" + spec.description() + ")"));
                    ok = false;
                } else {
                    options.put(spec.name(), value);
                }
            } else {
                inputs.put(spec.name(), arg);
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return new BoundLaw(decl.name(), k.name(), k.bind(options), inputs,
                    inputs.containsKey("y") ? inputs.get("y").text() : "y", LawSpecs.builtIn(k.name(), options));
        } catch (IllegalArgumentException e) {
            diagnostics.add(source.error(decl.kind().pos(), e.getMessage()));
            return null;
        }
    }

    /** The value of an expression made only of numbers (and {@code inf}, {@code pi}), or null. */
    static Double constant(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Column c && c.name().equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (e instanceof Expr.Column c && org.scalestudy.data.Functions.constant(c.name()) != null) {
            return org.scalestudy.data.Functions.constant(c.name());
        }
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            Double v = constant(u.operand());
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Binary b && "+-*/^".contains(b.op())) {
            Double l = constant(b.left());
            Double r = constant(b.right());
            if (l == null || r == null) {
                return null;
            }
            return switch (b.op()) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                case "/" -> l / r;
                default -> Math.pow(l, r);
            };
        }
        return null;
    }

    // ---- fits ----------------------------------------------------------------------------

    private List<FitTask> fitTasks(FitDecl fit, Loaded loaded, Map<String, BoundLaw> laws,
                                   Map<String, CustomLaws.Spec> customs) {
        Table table = loaded.table();
        String dataName = loaded.decl().name().text();
        int reported = diagnostics.size();
        checkTargets(fit);
        boolean ok = diagnostics.size() == reported;
        for (Name g : fit.groupBy()) {
            if (!table.has(g.text())) {
                diagnostics.add(source.error(g.pos(), "unknown column '" + g.text() + "' in data '" + dataName + "'"
                        + Suggestions.hint(g.text(), table.names())));
                ok = false;
            }
        }
        ok &= fit.where() == null || typer.expect(fit.where(), table, dataName, Type.BOOLEAN, "'where'") != Type.ERROR;
        ok &= fit.window() == null
                || typer.expect(fit.window(), table, dataName, Type.BOOLEAN, "'window'") != Type.ERROR;
        ok &= fit.holdout() == null
                || typer.expect(fit.holdout(), table, dataName, Type.BOOLEAN, "'holdout'") != Type.ERROR;
        List<BoundLaw> bound = new ArrayList<>();
        for (Name lawName : fit.laws()) {
            BoundLaw law = customs.containsKey(lawName.text())
                    ? customLaws.bind(customs.get(lawName.text()), table, dataName, lawName)
                    : laws.get(lawName.text());
            if (law == null) {
                ok = false;
                continue;
            }
            for (Map.Entry<String, LawDecl.Arg> input : law.inputs().entrySet()) {
                LawDecl.Arg arg = input.getValue();
                int before = diagnostics.size();
                Type t = typer.type(arg.value(), table, dataName);
                if (t != Type.ERROR && t != Type.NUMBER) {
                    diagnostics.add(source.error(arg.value().pos(), "argument '" + input.getKey() + "' of law '"
                            + lawName.text() + "' must be a number, but this is " + t.description));
                    typer.reportTextCells(arg.value(), table, "argument '" + input.getKey() + "' of law '"
                            + lawName.text() + "'");
                }
                if (diagnostics.size() > before) {
                    diagnostics.add(source.error(lawName.pos(), "law '" + lawName.text()
                            + "' cannot be fitted to data '" + dataName + "' (see line " + arg.pos().line() + ")"));
                    ok = false;
                }
            }
            bound.add(law);
        }
        ok &= Shares.check(fit, bound, source, diagnostics);
        if (!ok) {
            return List.of();
        }
        Selection selection = Selection.of(fit, table, dataName, evaluation, source, diagnostics);
        if (selection == null) {
            return List.of();
        }
        List<FitTask> tasks = new ArrayList<>();
        FitRows fitRows = new FitRows(fit, loaded, selection, source, diagnostics);
        for (BoundLaw law : bound) {
            int before = diagnostics.size();
            Map<String, double[]> inputValues = selection.inputs(law.inputs(), evaluation, dataName);
            if (diagnostics.size() > before) {
                continue; // a table lacks a key: the inputs hold NaN, and what follows from them would only repeat it
            }
            boolean[] dropped = fitRows.dropped(law, inputValues);
            if (dropped == null) {
                continue;
            }
            Map<String, String> texts = new HashMap<>();
            law.inputs().forEach((k, v) -> texts.put(k, v.text()));
            for (Map.Entry<String, List<Integer>> group : fitRows.groups(law, dropped, inputValues).entrySet()) {
                FitTask task = task(fit, law, dataName, group.getKey(), group.getValue(), inputValues, texts,
                        selection);
                if (task != null) {
                    tasks.add(task);
                }
            }
        }
        skipped.addAll(fitRows.finish());
        comparisons.addAll(comparing.of(fit, selection.scoped(), dataName, selection.groups(), tasks));
        return tasks;
    }

    private FitTask task(FitDecl fit, BoundLaw law, String dataName, String group, List<Integer> members,
                         Map<String, double[]> inputValues, Map<String, String> texts, Selection selection) {
        List<String> allIds = selection.ids();
        boolean[] window = selection.window();
        boolean[] holdout = selection.holdout();
        int n = members.size();
        double[][] rows = new double[n][];
        List<String> ids = new ArrayList<>(n);
        List<Role> roles = new ArrayList<>(n);
        List<String> notes = new ArrayList<>(n);
        int inWindow = 0;
        int usable = 0;
        for (int i = 0; i < n; i++) {
            int r = members.get(i);
            double[] row = new double[inputValues.size()];
            int j = 0;
            for (double[] column : inputValues.values()) {
                row[j++] = column[r];
            }
            rows[i] = row;
            ids.add(allIds.get(r));
            if (holdout[r]) {
                boolean observable = Double.isFinite(law.law().observed(row));
                roles.add(observable ? FitTask.HOLDOUT : FitTask.EXCLUDED);
                notes.add(observable ? "" : "no observed value");
            } else if (window[r]) {
                inWindow++;
                String why = law.law().unusable(row);
                roles.add(why == null ? FitTask.FIT : FitTask.EXCLUDED);
                notes.add(why == null ? "" : why);
                usable += why == null ? 1 : 0;
            } else {
                roles.add(FitTask.EXCLUDED);
                notes.add("outside the fit window");
            }
        }
        String where = group.isEmpty() ? "" : " in group " + group;
        Pos at = fit.window() != null ? fit.window().pos() : fit.pos();
        if (inWindow == 0) {
            diagnostics.add(source.error(at, "the fit window selects no run of data '" + dataName + "'" + where));
            return null;
        }
        if (usable < law.law().minimumRows()) {
            diagnostics.add(source.error(at, "the fit window leaves " + usable + " usable run"
                    + (usable == 1 ? "" : "s") + " of data '" + dataName + "'" + where + " for law '"
                    + law.name().text() + "'; " + law.kind() + " needs at least "
                    + law.law().minimumRows() + firstReason(notes, roles)));
            return null;
        }
        warnSingleX(at, law, rows, roles, dataName + "'" + where);
        if (law.law() instanceof CustomLaw custom) {
            customLaws.checkDefined(custom, law.name(), rows, roles, ids, dataName + "'" + where);
        }
        return new FitTask(law.name().text(), law.law(), dataName, group, fit.pos().line(),
                law.law().axisLabel(texts), law.yLabel(), List.copyOf(ids), rows, List.copyOf(roles),
                List.copyOf(notes), fit.bootstrap() == null ? 0 : fit.bootstrap().resamples(),
                fit.bootstrap() == null ? 0 : fit.bootstrap().seed(), targets(fit), law.spec(),
                Shares.of(fit, selection.scoped(), members.get(0)));
    }

    /**
     * Warns when every run a law is fitted to sits at the same x (e.g. the same compute): the fit is then
     * not a scaling law, since nothing in it varies along the axis it extrapolates on.
     */
    private void warnSingleX(Pos at, BoundLaw law, double[][] rows, List<Role> roles, String where) {
        double first = Double.NaN;
        for (int i = 0; i < rows.length; i++) {
            if (roles.get(i).equals(FitTask.FIT)) {
                double x = law.law().axis(rows[i]);
                if (Double.isNaN(first)) {
                    first = x;
                } else if (Double.compare(x, first) != 0) {
                    return;
                }
            }
        }
        diagnostics.add(source.warning(at, "every run law '" + law.name().text() + "' is fitted to in data '"
                + where + " has the same x (" + first + "); its parameters are not determined along that axis"
                + " and its extrapolation means nothing"));
    }

    /** The fit's targets as numbers; each must be a positive constant (it is a point on a log axis). */
    private double[] targets(FitDecl fit) {
        double[] out = new double[fit.targets().size()];
        for (int i = 0; i < out.length; i++) {
            Double v = constant(fit.targets().get(i));
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    private void checkTargets(FitDecl fit) {
        for (Expr target : fit.targets()) {
            Double v = constant(target);
            if (v == null || !(v > 0) || !Double.isFinite(v)) {
                diagnostics.add(source.error(target.pos(), "a target is a positive number on the chart's axis,"
                        + " e.g. predict 1e23"));
            }
        }
    }

    private static String firstReason(List<String> notes, List<Role> roles) {
        for (int i = 0; i < notes.size(); i++) {
            if (roles.get(i).equals(FitTask.EXCLUDED) && !notes.get(i).isEmpty()
                    && !notes.get(i).equals("outside the fit window")) {
                return " (others are excluded: " + notes.get(i) + ")";
            }
        }
        return "";
    }
}
