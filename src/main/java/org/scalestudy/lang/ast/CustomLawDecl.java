package org.scalestudy.lang.ast;

import java.util.List;

/**
 * {@code law name = observed ~ formula { param ...  key: value }}: a law written in the study.
 * Names in the formula are parameters when declared with {@code param}, data columns otherwise.
 *
 * @param observed    what the formula predicts, e.g. {@code loss}
 * @param formula     the prediction, e.g. {@code E + A / params^alpha}
 * @param formulaText the formula's source text
 * @param params      the declared parameters, in order
 * @param settings    {@code key: value} settings (residuals, loss, weight, x), in order
 */
public record CustomLawDecl(Name name, Expr observed, Expr formula, String formulaText, List<Param> params,
                            List<Setting> settings, Pos pos) implements LawDeclaration {

    /**
     * {@code param name in [lo, hi] start ...}.
     *
     * @param lower  null when unbounded below
     * @param upper  null when unbounded above
     * @param starts the listed starting values, or empty
     * @param range  {@code from to to by step}, or null
     */
    public record Param(Name name, Expr lower, Expr upper, List<Expr> starts, Range range, Pos pos) { }

    /** {@code start from to to by step}. */
    public record Range(Expr from, Expr to, Expr step) { }

    /** {@code key: value}; {@code text} is the value's source text. */
    public record Setting(Name key, Expr value, String text, Pos pos) { }
}
