package org.scalestudy.check;

import java.util.List;
import org.scalestudy.data.Table;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.law.JointFit;

/**
 * Checks a fit's {@code share p, ... across column} clause and gives each of its tasks the set it is fitted with:
 * the groups of one law that agree on every {@code by} column but {@code column} (the context).
 */
final class Shares {
    private Shares() {
    }

    /** Reports what is wrong with {@code fit}'s share clause against {@code laws}; true when nothing is. */
    static boolean check(FitDecl fit, List<BoundLaw> laws, SourceFile source, List<Diagnostic> diagnostics) {
        FitDecl.Share share = fit.share();
        if (share == null) {
            return true;
        }
        int before = diagnostics.size();
        List<String> by = fit.groupBy().stream().map(Name::text).toList();
        if (!by.contains(share.column().text())) {
            diagnostics.add(source.error(share.column().pos(), "'share ... across " + share.column().text()
                    + "' needs '" + share.column().text() + "' among the fit's 'by' columns"
                    + (by.isEmpty() ? "; this fit has no 'by'" : " (" + String.join(", ", by) + ")")));
        }
        for (BoundLaw law : laws) {
            if (!(law.law() instanceof JointFit)) {
                diagnostics.add(source.error(share.pos(), "law '" + law.name().text() + "' (" + law.kind()
                        + ") cannot share parameters across groups; 'share' fits direct_power jointly"));
                continue;
            }
            for (Name p : share.parameters()) {
                if (!law.law().parameterNames().contains(p.text())) {
                    diagnostics.add(source.error(p.pos(), "law '" + law.name().text() + "' has no parameter '"
                            + p.text() + "'" + Suggestions.hint(p.text(), law.law().parameterNames())));
                }
            }
        }
        return diagnostics.size() == before;
    }

    /** The share of the task fitted to the group whose first row is {@code first} of {@code scoped}; null if none. */
    static FitTask.Share of(FitDecl fit, Table scoped, int first) {
        FitDecl.Share share = fit.share();
        if (share == null) {
            return null;
        }
        StringBuilder context = new StringBuilder();
        for (Name g : fit.groupBy()) {
            if (!g.text().equals(share.column().text())) {
                context.append(context.length() == 0 ? "" : ", ").append(g.text()).append('=')
                        .append(Comparisons.cell(scoped.column(g.text()), first));
            }
        }
        return new FitTask.Share(share.parameters().stream().map(Name::text).sorted().toList(),
                share.column().text(), context.toString(),
                Comparisons.cell(scoped.column(share.column().text()), first));
    }
}
