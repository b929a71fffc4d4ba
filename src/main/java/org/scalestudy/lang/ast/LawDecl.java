package org.scalestudy.lang.ast;

import java.util.List;

/** {@code law name = kind(args)}. */
public record LawDecl(Name name, Name kind, List<Arg> args, Pos pos) implements LawDeclaration {

    /**
     * One argument: {@code name: expr} or positional {@code expr}.
     *
     * @param name null for a positional argument
     * @param text the expression's source text, for labels
     */
    public record Arg(Name name, Expr value, String text, Pos pos) { }
}
