package org.scalestudy.lang.ast;

/** A {@code law} statement: an instance of a built-in kind, or a formula the study writes itself. */
public sealed interface LawDeclaration permits LawDecl, CustomLawDecl {
    Name name();

    Pos pos();
}
