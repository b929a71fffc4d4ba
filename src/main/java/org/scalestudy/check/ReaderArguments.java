package org.scalestudy.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.readers.DataReader;
import org.scalestudy.data.readers.ReaderOptions;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.LawDecl;

/**
 * A data declaration's options ({@code name: value} after the path) as {@link ReaderOptions}: a
 * value is a string or a bare name ({@code "Model Size"}, {@code run}), a constant number, or a
 * column in a unit ({@code percent("acc")}, see {@link ReaderOptions#UNITS}), or a list of names
 * ({@code list(arc_easy, "piqa")}). Unknown and repeated
 * options and positional arguments are reported at the option.
 */
final class ReaderArguments {
    private ReaderArguments() {
    }

    /** The options, or null when one is invalid (each problem is reported). */
    static ReaderOptions convert(DataDecl decl, DataReader reader, SourceFile source, List<Diagnostic> diagnostics) {
        Map<String, ReaderOptions.Value> values = new LinkedHashMap<>();
        boolean ok = true;
        List<String> known = List.copyOf(reader.options().keySet());
        for (LawDecl.Arg arg : decl.options()) {
            if (arg.name() == null) {
                diagnostics.add(source.error(arg.pos(), reader.name() + " takes one path; give further arguments "
                        + "as 'name: value'" + (known.isEmpty() ? "" : " (" + String.join(", ", known) + ")")));
                ok = false;
                continue;
            }
            String name = arg.name().text();
            if (!known.contains(name)) {
                String hint = Suggestions.hint(name, known); // lists the options itself when nothing is close
                diagnostics.add(source.error(arg.name().pos(), reader.name() + " has no option '" + name + "'"
                        + (known.isEmpty() ? "; it takes only the path" : hint
                        + (hint.startsWith("; did you mean") ? "; options: " + String.join(", ", known) : ""))));
                ok = false;
                continue;
            }
            if (values.containsKey(name)) {
                diagnostics.add(source.error(arg.pos(), "option '" + name + "' is given twice"));
                ok = false;
                continue;
            }
            ReaderOptions.Value value = value(arg.value());
            if (value == null) {
                diagnostics.add(source.error(arg.value().pos(), "option '" + name + "' takes a column name or "
                        + "string (\"Model Size\"), a number, a list of names (list(a, b)), or a column in a unit: "
                        + String.join(", ", new java.util.TreeSet<>(ReaderOptions.UNITS.keySet()))
                        + ", e.g. percent(\"acc\")"));
                ok = false;
                continue;
            }
            values.put(name, value);
        }
        return ok ? new ReaderOptions(values) : null;
    }

    private static ReaderOptions.Value value(Expr e) {
        if (e instanceof Expr.Str s) {
            return new ReaderOptions.Value.Text(s.value());
        }
        if (e instanceof Expr.Column c && !c.name().equals("inf")) {
            return new ReaderOptions.Value.Text(c.name());
        }
        Double number = Constants.of(e);
        if (number != null) {
            return new ReaderOptions.Value.Number(number);
        }
        if (e instanceof Expr.Call call && call.function().equals("list") && !call.args().isEmpty()) {
            List<String> names = new java.util.ArrayList<>();
            for (Expr item : call.args()) {
                String n = item instanceof Expr.Str s ? s.value() : item instanceof Expr.Column c ? c.name() : null;
                if (n == null) {
                    return null;
                }
                names.add(n);
            }
            return new ReaderOptions.Value.Names(List.copyOf(names));
        }
        if (e instanceof Expr.Call call && ReaderOptions.UNITS.containsKey(call.function()) && call.args().size() == 1) {
            Expr inner = call.args().get(0);
            String column = inner instanceof Expr.Str s ? s.value() : inner instanceof Expr.Column c ? c.name() : null;
            if (column != null) {
                return new ReaderOptions.Value.Scaled(column, call.function(), ReaderOptions.UNITS.get(call.function()));
            }
        }
        return null;
    }

    /** Where to report a problem with an option: the option, or the path when it names none. */
    static org.scalestudy.lang.ast.Pos position(DataDecl decl, String option) {
        if (option != null) {
            for (LawDecl.Arg arg : decl.options()) {
                if (arg.name() != null && arg.name().text().equals(option)) {
                    return arg.value().pos();
                }
            }
        }
        return decl.pathPos();
    }
}
