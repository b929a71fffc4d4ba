package org.scalestudy.check;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.CustomLawDecl;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.LawDeclaration;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.lang.ast.Study;

/**
 * The first stage of the checker, on the syntax tree alone (it reads no file): each data and law name
 * is declared once, each law binds to its kind (built-in laws) or checks on its own (custom laws), and
 * each fit names declared laws and data. {@link #warnUnused} then warns of laws never fitted and data
 * never used.
 */
final class NameResolver {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final CustomLaws customLaws;
    private final LawBinder binder;

    NameResolver(SourceFile source, List<Diagnostic> diagnostics, CustomLaws customLaws) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.customLaws = customLaws;
        this.binder = new LawBinder(source, diagnostics);
    }

    ResolvedNames resolve(Study study) {
        Map<String, DataDecl> data = new LinkedHashMap<>();
        for (DataDecl decl : study.data()) {
            DataDecl first = data.putIfAbsent(decl.name().text(), decl);
            if (first != null) {
                duplicate(decl.name(), "data", first.name());
            }
        }
        Map<String, BoundLaw> laws = new LinkedHashMap<>();
        Map<String, CustomLaws.Spec> customs = new LinkedHashMap<>();
        Map<String, Name> lawNames = new LinkedHashMap<>();
        for (LawDeclaration declaration : study.laws()) {
            Name first = lawNames.putIfAbsent(declaration.name().text(), declaration.name());
            if (first != null) {
                duplicate(declaration.name(), "law", first);
                continue;
            }
            if (declaration instanceof CustomLawDecl custom) {
                CustomLaws.Spec spec = customLaws.check(custom);
                if (spec != null) {
                    customs.put(custom.name().text(), spec);
                }
                continue;
            }
            BoundLaw bound = binder.bind((LawDecl) declaration);
            if (bound != null) {
                laws.put(declaration.name().text(), bound);
            }
        }
        for (FitDecl fit : study.fits()) {
            for (Name lawName : fit.laws()) {
                if (!lawNames.containsKey(lawName.text())) {
                    diagnostics.add(source.error(lawName.pos(), "unknown law '" + lawName.text() + "'"
                            + Suggestions.hint(lawName.text(), lawNames.keySet())
                            + (lawNames.isEmpty() ? "; declare it first with 'law " + lawName.text()
                            + " = ...'" : "")));
                }
            }
            if (!data.containsKey(fit.data().text())) {
                diagnostics.add(source.error(fit.data().pos(), "unknown data '" + fit.data().text() + "'"
                        + Suggestions.hint(fit.data().text(), data.keySet())));
            }
        }
        return new ResolvedNames(Collections.unmodifiableMap(data),
                Collections.unmodifiableSet(new LinkedHashSet<>(lawNames.keySet())),
                Collections.unmodifiableMap(laws), Collections.unmodifiableMap(customs));
    }

    /** Warns of each law no fit names and each data no fit uses, in study order. */
    void warnUnused(Study study) {
        Set<String> fitted = new HashSet<>();
        Set<String> usedData = new HashSet<>();
        for (FitDecl fit : study.fits()) {
            fit.laws().forEach(l -> fitted.add(l.text()));
            usedData.add(fit.data().text());
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
    }

    private void duplicate(Name name, String what, Name first) {
        diagnostics.add(source.error(name.pos(), what + " '" + name.text() + "' is already declared at line "
                + first.pos().line()));
    }
}
