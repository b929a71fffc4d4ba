package org.scalestudy.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalestudy.data.Column;
import org.scalestudy.data.Evaluation;
import org.scalestudy.data.Table;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Compare;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.Name;

/**
 * Checks a fit's {@code compare} clauses and turns each into {@link Comparison}s, one per law and context: the
 * compared column must be one the fit groups by; a target is a positive number (a value of the law's x) or a
 * condition over the data's columns; whether higher is better comes from {@code prefer}, else from the law
 * (accuracy laws: higher; loss and error laws: lower; others must say).
 */
final class Comparisons {
    /** Laws whose prediction is an accuracy or pass rate: higher is better. */
    static final Set<String> HIGHER_IS_BETTER = Set.of("direct_power", "across_ratios", "ceiling", "pass_at_k",
            "two_stage_linear", "two_stage_logistic");
    /** Laws whose prediction is a loss or an error: lower is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("chinchilla", "loss_to_error");

    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final ExprTyper typer;
    private final Evaluation evaluation;

    Comparisons(SourceFile source, List<Diagnostic> diagnostics, ExprTyper typer, Evaluation evaluation) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.typer = typer;
        this.evaluation = evaluation;
    }

    /**
     * The comparisons of {@code fit}, whose rows in scope are {@code scoped}, grouped as {@code groups} (group key
     * to positions in {@code scoped}), and whose tasks are {@code tasks}; reports problems and leaves out a clause
     * that has one.
     */
    List<Comparison> of(FitDecl fit, Table scoped, String dataName, Map<String, List<Integer>> groups,
                        List<FitTask> tasks) {
        List<Comparison> out = new ArrayList<>();
        for (Compare compare : fit.comparisons()) {
            out.addAll(clause(fit, compare, scoped, dataName, groups, tasks));
        }
        return out;
    }

    private List<Comparison> clause(FitDecl fit, Compare compare, Table scoped, String dataName,
                                    Map<String, List<Integer>> groups, List<FitTask> tasks) {
        Name column = compare.column();
        List<String> by = fit.groupBy().stream().map(Name::text).toList();
        if (!by.contains(column.text())) {
            diagnostics.add(source.error(column.pos(), "'compare' ranks the groups of a column the fit groups by; "
                    + (by.isEmpty() ? "this fit has no 'by': add 'by " + column.text() + "'"
                    : "'" + column.text() + "' is not one (this fit groups by " + String.join(", ", by) + ")"
                    + Suggestions.hint(column.text(), by))));
            return List.of();
        }
        int before = diagnostics.size();
        List<Comparison.Target> targets = new ArrayList<>();
        List<boolean[]> selected = new ArrayList<>();
        for (int i = 0; i < compare.targets().size(); i++) {
            Expr target = compare.targets().get(i);
            Double x = Constants.of(target);
            if (x != null) {
                if (!(x > 0) || !Double.isFinite(x)) {
                    diagnostics.add(source.error(target.pos(), "a 'compare' target that is a number is a value of"
                            + " the law's x, a positive number such as 1e22"));
                }
                targets.add(new Comparison.Target(compare.texts().get(i), x));
                selected.add(null);
                continue;
            }
            Type type = typer.type(target, scoped, dataName);
            if (type == Type.ERROR) {
                continue;
            }
            if (type != Type.BOOLEAN) {
                diagnostics.add(source.error(target.pos(), "a 'compare' target is a number (a value of the law's"
                        + " x, e.g. 1e22) or a condition selecting runs (e.g. params == 1.4e9), but this is "
                        + type.description));
                continue;
            }
            boolean[] rows = evaluation.booleans(target, scoped, dataName);
            if (Table.indices(rows).length == 0) {
                diagnostics.add(source.error(target.pos(), "this 'compare' target selects no run of data '"
                        + dataName + "'" + (fit.where() == null ? "" : " within 'where'")));
                continue;
            }
            targets.add(new Comparison.Target(compare.texts().get(i), Double.NaN));
            selected.add(rows);
        }
        if (diagnostics.size() > before) {
            return List.of();
        }
        // Tasks by law and context, in the order they are listed; each context's choices in that order too.
        Map<String, List<Comparison.Choice>> contexts = new LinkedHashMap<>();
        Map<String, FitTask> firstOfContext = new LinkedHashMap<>();
        for (FitTask task : tasks) {
            List<Integer> members = groups.get(task.group());
            int first = members.get(0);
            StringBuilder context = new StringBuilder();
            for (String g : by) {
                if (!g.equals(column.text())) {
                    context.append(context.length() == 0 ? "" : ", ").append(g).append('=')
                            .append(cell(scoped.column(g), first));
                }
            }
            List<int[]> rows = new ArrayList<>();
            for (boolean[] condition : selected) {
                rows.add(condition == null ? new int[0] : positions(members, condition));
            }
            String key = task.lawName() + "\u0000" + context;
            contexts.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Comparison.Choice(cell(scoped.column(column.text()), first), task, List.copyOf(rows)));
            firstOfContext.putIfAbsent(key, task);
        }
        List<Comparison> out = new ArrayList<>();
        int lonely = 0;
        for (Map.Entry<String, List<Comparison.Choice>> entry : contexts.entrySet()) {
            FitTask task = firstOfContext.get(entry.getKey());
            if (entry.getValue().size() < 2) {
                lonely++;
                continue;
            }
            Boolean higher = compare.preferHigher() != null ? compare.preferHigher() : direction(task);
            if (higher == null) {
                diagnostics.add(source.error(compare.pos(), "law '" + task.lawName() + "' (" + task.law().kind()
                        + ") does not say whether a higher prediction is better; add 'prefer higher' or"
                        + " 'prefer lower' to this 'compare'"));
                return List.of();
            }
            String context = entry.getKey().substring(entry.getKey().indexOf('\u0000') + 1);
            out.add(new Comparison(task.lawName(), dataName, column.text(), context, compare.pos().line(), higher,
                    List.copyOf(targets), List.copyOf(entry.getValue())));
        }
        if (lonely > 0) {
            diagnostics.add(source.warning(column.pos(), lonely + " group" + (lonely == 1 ? " has" : "s have")
                    + " a single value of '" + column.text() + "' to compare (a fit to each of at least two is"
                    + " needed); " + (out.isEmpty() ? "this 'compare' ranks nothing" : "they are left out")));
        }
        return out;
    }

    private static Boolean direction(FitTask task) {
        if (HIGHER_IS_BETTER.contains(task.law().kind())) {
            return true;
        }
        return LOWER_IS_BETTER.contains(task.law().kind()) ? false : null;
    }

    /** Positions in {@code members} whose row the condition selects. */
    private static int[] positions(List<Integer> members, boolean[] condition) {
        int[] out = new int[members.size()];
        int n = 0;
        for (int i = 0; i < members.size(); i++) {
            if (condition[members.get(i)]) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** A cell as group keys write it (whole numbers without a decimal point). */
    static String cell(Column column, int row) {
        if (column instanceof Column.Texts t) {
            return t.values()[row];
        }
        double v = ((Column.Numbers) column).values()[row];
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
