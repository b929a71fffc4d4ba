package org.scalestudy.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DatasetLoader;
import org.scalestudy.data.DatasetLoader.Loaded;
import org.scalestudy.data.Selection;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.results.SkippedGroup;

/**
 * Which of a fit's selected rows and groups each of its laws is fitted to, after the two rules that can
 * leave rows or groups out: a row whose law inputs read a missing value ({@link MissingValues}) is an
 * error, or, with {@code drop missing}, left out (one warning at the fit says how many); a group with fewer
 * runs in the window than {@code min runs N} is skipped (one warning at the fit lists them all). A run counts
 * when the law can use it: one the law leaves out (e.g. an accuracy at chance for {@code direct_power}) does
 * not, so a group skipped here is never one the fit would reject for too few usable runs.
 */
final class FitRows {
    private final FitDecl fit;
    private final Loaded loaded;
    private final Selection selection;
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final boolean[] droppedByAny;
    private final List<SkippedGroup> skipped = new ArrayList<>();
    private final Map<String, Integer> skippedRuns = new LinkedHashMap<>();

    FitRows(FitDecl fit, Loaded loaded, Selection selection, SourceFile source, List<Diagnostic> diagnostics) {
        this.fit = fit;
        this.loaded = loaded;
        this.selection = selection;
        this.source = source;
        this.diagnostics = diagnostics;
        this.droppedByAny = new boolean[selection.scoped().rows()];
    }

    /**
     * The rows of the selection the law leaves out for a missing value (none without {@code drop missing});
     * null when it would use one and the fit does not drop them (then the error is reported at the fit).
     */
    boolean[] dropped(BoundLaw law, Map<String, double[]> inputValues) {
        boolean[] used = new boolean[selection.scoped().rows()];
        for (int r = 0; r < used.length; r++) {
            used[r] = selection.window()[r] || selection.holdout()[r];
        }
        MissingValues missing = new MissingValues(loaded.fileColumns(),
                loaded.inputs().size() == 1 ? loaded.inputs().get(0) : null, loaded.decl().steps());
        List<MissingValues.Missing> rows = missing.used(law.inputs(), inputValues, selection.scoped(), used,
                selection.ids(), DatasetLoader::display);
        boolean[] out = new boolean[used.length];
        if (rows.isEmpty()) {
            return out;
        }
        if (fit.dropMissing() != null) {
            rows.forEach(m -> {
                out[m.row()] = true;
                droppedByAny[m.row()] = true;
            });
            return out;
        }
        List<String> texts = rows.stream().map(MissingValues.Missing::text).toList();
        diagnostics.add(source.error(fit.pos(), "law '" + law.name().text() + "' would use " + rows.size()
                + " missing value" + (rows.size() == 1 ? "" : "s") + " of data '" + loaded.decl().name().text() + "': "
                + String.join("; ", texts.subList(0, Math.min(MissingValues.LISTED, texts.size())))
                + (texts.size() > MissingValues.LISTED ? "; and " + (texts.size() - MissingValues.LISTED) + " more" : "")
                + "; leave such rows out with 'where present(COLUMN)' or the fit clause 'drop missing',"
                + " or fill the cells in"));
        return null;
    }

    /**
     * The fit's groups for one law, without the rows it drops; a group with fewer usable runs in the window
     * than {@code min runs} is left out and remembered for the warning.
     */
    Map<String, List<Integer>> groups(BoundLaw law, boolean[] dropped, Map<String, double[]> inputValues) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> group : selection.groups().entrySet()) {
            List<Integer> members = group.getValue().stream().filter(r -> !dropped[r]).toList();
            int inWindow = (int) members.stream().filter(r -> selection.window()[r] && !selection.holdout()[r]
                    && law.law().unusable(row(inputValues, r)) == null).count();
            if (fit.minRuns() != null && inWindow < fit.minRuns().count()) {
                skipped.add(new SkippedGroup(law.name().text(), loaded.decl().name().text(), group.getKey(),
                        inWindow, fit.minRuns().count(), fit.pos().line()));
                skippedRuns.putIfAbsent(group.getKey(), inWindow);
                continue;
            }
            if (!members.isEmpty()) {
                out.put(group.getKey(), members);
            }
        }
        return out;
    }

    /** Row {@code r} of the law's inputs, in the order the law reads them. */
    private static double[] row(Map<String, double[]> inputValues, int r) {
        double[] row = new double[inputValues.size()];
        int j = 0;
        for (double[] column : inputValues.values()) {
            row[j++] = column[r];
        }
        return row;
    }

    /** Reports what was left out, once each, and gives the skipped groups. */
    List<SkippedGroup> finish() {
        int dropped = 0;
        for (boolean d : droppedByAny) {
            dropped += d ? 1 : 0;
        }
        if (dropped > 0) {
            diagnostics.add(source.warning(fit.pos(), "'drop missing' leaves out " + dropped + " row"
                    + (dropped == 1 ? "" : "s") + " of data '" + loaded.decl().name().text()
                    + "' whose law inputs read a missing value"));
        }
        if (!skippedRuns.isEmpty()) {
            List<String> listed = new ArrayList<>();
            skippedRuns.forEach((g, n) -> listed.add(g + " (" + n + ")"));
            diagnostics.add(source.warning(fit.pos(), "'min runs " + fit.minRuns().count() + "' skips "
                    + skippedRuns.size() + " group" + (skippedRuns.size() == 1 ? "" : "s") + " of data '"
                    + loaded.decl().name().text() + "' with fewer usable runs in the fit window: "
                    + String.join(", ", listed)));
        }
        return List.copyOf(skipped);
    }
}
