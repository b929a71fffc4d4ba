package org.scalestudy.lang.ast;

/** A name as written, with where it was written. */
public record Name(String text, Pos pos) {
}
