package org.scalestudy.report;

import org.scalestudy.report.Views.Cell;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;

import java.util.List;

/** The small rules every page model shares: names of fits and groups, null-safe text and lists, number cells. */
final class PageText {

    private PageText() {
    }

    /** A fit's name on the site: its law, and its group when it has one. */
    static String fitName(FitOutcome f) {
        String group = text(f.group());
        return text(f.law()) + (group.isEmpty() ? "" : " \u00b7 " + group);
    }

    /** A fit's group, or its dataset and "(all runs)" when it has none. */
    static String groupLabel(FitOutcome f) {
        String group = text(f.group());
        return group.isEmpty() ? text(f.dataset()) + " (all runs)" : group;
    }

    /** The fit's holdout MRE; NaN when it has no held-out runs. */
    static double holdoutMre(FitOutcome f) {
        Metrics h = f.holdoutMetrics();
        return h == null || h.n() == 0 ? Double.NaN : h.mre();
    }

    /** {@code list}, or an empty list for null. */
    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code s}, or "" for null. */
    static String text(String s) {
        return s == null ? "" : s;
    }

    /** A number cell: the number as the site prints it, sorted by its value. */
    static Cell number(double v) {
        return Cell.number(Numbers.format(v), v);
    }
}
