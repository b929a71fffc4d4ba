package org.scalestudy.lang.ast;

import java.util.List;

/**
 * {@code fit law, ... to data by col, ... where expr window expr holdout expr}.
 *
 * @param where   the rows the fit considers at all; null means every row
 * @param window  the rows it is fitted on; null means every considered row not held out
 * @param holdout the rows it must predict; null means none
 * @param bootstrap resampling for intervals, or null for none
 * @param targets  x values (e.g. compute) to predict at, as written
 * @param comparisons the fit's {@code compare} clauses, in order
 * @param note     the fit's {@code note}, Markdown shown on its pages; "" when absent
 * @param share    {@code share p, ... across column}: parameters held equal across the groups that differ only in
 *                 that column; null when absent
 * @param minRuns  {@code min runs N}: groups with fewer runs in the window are skipped; null when absent
 * @param dropMissing {@code drop missing}: where the clause is written, or null when absent (then a row whose law
 *                 inputs read a missing value is an error)
 */
public record FitDecl(List<Name> laws, Name data, List<Name> groupBy, Expr where, Expr window, Expr holdout,
                      Bootstrap bootstrap, List<Expr> targets, Pos pos, List<Compare> comparisons, String note,
                      Share share, MinRuns minRuns, Pos dropMissing) {

    /** A fit without {@code min runs} or {@code drop missing}. */
    public FitDecl(List<Name> laws, Name data, List<Name> groupBy, Expr where, Expr window, Expr holdout,
                   Bootstrap bootstrap, List<Expr> targets, Pos pos, List<Compare> comparisons, String note,
                   Share share) {
        this(laws, data, groupBy, where, window, holdout, bootstrap, targets, pos, comparisons, note, share, null,
                null);
    }

    /** {@code min runs N}: the fewest runs a group needs in the fit window to be fitted. */
    public record MinRuns(int count, Pos pos) { }

    /** A fit whose groups share nothing. */
    public FitDecl(List<Name> laws, Name data, List<Name> groupBy, Expr where, Expr window, Expr holdout,
                   Bootstrap bootstrap, List<Expr> targets, Pos pos, List<Compare> comparisons, String note) {
        this(laws, data, groupBy, where, window, holdout, bootstrap, targets, pos, comparisons, note, null);
    }

    /** {@code share alpha across dataset}: the shared parameters' names and the column across which they are. */
    public record Share(List<Name> parameters, Name column, Pos pos) { }

    /** A fit without a note. */
    public FitDecl(List<Name> laws, Name data, List<Name> groupBy, Expr where, Expr window, Expr holdout,
                   Bootstrap bootstrap, List<Expr> targets, Pos pos, List<Compare> comparisons) {
        this(laws, data, groupBy, where, window, holdout, bootstrap, targets, pos, comparisons, "");
    }

    /** A fit without {@code compare} clauses. */
    public FitDecl(List<Name> laws, Name data, List<Name> groupBy, Expr where, Expr window, Expr holdout,
                   Bootstrap bootstrap, List<Expr> targets, Pos pos) {
        this(laws, data, groupBy, where, window, holdout, bootstrap, targets, pos, List.of());
    }

    /** {@code bootstrap count seed s}: resamples of the fit rows, and the seed that makes them repeatable. */
    public record Bootstrap(int resamples, long seed, Pos pos) {
        /** The most resamples a fit may ask for: each is a full refit, so this bounds a build's time. */
        public static final int MAX_RESAMPLES = 10_000;
    }
}
