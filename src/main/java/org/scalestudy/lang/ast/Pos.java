package org.scalestudy.lang.ast;

/** A place in a study file: 1-based line and 1-based column. */
public record Pos(int line, int column) {
}
