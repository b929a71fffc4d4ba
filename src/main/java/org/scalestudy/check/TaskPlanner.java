package org.scalestudy.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DatasetLoader.Loaded;
import org.scalestudy.data.Evaluation;
import org.scalestudy.data.Selection;
import org.scalestudy.data.Table;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.law.CustomLaw;
import org.scalestudy.results.Role;
import org.scalestudy.results.SkippedGroup;

/**
 * The third stage of the checker: turns each fit statement, with its names resolved and its data
 * loaded, into fit tasks (one per law × group). Types the fit's columns, clauses and law inputs against
 * the table, selects the rows and gives each run its role; collects the {@code compare} decisions and
 * the groups {@code min runs} leaves out.
 */
final class TaskPlanner {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final ExprTyper typer;
    private final Evaluation evaluation;
    private final CustomLaws customLaws;
    private final Comparisons comparing;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<SkippedGroup> skipped = new ArrayList<>();

    TaskPlanner(SourceFile source, List<Diagnostic> diagnostics, ExprTyper typer, Evaluation evaluation,
                CustomLaws customLaws) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.typer = typer;
        this.evaluation = evaluation;
        this.customLaws = customLaws;
        this.comparing = new Comparisons(source, diagnostics, typer, evaluation);
    }

    /** The decisions of every fit planned so far, in study order. */
    List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    /** The groups {@code min runs} left out of every fit planned so far, in study order. */
    List<SkippedGroup> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The tasks of one fit statement, or none when it has a problem (reported).
     *
     * @param loaded the fit's data, loaded (its table is not null)
     * @param names  the study's resolved laws
     */
    List<FitTask> plan(FitDecl fit, Loaded loaded, ResolvedNames names) {
        return fitTasks(fit, loaded, names.laws(), names.customs());
    }

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
                roles.add(observable ? Role.HOLDOUT : Role.EXCLUDED);
                notes.add(observable ? "" : "no observed value");
            } else if (window[r]) {
                inWindow++;
                String why = law.law().unusable(row);
                roles.add(why == null ? Role.FIT : Role.EXCLUDED);
                notes.add(why == null ? "" : why);
                usable += why == null ? 1 : 0;
            } else {
                roles.add(Role.EXCLUDED);
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
            if (roles.get(i).equals(Role.FIT)) {
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
            Double v = Constants.of(fit.targets().get(i));
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    private void checkTargets(FitDecl fit) {
        for (Expr target : fit.targets()) {
            Double v = Constants.of(target);
            if (v == null || !(v > 0) || !Double.isFinite(v)) {
                diagnostics.add(source.error(target.pos(), "a target is a positive number on the chart's axis,"
                        + " e.g. predict 1e23"));
            }
        }
    }

    private static String firstReason(List<String> notes, List<Role> roles) {
        for (int i = 0; i < notes.size(); i++) {
            if (roles.get(i).equals(Role.EXCLUDED) && !notes.get(i).isEmpty()
                    && !notes.get(i).equals("outside the fit window")) {
                return " (others are excluded: " + notes.get(i) + ")";
            }
        }
        return "";
    }
}
