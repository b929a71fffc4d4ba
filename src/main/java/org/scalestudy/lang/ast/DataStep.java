package org.scalestudy.lang.ast;

import java.util.List;

/** One step of a data declaration's body. */
public sealed interface DataStep {
    Pos pos();

    /** {@code let name = expr}: a derived column. */
    record Let(Name name, Expr expr, Pos pos) implements DataStep { }

    /**
     * {@code let name = value of condition by key, ...}: brings a run's rows together. For each row, the
     * value of {@code value} on the one row where {@code condition} holds and every key column equals
     * this row's (e.g. {@code let loss = score of (benchmark == "dclm" and metric_type == "loss") by run}).
     *
     * @param conditionText the condition as written, for messages
     */
    record Join(Name name, Expr value, Expr condition, String conditionText, List<Name> keys, Pos pos)
            implements DataStep { }

    /** {@code where expr}: keep the rows where expr holds. */
    record Where(Expr condition, Pos pos) implements DataStep { }
}
