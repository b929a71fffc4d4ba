package org.scalestudy.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.law.ArgSpec;
import org.scalestudy.law.LawKind;
import org.scalestudy.law.LawLibrary;

/**
 * Binds a built-in law declaration ({@code law l = chinchilla(N, D, y: loss)}) to its kind: finds the
 * kind, matches positional and named arguments to the kind's arguments, fills defaults and folds the
 * options to constants. Works on the syntax tree alone; the inputs are typed later against each dataset.
 */
final class LawBinder {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;

    LawBinder(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** The bound law, or null when it has a problem (reported). */
    BoundLaw bind(LawDecl decl) {
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
                Double value = Constants.of(arg.value());
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
}
