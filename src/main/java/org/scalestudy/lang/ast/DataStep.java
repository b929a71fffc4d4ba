package org.scalestudy.lang.ast;

/** One step of a data declaration's body. */
public sealed interface DataStep {
    Pos pos();

    /** {@code let name = expr}: a derived column. */
    record Let(Name name, Expr expr, Pos pos) implements DataStep { }

    /** {@code where expr}: keep the rows where expr holds. */
    record Where(Expr condition, Pos pos) implements DataStep { }
}
