package org.scalestudy.lang.ast;

import java.util.List;

/**
 * {@code compare column at target, ... [prefer higher|lower]}, a clause of a fit: rank the fit's groups that
 * differ only in {@code column} (e.g. the dataset) by the law's prediction at each target.
 *
 * @param column    the {@code by} column whose values are the choices compared
 * @param targets   where to compare, as written: a number is a value of the law's x (a forecast); a condition
 *                  selects runs, whose predictions are compared and, when they are held out, their observations
 * @param texts     each target's source text, e.g. {@code params == 1.4e9}
 * @param preferHigher true when a higher value is better, false when lower is, null when not written (the
 *                  checker takes it from the law)
 * @param pos       the clause's start
 */
public record Compare(Name column, List<Expr> targets, List<String> texts, Boolean preferHigher, Pos pos) { }
